/// The inputs of a model, in order: part of what governance signs (a model is only meaningful with
/// the features it was trained on) and the bounds every input is checked against.
public struct FeatureSpecification: Hashable, Sendable {
    /// The features, in input order.
    public let features: [FeatureDescriptor]

    /// A specification.
    ///
    /// - Throws: ``ModelError`` for no features, more than 256, or a repeated name.
    public init(features: [FeatureDescriptor]) throws(ModelError) {
        guard (1...256).contains(features.count) else {
            throw .invalidInput("a model needs 1…256 features, not \(features.count)")
        }
        guard Set(features.map(\.name)).count == features.count else {
            throw .invalidInput("feature names must be distinct")
        }
        self.features = features
    }

    /// The number of inputs.
    @inlinable public var dimension: Int { features.count }

    /// The feature names in order.
    public var names: [String] { features.map(\.name) }

    /// The transaction / flow classifier's features (the order of `AntibodyCore.TransactionFeatures`).
    public static let transactionFlow: FeatureSpecification = {
        func f(
            _ name: String, _ low: Double, _ high: Double, _ constraint: FeatureConstraint, binary: Bool = false
        )
            -> FeatureDescriptor
        {
            try! FeatureDescriptor(name: name, minimum: low, maximum: high, isBinary: binary, constraint: constraint)
        }
        return try! FeatureSpecification(features: [
            f("log10SizeToTVL", -8, 2, .decreaseOnly),
            f("flashLoan", 0, 1, .immutable, binary: true),
            f("log1pPriceImpact", 0, 5, .decreaseOnly),
            f("log10ContractAge", 0, 8, .free),
            f("callDepth", 1, 64, .free),
            f("outflowShare", 0, 1, .decreaseOnly),
            f("log1pOracleDeviation", 0, 5, .immutable),
            f("borrowAfterPriceMove", 0, 1, .immutable, binary: true),
            f("log10WithdrawToDeposit", -3, 6, .immutable),
            f("log1pSenderWindowImpact", 0, 5, .decreaseOnly),
            f("utilisation", 0, 1, .immutable),
            f("marketVolatility", 0, 5, .immutable),
        ])
    }()

    /// Checks one input row: its length, that every value is finite and within its bounds, and
    /// that binary features are 0 or 1.
    ///
    /// - Throws: ``ModelError`` naming the first offending feature.
    public func validate(_ row: [Double]) throws(ModelError) {
        try row.withUnsafeBufferPointer { (buffer) throws(ModelError) in try validate(buffer) }
    }

    /// Checks one input row in a buffer (no allocation unless it fails).
    ///
    /// - Throws: ``ModelError`` naming the first offending feature.
    public func validate(_ row: UnsafeBufferPointer<Double>) throws(ModelError) {
        guard row.count == features.count else {
            throw .invalidInput("an input row has \(row.count) values; the model takes \(features.count)")
        }
        for (index, feature) in features.enumerated() {
            let value = row[index]
            guard value.isFinite, value >= feature.minimum, value <= feature.maximum else {
                throw .invalidInput(
                    "feature \(feature.name) is \(value), outside \(feature.minimum)…\(feature.maximum)")
            }
            if feature.isBinary, value != 0, value != 1 {
                throw .invalidInput("feature \(feature.name) is binary (0 or 1), not \(value)")
            }
        }
    }

    /// Checks that a traffic source's feature names are exactly these, in this order.
    ///
    /// - Throws: ``ModelError`` naming the first difference.
    public func requireNames(_ names: [String]) throws(ModelError) {
        guard names == self.names else {
            let first = zip(names, self.names).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "position \($0.offset): \($0.element.0) vs \($0.element.1)" } ?? "different counts"
            throw .invalidInput("the traffic's features do not match the model's specification (\(detail))")
        }
    }
}
