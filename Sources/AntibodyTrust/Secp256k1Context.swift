internal import CSecp256k1

/// The process-wide libsecp256k1 context, created once.
///
/// A context is safe to share across threads for signing, verification and recovery once created;
/// only `secp256k1_context_randomize` mutates it, and that runs once, before publication, here.
@usableFromInline
final class Secp256k1Context: @unchecked Sendable {
    @usableFromInline
    let pointer: OpaquePointer

    @usableFromInline
    static let shared = Secp256k1Context()

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("libsecp256k1 could not create a context (out of memory)")
        }
        // Blinding against side channels for signing; the seed need not be secret-quality
        // for correctness, but we use the system generator anyway.
        var seed = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in seed.indices { seed[index] = UInt8.random(in: 0...255, using: &generator) }
        _ = secp256k1_context_randomize(context, seed)
        pointer = context
    }
}
