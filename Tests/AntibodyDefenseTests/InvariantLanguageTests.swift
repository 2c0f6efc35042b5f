import AntibodyCore
import AntibodyDefense
import Testing

@Suite struct InvariantLanguageTests {
    static let layout = StateLayout(
        schema: .standard(
            markets: ["WETH", "USDC", "WBTC"], pools: ["ETH-USDC"], vaults: ["yvUSDC"], bridges: ["portal"],
            assets: ["ETH", "USDC"]))

    func set(_ store: inout StateStore, _ path: String, _ value: Double) {
        let handle = Self.layout.handle(path: path)!
        let ok = store.set(handle, value)
        #expect(ok, "set \(path)")
    }

    @Test func issueExamplesParseCheckAndEvaluate() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let bridge = try compiler.compile("bridge.minted <= bridge.locked")
        let pool = try compiler.compile("pool.k >= pool.k@prev")
        let markets = try compiler.compile("sum(market.totalBorrows) <= sum(market.totalSupply)")
        let vault = try compiler.compile("vault.totalAssets >= vault.totalShares * vault.sharePrice@prev * 0.999")
        var store = compiler.makeStore()

        set(&store, "bridge.minted", 100)
        set(&store, "bridge.locked", 100)
        set(&store, "pool.k", 1_000_000)
        for (name, supply, borrows) in [("WETH", 100.0, 60.0), ("USDC", 1_000.0, 900.0), ("WBTC", 10.0, 1.0)] {
            set(&store, "market.totalSupply[\(name)]", supply)
            set(&store, "market.totalBorrows[\(name)]", borrows)
        }
        set(&store, "vault.totalAssets", 1_050)
        set(&store, "vault.totalShares", 1_000)
        set(&store, "vault.sharePrice", 1.05)
        store.commit(at: Timestamp(seconds: 0))
        for invariant in [bridge, pool, markets, vault] { #expect(invariant.evaluate(&store) == .holds) }

        // Break each one in turn.
        set(&store, "bridge.minted", 100.000001)
        #expect(bridge.evaluate(&store) == .violated(element: "bridge:portal"))
        set(&store, "pool.k", 999_999.99)
        #expect(pool.evaluate(&store) == .violated(element: "pool:ETH-USDC"))
        set(&store, "market.totalBorrows[WBTC]", 60)  // 1020 > 1110? no: 60+900+60 = 1020 <= 1110 holds
        #expect(markets.evaluate(&store) == .holds)
        set(&store, "market.totalBorrows[WBTC]", 151)  // 1111 > 1110
        #expect(markets.evaluate(&store) == .violated(element: nil))
        // 1000 shares × 1.05 × 0.999 = 1048.95: 1048.95 holds exactly, 1048.94 does not.
        set(&store, "vault.totalAssets", 1_048.95)
        #expect(vault.evaluate(&store) == .holds)
        set(&store, "vault.totalAssets", 1_048.94)
        #expect(vault.evaluate(&store) == .violated(element: "vault:yvUSDC"))
        #expect(vault.nodeCount == 8)
    }

    @Test func quantifiedInvariantReportsOffendingElement() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let utilization = try compiler.compile("market.totalBorrows <= market.totalSupply")
        var store = compiler.makeStore()
        set(&store, "market.totalSupply[WETH]", 10)
        set(&store, "market.totalSupply[USDC]", 10)
        set(&store, "market.totalSupply[WBTC]", 10)
        set(&store, "market.totalBorrows[USDC]", 11)
        #expect(utilization.evaluate(&store) == .violated(element: "market:USDC"))
        #expect(utilization.rangesOver == "market")
    }

    @Test func exactDecimalArithmetic() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        // 0.1 + 0.2 == 0.3 exactly in decimal, not in float.
        let decimal = try compiler.compile("0.1 + 0.2 == 0.3")
        let float = try compiler.compile("1e-1 + 2e-1 == 3e-1")
        let intDivision = try compiler.compile("7 / 2 == 3 and 7 % 2 == 1 and -7 / 2 == -3")
        let wadDivision = try compiler.compile("decimal(1) / 3 * 3 == 0.999999999999999999")
        var store = compiler.makeStore()
        #expect(decimal.evaluate(&store) == .holds)
        #expect(float.evaluate(&store) == .violated(element: nil))
        #expect(intDivision.evaluate(&store) == .holds)
        #expect(wadDivision.evaluate(&store) == .holds)
    }

    @Test func aggregatesOverCollections() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let checks = try [
            "sum(market.totalSupply) == 1110",
            "min(market.totalSupply) == 10",
            "max(market.totalSupply) == 1000",
            "count(market.totalSupply) == 3",
            "count(market.totalBorrows > market.totalSupply * 0.8) == 1",
            "max(market.totalBorrows / market.totalSupply) == 0.9",
            "min(bridge.minted, 5) == 5",
        ].map { try compiler.compile($0) }
        var store = compiler.makeStore()
        for (name, supply, borrows) in [("WETH", 100.0, 60.0), ("USDC", 1_000.0, 900.0), ("WBTC", 10.0, 1.0)] {
            set(&store, "market.totalSupply[\(name)]", supply)
            set(&store, "market.totalBorrows[\(name)]", borrows)
        }
        set(&store, "bridge.minted", 7)
        for check in checks { #expect(check.evaluate(&store) == .holds, "\(check.source)") }
    }

    @Test func timeFunctions() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let ago = try compiler.compile("ago(asset.price, 1h) == 100 or asset.price == 1")
        let drop = try compiler.compile("pct_change(asset.price, 4h) > -0.3")
        var store = compiler.makeStore()
        // Price of ETH: 100 for 4 hours (one sample a minute), then falls to 65 (−35 %).
        for minute in 0...240 {
            set(&store, "asset.price[ETH]", 100)
            set(&store, "asset.price[USDC]", 1)
            store.commit(at: Timestamp(seconds: Int64(minute) * 60))
        }
        #expect(drop.evaluate(&store) == .holds)
        set(&store, "asset.price[ETH]", 65)
        store.commit(at: Timestamp(seconds: 241 * 60))
        #expect(drop.evaluate(&store) == .violated(element: "asset:ETH"))
        #expect(ago.evaluate(&store) == .holds)
        // Four hours later at 65 the window only sees 65: no drop, and ago(…, 1h) is 65.
        for minute in 242...(241 + 241) {
            store.commit(at: Timestamp(seconds: Int64(minute) * 60))
        }
        #expect(drop.evaluate(&store) == .holds)
        #expect(ago.evaluate(&store) == .violated(element: "asset:ETH"))
    }

    /// The guarded-vault drill's invariant at its boundary: losing exactly 10 % in an hour holds
    /// (900,000 against 1,000,000 × 0.9), a cent more does not. Converting 900,000 to WAD through a
    /// floating-point multiply once made the boundary itself a violation.
    @Test func aTenPercentFloorHoldsAtExactlyNinetyPercent() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let floor = try compiler.compile("vault.totalAssets >= ago(vault.totalAssets, 1h) * 0.9")
        var store = compiler.makeStore()
        set(&store, "vault.totalAssets", 1_000_000)
        store.commit(at: Timestamp(seconds: 0))
        set(&store, "vault.totalAssets", 900_000)
        store.commit(at: Timestamp(seconds: 7_200))
        #expect(floor.evaluate(&store) == .holds)
        set(&store, "vault.totalAssets", 899_999.99)
        store.commit(at: Timestamp(seconds: 7_201))
        #expect(floor.evaluate(&store) == .violated(element: "vault:yvUSDC"))
    }

    @Test func runtimeErrorsAreNeverAPass() throws {
        var compiler = InvariantCompiler(layout: Self.layout)
        let ratio = try compiler.compile("vault.totalAssets / vault.totalShares >= 1")
        let intDiv = try compiler.compile("vault.holders / (vault.holders - vault.holders) >= 0")
        let overflow = try compiler.compile("vault.holders * vault.holders * vault.holders > 0")
        var store = compiler.makeStore()
        set(&store, "vault.totalAssets", 5)
        guard case .failed(let error, let element) = ratio.evaluate(&store) else {
            Issue.record("expected a runtime error")
            return
        }
        #expect(error.kind == .divisionByZero)
        #expect(error.position == SourcePosition(line: 1, column: 19))
        #expect(element == "vault:yvUSDC")
        #expect(!ratio.holds(&store))
        if case .failed(let e, _) = intDiv.evaluate(&store) {
            #expect(e.kind == .divisionByZero)
        } else {
            Issue.record("int division by zero must fail")
        }
        set(&store, "vault.holders", 1e13)
        if case .failed(let e, _) = overflow.evaluate(&store) {
            #expect(e.kind == .overflow)
        } else {
            Issue.record("overflow must fail")
        }
    }

    /// Ill-typed and malformed expressions: (source, line, column, words the message must contain).
    static let rejected: [(String, Int, Int, String)] = [
        ("vault.totalAsets >= 0", 1, 1, "no field 'totalAsets'"),
        ("vaults.totalAssets >= 0", 1, 1, "unknown entity 'vaults'"),
        ("vault.totalAssets >= float(vault.totalShares)", 1, 19, "mixes decimal and float"),
        ("vault.totalAssets + 1", 1, 19, "must be a condition"),
        ("vault.totalAssets >= 0 and 5", 1, 28, "needs conditions"),
        ("vault.holders >= vault.totalShares % 2", 1, 36, "not defined on decimal"),
        ("vault.holders >= 0.5 % 2", 1, 22, "'%' is not defined on decimal"),
        ("sum(protocol.tvl) > 0", 1, 5, "ranges over nothing"),
        ("sum(sum(market.totalSupply)) > 0", 1, 5, "cannot be nested"),
        ("vault.totalAssets >= market.totalSupply", 1, 19, "mixes vault and market"),
        ("(vault.totalAssets + vault.totalShares)@prev > 0", 1, 40, "@prev applies to a field"),
        ("ago(asset.price, 5) > 0", 1, 18, "must be a duration"),
        ("ago(asset.price + 1, 1h) > 0", 1, 17, "applies to a field"),
        ("frobnicate(vault.totalAssets) > 0", 1, 1, "unknown function"),
        ("vault.totalAssets >= 1h", 1, 22, "needs numbers"),
        ("vault.totalAssets = 1", 1, 19, "'=' is not an operator"),
        ("vault.totalAssets >= (1 + 2", 1, 28, "expected ')'"),
        ("1 < 2 < 3", 1, 7, "cannot be chained"),
        ("vault.totalAssets >= 3x", 1, 22, "unknown unit"),
        ("vault.totalAssets >= 0 $", 1, 24, "unexpected character"),
        ("pool.k >=\n  pool.k@next", 2, 10, "expected 'prev'"),
        ("not vault.totalAssets", 1, 5, "'not' needs a condition"),
        ("vault.totalAssets >= 1.0000000000000000001", 1, 22, "fractional digits"),
    ]

    @Test(arguments: rejected)
    func illTypedExpressionsAreRejectedWithPositions(_ source: String, _ line: Int, _ column: Int, _ words: String) {
        var compiler = InvariantCompiler(layout: Self.layout)
        do {
            _ = try compiler.compile(source)
            Issue.record("accepted: \(source)")
        } catch {
            #expect(error.position == SourcePosition(line: line, column: column), "\(source): \(error)")
            #expect(error.message.contains(words), "\(source): \(error.message)")
            #expect(!error.hint.isEmpty)
        }
    }

    @Test func suggestionsForMisspelledFields() {
        var compiler = InvariantCompiler(layout: Self.layout)
        #expect(throws: InvariantError.self) { try compiler.compile("vault.totalAsets > 0") }
        do {
            _ = try compiler.compile("vault.totalAsets > 0")
        } catch {
            #expect(error.hint.contains("did you mean 'totalAssets'"))
            #expect(error.isUnknownField)
        }
    }

    @Test func hostileInputDoesNotCrash() {
        var compiler = InvariantCompiler(layout: Self.layout)
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: InvariantError.self) { try compiler.compile(deep) }
        #expect(throws: InvariantError.self) { try compiler.compile(String(repeating: "-", count: 200) + "1 > 0") }
        #expect(throws: InvariantError.self) { try compiler.compile("") }
        #expect(throws: InvariantError.self) { try compiler.compile("é > 1") }
        #expect(throws: InvariantError.self) { try compiler.compile("99999999999999999999999999999999999999999 > 1") }
    }
}
