/// A trained classifier of either architecture (what a model artifact holds).
public enum TrainedModel: BinaryClassifier, Hashable {
    case logistic(LogisticRegression)
    case multilayerPerceptron(MultilayerPerceptron)

    public var architecture: ModelArchitecture {
        switch self {
        case .logistic(let m): m.architecture
        case .multilayerPerceptron(let m): m.architecture
        }
    }

    public var standardizer: Standardizer {
        switch self {
        case .logistic(let m): m.standardizer
        case .multilayerPerceptron(let m): m.standardizer
        }
    }

    public var parameters: [Double] {
        switch self {
        case .logistic(let m): m.parameters
        case .multilayerPerceptron(let m): m.parameters
        }
    }

    public func with(parameters: [Double]) -> TrainedModel {
        switch self {
        case .logistic(let m): .logistic(m.with(parameters: parameters))
        case .multilayerPerceptron(let m): .multilayerPerceptron(m.with(parameters: parameters))
        }
    }

    public func logit(raw x: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case .logistic(let m): m.logit(raw: x)
        case .multilayerPerceptron(let m): m.logit(raw: x)
        }
    }

    public func logit(standardized z: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case .logistic(let m): m.logit(standardized: z)
        case .multilayerPerceptron(let m): m.logit(standardized: z)
        }
    }

    public func logitGradient(standardized z: [Double]) -> [Double] {
        switch self {
        case .logistic(let m): m.logitGradient(standardized: z)
        case .multilayerPerceptron(let m): m.logitGradient(standardized: z)
        }
    }

    public func accumulateGradient(
        standardized z: UnsafeBufferPointer<Double>, label: Double, weight: Double,
        into gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        switch self {
        case .logistic(let m): m.accumulateGradient(standardized: z, label: label, weight: weight, into: gradient)
        case .multilayerPerceptron(let m):
            m.accumulateGradient(standardized: z, label: label, weight: weight, into: gradient)
        }
    }
}
