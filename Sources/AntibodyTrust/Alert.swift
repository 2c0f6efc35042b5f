public import AntibodyCore

/// A detector's alert, signed by the node that raised it as EIP-712 typed data:
/// `Alert(string detector,string stream,bytes32 evidenceHash,uint8 severity,int64 time)`.
///
/// The evidence itself (the observations that triggered the detector) stays off the message; its
/// Keccak-256 hash binds it, so anyone holding the evidence can check it.
public struct Alert: Hashable, Sendable, Codable {
    /// The detector's name (e.g. `"cusum"`).
    public var detector: String
    /// The stream watched (e.g. `"ETH/USD chainlink"`).
    public var stream: String
    /// Keccak-256 of the canonical evidence.
    public var evidenceHash: Bytes32
    /// Severity, 0 (info) to 255 (critical); the engine defines the scale.
    public var severity: UInt8
    /// When the alert was raised (event time, milliseconds since the Unix epoch).
    public var time: Timestamp

    /// The EIP-712 type string.
    public static let typeString =
        "Alert(string detector,string stream,bytes32 evidenceHash,uint8 severity,int64 time)"
    /// Keccak-256 of ``typeString``.
    public static let typeHash = Bytes32(Keccak256.digest(typeString.utf8))

    /// An alert.
    public init(detector: String, stream: String, evidenceHash: Bytes32, severity: UInt8, time: Timestamp) {
        self.detector = detector
        self.stream = stream
        self.evidenceHash = evidenceHash
        self.severity = severity
        self.time = time
    }

    /// `hashStruct(Alert)`.
    public var structHash: Bytes32 {
        var hasher = Keccak256()
        Self.typeHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(detector.utf8)).withUnsafeBytes { hasher.update($0) }
        Bytes32(Keccak256.digest(stream.utf8)).withUnsafeBytes { hasher.update($0) }
        evidenceHash.withUnsafeBytes { hasher.update($0) }
        Bytes32(bigEndian: UInt64(severity)).withUnsafeBytes { hasher.update($0) }
        Bytes32.word(time.milliseconds).withUnsafeBytes { hasher.update($0) }
        return Bytes32(hasher.finalize())
    }

    /// The digest the raising node signs in `domain`.
    public func digest(in domain: GuardianDomain) -> Bytes32 {
        TypedData.digest(domainSeparator: domain.separator, structHash: structHash)
    }

    /// Signs the alert.
    public func sign(in domain: GuardianDomain, with key: Secp256k1PrivateKey) -> SignedAlert {
        SignedAlert(alert: self, signature: key.signature(for: digest(in: domain)))
    }

    /// The alert as an `eth_signTypedData_v4` document.
    public func typedData(in domain: GuardianDomain) -> TypedData {
        TypedData(
            types: [
                "EIP712Domain": GuardianDomain.fields,
                "Alert": [
                    TypedDataField(name: "detector", type: "string"), TypedDataField(name: "stream", type: "string"),
                    TypedDataField(name: "evidenceHash", type: "bytes32"),
                    TypedDataField(name: "severity", type: "uint8"), TypedDataField(name: "time", type: "int64"),
                ],
            ],
            primaryType: "Alert",
            domain: domain.jsonMembers,
            message: .object([
                "detector": .string(detector), "stream": .string(stream),
                "evidenceHash": .string(evidenceHash.description), "severity": .number(String(severity)),
                "time": .number(String(time.milliseconds)),
            ]))
    }
}
