import AntibodyCore

/// An error from the chain layer: malformed RLP or ABI data, a JSON-RPC error from the node, a
/// transport failure or time-out, a revert (with its decoded reason), or a refused nonce. A public struct wrapping a private enum (as swift-nio and swift-crypto do); the
/// message says what was wrong, where, and what to do.
public struct ChainError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidRLP
        case invalidABI
        case rpc(code: Int, data: String?)
        case transport
        case timeout
        case invalidResponse
        case reverted(transactionHash: [UInt8]?, reason: String?, data: [UInt8])
        case nonce
        case reorganization
        case lagging
        case refused
    }

    /// The kinds of chain error, for callers that branch on them.
    public enum Category: Hashable, Sendable {
        /// Malformed RLP.
        case invalidRLP
        /// ABI data or a value that does not fit its type.
        case invalidABI
        /// A JSON-RPC error object from the node (other than a revert or a nonce refusal).
        case rpc
        /// The node could not be reached or the connection failed.
        case transport
        /// The node did not answer, or a transaction was not mined, in time.
        case timeout
        /// The node's answer was malformed.
        case invalidResponse
        /// Execution reverted: in `eth_call`/`eth_estimateGas`, or a mined transaction with status 0.
        case reverted
        /// The node refused the transaction's nonce (too low, a gap) and a resynchronisation did not help.
        case nonce
        /// The chain re-organised deeper than the watcher's remembered history (``ChainWatcher``).
        case reorganization
        /// The watcher fell further behind the head than it tolerates (``ChainWatcher``).
        case lagging
        /// The Guardian path refused an action: no on-chain form, the quorum not reached (``GuardianPort``).
        case refused
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

    /// Execution reverted. `transactionHash` is the mined transaction's (nil when the revert was found by
    /// `eth_call` or `eth_estimateGas` before sending), `reason` the decoded `Error(string)` or `Panic`
    /// (see ``RevertReason``), `data` the raw revert bytes.
    public static func reverted(
        transactionHash: [UInt8]?, reason: String?, data: [UInt8], context: String
    )
        -> ChainError
    {
        let what = transactionHash.map { "transaction \(Hex.encode($0))" } ?? "the call"
        let why =
            reason.map { "'\($0)'" } ?? (data.isEmpty ? "without a reason" : "with data \(Hex.encode(data.prefix(68)))")
        return ChainError(
            .reverted(transactionHash: transactionHash, reason: reason, data: data),
            "\(context): \(what) reverted \(why)")
    }

    /// The node refused a transaction's nonce and resynchronising from `eth_getTransactionCount` did not
    /// help.
    public static func nonce(_ message: String) -> ChainError { ChainError(.nonce, message) }

    /// The chain re-organised deeper than the watcher's remembered history (or below its start).
    public static func reorganization(_ message: String) -> ChainError { ChainError(.reorganization, message) }

    /// The watcher fell further behind the chain head than it is configured to tolerate.
    public static func lagging(_ message: String) -> ChainError { ChainError(.lagging, message) }

    /// The Guardian path refused an action (no on-chain form, quorum not reached).
    public static func refused(_ message: String) -> ChainError { ChainError(.refused, message) }

    /// Whether this is a re-organisation the watcher could not follow.
    public var isReorganization: Bool { category == .reorganization }

    /// Whether this is a watcher too far behind the head.
    public var isLagging: Bool { category == .lagging }

    /// Whether the Guardian path refused an action.
    public var isRefused: Bool { category == .refused }

    /// The error's category.
    public var category: Category {
        switch kind {
        case .invalidRLP: .invalidRLP
        case .invalidABI: .invalidABI
        case .rpc: .rpc
        case .transport: .transport
        case .timeout: .timeout
        case .invalidResponse: .invalidResponse
        case .reverted: .reverted
        case .nonce: .nonce
        case .reorganization: .reorganization
        case .lagging: .lagging
        case .refused: .refused
        }
    }

    /// The decoded revert reason: of a ``Category/reverted`` error, or of a JSON-RPC revert (code 3)
    /// whose `data` holds `Error(string)` or `Panic(uint256)`.
    public var revertReason: String? {
        switch kind {
        case .reverted(_, let reason, _): return reason
        case .rpc(3, let data?):
            guard let bytes = try? Hex.decode(data) else { return nil }
            return RevertReason.decode(bytes)
        default: return nil
        }
    }

    /// The raw revert bytes of a revert, if known.
    public var revertData: [UInt8]? {
        switch kind {
        case .reverted(_, _, let data): return data
        case .rpc(3, let data?): return try? Hex.decode(data)
        default: return nil
        }
    }

    /// The reverted transaction's hash, for a mined transaction that reverted.
    public var revertedTransactionHash: [UInt8]? {
        if case .reverted(let hash, _, _) = kind { return hash }
        return nil
    }

    /// Whether the node refused a transaction because of its nonce: our ``Category/nonce`` error, or a
    /// JSON-RPC error whose message mentions the nonce (`nonce too low`, `nonce too high`, geth's and
    /// py-evm's wordings).
    public var isNonceRefusal: Bool {
        switch kind {
        case .nonce: return true
        case .rpc: return message.lowercased().contains("nonce")
        default: return false
        }
    }

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
    public var isRevert: Bool {
        if case .reverted = kind { return true }
        return rpcCode == 3
    }

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
