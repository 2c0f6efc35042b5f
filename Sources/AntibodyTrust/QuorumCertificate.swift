import AntibodyCore

/// An ``ActionRequest`` with the sentinel signatures collected for it, in its domain: what a node
/// submits to the Guardian contract and what ``QuorumVerifier`` checks.
///
/// ``serialized()`` is a canonical, length-checked binary form for the wire and for storage:
///
/// ```
/// "ABQC" 0x01 | chainId u64 | verifyingContract 20 | action u8 | target 20 | nonce u64 |
/// expiry u64 | params length u16 | params | signature count u8 | count × (r 32 | s 32 | v 1)
/// ```
///
/// (integers big-endian). The domain's name and version are fixed to the Guardian's.
public struct QuorumCertificate: Hashable, Sendable {
    /// The domain the signatures were made in.
    public var domain: GuardianDomain
    /// The request.
    public var request: ActionRequest
    /// The signatures, in the order collected.
    public var signatures: [RecoverableSignature]

    static let magic: [UInt8] = Array("ABQC".utf8) + [0x01]

    /// A certificate.
    public init(domain: GuardianDomain, request: ActionRequest, signatures: [RecoverableSignature]) {
        self.domain = domain
        self.request = request
        self.signatures = signatures
    }

    /// The canonical binary form.
    ///
    /// - Throws: ``TrustError`` if there are more than 255 signatures or more than
    ///   ``ActionRequest/maximumParamsCount`` params bytes (the form cannot carry them).
    public func serialized() throws(TrustError) -> [UInt8] {
        guard signatures.count <= 255 else {
            throw .invalidInput("a quorum certificate carries at most 255 signatures, not \(signatures.count)")
        }
        guard request.params.count <= ActionRequest.maximumParamsCount else {
            throw .invalidInput(
                "a quorum certificate carries at most \(ActionRequest.maximumParamsCount) params bytes, "
                    + "not \(request.params.count)")
        }
        var out = Self.magic
        out.reserveCapacity(100 + request.params.count + 65 * signatures.count)
        out += Self.bigEndian(domain.chainID)
        out += domain.verifyingContract.bytes
        out.append(request.action.rawValue)
        out += request.target.bytes
        out += Self.bigEndian(request.nonce)
        out += Self.bigEndian(request.expiry)
        out += [UInt8(request.params.count >> 8), UInt8(request.params.count & 0xff)]
        out += request.params
        out.append(UInt8(signatures.count))
        for signature in signatures { out += signature.rsv }
        return out
    }

    /// Parses the canonical binary form.
    ///
    /// - Throws: ``TrustError`` on a wrong magic, an unknown action, a bad v byte, too many params
    ///   or any length mismatch (including trailing bytes).
    public init(serialized bytes: [UInt8]) throws(TrustError) {
        var reader = ByteReader(bytes)
        guard try reader.take(Self.magic.count) == Self.magic else {
            throw .invalidInput("not a quorum certificate (expected magic \"ABQC\" version 1)")
        }
        let chainID = try reader.uint64()
        let contract = try EthereumAddress(validBytes: reader.take(20))
        guard let action = GuardianAction(rawValue: try reader.byte()) else {
            throw .invalidInput("quorum certificate names an unknown action")
        }
        let target = try EthereumAddress(validBytes: reader.take(20))
        let nonce = try reader.uint64()
        let expiry = try reader.uint64()
        let paramsCount = Int(try reader.byte()) << 8 | Int(try reader.byte())
        guard paramsCount <= ActionRequest.maximumParamsCount else {
            throw .invalidInput(
                "quorum certificate params of \(paramsCount) bytes exceed \(ActionRequest.maximumParamsCount)")
        }
        let params = try reader.take(paramsCount)
        let count = Int(try reader.byte())
        var signatures: [RecoverableSignature] = []
        signatures.reserveCapacity(count)
        for _ in 0..<count {
            let rsv = try reader.take(65)
            guard rsv[64] == 27 || rsv[64] == 28 else {
                throw .invalidInput("quorum certificate signature has v = \(rsv[64]); expected 27 or 28")
            }
            signatures.append(try RecoverableSignature(rsv: rsv))
        }
        guard reader.isAtEnd else {
            throw .invalidInput("quorum certificate has \(reader.remaining) unexpected trailing bytes")
        }
        self.init(
            domain: GuardianDomain(chainID: chainID, verifyingContract: contract),
            request: ActionRequest(action: action, target: target, params: params, nonce: nonce, expiry: expiry),
            signatures: signatures)
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
}
