public import AntibodyTrust

/// A model document governance signs — a classifier's ``ModelArtifact`` or a
/// ``ForecasterArtifact``: JSON hashed canonically (``AntibodyTrust/CanonicalDigest``: sorted
/// members, numbers as IEEE-754 doubles, Keccak-256) and committed as a
/// ``AntibodyTrust/Commitment`` with subject `model:<name>`.
///
/// The one verification path is ``load(document:commitment:rule:)``: governance's commitment is
/// checked against the document's digest before anything is decoded, and its subject after.
public protocol SignedModelDocument: Sendable {
    /// The model's name (the commitment subject is `model:<name>`).
    var name: String { get }
    /// The canonical document.
    var document: JSONValue { get }
    /// Decodes a document *without* verifying a commitment (for inspection and tests; the engine
    /// uses ``load(document:commitment:rule:)``).
    init(document: JSONValue) throws(ModelError)
}

extension SignedModelDocument {
    /// The commitment subject, `model:<name>`.
    public var subject: String { "model:\(name)" }

    /// The canonical digest governance signs.
    public var digest: Bytes32 {
        // Every number in a document is finite (checked on construction), so this cannot throw.
        (try? CanonicalDigest.digest(of: document)) ?? .zero
    }

    /// The document as compact JSON text (members sorted).
    public var documentText: String { JSONRendering.render(document) }

    /// An unsigned commitment to this document (sign it with `Commitment.signed(by:in:)`).
    public func commitment(version: UInt64) -> Commitment {
        Commitment(subject: subject, digest: digest, version: version)
    }

    /// Verifies governance's `commitment` to `document` under `rule`, then decodes it.
    ///
    /// - Throws: ``ModelError`` (integrity, prefixed `model refused:`) saying why the model is
    ///   refused — unsigned, too few or wrong signers, the document changed since it was signed
    ///   (both digests shown), or the commitment is for another model — with nothing decoded first;
    ///   ``ModelError`` (bad input) if a verified document is malformed.
    public static func load(
        document: JSONValue, commitment: Commitment, rule: CommitmentRule
    ) throws(ModelError) -> Self {
        do {
            _ = try rule.verify(commitment, document: document)
        } catch {
            throw .integrity("model refused: \(error.message)")
        }
        let artifact = try Self(document: document)
        guard commitment.subject == artifact.subject else {
            throw .integrity(
                "model refused: the commitment is for \(commitment.subject), the document is \(artifact.subject)")
        }
        return artifact
    }
}
