/// An error from the chain layer: malformed RLP or ABI data, a JSON-RPC error from the node, or a
/// transport failure. A public struct wrapping a private enum (as swift-nio and swift-crypto do); the
/// message says what was wrong, where, and what to do.
public struct ChainError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidRLP
        case invalidABI
        case rpc(code: Int, data: String?)
        case transport
        case timeout
        case invalidResponse
    }

    private let kind: Kind
    /// A human-readable explanation.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// RLP input was malformed or not canonical; `message` says at which offset and why.
    public static func invalidRLP(_ message: String) -> ChainError { ChainError(.invalidRLP, message) }

    /// ABI data or a value did not match its type; `message` says which and where.
    public static func invalidABI(_ message: String) -> ChainError { ChainError(.invalidABI, message) }

    /// The node answered a call with a JSON-RPC error object.
    public static func rpc(code: Int, message: String, data: String?) -> ChainError {
        ChainError(.rpc(code: code, data: data), "the node answered with JSON-RPC error \(code): \(message)")
    }

    /// The node could not be reached or the connection failed.
    public static func transport(_ message: String) -> ChainError { ChainError(.transport, message) }

    /// The node did not answer in time.
    public static func timeout(_ message: String) -> ChainError { ChainError(.timeout, message) }

    /// The node's answer was not valid JSON-RPC or not the expected shape.
    public static func invalidResponse(_ message: String) -> ChainError { ChainError(.invalidResponse, message) }

    /// The JSON-RPC error code, when the node answered with an error object.
    public var rpcCode: Int? {
        if case .rpc(let code, _) = kind { return code }
        return nil
    }

    /// The JSON-RPC error's `data` (for reverts: the raw revert bytes as 0x hex), when present.
    public var rpcData: String? {
        if case .rpc(_, let data) = kind { return data }
        return nil
    }

    /// Whether the node reported that execution reverted (JSON-RPC code 3, as geth does).
    public var isRevert: Bool { rpcCode == 3 }

    /// Whether a retry may succeed: transport failures and time-outs, not answers from the node.
    public var isTransient: Bool {
        switch kind {
        case .transport, .timeout: true
        default: false
        }
    }

    /// The same error with `note` added to its message.
    public func appending(_ note: String) -> ChainError { ChainError(kind, message + note) }

    public var description: String { message }
}
