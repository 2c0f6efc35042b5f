import AntibodyCore
import AntibodyModels
import AntibodySim
import AntibodyTrust
import Foundation
import Testing

@Suite("Models: volatility forecaster (state, signed artifact)")
struct ForecasterTests {
    static func garchReturns(_ seed: UInt64, _ count: Int) throws -> [Double] {
        var path = try GARCHPath(start: 100, omega: 1e-6, alpha: 0.1, beta: 0.88)
        var rng = Xoshiro256StarStar(seed: seed)
        var previous = path.price
        return (0..<count).map { _ in
            let p = path.next(using: &rng)
            defer { previous = p }
            return Foundation.log(p / previous)
        }
    }

    static func artifact() throws -> ForecasterArtifact {
        let returns = try garchReturns(11, 3_000)
        return try ForecasterArtifact(
            name: "vol", forecaster: try VolatilityForecaster.fit(returns: returns, horizon: 24),
            sampleIntervalSeconds: 3_600, trainingDataDigest: ForecasterArtifact.digest(ofReturns: returns),
            trainingReturns: returns.count, seed: 11, source: "garch test")
    }

    @Test("the state is deterministic, and non-finite returns change nothing")
    func stateDeterministic() throws {
        let model = try Self.artifact().forecaster
        let returns = try Self.garchReturns(12, 500)
        var a = model
        var b = model
        for r in returns {
            a.update(r)
            b.update(r)
            // Bad returns — the log of a ratio with a zero, negative or non-finite price — are ignored.
            let before = b
            for bad in [Double.nan, .infinity, -.infinity, Foundation.log(-1.0), Foundation.log(0.0)] { b.update(bad) }
            #expect(b == before)
        }
        #expect(a == b)
        #expect(a.returnsSeen == returns.count)
        #expect(a.forecastVolatility.isFinite && a.forecastVolatility > 0)
        // Annualising per step: an hourly σ times √8760.
        #expect(abs(a.annualisedVolatility(stepSeconds: 3_600) - a.forecastVolatility * 8_760.0.squareRoot()) < 1e-12)
        #expect(a.annualisedVolatility(stepSeconds: 0).isNaN)
    }

    @Test("a burst of large returns raises the forecast; calm brings it back down")
    func reactsToBursts() throws {
        var model = try Self.artifact().forecaster
        let calm = 0.002
        for k in 0..<300 { model.update((k % 2 == 0 ? 1.0 : -1.0) * calm) }
        let calmForecast = model.forecastVolatility
        for k in 0..<3 { model.update((k % 2 == 0 ? 1.0 : -1.0) * 10 * calm) }
        let burstForecast = model.forecastVolatility
        #expect(burstForecast > 2 * calmForecast)
        for k in 0..<300 { model.update((k % 2 == 0 ? 1.0 : -1.0) * calm) }
        #expect(model.forecastVolatility < burstForecast / 2)
    }

    @Test("a signed forecaster loads; its document round-trips through JSON text")
    func loads() throws {
        let artifact = try Self.artifact()
        let document = try JSONValue.parse(artifact.documentText)
        #expect(try ForecasterArtifact(document: document) == artifact)
        let commitment = artifact.commitment(version: 1).signed(by: IntegrityTests.governor, in: IntegrityTests.domain)
        let loaded = try ForecasterArtifact.load(
            document: document, commitment: commitment, rule: try IntegrityTests.rule())
        #expect(loaded == artifact && loaded.horizonSeconds == 24 * 3_600)
    }

    @Test("flipping one coefficient makes the load refuse, saying the model changed since it was signed")
    func flippedCoefficient() throws {
        let artifact = try Self.artifact()
        let commitment = artifact.commitment(version: 1).signed(by: IntegrityTests.governor, in: IntegrityTests.domain)
        guard case .object(var members) = artifact.document, case .array(var weights) = members["parameters"],
            case .number(let literal) = weights[1]
        else {
            Issue.record("unexpected document shape")
            return
        }
        weights[1] = .number("\(-(Double(literal)!))")
        members["parameters"] = .array(weights)
        do {
            _ = try ForecasterArtifact.load(
                document: .object(members), commitment: commitment, rule: try IntegrityTests.rule())
            Issue.record("a tampered forecaster loaded")
        } catch let error as ModelError {
            #expect(error.isIntegrityFailure)
            #expect(error.message.contains("does not match its commitment"))
            #expect(error.message.contains(artifact.digest.description))
        }
        do {
            _ = try ForecasterArtifact.load(
                document: artifact.document, commitment: artifact.commitment(version: 1),
                rule: try IntegrityTests.rule())
            Issue.record("an unsigned forecaster loaded")
        } catch let error as ModelError {
            #expect(error.message.contains("0 approver signatures"))
        }
    }

    @Test("a classifier document is not a forecaster, and other architecture constants are refused")
    func wrongDocuments() throws {
        #expect(throws: ModelError.self) { try ForecasterArtifact(document: try IntegrityTests.artifact().document) }
        guard case .object(var members) = try Self.artifact().document,
            case .object(var architecture) = members["architecture"]
        else {
            Issue.record("unexpected document shape")
            return
        }
        architecture["fastAlpha"] = .number("0.3")
        members["architecture"] = .object(architecture)
        #expect(throws: ModelError.self) { try ForecasterArtifact(document: .object(members)) }
    }

    @Test("the training-returns digest changes with one return")
    func returnsDigest() throws {
        var returns = try Self.garchReturns(13, 100)
        let before = ForecasterArtifact.digest(ofReturns: returns)
        returns[50] = returns[50].nextUp
        #expect(ForecasterArtifact.digest(ofReturns: returns) != before)
    }
}
