public import AntibodyCore
public import AntibodyTrust

/// A signed statement by a sentinel node: "the model with digest M, given the input with digest I,
/// output O". The practical stand-in for a zero-knowledge proof or an enclave attestation.
///
/// What it proves: the holder of the signing key vouched for this (model, input, output) triple;
/// anyone holding the committed model and the input can recompute O and check the node did not
/// lie, and the model digest ties the claim to what governance signed. What it does not prove:
/// that the node actually ran the computation (a dishonest key holder can sign any triple — only
/// recomputation catches it), that the input reflected the chain, or anything if the key leaked.
public struct InferenceReceipt: Hashable, Sendable {
    /// The model's canonical digest.
    public let modelDigest: Bytes32
    /// ``inputDigest(_:)`` of the input.
    public let inputDigest: Bytes32
    /// The attack probability the model output.
    public let output: Double
    /// The node's signature over ``signingDigest``.
    public let signature: RecoverableSignature

    /// Keccak-256 of `"ANTIBODY-MODEL-INPUT-V1"` ‖ count (u32 BE) ‖ the values' bit patterns (u64 BE).
    public static func inputDigest(_ input: [Double]) -> Bytes32 {
        var bytes = Array("ANTIBODY-MODEL-INPUT-V1".utf8)
        CanonicalBytes.append(UInt32(truncatingIfNeeded: input.count), to: &bytes)
        for value in input { CanonicalBytes.append(value, to: &bytes) }
        return Bytes32(Keccak256.digest(bytes))
    }

    /// Keccak-256 of `"ANTIBODY-INFERENCE-V1"` ‖ model digest ‖ input digest ‖ output bits (u64 BE).
    public static func signingDigest(modelDigest: Bytes32, inputDigest: Bytes32, output: Double) -> Bytes32 {
        var bytes = Array("ANTIBODY-INFERENCE-V1".utf8)
        bytes += modelDigest.bytes
        bytes += inputDigest.bytes
        CanonicalBytes.append(output, to: &bytes)
        return Bytes32(Keccak256.digest(bytes))
    }

    /// The digest the node signed.
    public var signingDigest: Bytes32 {
        Self.signingDigest(modelDigest: modelDigest, inputDigest: inputDigest, output: output)
    }

    /// Runs `artifact` on `input` and signs the result with `key`.
    ///
    /// - Throws: ``ModelError`` if the input fails the model's specification.
    public init(artifact: ModelArtifact, input: [Double], key: Secp256k1PrivateKey) throws(ModelError) {
        let output = try artifact.classify(input).probability
        modelDigest = artifact.digest
        inputDigest = Self.inputDigest(input)
        self.output = output
        signature = key.signature(
            for: Self.signingDigest(modelDigest: modelDigest, inputDigest: inputDigest, output: output))
    }

    /// The address that signed the receipt.
    ///
    /// - Throws: ``ModelError`` if the signature recovers no key.
    public func signer() throws(ModelError) -> EthereumAddress {
        do {
            return try signature.recoverAddress(digest: signingDigest)
        } catch {
            throw .integrity("receipt signature recovers no key: \(error.message)")
        }
    }

    /// Checks the receipt against the node's address, and — by recomputation — against the model
    /// and input it claims.
    ///
    /// - Throws: ``ModelError`` (integrity) naming the first mismatch.
    public func verify(signer expected: EthereumAddress, artifact: ModelArtifact, input: [Double]) throws(ModelError) {
        guard try signer() == expected else { throw .integrity("receipt is not signed by \(expected)") }
        guard modelDigest == artifact.digest else {
            throw .integrity("receipt is for model \(modelDigest), not \(artifact.digest)")
        }
        guard inputDigest == Self.inputDigest(input) else { throw .integrity("receipt is for a different input") }
        let recomputed = try artifact.classify(input).probability
        guard recomputed.bitPattern == output.bitPattern else {
            throw .integrity("receipt claims output \(output) but the model gives \(recomputed)")
        }
    }
}
