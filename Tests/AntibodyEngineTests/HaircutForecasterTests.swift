import AntibodyCore
import AntibodyEngine
import AntibodyModels
import AntibodyTrust
import Foundation
import Testing

/// SplitMix64 with Box–Muller normals (fixed seeds: every run is the same).
private struct Normals {
    var state: UInt64
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / Double(1 << 53)
    }
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
}

@Suite("Engine: haircuts driven by the signed volatility forecaster")
struct HaircutForecasterTests {
    static let governor = try! Secp256k1PrivateKey(bytes: [UInt8](repeating: 0x11, count: 32))
    static let domain = GuardianDomain(
        chainID: 1, verifyingContract: try! EthereumAddress(hex: "0x0000000000000000000000000000000000000000"))

    /// A forecaster fitted on hourly GARCH(1,1) returns (α 0.08, β 0.9) of 50 % annual volatility.
    static let artifact: ForecasterArtifact = {
        var rng = Normals(state: 7)
        let unconditional = 0.5 * 0.5 / 8_760
        var variance = unconditional
        let returns = (0..<20_000).map { _ -> Double in
            let r = variance.squareRoot() * rng.normal()
            variance = unconditional * 0.02 + 0.08 * r * r + 0.9 * variance
            return r
        }
        return try! ForecasterArtifact(
            name: "btc-volatility", forecaster: try! VolatilityForecaster.fit(returns: returns, horizon: 24),
            sampleIntervalSeconds: 3_600, trainingDataDigest: ForecasterArtifact.digest(ofReturns: returns),
            trainingReturns: returns.count, seed: 7, source: "garch test")
    }()

    /// A fresh directory holding the signed model as `vol.json` (+ `vol.json.commitment.json`).
    static func directory(document: JSONValue? = nil, signed: Bool = true) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("antibody-forecaster-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var commitment = artifact.commitment(version: 1)
        if signed { commitment = commitment.signed(by: governor, in: domain) }
        let text = document.map { JSONValue.object($0.objectValue!) }.map(render) ?? artifact.documentText
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/vol.json"))
        try JSONEncoder().encode(commitment).write(to: URL(fileURLWithPath: dir + "/vol.json.commitment.json"))
        return dir
    }

    /// Compact JSON of a model document (ForecasterArtifact writes the same form).
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): "\"\(s)\""
        case .array(let items): "[" + items.map(render).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { "\"\($0)\":" + render(members[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// A one-market lending policy with haircuts on WBTC; `haircutExtra` goes into its haircut table.
    static func policy(_ haircutExtra: String, sampleInterval: String = "1h") -> String {
        """
        version = 1

        [protocol]
        name = "forecaster test"
        chain_id = 1
        kind = "lending"
        assets = ["WBTC"]
        markets = ["WBTC"]

        [responses.haircuts]
        assets = ["WBTC"]
        base_ltv = [0.73]
        lambda = 0.97
        sample_interval = "\(sampleInterval)"
        reference_volatility = 0.6
        volatility_sensitivity = 0.2
        max_step = 0.02
        min_interval = "6h"
        floor = 0.5
        ceiling = 0.85
        \(haircutExtra)

        [governance]
        signers = ["\(governor.address)"]
        pause_threshold = 1
        unpause_threshold = 1
        timelock = "24h"

        """
    }

    static func load(_ text: String, in dir: String) throws -> Policy {
        let file = dir + "/policy.toml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return try Policy.load(contentsOf: file)
    }

    /// The diagnostics of loading `text` from `dir` (empty if it loads).
    static func diagnostics(_ text: String, in dir: String) throws -> [PolicyDiagnostic] {
        do {
            _ = try load(text, in: dir)
            return []
        } catch let error as PolicyError {
            return error.diagnostics
        }
    }

    /// Line and column (1-based) of the first `needle` in `text`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        let lines = text.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return (i + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (0, 0)
    }

    /// Hourly WBTC prices: calm (45 % a year) for 360 hours, then a burst (200 % a year) for 240.
    static func burst() -> PriceSeries {
        var rng = Normals(state: 2024)
        var price = 30_000.0
        var times: [Timestamp] = []
        var prices: [Double] = []
        for hour in 0..<600 {
            let sigma = (hour < 360 ? 0.45 : 2.0) / 8_760.0.squareRoot()
            price *= exp(sigma * rng.normal())
            times.append(Timestamp(seconds: 1_700_000_000 + Int64(hour) * 3_600))
            prices.append(price)
        }
        return PriceSeries(asset: "WBTC", timestamps: times, prices: prices, sources: Array(repeating: nil, count: 600))
    }

    @Test("with the forecaster, haircuts tighten earlier in a volatility burst than with the EWMA alone")
    func tightensEarlierOnBurst() throws {
        let dir = try Self.directory()
        let ewma = try Self.load(Self.policy(""), in: dir)
        let learned = try Self.load(Self.policy("forecaster = \"vol.json\"\nvolatility = \"max\""), in: dir)
        #expect(ewma.haircuts?.forecaster == nil)
        #expect(learned.haircuts?.forecaster?.digest == Self.artifact.digest)
        let series = Self.burst()
        let burstStart = series.timestamps[360]
        let a = Backtest.run(policy: ewma, series: [series])
        let b = Backtest.run(policy: learned, series: [series])
        // Calm: neither cuts; the burst: both cut, the forecaster first.
        #expect(a.ltvChanges.allSatisfy { $0.timestamp >= burstStart })
        #expect(b.ltvChanges.allSatisfy { $0.timestamp >= burstStart })
        let firstEWMA = try #require(a.ltvChanges.first)
        let firstLearned = try #require(b.ltvChanges.first)
        #expect(firstLearned.timestamp < firstEWMA.timestamp)
        #expect(firstLearned.ltv < 0.73 && firstEWMA.ltv < 0.73)
        // "max" never loosens below what the EWMA alone would hold at the same time.
        for change in b.ltvChanges {
            let ewmaLTV = a.ltvChanges.last { $0.timestamp <= change.timestamp }?.ltv ?? 0.73
            #expect(change.ltv <= ewmaLTV + 0.02 + 1e-12)
        }
        // Deterministic: the same events give the same decisions.
        #expect(Backtest.run(policy: learned, series: [series]) == b)
    }

    @Test(
        "June 2022 BTC: the forecaster's first LTV cut comes before the EWMA's",
        .enabled(if: marketData != nil, "needs ../shared/data/markets"))
    func june2022() throws {
        let dir = try Self.directory()
        let btc = try PriceCSV.read(path: marketData! + "/june-2022-crash/BTC_USDT_1m.csv", asset: "WBTC")
        let a = Backtest.run(policy: try Self.load(Self.policy(""), in: dir), series: [btc])
        let b = Backtest.run(policy: try Self.load(Self.policy("forecaster = \"vol.json\""), in: dir), series: [btc])
        let firstEWMA = try #require(a.ltvChanges.first)
        let firstLearned = try #require(b.ltvChanges.first)
        #expect(firstLearned.timestamp < firstEWMA.timestamp)
        // Both cut before the June 13 low (2022-06-13T12:00Z = 1655121600).
        #expect(firstEWMA.timestamp < Timestamp(seconds: 1_655_121_600))
    }

    @Test(
        "the example policy's signed model loads, and on June 2022 it cuts before the same policy with EWMA alone",
        .enabled(if: marketData != nil, "needs ../shared/data/markets"))
    func examplePolicy() throws {
        let file = "\(repositoryRoot)/policies/lending-volatility-forecaster.toml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let learned = try Policy.load(source: text, file: file)
        #expect(learned.haircuts?.forecaster?.name == "wbtc-volatility")
        #expect(learned.haircuts?.configuration.volatilitySource == .max)
        let ewmaText = text.replacingOccurrences(of: "volatility = \"max\"", with: "volatility = \"ewma\"")
        let ewma = try Policy.load(source: ewmaText, file: file)
        #expect(ewma.haircuts?.configuration.volatilitySource == .ewma)
        let btc = try PriceCSV.read(path: marketData! + "/june-2022-crash/BTC_USDT_1m.csv", asset: "WBTC")
        let usdc = try PriceCSV.read(path: marketData! + "/june-2022-crash/USDC_USDT_1m.csv", asset: "USDC")
        let a = Backtest.run(policy: ewma, series: [btc, usdc])
        let b = Backtest.run(policy: learned, series: [btc, usdc])
        #expect(try #require(b.ltvChanges.first).timestamp < (try #require(a.ltvChanges.first)).timestamp)
        // The other responses are untouched by the haircut's volatility source.
        #expect(a.pauses == b.pauses && a.alarms == b.alarms)
    }

    @Test("a tampered forecaster is refused at policy load, at the forecaster key's line and column")
    func tamperedRefused() throws {
        guard case .object(var members) = Self.artifact.document, case .array(var weights) = members["parameters"],
            case .number(let literal) = weights[1]
        else {
            Issue.record("unexpected document shape")
            return
        }
        weights[1] = .number("\(Double(literal)! * 1.01)")
        members["parameters"] = .array(weights)
        let dir = try Self.directory(document: .object(members))
        let text = Self.policy("forecaster = \"vol.json\"")
        let found = try Self.diagnostics(text, in: dir)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.path == "responses.haircuts.forecaster")
        let (line, column) = Self.position(of: "\"vol.json\"", in: text)
        #expect(diagnostic.position.line == line && diagnostic.position.column == column)
        #expect(diagnostic.message.contains("does not match its commitment"))
        #expect(diagnostic.description.hasPrefix("\(dir)/policy.toml:\(line):\(column): error: forecaster vol.json"))
    }

    @Test("unsigned, missing, mismatched and unused forecasters are diagnosed on their keys")
    func otherDiagnostics() throws {
        let unsigned = try Self.directory(signed: false)
        var found = try Self.diagnostics(Self.policy("forecaster = \"vol.json\""), in: unsigned)
        #expect(found.count == 1 && found[0].message.contains("0 approver signatures; 1 are required"))

        let dir = try Self.directory()
        found = try Self.diagnostics(Self.policy("forecaster = \"missing.json\""), in: dir)
        #expect(found.count == 1 && found[0].message.contains("cannot read the forecaster document missing.json"))

        let halfHour = Self.policy("forecaster = \"vol.json\"", sampleInterval: "30m")
        found = try Self.diagnostics(halfHour, in: dir)
        #expect(found.count == 1 && found[0].path == "responses.haircuts.sample_interval")
        #expect(found.first?.message.contains("fitted on 3600 s returns") == true)
        #expect(found.first?.position.line == Self.position(of: "sample_interval", in: halfHour).line)

        found = try Self.diagnostics(Self.policy("forecaster = \"vol.json\"\nforecast_horizon = \"12h\""), in: dir)
        #expect(found.count == 1 && found[0].path == "responses.haircuts.forecast_horizon")
        #expect(
            try Self.diagnostics(Self.policy("forecaster = \"vol.json\"\nforecast_horizon = \"1d\""), in: dir).isEmpty)

        found = try Self.diagnostics(Self.policy("volatility = \"forecast\""), in: dir)
        #expect(found.count == 1 && found[0].path == "responses.haircuts.volatility")

        // The commitment is bound to the guardian's EIP-712 domain: another guardian refuses it.
        let other =
            Self.policy("forecaster = \"vol.json\"") + "guardian = \"0x00000000000000000000000000000000000000aa\"\n"
        found = try Self.diagnostics(other, in: dir)
        #expect(found.count == 1 && found[0].message.contains("not a governance approver"))
        found = try Self.diagnostics(Self.policy("") + "guardian = \"0x12\"\n", in: dir)
        #expect(found.count == 1 && found[0].path == "governance.guardian")

        // A classifier-style or otherwise malformed document is bad input, not an integrity failure.
        try Data("{\"format\":\"antibody-model-v1\"}".utf8).write(to: URL(fileURLWithPath: dir + "/other.json"))
        try Data(Self.artifact.documentText.utf8).write(to: URL(fileURLWithPath: dir + "/copy.json"))
        found = try Self.diagnostics(
            Self.policy("forecaster = \"other.json\"\nforecaster_commitment = \"vol.json.commitment.json\""), in: dir)
        #expect(found.count == 1 && found[0].message.contains("does not match its commitment"))
        found = try Self.diagnostics(
            Self.policy("forecaster = \"copy.json\"\nforecaster_commitment = \"vol.json.commitment.json\""), in: dir)
        #expect(found.isEmpty)
    }

    @Test("volatility defaults to max with a forecaster and to ewma without")
    func defaults() throws {
        let dir = try Self.directory()
        #expect(try Self.load(Self.policy(""), in: dir).haircuts?.configuration.volatilitySource == .ewma)
        let learned = try Self.load(Self.policy("forecaster = \"vol.json\""), in: dir)
        #expect(learned.haircuts?.configuration.volatilitySource == .max)
        let alone = try Self.load(Self.policy("forecaster = \"vol.json\"\nvolatility = \"forecast\""), in: dir)
        #expect(alone.haircuts?.configuration.volatilitySource == .forecast)
    }
}
