import AntibodyCore
import AntibodyDefense
import AntibodyEngine
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

@Suite struct PolicyTests {
    @Test(arguments: ["aave-like-lending", "erc4626-vault", "lock-and-mint-bridge", "lending-volatility-forecaster"])
    func examplePoliciesPassCheck(_ name: String) throws {
        let policy = try Policy.load(contentsOf: "\(repositoryRoot)/policies/\(name).toml")
        #expect(!policy.invariants.isEmpty)
        #expect(policy.governance != nil)
    }

    @Test(arguments: ["aave-like-lending", "erc4626-vault", "lock-and-mint-bridge"])
    func examplePoliciesLoadWithWindowsLineEnds(_ name: String) throws {
        let text = try String(contentsOfFile: "\(repositoryRoot)/policies/\(name).toml", encoding: .utf8)
        let lf = try Policy.load(source: text, file: "p.toml")
        let crlf = try Policy.load(source: text.replacingOccurrences("\n", "\r\n"), file: "p.toml")
        #expect(crlf.invariants.map(\.position) == lf.invariants.map(\.position))
        #expect(crlf.detectors.map(\.name) == lf.detectors.map(\.name))
    }

    @Test func lendingPolicyModel() throws {
        let policy = try Policy.load(contentsOf: "\(repositoryRoot)/policies/aave-like-lending.toml")
        #expect(policy.assets == ["WETH", "WBTC", "USDC"])
        #expect(policy.detectors.map(\.name) == ["weth-jump", "wbtc-jump", "wbtc-ewma", "usdc-peg"])
        #expect(
            policy.detectors[0].breaker == 0 && policy.detectors[1].breaker == 1 && policy.detectors[3].breaker == nil)
        #expect(policy.detectors[1].maxMove == 0.05)
        #expect(policy.breakers[1].scope == .market("WBTC") && policy.breakers[1].tripAfter == 1)
        #expect(policy.breakers[0].cooldown == .minutes(30))
        #expect(policy.outflowLimits[0].configuration.minLiquidityRetainedBps == 7000)
        #expect(policy.outflowLimits[0].configuration.withdrawalPeriod == 14_400)
        #expect(policy.haircuts?.configuration.baseLTV == [0.80, 0.73])
        #expect(policy.invariants.map(\.named.name) == ["solvency", "utilization", "no-crash"])
        #expect(policy.invariants[1].named.invariant.rangesOver == "market")
        #expect(policy.governance?.unpauseThreshold == 3)
        #expect(policy.pauseDecision?.valueAtRiskUSD == 50_000_000)
    }

    @Test func vaultPolicyCustomFieldAndGuardedExecution() throws {
        let policy = try Policy.load(contentsOf: "\(repositoryRoot)/policies/erc4626-vault.toml")
        #expect(policy.schema.entity(named: "vault")?.entity.type(of: "pendingWithdrawals") == .decimal)
        let layout = StateLayout(schema: policy.schema)
        var executor = GuardedExecutor(store: policy.compiler.makeStore(), invariants: policy.invariants.map(\.named))
        let assets = layout.handle(path: "vault.totalAssets")!
        let shares = layout.handle(path: "vault.totalShares")!
        let price = layout.handle(path: "vault.sharePrice")!
        executor.load(at: Timestamp(seconds: 0)) {
            $0.set(assets, 1_000)
            $0.set(shares, 1_000)
            $0.set(price, 1)
        }
        let donation = GuardedExecutor.Transition(account: "0xbad", touches: [.vault("yvUSDC")], label: "donation") {
            $0.set(assets, 2_000)
            $0.set(price, 2)
        }
        guard case .reverted(let violations, _) = executor.execute(donation, at: Timestamp(seconds: 1)) else {
            Issue.record("donation must revert")
            return
        }
        #expect(violations.map(\.invariant) == ["share-price-jump"])
    }

    static let base = """
        version = 1
        [protocol]
        name = "P"
        chain_id = 1
        kind = "lending"
        assets = ["WETH", "USDC"]
        markets = ["WETH", "USDC"]

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var line: Int
        var column: Int
        var words: String
        var testDescription: String { "\(line):\(column) \(words)" }
        init(_ source: String, _ line: Int, _ column: Int, _ words: String) {
            self.source = source
            self.line = line
            self.column = column
            self.words = words
        }
    }

    static let feed = "[[feeds]]\nasset = \"WETH\"\n"
    static let detector = "[[detectors]]\nname = \"d\"\nstream = \"WETH\"\nkind = \"return-z\"\n"
    static let breaker =
        "[[responses.breakers]]\nname = \"b\"\nscope = \"market:WETH\"\ncooldown = \"30m\"\nprobe = \"5m\"\n"
    static let invariant = "[[invariants]]\nname = \"i\"\n"
    static let limit = "[[responses.outflow_limits]]\nasset = \"WETH\"\n"
    static let haircut = "[responses.haircuts]\nmax_step = 0.02\nmin_interval = \"6h\"\n"
    static let governance = "[governance]\ntimelock = \"1h\"\n"
    static let signers =
        "signers = [\"0x1111111111111111111111111111111111111111\", \"0x2222222222222222222222222222222222222222\"]\n"

    static let malformed: [Case] = [
        Case(base + "colour = \"red\"\n", 8, 1, "unknown key 'colour' in [protocol]"),
        Case(base + "marketz = [\"X\"]\n", 8, 1, "unknown key 'marketz'"),
        Case(base.replacingOccurrences("version = 1", "version = 2"), 1, 11, "'version' is 2, outside 1…1"),
        Case(base.replacingOccurrences("version = 1\n", ""), 1, 1, "missing required key 'version'"),
        Case(base.replacingOccurrences("chain_id = 1", "chain_id = \"1\""), 4, 12, "must be an integer, not a string"),
        Case(base.replacingOccurrences("chain_id = 1", "chain_id = 0"), 4, 12, "outside 1…4294967295"),
        Case(base.replacingOccurrences("kind = \"lending\"", "kind = \"dex\""), 5, 8, "'kind' is \"dex\""),
        Case(
            base.replacingOccurrences("assets = [\"WETH\", \"USDC\"]", "assets = \"WETH\""), 6, 10,
            "must be an array of strings"),
        Case(base + "[[feeds]]\nasset = \"DOGE\"\n", 9, 9, "not in protocol.assets"),
        Case(base + feed + "min_price = 10\nmax_price = 5\n", 11, 13, "not above min_price"),
        Case(base + feed + "max_staleness = \"1 hour\"\n", 10, 17, "not a duration"),
        Case(base + feed + "max_staleness = 3600\n", 10, 17, "must be a duration string"),
        Case(base + "[[detectors]]\nname = \"d\"\nstream = \"WETH\"\nkind = \"lstm\"\n", 11, 8, "'kind' is \"lstm\""),
        Case(
            base + "[[detectors]]\nname = \"d\"\nstream = \"DOGE\"\nkind = \"return-z\"\n", 10, 10,
            "watches 'DOGE', which is not in protocol.assets"),
        Case(base + detector + "breaker = \"nope\"\n", 12, 11, "feeds breaker 'nope', which is not defined"),
        Case(base + detector + "threshold = 1.5\n", 12, 13, "outside 0…1"),
        Case(base + detector + "window = 1\n", 12, 10, "'window' is 1, outside 2…100000"),
        Case(base + "[[detectors]]\nname = \"d\"\nstream = \"WETH\"\n", 8, 1, "missing required key 'kind'"),
        Case(base + detector + detector, 13, 8, "already used by detectors[0]"),
        Case(base + invariant + "expression = \"market.totalBorrow <= 1\"\n", 10, 15, "has no field 'totalBorrow'"),
        Case(
            base + invariant + "expression = \"market.totalBorrows >= market.price\"\n", 10, 35,
            "mixes decimal and float"),
        Case(base + invariant + "expression = \"market.totalBorrows >= \"\n", 10, 38, "expected an operand"),
        Case(base + invariant + "expression = \"vault.totalAssets > 0\"\n", 10, 15, "declares none"),
        Case(
            base + invariant + "expression = \"market.ltv > 0\"\nresponse = \"explode\"\n", 11, 12,
            "'response' is \"explode\""),
        Case(
            base + invariant + "expression = \"market.ltv > 0\"\nseverity = \"urgent\"\n", 11, 12,
            "'severity' is \"urgent\""),
        Case(
            base + breaker.replacingOccurrences("market:WETH", "market:DOGE"), 10, 9,
            "refers to market 'DOGE', which the protocol does not declare"),
        Case(base + breaker.replacingOccurrences("market:WETH", "planet:X"), 10, 9, "is malformed"),
        Case(base + breaker.replacingOccurrences("cooldown = \"30m\"\n", ""), 8, 1, "missing required key 'cooldown'"),
        Case(base + breaker + "trip_after = 0\n", 13, 14, "outside 1…10000"),
        Case(base + breaker.replacingOccurrences("\"30m\"", "\"-5m\""), 11, 12, "not a duration"),
        Case(base + limit + "min_retained_bps = 12000\n", 10, 20, "outside 1…10000"),
        Case(base + limit + "min_retained_bps = 7000\ntick = \"7m\"\n", 11, 8, "does not divide the window"),
        Case(
            base + haircut + "assets = [\"WETH\", \"USDC\"]\nbase_ltv = [0.8]\nfloor = 0.5\nceiling = 0.9\n", 12, 12,
            "base_ltv has 1 values for 2 assets"),
        Case(
            base + haircut + "assets = [\"WETH\"]\nbase_ltv = [0.8]\nfloor = 0.9\nceiling = 0.5\n", 13, 9,
            "floor 0.9 is above ceiling 0.5"),
        Case(
            base + haircut + "assets = [\"DAI\"]\nbase_ltv = [0.8]\nfloor = 0.5\nceiling = 0.9\n", 11, 11,
            "'DAI' is not a declared market"),
        Case(
            base + governance + "signers = [\"0x12\"]\npause_threshold = 1\nunpause_threshold = 1\n", 10, 12,
            "not a 20-byte hex address"),
        Case(
            base + governance + signers + "pause_threshold = 3\nunpause_threshold = 3\n", 11, 19,
            "pause_threshold 3 exceeds the 2 signers"),
        Case(
            base + governance + signers + "pause_threshold = 2\nunpause_threshold = 1\n", 12, 21,
            "unpause_threshold 1 is below pause_threshold 2"),
        Case(
            base + haircut + "assets = [\"WETH\"]\nbase_ltv = [0.8]\nfloor = 0.5\nceiling = 0.9\n" + governance
                + signers
                + "pause_threshold = 1\nunpause_threshold = 2\n[governance.bounds]\nmax_ltv_step = 0.01\n", 9, 12,
            "exceeds governance.bounds.max_ltv_step"),
        Case(base + "[responses]\nbreakers = 5\n", 9, 12, "must be an array of tables"),
        Case(base + "[extras]\nx = 1\n", 8, 1, "unknown key 'extras'"),
        Case(
            base + "[responses.pause_decision]\nexpected_pause_hours = 1\nfees_per_hour_usd = 1\n"
                + "user_cost_per_hour_usd = 1\nvalue_at_risk_usd = -1\n", 12, 21, "outside 0…1000000000000000"),
        Case(
            base + "[[protocol.fields]]\nentity = \"market\"\nname = \"price\"\ntype = \"float\"\n", 10, 8,
            "market.price is a built-in field"),
        Case(
            base + "[[protocol.fields]]\nentity = \"market\"\nname = \"1x\"\ntype = \"float\"\n", 10, 8,
            "is not an identifier"),
        Case(
            base.replacingOccurrences("markets = [\"WETH\", \"USDC\"]", "markets = [\"WETH\", \"WETH\"]"), 7, 20,
            "'WETH' is declared twice"),
        Case(base + invariant + "expression = 42\n", 10, 14, "'expression' must be a string, not an integer"),
    ]

    @Test(arguments: malformed)
    func malformedPolicyGivesPositionAndMessage(_ c: Case) {
        do {
            _ = try Policy.load(source: c.source, file: "p.toml")
            Issue.record("accepted:\n\(c.source)")
        } catch {
            let match = error.diagnostics.first { $0.message.contains(c.words) }
            #expect(match != nil, "no diagnostic with '\(c.words)' in:\n\(error)")
            if let match {
                #expect(match.position == SourcePosition(line: c.line, column: c.column), "\(match)")
                #expect(!match.hint.isEmpty)
                #expect(match.file == "p.toml")
            }
        }
    }

    @Test func tomlSyntaxErrorHasPosition() {
        do {
            _ = try Policy.load(source: Self.base + "name = \n", file: "p.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].position.line == 8)
            #expect(error.diagnostics[0].message.hasPrefix("TOML syntax"))
        }
    }

    @Test func hostileSourcesDoNotCrash() {
        let inputs = [
            "", "\u{0}", String(repeating: "[", count: 5_000),
            "version = 1\n" + String(repeating: "a.", count: 2_000) + "b = 1",
            "version = 99999999999999999999999", "[protocol]\nassets = [" + String(repeating: "[", count: 500),
            "version = 1\n  [[[invariants]]\n", "[=a]\n", "[[=a]]\n", "[.a]\n", "[ .a]\n",
            "version = 1\r\n[.a]\r\n", "version = 1\r\n[\r\n", "[a.é]\n", "a = { b = [ { c = \"\"\"",
        ]
        for input in inputs {
            #expect(throws: PolicyError.self) { try Policy.load(source: input, file: "x.toml") }
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

@Suite struct PolicySchemaFileTests {
    @Test func committedSchemaMatchesTheValidator() throws {
        let committed = try String(contentsOfFile: "\(repositoryRoot)/schemas/policy.schema.json", encoding: .utf8)
        #expect(
            committed == PolicySchema.jsonSchema(),
            "regenerate with: antibody policy schema > schemas/policy.schema.json")
    }
}
