import AntibodyCore
import AntibodyEngine
import AntibodyModels
import AntibodySim
import AntibodyTrust
import Foundation

extension ModelsTrainCommand {
    /// `--kind volatility`: fits the haircut controller's forecaster and writes it with its commitment.
    func trainVolatility() throws {
        do {
            let trainReturns: [Double]
            let heldOut: [Double]
            let source: String
            if let prices {
                trainReturns = try Self.sampledReturns(prices, interval: interval)
                source = "csv \(URL(fileURLWithPath: prices).lastPathComponent), every \(interval) s"
            } else {
                trainReturns = try ModelTraffic.garchReturns(
                    count: returns, seed: seed &+ 7, stepSeconds: interval, annualVolatility: garchVolatility)
                source = "garch(1,1) a0.08 b0.9 \(garchVolatility)/y, every \(interval) s, seed \(seed)+7"
            }
            if let evalPrices {
                heldOut = try Self.sampledReturns(evalPrices, interval: interval)
            } else {
                heldOut = try ModelTraffic.garchReturns(
                    count: max(1_000, returns / 2), seed: seed &+ 8, stepSeconds: interval,
                    annualVolatility: garchVolatility)
            }
            let forecaster = try VolatilityForecaster.fit(returns: trainReturns, horizon: horizon)
            let artifact = try ForecasterArtifact(
                name: name ?? "volatility-forecaster", forecaster: forecaster, sampleIntervalSeconds: interval,
                trainingDataDigest: ForecasterArtifact.digest(ofReturns: trainReturns),
                trainingReturns: trainReturns.count, seed: prices == nil ? seed : 0, source: source)
            let commitment = try write(document: artifact.documentText, artifact.commitment(version: commitmentVersion))
            let fit = forecaster.evaluate(returns: heldOut)
            if json {
                print(
                    JSONText.object([
                        ("model", .string(out)), ("digest", .string(artifact.digest.description)),
                        ("trainingDataDigest", .string(artifact.trainingDataDigest.description)),
                        ("signatures", .number(Double(commitment.signatures.count))),
                        ("horizon", .number(Double(horizon))), ("sampleIntervalSeconds", .number(Double(interval))),
                        ("trainingReturns", .number(Double(trainReturns.count))),
                        ("heldOutReturns", .number(Double(heldOut.count))), ("r2", .number(fit.r2)),
                        ("ewmaR2", .number(fit.ewmaR2)),
                    ]).rendered)
            } else {
                print("wrote \(out) (volatility forecaster, \(horizon) × \(interval) s, digest \(artifact.digest))")
                print("commitment \(out).commitment.json with \(commitment.signatures.count) signature(s)")
                print("trained on \(trainReturns.count) returns (\(source))")
                print(
                    String(
                        format: "held-out (%d returns): R² of log realised variance %.3f vs RiskMetrics EWMA %.3f",
                        heldOut.count, fit.r2, fit.ewmaR2))
            }
        } catch let error as ModelError {
            CLI.fail(error.message, code: error.isBadInput ? 2 : 1)
        } catch let error as SimError {
            CLI.fail(error.message, code: 2)
        } catch let error as PriceCSVError {
            CLI.fail(error.description, code: 2)
        }
    }

    /// Log returns of a price CSV sampled as the engine's haircut controller samples: the first
    /// price, then each first price at least `interval` seconds after the previous sample.
    static func sampledReturns(_ path: String, interval: Int) throws -> [Double] {
        let series = try PriceCSV.read(path: path, asset: "training")
        var returns: [Double] = []
        var last: (time: Timestamp, price: Double)?
        for (time, price) in zip(series.timestamps, series.prices) where price.isFinite && price > 0 {
            if let previous = last {
                guard previous.time.duration(to: time) >= .seconds(Int64(interval)) else { continue }
                returns.append(Foundation.log(price / previous.price))
            }
            last = (time, price)
        }
        return returns
    }

    /// Signs `commitment` with `--keystore` when one is given (unsigned otherwise), then writes the
    /// model document to `--out` and the commitment beside it as `<out>.commitment.json`.
    func write(document: String, _ commitment: Commitment) throws -> Commitment {
        var signed = commitment
        if let keystore {
            let key = try KeystoreFile.unlock(keystore, passphrase)
            let domain = GuardianDomain(
                chainID: chainId, verifyingContract: try EthereumAddress(hex: verifyingContract))
            signed = commitment.signed(by: key, in: domain)
        }
        try Data(document.utf8).write(to: URL(fileURLWithPath: out))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(signed).write(to: URL(fileURLWithPath: out + ".commitment.json"))
        return signed
    }
}
