/// The shape of a classifier: part of the signed artifact.
public enum ModelArchitecture: Hashable, Sendable {
    /// Logistic regression over `inputs` standardized features.
    case logistic(inputs: Int)
    /// One hidden ReLU layer of `hidden` units, then a logistic output.
    case multilayerPerceptron(inputs: Int, hidden: Int)

    /// The number of inputs.
    public var inputs: Int {
        switch self {
        case .logistic(let inputs), .multilayerPerceptron(let inputs, _): inputs
        }
    }

    /// The number of trainable parameters.
    public var parameterCount: Int {
        switch self {
        case .logistic(let d): d + 1
        case .multilayerPerceptron(let d, let h): h * d + h + h + 1
        }
    }

    /// A short name (`logistic`, `mlp`).
    public var kind: String {
        switch self {
        case .logistic: "logistic"
        case .multilayerPerceptron: "mlp"
        }
    }
}
