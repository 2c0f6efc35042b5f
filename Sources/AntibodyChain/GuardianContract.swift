public import AntibodyCore
import AntibodyMath
public import AntibodyTrust

/// A typed binding of `contracts/Guardian.vy`: call data for every function it exposes (static, pure
/// functions), reads through `eth_call`, event decoding (``GuardianEvent``) and deployment.
///
/// The certificate is the contract's ABI tuple
/// `(uint256 chainId, address verifyingContract, bytes params, uint256 nonce, uint64 expiry,
/// (uint8 v, bytes32 r, bytes32 s)[] signatures)` built from a ``QuorumCertificate``
/// (`v = 27 + recovery id`). `pause`, `isolate` and `queue` call data are written by a specialised
/// encoder (``encodePauseCall(target:certificate:into:)``) that allocates nothing when the output has
/// capacity; the generic ``ABI`` encoder gives the same bytes (tested).
public struct GuardianContract: ContractBinding {
    /// The Guardian's address.
    public let address: EthereumAddress
    /// The client used for reads.
    public let client: JSONRPCClient

    /// A binding of the Guardian at `address`.
    public init(address: EthereumAddress, client: JSONRPCClient) {
        self.address = address
        self.client = client
    }

    /// The EIP-712 domain the Guardian at ``address`` verifies on chain `chainID`.
    public func domain(chainID: UInt64) -> GuardianDomain {
        GuardianDomain(chainID: chainID, verifyingContract: address)
    }

    /// The contract's functions.
    public enum Functions {
        static let certificate = "(uint256,address,bytes,uint256,uint64,(uint8,bytes32,bytes32)[])"
        /// `pause(address,Certificate)`.
        public static let pause = ABIFunction(known: "pause(address,\(certificate))")
        /// `isolate(address,Certificate)`.
        public static let isolate = ABIFunction(known: "isolate(address,\(certificate))")
        /// `queue(uint8,address,Certificate) -> bytes32`.
        public static let queue = ABIFunction(known: "queue(uint8,address,\(certificate))", outputs: "bytes32")
        /// `cancel(bytes32)`.
        public static let cancel = ABIFunction(known: "cancel(bytes32)")
        /// `executeUnpause(bytes32,bytes)`.
        public static let executeUnpause = ABIFunction(known: "executeUnpause(bytes32,bytes)")
        /// `executeSetParams(bytes32,address,LimiterParams)`.
        public static let executeSetParams = ABIFunction(
            known: "executeSetParams(bytes32,address,(uint256,uint256,uint256,bool))")
        /// `domainSeparator() -> bytes32`.
        public static let domainSeparator = ABIFunction(known: "domainSeparator()", outputs: "bytes32")
        /// `actionDigest(uint8,address,bytes,uint256,uint64) -> bytes32`.
        public static let actionDigest = ABIFunction(
            known: "actionDigest(uint8,address,bytes,uint256,uint64)", outputs: "bytes32")
        /// `sentinelCount() -> uint256`.
        public static let sentinelCount = ABIFunction(known: "sentinelCount()", outputs: "uint256")
        /// `pauseThreshold() -> uint256` (f + 1).
        public static let pauseThreshold = ABIFunction(known: "pauseThreshold()", outputs: "uint256")
        /// `governanceThreshold() -> uint256` (2f + 1).
        public static let governanceThreshold = ABIFunction(known: "governanceThreshold()", outputs: "uint256")
        /// `f() -> uint256`.
        public static let f = ABIFunction(known: "f()", outputs: "uint256")
        /// `timelockDelay() -> uint256`.
        public static let timelockDelay = ABIFunction(known: "timelockDelay()", outputs: "uint256")
        /// `sentinels(uint256) -> address`.
        public static let sentinels = ABIFunction(known: "sentinels(uint256)", outputs: "address")
        /// `governors(uint256) -> address`.
        public static let governors = ABIFunction(known: "governors(uint256)", outputs: "address")
        /// `isSentinel(address) -> bool`.
        public static let isSentinel = ABIFunction(known: "isSentinel(address)", outputs: "bool")
        /// `isGovernor(address) -> bool`.
        public static let isGovernor = ABIFunction(known: "isGovernor(address)", outputs: "bool")
        /// `nonceUsed(uint256) -> bool`.
        public static let nonceUsed = ABIFunction(known: "nonceUsed(uint256)", outputs: "bool")
        /// `isPaused(address) -> bool`.
        public static let isPaused = ABIFunction(known: "isPaused(address)", outputs: "bool")
        /// `pausedAt(address) -> uint256`.
        public static let pausedAt = ABIFunction(known: "pausedAt(address)", outputs: "uint256")
        /// `isIsolated(address,address) -> bool`.
        public static let isIsolated = ABIFunction(known: "isIsolated(address,address)", outputs: "bool")
        /// `operations(bytes32) -> (uint8,address,bytes32,uint256,uint8)`.
        public static let operations = ABIFunction(
            known: "operations(bytes32)", outputs: "(uint8,address,bytes32,uint256,uint8)")

        /// Every function above.
        public static let all: [ABIFunction] = [
            pause, isolate, queue, cancel, executeUnpause, executeSetParams, domainSeparator, actionDigest,
            sentinelCount, pauseThreshold, governanceThreshold, f, timelockDelay, sentinels, governors, isSentinel,
            isGovernor, nonceUsed, isPaused, pausedAt, isIsolated, operations,
        ]
    }

    /// The ABI type of the certificate tuple.
    public static let certificateType = ABIType.tuple([
        .uint256, .address, .bytes, .uint256, .uint(64), .array(.tuple([.uint(8), .bytes32, .bytes32])),
    ])

    /// The certificate as an ABI tuple value (for the generic encoder).
    public static func certificateValue(_ certificate: QuorumCertificate) -> ABIValue {
        .tuple([
            .uint(UInt256(certificate.domain.chainID)), .address(certificate.domain.verifyingContract),
            .bytes(certificate.request.params), .uint(UInt256(certificate.request.nonce)),
            .uint(UInt256(certificate.request.expiry)),
            .array(
                certificate.signatures.map {
                    .tuple([
                        .uint(UInt256(UInt64(27 + $0.recoveryID))), .fixedBytes($0.r.bytes), .fixedBytes($0.s.bytes),
                    ])
                }),
        ])
    }

    // MARK: Constructor and deployment

    /// The constructor arguments `(address[] sentinels, uint256 f, address[] governors,
    /// uint256 timelockDelay)`, ABI-encoded.
    public static func constructorArguments(
        sentinels: [EthereumAddress], f: UInt64, governors: [EthereumAddress], timelockDelay: UInt64
    ) -> [UInt8] {
        // Well-typed values only: encoding cannot fail.
        try! ABI.encode(
            [
                .array(sentinels.map { .address($0) }), .uint(UInt256(f)), .array(governors.map { .address($0) }),
                .uint(UInt256(timelockDelay)),
            ], as: [.array(.address), .uint256, .array(.address), .uint256])
    }

    /// Deploys a Guardian from ``ContractArtifacts/guardianBytecode`` and waits for the receipt.
    ///
    /// - Throws: ``ChainError``; a constructor revert (n < 3f + 1, a zero or duplicate member, a
    ///   timelock over 30 days) as ``ChainError/Category/reverted`` with its reason.
    public static func deploy(
        sentinels: [EthereumAddress], f: UInt64, governors: [EthereumAddress], timelockDelay: UInt64,
        from account: ChainAccount
    ) async throws(ChainError) -> GuardianContract {
        let code = ContractArtifacts.bytes(ContractArtifacts.guardianBytecode)
        let arguments = constructorArguments(
            sentinels: sentinels, f: f, governors: governors, timelockDelay: timelockDelay)
        let address = try await account.deploy(code + arguments)
        return GuardianContract(address: address, client: account.client)
    }

    // MARK: Call data

    /// Call data of `pause(target, certificate)`.
    public static func pauseCall(target: EthereumAddress, certificate: QuorumCertificate) -> [UInt8] {
        var out: [UInt8] = []
        encodePauseCall(target: target, certificate: certificate, into: &out)
        return out
    }

    /// Appends the call data of `pause(target, certificate)` to `out`; no allocation when `out` has
    /// the capacity (``certificateCallCount(certificate:leadingWords:)``).
    public static func encodePauseCall(target: EthereumAddress, certificate: QuorumCertificate, into out: inout [UInt8])
    {
        encodeCertificateCall(selector: 0x57c1_282e, action: nil, target: target, certificate: certificate, into: &out)
    }

    /// Call data of `isolate(target, certificate)` (the certificate's params: `abi_encode(asset)`,
    /// see ``isolateParams(asset:)``).
    public static func isolateCall(target: EthereumAddress, certificate: QuorumCertificate) -> [UInt8] {
        var out: [UInt8] = []
        encodeCertificateCall(selector: 0xb6e6_38fc, action: nil, target: target, certificate: certificate, into: &out)
        return out
    }

    /// Call data of `queue(action, target, certificate)` (unpause or set parameters; a governor sends
    /// it).
    public static func queueCall(
        action: GuardianAction, target: EthereumAddress, certificate: QuorumCertificate
    ) -> [UInt8] {
        var out: [UInt8] = []
        encodeCertificateCall(
            selector: 0xdfcf_065a, action: action.rawValue, target: target, certificate: certificate, into: &out)
        return out
    }

    /// Call data of `cancel(operationId)`.
    public static func cancelCall(operationID: Bytes32) -> [UInt8] {
        try! Functions.cancel.encodeCall([.fixedBytes(operationID.bytes)])
    }

    /// Call data of `executeUnpause(operationId, params)`; `params` must be the queued request's.
    public static func executeUnpauseCall(operationID: Bytes32, params: [UInt8]) -> [UInt8] {
        try! Functions.executeUnpause.encodeCall([.fixedBytes(operationID.bytes), .bytes(params)])
    }

    /// Call data of `executeSetParams(operationId, asset, parameters)`; the queued request's params
    /// must be ``LimiterParameters/setParameterParams(asset:)``.
    public static func executeSetParamsCall(
        operationID: Bytes32, asset: EthereumAddress, parameters: LimiterParameters
    ) -> [UInt8] {
        try! Functions.executeSetParams.encodeCall([
            .fixedBytes(operationID.bytes), .address(asset), parameters.abiValue,
        ])
    }

    /// The `params` of an isolate request, or of an unpause request lifting an isolation:
    /// `abi_encode(asset)`.
    public static func isolateParams(asset: EthereumAddress) -> [UInt8] {
        [UInt8](repeating: 0, count: 12) + asset.bytes
    }

    /// The length of the call data of a certificate-carrying function with `leadingWords` arguments
    /// before the certificate (2 for pause and isolate, 3 for queue).
    public static func certificateCallCount(certificate: QuorumCertificate, leadingWords: Int = 2) -> Int {
        let paddedParams = (certificate.request.params.count + 31) / 32 * 32
        return 4 + 32 * leadingWords + 32 * 6 + 32 + paddedParams + 32 + 96 * certificate.signatures.count
    }

    static func encodeCertificateCall(
        selector: UInt32, action: UInt8?, target: EthereumAddress, certificate: QuorumCertificate,
        into out: inout [UInt8]
    ) {
        let params = certificate.request.params
        let paddedParams = (params.count + 31) / 32 * 32
        let leadingWords = action == nil ? 2 : 3
        let start = out.count
        let count = certificateCallCount(certificate: certificate, leadingWords: leadingWords)
        out.append(contentsOf: repeatElement(0, count: count))
        out.withUnsafeMutableBufferPointer { buffer in
            var p = start
            func word(_ value: UInt64) {
                for i in 0..<8 { buffer[p + 24 + i] = UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64(i))) }
                p += 32
            }
            func address(_ a: EthereumAddress) {
                for (i, byte) in a.bytes.enumerated() { buffer[p + 12 + i] = byte }
                p += 32
            }
            func bytes32(_ b: Bytes32) {
                b.withUnsafeBytes { raw in
                    for i in 0..<32 { buffer[p + i] = raw[i] }
                }
                p += 32
            }
            for i in 0..<4 { buffer[p + i] = UInt8(truncatingIfNeeded: selector >> (24 - 8 * UInt32(i))) }
            p += 4
            if let action { word(UInt64(action)) }
            address(target)
            word(UInt64(32 * leadingWords))  // offset of the certificate tuple
            word(certificate.domain.chainID)
            address(certificate.domain.verifyingContract)
            word(32 * 6)  // offset of params within the tuple
            word(certificate.request.nonce)
            word(certificate.request.expiry)
            word(UInt64(32 * 6 + 32 + paddedParams))  // offset of the signatures
            word(UInt64(params.count))
            for (i, byte) in params.enumerated() { buffer[p + i] = byte }
            p += paddedParams
            word(UInt64(certificate.signatures.count))
            for signature in certificate.signatures {
                word(UInt64(27 + signature.recoveryID))
                bytes32(signature.r)
                bytes32(signature.s)
            }
        }
    }

    // MARK: Reads

    /// Whether `target` is paused.
    public func isPaused(_ target: EthereumAddress) async throws(ChainError) -> Bool {
        try await readBool(Functions.isPaused, [.address(target)])
    }

    /// When `target` was paused (block timestamp), 0 if never.
    public func pausedAt(_ target: EthereumAddress) async throws(ChainError) -> UInt64 {
        try await readUInt64(Functions.pausedAt, [.address(target)])
    }

    /// Whether `asset` is isolated in `target`.
    public func isIsolated(_ target: EthereumAddress, asset: EthereumAddress) async throws(ChainError) -> Bool {
        try await readBool(Functions.isIsolated, [.address(target), .address(asset)])
    }

    /// Whether `nonce` has been used.
    public func nonceUsed(_ nonce: UInt64) async throws(ChainError) -> Bool {
        try await readBool(Functions.nonceUsed, [.uint(UInt256(nonce))])
    }

    /// f, the number of Byzantine sentinels tolerated.
    public func f() async throws(ChainError) -> UInt64 { try await readUInt64(Functions.f) }

    /// The number of sentinels.
    public func sentinelCount() async throws(ChainError) -> UInt64 { try await readUInt64(Functions.sentinelCount) }

    /// f + 1.
    public func pauseThreshold() async throws(ChainError) -> UInt64 { try await readUInt64(Functions.pauseThreshold) }

    /// 2f + 1.
    public func governanceThreshold() async throws(ChainError) -> UInt64 {
        try await readUInt64(Functions.governanceThreshold)
    }

    /// The timelock, in seconds.
    public func timelockDelay() async throws(ChainError) -> UInt64 { try await readUInt64(Functions.timelockDelay) }

    /// Whether `account` is a sentinel.
    public func isSentinel(_ account: EthereumAddress) async throws(ChainError) -> Bool {
        try await readBool(Functions.isSentinel, [.address(account)])
    }

    /// Whether `account` is a governance signer.
    public func isGovernor(_ account: EthereumAddress) async throws(ChainError) -> Bool {
        try await readBool(Functions.isGovernor, [.address(account)])
    }

    /// The EIP-712 domain separator the contract computes.
    public func domainSeparator() async throws(ChainError) -> Bytes32 {
        try await readBytes32(Functions.domainSeparator, [])
    }

    /// The digest the contract expects sentinels to sign for `request` (compare with
    /// ``ActionRequest/digest(in:)``).
    public func actionDigest(_ request: ActionRequest) async throws(ChainError) -> Bytes32 {
        try await readBytes32(
            Functions.actionDigest,
            [
                .uint(UInt256(UInt64(request.action.rawValue))), .address(request.target), .bytes(request.params),
                .uint(UInt256(request.nonce)), .uint(UInt256(request.expiry)),
            ])
    }

    /// A queued operation (id: the request's EIP-712 digest).
    public func operation(_ id: Bytes32) async throws(ChainError) -> GuardianOperation {
        let values = try await read(Functions.operations, [.fixedBytes(id.bytes)])
        guard values.count == 1, let fields = values[0].elements, fields.count == 5,
            let action = fields[0].uintValue?.exactUInt64, let target = fields[1].addressValue,
            let hash = fields[2].bytesValue.flatMap({ Bytes32(bytes: $0) }), let eta = fields[3].uintValue?.exactUInt64,
            let state = fields[4].uintValue?.exactUInt64
        else { throw .invalidABI("operations(bytes32) returned an unexpected shape") }
        return GuardianOperation(
            action: UInt8(truncatingIfNeeded: action), target: target, paramsHash: hash, eta: eta,
            state: GuardianOperation.State(rawValue: UInt8(truncatingIfNeeded: state)) ?? .none)
    }

    private func readBytes32(_ function: ABIFunction, _ arguments: [ABIValue]) async throws(ChainError) -> Bytes32 {
        guard let bytes = try await read(function, arguments).first?.bytesValue, let value = Bytes32(bytes: bytes)
        else {
            throw .invalidABI("\(function.signature) did not return bytes32")
        }
        return value
    }
}
