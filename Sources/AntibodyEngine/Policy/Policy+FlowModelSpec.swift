public import AntibodyCore
public import AntibodyModels

extension Policy {
    /// The transaction / flow classifier (`[models.flow]`): a governance-committed model, loaded and
    /// verified when the policy was built, with what its verdicts may do.
    public struct FlowModelSpec: Sendable {
        /// What a flagged transaction whose input passed validation does.
        public enum Response: String, Hashable, Sendable {
            /// A decision only.
            case alert
            /// A decision and a pause of ``scope`` (through the pause cost–benefit gate if the policy
            /// has one).
            case pause
        }

        /// The verified model (its commitment checked against the governance approvers).
        public var artifact: ModelArtifact
        /// The model's input-validation reference (required: the engine never runs a model whose
        /// inputs it cannot check).
        public var reference: ValidationReference
        /// Attack probability at or above which a transaction is flagged.
        public var threshold: Double
        /// What a flagged, in-distribution transaction does.
        public var response: Response
        /// What a pause pauses; `nil` for the transaction's market (if declared, else the protocol).
        public var scope: ActionScope?
        /// The protocol's declared markets (a pause without ``scope`` pauses the transaction's market
        /// when it is one of them).
        public var markets: Set<String>
        /// Severity of the model's decisions.
        public var severity: Severity
        /// Recent transactions the drift tests look at.
        public var window: Int
        /// Robust-distance limit of an in-distribution input.
        public var maxDistance: Double
        /// The model document's path, as resolved.
        public var path: String

        /// A specification; the caller has verified `artifact` and checked its features.
        public init(
            artifact: ModelArtifact, reference: ValidationReference, threshold: Double, response: Response,
            scope: ActionScope?, markets: Set<String>, severity: Severity, window: Int, maxDistance: Double,
            path: String
        ) {
            self.artifact = artifact
            self.reference = reference
            self.threshold = threshold
            self.response = response
            self.scope = scope
            self.markets = markets
            self.severity = severity
            self.window = window
            self.maxDistance = maxDistance
            self.path = path
        }
    }
}
