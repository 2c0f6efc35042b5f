import AntibodyCore
import AntibodySim
import Testing

@Suite struct LendingAMMMarketTests {
    static func crash() -> MarketParameters {
        var p = MarketParameters()
        p.steps = 24 * 60
        p.volatility = 1.2
        p.drift = -4  // a steep bear market: positions must be liquidated
        return p
    }

    @Test func crashLiquidatesBorrowersAndIsDeterministic() throws {
        var defence = NoDefence()
        var a = try LendingAMMMarket(parameters: Self.crash(), rng: Xoshiro256StarStar(seed: 5))
        let first = try a.run(defence: &defence)
        var b = try LendingAMMMarket(parameters: Self.crash(), rng: Xoshiro256StarStar(seed: 5))
        #expect(try b.run(defence: &defence) == first)
        #expect(first.finalPrice < 2_000)
        #expect(first.liquidationsExecuted > 0)
        #expect(first.borrowersLiquidated > 0)
        #expect(first.liquidatorProfitUSD > 0)
        #expect(first.badDebtUSD >= 0)
        #expect(first.arbitrageProfitUSD > 0)
    }

    @Test func pausedLiquidationsAreBlockedAndCounted() throws {
        var defence = ClosureDefence { o, rails in
            if o.stream == "WETH/USD" { rails.pauseLiquidations("market:WETH") }
        }
        var m = try LendingAMMMarket(parameters: Self.crash(), rng: Xoshiro256StarStar(seed: 5))
        let outcome = try m.run(defence: &defence)
        #expect(outcome.liquidationsExecuted == 0)
        #expect(outcome.liquidationsBlocked > 0)
    }

    @Test func hasAHundredAgents() {
        #expect(MarketParameters().agentCount == 100)
        var bad = MarketParameters()
        bad.targetLeverageHigh = 1.5
        #expect(throws: SimError.self) { try LendingAMMMarket(parameters: bad, rng: Xoshiro256StarStar(seed: 1)) }
    }
}
