import AntibodyCore
import AntibodyDefense
import AntibodyEngine
import AntibodyMath
import AntibodyReport
import AntibodySim
import AntibodyTOML
import Foundation

/// Reads scenario files (TOML) into ``ScenarioSpec``s, with `file:line:column` and a hint in every
/// error. The format is documented in docs/scenarios.md.
public enum ScenarioLoader {
    /// Largest scenario file accepted, bytes.
    public static let maxFileSize = 1 << 20

    /// Loads the scenario at `path`.
    public static func load(contentsOf path: String) throws(ScenarioError) -> ScenarioSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missingFile(path, namedIn: path, line: 1, column: 1, what: "scenario file")
        }
        guard data.count <= maxFileSize, let text = String(data: data, encoding: .utf8) else {
            throw .invalid(
                path, line: 1, column: 1, "the file is larger than 1 MiB or not UTF-8",
                hint: "a scenario is a small UTF-8 TOML file")
        }
        return try load(source: text, file: path)
    }

    /// Parses `source`; `file` names it in errors and anchors relative paths.
    public static func load(source: String, file: String) throws(ScenarioError) -> ScenarioSpec {
        let table: TOMLTable
        do {
            table = try TOMLTable.parse(source, maxBytes: maxFileSize)
        } catch {
            throw .invalid(
                file, line: error.position.line, column: error.position.column,
                error.isLimit ? error.message : "TOML syntax: \(error.message)", hint: error.hint)
        }
        var r = Reader(file: file, index: TOMLPositionIndex(table))
        return try r.spec(table)
    }

    struct Reader {
        let file: String
        let index: TOMLPositionIndex

        func fail(_ path: String, _ message: String, hint: String, onKey: Bool = false) -> ScenarioError {
            let e = index.entry(for: path)
            let p = onKey ? e.key : e.value
            return .invalid(file, line: p.line, column: p.column, message, hint: hint)
        }

        func resolve(_ path: String) -> String {
            if path.hasPrefix("/") { return path }
            if path.hasPrefix("data:") {
                let root = ProcessInfo.processInfo.environment["ANTIBODY_DATA"] ?? "/work/shared/data"
                return root + "/" + path.dropFirst(5)
            }
            let dir = (file as NSString).deletingLastPathComponent
            return dir.isEmpty ? path : dir + "/" + path
        }

        func checkKeys(_ t: TOMLTable, _ allowed: [String], path: String) throws(ScenarioError) {
            for key in t.keys.sorted() where !allowed.contains(key) {
                throw fail(
                    path.isEmpty ? key : "\(path).\(key)",
                    "unknown key '\(key)'" + (path.isEmpty ? "" : " in [\(path)]"),
                    hint: "allowed keys: " + allowed.joined(separator: ", "), onKey: true)
            }
        }

        func string(_ t: TOMLTable, _ key: String, path: String, required: Bool = true) throws(ScenarioError) -> String?
        {
            guard let v = t[key] else {
                if required {
                    throw fail(path, "missing required key '\(key)' in [\(path)]", hint: "add \(key) = \"…\"")
                }
                return nil
            }
            guard let s = v.string else {
                throw fail("\(path).\(key)", "'\(key)' must be a string", hint: "quote it: \(key) = \"…\"")
            }
            return s
        }

        mutating func spec(_ root: TOMLTable) throws(ScenarioError) -> ScenarioSpec {
            try checkKeys(root, ["scenario", "streams", "parameters"], path: "")
            guard let s = root["scenario"]?.table else {
                throw fail("scenario", "missing [scenario] table", hint: "start the file with [scenario] name = \"…\"")
            }
            try checkKeys(
                s,
                [
                    "name", "kind", "title", "model", "policy", "seed", "facts", "limitations", "chart",
                    "attack_start_observation", "history_minutes",
                ], path: "scenario")
            let name = try string(s, "name", path: "scenario")!
            guard !name.isEmpty, name.count <= 100,
                name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
            else {
                throw fail(
                    "scenario.name", "name '\(name)' must be 1–100 letters, digits, '-', '_' or '.'",
                    hint: "use a short slug such as \"bzx-2020\"")
            }
            let kindText = try string(s, "kind", path: "scenario")!
            guard let kind = ScenarioKind(rawValue: kindText) else {
                throw fail("scenario.kind", "kind '\(kindText)' is not allowed", hint: "use \"attack\" or \"control\"")
            }
            let modelName = try string(s, "model", path: "scenario")!
            guard ScenarioModel.names.contains(modelName) else {
                throw fail(
                    "scenario.model", "unknown model '\(modelName)'",
                    hint: "use one of " + ScenarioModel.names.joined(separator: ", "))
            }
            var seed: UInt64 = 1
            if let v = s["seed"] {
                guard v.type == .int, let i = v.int, i >= 0 else {
                    throw fail("scenario.seed", "'seed' must be a non-negative integer", hint: "e.g. seed = 1")
                }
                seed = UInt64(i)
            }
            var start = 1
            if let v = s["attack_start_observation"] {
                guard v.type == .int, let i = v.int, (0...1_000_000).contains(i) else {
                    throw fail(
                        "scenario.attack_start_observation", "must be an integer 0…1000000",
                        hint: "the index of the first observation after the first malicious transaction")
                }
                start = i
            }
            var history = 60
            if let v = s["history_minutes"] {
                guard v.type == .int, let i = v.int, (0...10_080).contains(i) else {
                    throw fail(
                        "scenario.history_minutes", "must be an integer 0…10080",
                        hint: "minutes of calm history the sentinel has seen before the scenario starts")
                }
                history = i
            }
            let policyPath = try string(s, "policy", path: "scenario")!
            let resolvedPolicy = resolve(policyPath)
            guard FileManager.default.fileExists(atPath: resolvedPolicy) else {
                let p = index.entry(for: "scenario.policy").value
                throw .missingFile(resolvedPolicy, namedIn: file, line: p.line, column: p.column, what: "policy file")
            }
            let policy: Policy
            do {
                policy = try Policy.load(contentsOf: resolvedPolicy)
            } catch {
                let p = index.entry(for: "scenario.policy").value
                throw .invalid(
                    file, line: p.line, column: p.column, "the policy is invalid:\n\(error.description)",
                    hint: "fix the policy file (antibody policy check \(resolvedPolicy))")
            }
            var streams: [String: StreamMapping] = [:]
            if let st = root["streams"]?.table {
                for key in st.keys.sorted() {
                    guard let text = st[key]?.string, let mapping = Self.mapping(text) else {
                        throw fail(
                            "streams.\(key)",
                            "stream '\(key)' must map to \"asset:NAME\", \"state:PATH\", "
                                + "\"cumulative:PATH\" or \"outflow:ASSET\"",
                            hint: "e.g. \"TOKEN/USD\" = \"asset:TOKEN\"")
                    }
                    if case .asset(let a) = mapping, !policy.assets.contains(a) {
                        throw fail(
                            "streams.\(key)", "asset '\(a)' is not declared in the policy's [protocol] assets",
                            hint: "declared assets: " + policy.assets.joined(separator: ", "))
                    }
                    streams[key] = mapping
                }
            }
            let params = root["parameters"]?.table ?? TOMLTable()
            let model = try self.model(modelName, params, seed: seed)
            return ScenarioSpec(
                name: name, kind: kind, title: try string(s, "title", path: "scenario", required: false) ?? name,
                facts: try string(s, "facts", path: "scenario", required: false) ?? "",
                limitations: try string(s, "limitations", path: "scenario", required: false) ?? "",
                file: file, model: model, policy: policy, policyFile: resolvedPolicy, seed: seed, streams: streams,
                chart: try string(s, "chart", path: "scenario", required: false), attackStartObservation: start,
                historyMinutes: history)
        }

        static func mapping(_ text: String) -> StreamMapping? {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let head = text[..<colon], tail = String(text[text.index(after: colon)...])
            guard !tail.isEmpty else { return nil }
            switch head {
            case "asset": return .asset(tail)
            case "state": return .state(path: tail, cumulative: false)
            case "cumulative": return .state(path: tail, cumulative: true)
            case "outflow": return .outflow(asset: tail)
            default: return nil
            }
        }

        func model(_ name: String, _ p: TOMLTable, seed: UInt64) throws(ScenarioError) -> ScenarioModel {
            var q = Params(table: p, reader: self)
            let model: ScenarioModel
            switch name {
            case "flash-loan-oracle":
                var a = FlashLoanOracleAttack()
                a.pairUSDC = try q.usdc("pair_usd", default: 1_000_000)
                a.pairToken = UInt256(a.pairUSDC) * 1_000_000_000_000  // TOKEN at $1, 18 decimals
                a.supplied = try q.usdc("supplied_usd", default: 20_000_000)
                a.flash = try q.usdc("flash_usd", default: 3_000_000)
                model = .flashLoanOracle(a)
            case "twap-manipulation":
                var a = TWAPManipulationAttack()
                a.capital = try q.usdc("capital_usd", default: 3_000_000)
                a.supplied = try q.usdc("supplied_usd", default: 20_000_000)
                a.holdBlocks = Int(try q.number("hold_blocks", default: 60, 1...10_000))
                model = .twapManipulation(a)
            case "self-collateral":
                var a = SelfCollateralAttack()
                a.pumpCapital = try q.usdc("pump_usd", default: 800_000)
                a.suppliedUSDC = try q.usdc("supplied_usd", default: 30_000_000)
                model = .selfCollateral(a)
            case "vault-inflation":
                var a = VaultInflationAttack()
                a.victimDeposit = try q.usdc("victim_deposit_usd", default: 1_000_000)
                model = .vaultInflation(a)
            case "governance-takeover":
                var a = GovernanceTakeoverAttack()
                a.treasury = try q.usdc("treasury_usd", default: 80_000_000)
                model = .governanceTakeover(a)
            case "bridge-forgery":
                var a = BridgeForgeryAttack()
                a.locked = try q.usdc("locked_usd", default: 190_000_000)
                a.chunk = try q.usdc("chunk_usd", default: 10_000_000)
                model = .bridgeForgery(a)
            case "adaptive-bridge":
                model = .adaptiveBridge(
                    limit: try q.number("limit", default: 1_000_000, 1...1e12),
                    window: Int64(try q.number("window_seconds", default: 14_400, 1...1e7)),
                    horizon: Int64(try q.number("horizon_seconds", default: 86_400, 1...1e8)))
            case "adaptive-oracle-creep":
                model = .adaptiveOracleCreep(
                    threshold: try q.number("threshold", default: 0.04, 0.001...1),
                    targetMultiple: try q.number("target_multiple", default: 4, 1.01...100))
            case "repeated-exploit":
                model = .repeatedExploit(
                    RepeatedExploitModel(
                        tvlUSD: try q.number("tvl_usd", default: 100_000_000, 1...1e13),
                        transactions: Int(try q.number("transactions", default: 10, 1...10_000)),
                        extractFraction: try q.number("extract_fraction", default: 0.05, 0...1),
                        spacingSeconds: Int64(try q.number("spacing_seconds", default: 60, 1...86_400)),
                        signalPerTx: try q.number("signal_per_tx", default: -0.05, -0.99...10),
                        revertFraction: try q.number("revert_fraction", default: 0, 0...1),
                        stream: try q.string("stream", default: "vault:v share price"),
                        scope: try q.string("scope", default: "protocol"),
                        warmupMinutes: Int(try q.number("warmup_minutes", default: 120, 0...100_000)),
                        noise: try q.number("noise", default: 0.0005, 0...0.5),
                        startValue: try q.number("start_value", default: 1, 1e-12...1e12),
                        guardedExecution: try q.flag("guarded_execution", default: false)))
            case "price-shock-lending":
                model = .priceShock(
                    PriceShockLendingModel(
                        path: try q.points("path"), startPrice: try q.number("start_price", default: 1, 1e-12...1e12),
                        noise: try q.number("noise", default: 0.001, 0...0.5),
                        stream: try q.string("stream", default: "COLL/USD market"),
                        oracleStream: try q.optionalString("oracle_stream"),
                        scope: try q.string("scope", default: "protocol"),
                        collateralUSD: try q.number("collateral_usd", default: 0, 0...1e13),
                        vaults: Int(try q.number("vaults", default: 100, 0...100_000)),
                        minRatio: try q.number("min_ratio", default: 1.5, 1...100),
                        maxRatio: try q.number("max_ratio", default: 3, 1...100),
                        liquidationRatio: try q.number("liquidation_ratio", default: 1.5, 1...100),
                        congestionDropPerHour: try q.number("congestion_drop_per_hour", default: 1, 0...1),
                        minAnswer: try q.number("min_answer", default: 0, 0...10),
                        tradeUSD: try q.number("trade_usd", default: 0, 0...1e12),
                        ltv: try q.number("ltv", default: 0.75, 0...1),
                        liquidityUSD: try q.number("liquidity_usd", default: 0, 0...1e13)))
            case "calm-gbm":
                model = .calmGBM(
                    stream: try q.string("stream", default: "WETH/USD"),
                    start: try q.number("start_price", default: 2000, 1e-9...1e12),
                    volatility: try q.number("volatility", default: 0.5, 0...5),
                    minutes: Int(try q.number("minutes", default: 10_080, 1...1_000_000)))
            default:  // "recorded-prices"
                let fileKey = "price_file"
                let path = try q.string(fileKey, default: "")
                guard !path.isEmpty else {
                    throw fail(
                        "parameters", "model recorded-prices needs parameters.price_file",
                        hint: "price_file = \"prices.csv\" (CSV with timestamp and price or close columns)")
                }
                let resolved = resolve(path)
                let stream = try q.string("stream", default: "PRICE")
                let maxRows = Int(try q.number("max_rows", default: 1_000_000, 1...10_000_000))
                guard FileManager.default.isReadableFile(atPath: resolved) else {
                    let pos = index.entry(for: "parameters.price_file").value
                    throw .missingFile(resolved, namedIn: file, line: pos.line, column: pos.column, what: "price file")
                }
                var series: AntibodyEngine.PriceSeries
                do {
                    series = try PriceCSV.read(path: resolved, asset: stream)
                } catch {
                    throw fail(
                        "parameters.price_file", "cannot read prices from '\(resolved)': \(error)",
                        hint: "the CSV needs a header with timestamp and price (or close)")
                }
                if series.prices.count > maxRows {
                    series = AntibodyEngine.PriceSeries(
                        asset: series.asset, timestamps: Array(series.timestamps.prefix(maxRows)),
                        prices: Array(series.prices.prefix(maxRows)),
                        sources: Array(series.sources.prefix(maxRows)))
                }
                model = .recorded(stream: stream, series: series)
            }
            try q.finish()
            return model
        }
    }

    /// Typed access to `[parameters]`, remembering which keys were read so unknown ones are refused.
    struct Params {
        let table: TOMLTable
        let reader: Reader
        var used: Set<String> = []

        mutating func number(
            _ key: String, default d: Double, _ range: ClosedRange<Double>
        ) throws(ScenarioError)
            -> Double
        {
            used.insert(key)
            guard let v = table[key] else { return d }
            let x: Double
            if v.type == .int, let i = v.int {
                x = Double(i)
            } else if v.type == .double, let y = v.double {
                x = y
            } else {
                throw reader.fail("parameters.\(key)", "'\(key)' must be a number", hint: "e.g. \(key) = \(d)")
            }
            guard x.isFinite, range.contains(x) else {
                throw reader.fail(
                    "parameters.\(key)", "'\(key)' is \(x), outside \(range.lowerBound)…\(range.upperBound)",
                    hint: "use a value in that range")
            }
            return x
        }

        mutating func usdc(_ key: String, default d: Double) throws(ScenarioError) -> UInt256 {
            UInt256(UInt64((try number(key, default: d, 1...1e12)) * 1e6))
        }

        mutating func flag(_ key: String, default d: Bool) throws(ScenarioError) -> Bool {
            used.insert(key)
            guard let v = table[key] else { return d }
            guard v.type == .bool, let b = v.bool else {
                throw reader.fail("parameters.\(key)", "'\(key)' must be true or false", hint: "e.g. \(key) = true")
            }
            return b
        }

        mutating func optionalString(_ key: String) throws(ScenarioError) -> String? {
            used.insert(key)
            guard let v = table[key] else { return nil }
            guard let s = v.string, !s.isEmpty, s.utf8.count <= 1024 else {
                throw reader.fail("parameters.\(key)", "'\(key)' must be a non-empty string", hint: "quote it")
            }
            return s
        }

        mutating func string(_ key: String, default d: String) throws(ScenarioError) -> String {
            try optionalString(key) ?? d
        }

        mutating func points(_ key: String) throws(ScenarioError) -> [(Double, Double)] {
            used.insert(key)
            let hint = "write \(key) = [[0, 1.0], [6, 0.7], [24, 0.57]] (hours, price relative to the start)"
            guard let array = table[key]?.array, !array.isEmpty, array.count <= 10_000 else {
                throw reader.fail(
                    "parameters.\(key)", "'\(key)' must be a non-empty array of [hours, price] pairs",
                    hint: hint)
            }
            var out: [(Double, Double)] = []
            for item in array {
                guard let pair = item.array, pair.count == 2,
                    let h = pair[0].double ?? pair[0].int.map(Double.init),
                    let v = pair[1].double ?? pair[1].int.map(Double.init),
                    h.isFinite, v.isFinite, v > 0, h >= (out.last?.0 ?? 0)
                else {
                    throw reader.fail(
                        "parameters.\(key)",
                        "'\(key)' has an entry that is not an ascending "
                            + "[hours ≥ 0, price > 0] pair", hint: hint)
                }
                out.append((h, v))
            }
            return out
        }

        func finish() throws(ScenarioError) {
            for key in table.keys.sorted() where !used.contains(key) {
                throw reader.fail(
                    "parameters.\(key)", "unknown parameter '\(key)' for this model",
                    hint: "this model reads: " + used.sorted().joined(separator: ", "), onKey: true)
            }
        }
    }
}
