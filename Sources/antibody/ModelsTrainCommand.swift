import AntibodyCore
import AntibodyModels
import AntibodySim
import AntibodyTrust
import ArgumentParser
import Foundation

/// `antibody models train`: trains the transaction classifier on simulated traffic, or the volatility
/// forecaster on returns (`--kind volatility`), and writes the model document and governance's
/// commitment to it.
struct ModelsTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the transaction classifier or the volatility forecaster and write a signed model.",
        discussion: """
            Writes <out> (the canonical model document: weights, architecture, feature \
            specification, standardizer, threshold, training-data digest and the input-validation \
            reference the engine checks inputs against) and <out>.commitment.json \
            (governance's EIP-712 commitment to its digest, signed with --keystore; unsigned without \
            it, which the engine refuses to load). --kind volatility fits the haircut controller's \
            forecaster on the log returns of --prices (a price CSV, sampled every --interval seconds \
            as the engine samples) or, without it, of a simulated GARCH(1,1) path (--returns steps, \
            --garch-volatility, 80 % a year by default); a policy names the result in responses.haircuts.forecaster.
            """
    )

    @Option(help: "Seed of the simulated traffic and of training.") var seed: UInt64 = 0
    @Option(help: "Model: mlp or logistic (transaction classifier), or volatility (forecaster).") var kind = "mlp"
    @Option(help: "Hidden units of the MLP (1…256).") var hidden = 24
    @Option(help: "Training rows (200…1,000,000); with --traffic replay, ⌈rows / 1,500⌉ recorded market paths.")
    var rows = 8_000
    @Option(
        help: """
            Traffic: archetype (sampled per transaction from hand-parameterised archetypes) or replay \
            (recorded from full simulated runs; train / validation / test from disjoint seeds).
            """)
    var traffic = "archetype"
    @Option(help: "Training epochs (1…1,000).") var epochs = 25
    @Option(
        help: "Model name (commitment subject model:<name>; default transaction-classifier or volatility-forecaster).")
    var name: String?
    @Option(help: "Volatility: forecast horizon in samples (1…1,000).") var horizon = 24
    @Option(help: "Volatility: seconds between returns, = the policy's sample_interval (1…86,400).")
    var interval = 3_600
    @Option(help: "Volatility: simulated GARCH returns to fit on when no --prices (1,000…1,000,000).")
    var returns = 20_000
    @Option(help: "Volatility: unconditional annual volatility of the simulated GARCH path (0.05…5).")
    var garchVolatility = 0.8
    @Option(help: "Volatility: a price CSV (timestamp,price or candles) to fit on instead of a GARCH path.")
    var prices: String?
    @Option(help: "Volatility: a second price CSV for the out-of-sample R² (default: a fresh GARCH path).")
    var evalPrices: String?
    @Option(help: "Where to write the model document.") var out = "model.json"
    @Option(help: "Governance keystore to sign the commitment with.") var keystore: String?
    @Option(help: "Chain id of the governance EIP-712 domain.") var chainId: UInt64 = 1
    @Option(help: "Guardian contract (EIP-712 verifying contract).")
    var verifyingContract = "0x0000000000000000000000000000000000000000"
    @Option(help: "Version of the governance commitment.") var commitmentVersion: UInt64 = 1
    @OptionGroup var passphrase: PassphraseOptions
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard kind == "mlp" || kind == "logistic" || kind == "volatility" else {
            throw CommandFailure.badInput("--kind must be mlp, logistic or volatility")
        }
        guard traffic == "archetype" || traffic == "replay" else {
            throw CommandFailure.badInput("--traffic must be archetype or replay")
        }
        guard (1...1_000).contains(horizon) else { throw CommandFailure.badInput("--horizon must be 1…1,000") }
        guard (1...86_400).contains(interval) else { throw CommandFailure.badInput("--interval must be 1…86,400") }
        guard (1_000...1_000_000).contains(returns) else {
            throw CommandFailure.badInput("--returns must be 1,000…1,000,000")
        }
        guard (0.05...5).contains(garchVolatility) else {
            throw CommandFailure.badInput("--garch-volatility must be 0.05…5")
        }
        guard seed <= 1 << 53 else { throw CommandFailure.badInput("--seed must be at most 2^53") }
        guard (1...256).contains(hidden) else { throw CommandFailure.badInput("--hidden must be 1…256") }
        guard (200...1_000_000).contains(rows) else { throw CommandFailure.badInput("--rows must be 200…1,000,000") }
        guard (1...1_000).contains(epochs) else { throw CommandFailure.badInput("--epochs must be 1…1,000") }
        guard (try? EthereumAddress(hex: verifyingContract)) != nil else {
            throw CommandFailure.badInput("--verifying-contract is not an address: \(verifyingContract)")
        }
    }

    func run() throws {
        if kind == "volatility" {
            try trainVolatility()
            return
        }
        do {
            let paths = max(1, (rows + 1_499) / 1_500)
            func split(_ count: Int, _ paths: Int, _ stream: UInt64) throws -> Dataset {
                traffic == "replay"
                    ? try ModelTraffic.replayDataset(paths: paths, seed: seed &+ 10 &+ stream).dataset
                    : try ModelTraffic.dataset(count: count, seed: seed &+ stream)
            }
            let train = try split(rows, paths, 1)
            let validation = try split(max(200, rows / 2), max(1, paths / 2), 2)
            let standardizer = Standardizer(fitting: train)
            var config = TrainingConfiguration()
            config.epochs = epochs
            var rng = Xoshiro256StarStar(seed: seed)
            let bar = ProgressBar(total: epochs, label: "training")
            let model: TrainedModel
            if kind == "mlp" {
                let initial = try MultilayerPerceptron(standardizer: standardizer, hidden: hidden, using: &rng)
                model = .multilayerPerceptron(
                    try Trainer.train(initial, on: train, configuration: config, using: &rng) { done, _ in
                        bar.update(done)
                    })
            } else {
                model = .logistic(
                    try Trainer.train(
                        LogisticRegression(standardizer: standardizer), on: train, configuration: config,
                        using: &rng
                    ) { done, _ in bar.update(done) })
            }
            bar.finish()
            let threshold = ModelEvaluation.threshold(model, validation, 0.005)
            let artifact = try ModelArtifact(
                name: name ?? "transaction-classifier", model: model, specification: .transactionFlow,
                threshold: threshold, trainingDataDigest: train.digest, trainingRows: train.count, seed: seed,
                reference: try ValidationReference(fitting: train, benignDrift: true))
            let commitment = try write(document: artifact.documentText, artifact.commitment(version: commitmentVersion))
            let test = try split(max(200, rows / 2), max(1, paths / 2), 3)
            let clean = ModelEvaluation.metrics(model, test, threshold)
            if json {
                print(
                    JSONText.object([
                        ("model", .string(out)), ("traffic", .string(traffic)),
                        ("digest", .string(artifact.digest.description)),
                        ("trainingDataDigest", .string(train.digest.description)),
                        ("signatures", .number(Double(commitment.signatures.count))), ("threshold", .number(threshold)),
                        ("precision", .number(clean.precision)), ("recall", .number(clean.recall)),
                        ("falsePositiveRate", .number(clean.falsePositiveRate)), ("auc", .number(clean.auc)),
                    ]).rendered)
            } else {
                print("wrote \(out) (\(artifact.model.architecture.kind), digest \(artifact.digest))")
                print("commitment \(out).commitment.json with \(commitment.signatures.count) signature(s)")
                print(
                    String(
                        format: "held-out: precision %.4f  recall %.4f  FPR %.4f  AUC %.4f  (threshold %.4f)",
                        clean.precision, clean.recall, clean.falsePositiveRate, clean.auc, threshold))
            }
        } catch let error as ModelError {
            CLI.fail(error.message, code: error.isBadInput ? 2 : 1)
        } catch let error as SimError {
            CLI.fail(error.message, code: 2)
        }
    }
}
