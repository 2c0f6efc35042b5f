import AntibodyCore
public import AntibodyTrust

/// A model as governance signs it: weights, architecture, feature specification, standardizer,
/// decision threshold, the digest of the exact training data and (format v2) the input-validation
/// reference summarised from that data (``ValidationReference``) — encoded as a JSON document and
/// hashed canonically (``AntibodyTrust/CanonicalDigest``: sorted members, numbers as IEEE-754
/// doubles, Keccak-256), so one changed weight changes the digest.
///
/// Loading goes only through ``SignedModelDocument/load(document:commitment:rule:)``, which
/// verifies governance's ``AntibodyTrust/Commitment`` before decoding anything.
public struct ModelArtifact: SignedModelDocument, Hashable, Sendable {
    /// The document format tag of a model without a validation reference.
    public static let format = "antibody-model-v1"
    /// The document format tag of a model with a validation reference (member `reference`): what
    /// the engine requires, so that inputs are checked against the data the model was trained on.
    public static let formatWithReference = "antibody-model-v2"

    /// The model's name (the commitment subject is `model:<name>`).
    public let name: String
    /// The trained classifier.
    public let model: TrainedModel
    /// Its inputs.
    public let specification: FeatureSpecification
    /// The decision threshold on the attack probability.
    public let threshold: Double
    /// ``Dataset/digest`` of the training data.
    public let trainingDataDigest: Bytes32
    /// Training rows.
    public let trainingRows: Int
    /// The seed training used.
    public let seed: UInt64
    /// The input-validation reference summarised from the training data (`nil` in v1 documents).
    public let reference: ValidationReference?

    /// An artifact.
    ///
    /// - Throws: ``ModelError`` for a bad name, a threshold outside [0, 1] or a dimension mismatch.
    public init(
        name: String, model: TrainedModel, specification: FeatureSpecification, threshold: Double,
        trainingDataDigest: Bytes32, trainingRows: Int, seed: UInt64, reference: ValidationReference? = nil
    ) throws(ModelError) {
        try Self.checkName(name)
        guard threshold.isFinite, (0...1).contains(threshold) else {
            throw .invalidInput("the decision threshold must be in [0, 1], not \(threshold)")
        }
        guard model.architecture.inputs == specification.dimension else {
            throw .invalidInput(
                "the model takes \(model.architecture.inputs) inputs; the specification has \(specification.dimension)")
        }
        guard trainingRows >= 0 else { throw .invalidInput("training rows cannot be negative") }
        if let reference, reference.dimension != specification.dimension {
            throw .invalidInput(
                "the validation reference has \(reference.dimension) features; the specification has \(specification.dimension)"
            )
        }
        self.name = name
        self.model = model
        self.specification = specification
        self.threshold = threshold
        self.trainingDataDigest = trainingDataDigest
        self.trainingRows = trainingRows
        self.seed = seed
        self.reference = reference
    }

    /// Checks a model name: 1…64 letters, digits, '-', '_' or '.'.
    ///
    /// - Throws: ``ModelError`` (bad input) otherwise.
    static func checkName(_ name: String) throws(ModelError) {
        guard !name.isEmpty, name.utf8.count <= 64,
            name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || "0123456789-_.".unicodeScalars.contains($0) }
            )
        else { throw .invalidInput("a model name has 1…64 letters, digits, '-', '_' or '.', not \(name.prefix(64))") }
    }

    /// The canonical document.
    public var document: JSONValue {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number(Self.literal($0)) }) }
        var architecture: [String: JSONValue] = [
            "kind": .string(model.architecture.kind), "inputs": .number(String(model.architecture.inputs)),
        ]
        if case .multilayerPerceptron(_, let hidden) = model.architecture {
            architecture["hidden"] = .number(String(hidden))
            architecture["activation"] = .string("relu")
        }
        let features: [JSONValue] = specification.features.map {
            .object([
                "name": .string($0.name), "minimum": .number(Self.literal($0.minimum)),
                "maximum": .number(Self.literal($0.maximum)), "binary": .bool($0.isBinary),
                "constraint": .string($0.constraint.rawValue),
            ])
        }
        var members: [String: JSONValue] = [
            "format": .string(reference == nil ? Self.format : Self.formatWithReference), "name": .string(name),
            "architecture": .object(architecture),
            "features": .array(features),
            "standardizer": .object([
                "mean": numbers(model.standardizer.mean), "scale": numbers(model.standardizer.scale),
            ]),
            "parameters": numbers(model.parameters), "threshold": .number(Self.literal(threshold)),
            "trainingData": .object([
                "digest": .string(trainingDataDigest.description), "rows": .number(String(trainingRows)),
                "seed": .number(String(seed)),
            ]),
        ]
        if let reference { members["reference"] = reference.document }
        return .object(members)
    }

    /// Decodes a document *without* verifying a commitment (for inspection and tests; the engine
    /// uses ``load(document:commitment:rule:)``).
    ///
    /// - Throws: ``ModelError`` naming the first malformed member.
    public init(document: JSONValue) throws(ModelError) {
        let reader = DocumentReader(document)
        let format = try reader.string("format")
        guard format == Self.format || format == Self.formatWithReference else {
            throw .invalidInput("model document: format must be \(Self.formatWithReference) or \(Self.format)")
        }
        let architecture = try reader.object("architecture")
        let inputs = try architecture.integer("inputs", in: 1...256)
        let featureReaders = try reader.array("features")
        var features: [FeatureDescriptor] = []
        for item in featureReaders {
            guard let constraint = FeatureConstraint(rawValue: try item.string("constraint")) else {
                throw .invalidInput("model document: unknown feature constraint")
            }
            features.append(
                try FeatureDescriptor(
                    name: try item.string("name"), minimum: try item.number("minimum"),
                    maximum: try item.number("maximum"),
                    isBinary: try item.bool("binary"), constraint: constraint))
        }
        let specification = try FeatureSpecification(features: features)
        guard specification.dimension == inputs else {
            throw .invalidInput("model document: \(inputs) inputs but \(specification.dimension) features")
        }
        let standardizerReader = try reader.object("standardizer")
        let standardizer = try Standardizer(
            mean: try standardizerReader.numbers("mean"), scale: try standardizerReader.numbers("scale"))
        guard standardizer.mean.count == inputs else {
            throw .invalidInput(
                "model document: the standardizer has \(standardizer.mean.count) features, not \(inputs)")
        }
        let parameters = try reader.numbers("parameters")
        let model: TrainedModel
        switch try architecture.string("kind") {
        case "logistic": model = .logistic(try LogisticRegression(standardizer: standardizer, parameters: parameters))
        case "mlp":
            guard try architecture.string("activation") == "relu" else {
                throw .invalidInput("model document: only relu activations are supported")
            }
            model = .multilayerPerceptron(
                try MultilayerPerceptron(
                    standardizer: standardizer, hidden: try architecture.integer("hidden", in: 1...1024),
                    parameters: parameters))
        default: throw .invalidInput("model document: architecture kind must be logistic or mlp")
        }
        let training = try reader.object("trainingData")
        guard let digest = try? Bytes32(hex: try training.string("digest")) else {
            throw .invalidInput("model document: trainingData.digest is not 32 bytes of hex")
        }
        let seed = try training.number("seed")
        guard seed >= 0, seed < 18_446_744_073_709_551_616, seed == seed.rounded() else {
            throw .invalidInput("model document: trainingData.seed must be an integer in 0…2^64 − 1")
        }
        try self.init(
            name: try reader.string("name"), model: model, specification: specification,
            threshold: try reader.number("threshold"), trainingDataDigest: digest,
            trainingRows: try training.integer("rows", in: 0...Int(Int32.max)),
            seed: UInt64(seed),
            reference: format == Self.formatWithReference
                ? try ValidationReference(reader: reader.object("reference")) : nil)
    }

    /// The shortest round-trip decimal of `value` (what `Double(_:)` parses back exactly).
    static func literal(_ value: Double) -> String { value == 0 ? "0" : "\(value)" }

    /// The attack probability of `input` and whether it crosses the threshold.
    ///
    /// - Throws: ``ModelError`` if the input fails the specification.
    public func classify(_ input: [Double]) throws(ModelError) -> (probability: Double, flagged: Bool) {
        try input.withUnsafeBufferPointer { (buffer) throws(ModelError) in try classify(raw: buffer) }
    }

    /// The attack probability of `input` (raw values in specification order) and whether it crosses
    /// the threshold. No allocation.
    ///
    /// - Throws: ``ModelError`` if the input fails the specification.
    public func classify(
        raw input: UnsafeBufferPointer<Double>
    ) throws(ModelError) -> (
        probability: Double, flagged: Bool
    ) {
        try specification.validate(input)
        let p = sigmoid(model.logit(raw: input))
        return (p, p >= threshold)
    }
}
