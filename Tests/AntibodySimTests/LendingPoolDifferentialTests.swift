import AntibodyMath
import AntibodySim
import Testing

/// Replays `aave_v3_operations.json` (1,600 operations in four sequences computed in Python from
/// the Aave v3 Solidity) and requires every index, rate, balance, health factor and revert reason
/// to match exactly after every operation.
@Suite struct LendingPoolDifferentialTests {
    nonisolated(unsafe) static let fixture = try! Fixtures.load("aave_v3_operations.json")

    static func configurations() -> [ReserveConfiguration] {
        (fixture["reserves"] as! [[String: Any]]).map { r in
            ReserveConfiguration(
                symbol: r["symbol"] as! String, decimals: Int(r["decimals"] as! String)!, ltv: r.u256("ltv"),
                liquidationThreshold: r.u256("liquidationThreshold"), liquidationBonus: r.u256("liquidationBonus"),
                reserveFactor: r.u256("reserveFactor"), optimalUsageRatio: r.u256("optimalUsageRatio"),
                baseVariableBorrowRate: r.u256("baseVariableBorrowRate"),
                variableRateSlope1: r.u256("variableRateSlope1"), variableRateSlope2: r.u256("variableRateSlope2"))
        }
    }

    @Test func fixtureHasAThousandOperations() {
        let ops = (Self.fixture["sequences"] as! [[String: Any]]).flatMap { $0["operations"] as! [[String: Any]] }
        #expect(ops.count >= 1_000)
        #expect(ops.filter { $0["op"] as! String == "liquidate" && ($0.dict("expect")["ok"] as! Bool) }.count >= 20)
    }

    @Test(arguments: 0..<4)
    func sequenceMatchesReference(index: Int) throws {
        let sequence = (Self.fixture["sequences"] as! [[String: Any]])[index]
        var pool = try LendingPool(
            configurations: Self.configurations(),
            prices: (sequence["prices"] as! [String]).map { UInt256(decimal: $0)! }, now: sequence.uint64("start"))
        for wallet in sequence["wallets"] as! [[String]] {
            try pool.addAccount(wallet: wallet.map { UInt256(decimal: $0)! })
        }
        var failures: [String] = []
        for op in sequence["operations"] as! [[String: Any]] {
            let step = op.int("step")
            let expect = op.dict("expect")
            var result: [String: UInt256] = [:]
            var revert: String? = nil
            do {
                switch op["op"] as! String {
                case "advance": pool.advance(seconds: op.uint64("seconds"))
                case "price": try pool.setPrice(op.u256("price"), of: op.int("asset"))
                case "supply": try pool.supply(op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
                case "withdraw":
                    result["withdrawn"] = try pool.withdraw(
                        op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
                case "borrow": try pool.borrow(op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
                case "repay":
                    result["repaid"] = try pool.repay(op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
                case "liquidate":
                    let l = try pool.liquidate(
                        liquidator: op.int("liquidator"), user: op.int("user"), collateral: op.int("collateral"),
                        debt: op.int("debt"), debtToCover: op.u256("debtToCover"))
                    result = [
                        "debtRepaid": l.debtRepaid, "collateralSeized": l.collateralSeized,
                        "healthFactorBefore": l.healthFactorBefore,
                    ]
                default: Issue.record("unknown op \(op["op"]!)")
                }
            } catch {
                revert = error.revertReason ?? "input: \(error.message)"
            }
            if (expect["ok"] as! Bool) != (revert == nil) || (revert != nil && revert != expect["revert"] as? String) {
                failures.append(
                    "step \(step) \(op["op"]!): expected \(expect["revert"] ?? "ok"), got \(revert ?? "ok")")
                continue
            }
            if revert == nil, let expectedResult = expect["result"] as? [String: Any] {
                for (key, _) in expectedResult where result[key] != expectedResult.u256(key) {
                    failures.append("step \(step): \(key) \(String(describing: result[key])) ≠ \(expectedResult[key]!)")
                }
            }
            for (i, r) in (expect["reserves"] as! [[String: Any]]).enumerated() {
                let s = pool.reserves[i]
                let fields: [(String, UInt256)] = [
                    ("liquidityIndex", s.liquidityIndex), ("variableBorrowIndex", s.variableBorrowIndex),
                    ("liquidityRate", s.liquidityRate), ("variableBorrowRate", s.variableBorrowRate),
                    ("accruedToTreasury", s.accruedToTreasury), ("scaledVariableDebt", s.scaledVariableDebt),
                    ("scaledSupply", s.scaledSupply), ("underlying", s.underlying),
                ]
                for (name, value) in fields where value != r.u256(name) {
                    failures.append("step \(step): reserve \(i) \(name) \(value) ≠ \(r[name]!)")
                }
                if s.lastUpdate != r.uint64("lastUpdate") { failures.append("step \(step): reserve \(i) lastUpdate") }
            }
            if let user = op["user"] as? Int {
                let account = expect.dict("account")
                let data = try pool.accountData(user)
                let fields: [(String, UInt256)] = [
                    ("collateral", data.collateral), ("debt", data.debt), ("ltv", data.ltv),
                    ("liquidationThreshold", data.liquidationThreshold), ("healthFactor", data.healthFactor),
                ]
                for (name, value) in fields where value != account.u256(name) {
                    failures.append("step \(step): account \(user) \(name) \(value) ≠ \(account[name]!)")
                }
                let a = pool.accounts[user]
                if a.scaledSupply.map(\.description) != expect["scaledSupply"] as! [String]
                    || a.scaledDebt.map(\.description) != expect["scaledDebt"] as! [String]
                    || a.usingAsCollateral != expect["collateralFlags"] as! [Bool]
                    || a.borrowing != expect["borrowingFlags"] as! [Bool]
                {
                    failures.append(
                        "step \(step): account \(user) balances or flags differ: \(a.scaledSupply) \(a.scaledDebt) "
                            + "\(a.usingAsCollateral) \(a.borrowing) vs \(expect["scaledSupply"]!) \(expect["scaledDebt"]!) "
                            + "\(expect["collateralFlags"]!) \(expect["borrowingFlags"]!)")
                }
            }
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Property: the health factor always equals Σ collateralᵢ·priceᵢ·thresholdᵢ / Σ debtⱼ·priceⱼ
    /// recomputed from the positions (to WAD rounding), and a liquidation is possible exactly when
    /// it is below 1.
    @Test func healthFactorIsConsistentWithPositions() throws {
        let sequence = (Self.fixture["sequences"] as! [[String: Any]])[3]
        var pool = try LendingPool(
            configurations: Self.configurations(),
            prices: (sequence["prices"] as! [String]).map { UInt256(decimal: $0)! }, now: sequence.uint64("start"))
        for wallet in sequence["wallets"] as! [[String]] {
            try pool.addAccount(wallet: wallet.map { UInt256(decimal: $0)! })
        }
        var checked = 0
        for op in sequence["operations"] as! [[String: Any]] {
            switch op["op"] as! String {
            case "advance": pool.advance(seconds: op.uint64("seconds"))
            case "price": try pool.setPrice(op.u256("price"), of: op.int("asset"))
            case "supply": try? pool.supply(op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
            case "borrow": try? pool.borrow(op.int("user"), asset: op.int("asset"), amount: op.u256("amount"))
            default: break
            }
            for user in 0..<5 {
                let data = try pool.accountData(user)
                var weighted = 0.0, debt = 0.0
                for i in pool.reserves.indices {
                    let unit = Double(pool.reserves[i].configuration.unit)
                    let price = Double(pool.prices[i]) / 1e8
                    if pool.accounts[user].usingAsCollateral[i] {
                        weighted +=
                            Double(try pool.supplied(user, asset: i)) / unit * price
                            * Double(pool.reserves[i].configuration.liquidationThreshold) / 10_000
                    }
                    debt += Double(try pool.debt(user, asset: i)) / unit * price
                }
                if debt * 1e8 < 1 {
                    #expect(data.healthFactor == .max || data.debt <= 1)
                } else if data.debt > 1_000 {
                    // Aave truncates the collateral-weighted threshold to whole basis points, so the
                    // contract's HF sits at most one bp of the threshold below the exact ratio.
                    let hf = Double(data.healthFactor) / 1e18
                    let exact = weighted / debt
                    let slack = 1 / Double(data.liquidationThreshold) + 1e-7
                    #expect(hf <= exact * (1 + 1e-7) && hf >= exact * (1 - slack), "user \(user): \(hf) vs \(exact)")
                    #expect(data.isLiquidatable == (data.healthFactor < 1_000_000_000_000_000_000))
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
