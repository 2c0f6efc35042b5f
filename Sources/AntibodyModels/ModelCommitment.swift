import AntibodyTrust

/// The one verification path of every signed model document (classifier or forecaster): governance's
/// ``AntibodyTrust/Commitment`` checked against the document's canonical digest under a
/// ``AntibodyTrust/CommitmentRule`` before anything is decoded, then the subject checked after.
enum ModelCommitment {
    /// Verifies `commitment` to `document` under `rule`.
    ///
    /// - Throws: ``ModelError`` (integrity) with Trust's reason, prefixed `model refused:`.
    static func verify(_ commitment: Commitment, document: JSONValue, rule: CommitmentRule) throws(ModelError) {
        do {
            _ = try rule.verify(commitment, document: document)
        } catch {
            throw .integrity("model refused: \(error.message)")
        }
    }

    /// Checks that `commitment` names `subject` (a valid commitment to another model is refused).
    ///
    /// - Throws: ``ModelError`` (integrity) naming both subjects.
    static func requireSubject(_ commitment: Commitment, _ subject: String) throws(ModelError) {
        guard commitment.subject == subject else {
            throw .integrity("model refused: the commitment is for \(commitment.subject), the document is \(subject)")
        }
    }
}
