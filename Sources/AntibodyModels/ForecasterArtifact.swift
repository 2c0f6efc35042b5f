import AntibodyCore
public import AntibodyTrust

/// A volatility forecaster as governance signs it: the ridge coefficients, the architecture's fixed
/// constants (EWMA smoothings, log floor), the horizon, the sampling interval of the returns it was
/// fitted on and the digest of those exact returns — a JSON document hashed canonically
/// (``AntibodyTrust/CanonicalDigest``) like a classifier's ``ModelArtifact``, signed as a
/// ``AntibodyTrust/Commitment`` with subject `model:<name>`.
///
/// Loading goes only through ``SignedModelDocument/load(document:commitment:rule:)``, the same
/// verification path as a classifier's: nothing is decoded before the commitment holds.
public struct ForecasterArtifact: SignedModelDocument, Hashable, Sendable {
    /// The document format tag (distinct from a classifier's, so neither loads as the other).
    public static let format = "antibody-volatility-model-v1"
    /// The architecture's kind in the document.
    public static let kind = "ewma-log-variance-ridge"

    /// The model's name (the commitment subject is `model:<name>`).
    public let name: String
    /// The fitted forecaster (state empty).
    public let forecaster: VolatilityForecaster
    /// Seconds between the returns it was fitted on; it must be fed returns at this interval.
    public let sampleIntervalSeconds: Int
    /// ``digest(ofReturns:)`` of the training returns.
    public let trainingDataDigest: Bytes32
    /// Training returns.
    public let trainingReturns: Int
    /// The seed of the training data (0 for recorded prices).
    public let seed: UInt64
    /// Where the training returns came from, e.g. `garch(1,1) hourly, seed 0` or a CSV's name.
    public let source: String

    /// An artifact.
    ///
    /// - Throws: ``ModelError`` for a bad name, an interval outside 1 s…1 day, a negative count or a
    ///   source over 200 bytes.
    public init(
        name: String, forecaster: VolatilityForecaster, sampleIntervalSeconds: Int, trainingDataDigest: Bytes32,
        trainingReturns: Int, seed: UInt64, source: String
    ) throws(ModelError) {
        try ModelArtifact.checkName(name)
        guard (1...86_400).contains(sampleIntervalSeconds) else {
            throw .invalidInput("the sampling interval must be 1…86,400 s, not \(sampleIntervalSeconds)")
        }
        guard trainingReturns >= 0 else { throw .invalidInput("training returns cannot be negative") }
        guard source.utf8.count <= 200 else { throw .invalidInput("the training source is over 200 bytes") }
        self.name = name
        self.forecaster = forecaster
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.trainingDataDigest = trainingDataDigest
        self.trainingReturns = trainingReturns
        self.seed = seed
        self.source = source
    }

    /// The forecast horizon as a duration: ``VolatilityForecaster/horizon`` × the sampling interval.
    public var horizonSeconds: Int { forecaster.horizon * sampleIntervalSeconds }

    /// The canonical document.
    public var document: JSONValue {
        let literal = ModelArtifact.literal
        return .object([
            "format": .string(Self.format), "name": .string(name),
            "architecture": .object([
                "kind": .string(Self.kind), "fastAlpha": .number(literal(VolatilityForecaster.fastAlpha)),
                "slowAlpha": .number(literal(VolatilityForecaster.slowAlpha)),
                "floor": .number(literal(VolatilityForecaster.floor)),
                "features": .array(
                    ["1", "ln ewma_fast(r^2)", "ln ewma_slow(r^2)", "ln r^2"].map { .string($0) }),
            ]),
            "horizon": .number(String(forecaster.horizon)),
            "sampleIntervalSeconds": .number(String(sampleIntervalSeconds)),
            "parameters": .array(forecaster.coefficients.map { .number(literal($0)) }),
            "trainingData": .object([
                "digest": .string(trainingDataDigest.description), "rows": .number(String(trainingReturns)),
                "seed": .number(String(seed)), "source": .string(source),
            ]),
        ])
    }

    /// Decodes a document *without* verifying a commitment (for inspection and tests; the engine
    /// uses ``load(document:commitment:rule:)``).
    ///
    /// - Throws: ``ModelError`` naming the first malformed member, or architecture constants that
    ///   differ from this implementation's.
    public init(document: JSONValue) throws(ModelError) {
        let reader = DocumentReader(document)
        guard try reader.string("format") == Self.format else {
            throw .invalidInput("volatility model document: format must be \(Self.format)")
        }
        let architecture = try reader.object("architecture")
        guard try architecture.string("kind") == Self.kind,
            try architecture.number("fastAlpha") == VolatilityForecaster.fastAlpha,
            try architecture.number("slowAlpha") == VolatilityForecaster.slowAlpha,
            try architecture.number("floor") == VolatilityForecaster.floor
        else {
            throw .invalidInput(
                "volatility model document: architecture must be \(Self.kind) with fastAlpha "
                    + "\(VolatilityForecaster.fastAlpha), slowAlpha \(VolatilityForecaster.slowAlpha), floor "
                    + "\(VolatilityForecaster.floor)")
        }
        let forecaster = try VolatilityForecaster(
            horizon: try reader.integer("horizon", in: 1...10_000), coefficients: try reader.numbers("parameters"))
        let training = try reader.object("trainingData")
        guard let digest = try? Bytes32(hex: try training.string("digest")) else {
            throw .invalidInput("volatility model document: trainingData.digest is not 32 bytes of hex")
        }
        try self.init(
            name: try reader.string("name"), forecaster: forecaster,
            sampleIntervalSeconds: try reader.integer("sampleIntervalSeconds", in: 1...86_400),
            trainingDataDigest: digest, trainingReturns: try training.integer("rows", in: 0...Int(Int32.max)),
            seed: UInt64(try training.integer("seed", in: 0...(1 << 53))), source: try training.string("source"))
    }

    /// Keccak-256 of `"ANTIBODY-RETURNS-V1"` ‖ count (u64 BE) ‖ each return's IEEE-754 bits (u64 BE):
    /// a commitment to the exact training returns.
    public static func digest(ofReturns returns: [Double]) -> Bytes32 {
        var hasher = Keccak256()
        hasher.update("ANTIBODY-RETURNS-V1".utf8)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 * (returns.count + 1))
        CanonicalBytes.append(UInt64(returns.count), to: &buffer)
        for value in returns { CanonicalBytes.append(value, to: &buffer) }
        hasher.update(buffer)
        return Bytes32(hasher.finalize())
    }
}
