import AntibodyCore

extension ContractArtifacts {
    /// The deployment bytecode of `contracts/Guardian.vy`.
    public static var guardianCode: [UInt8] { bytes(guardianBytecode) }
    /// The deployment bytecode of `contracts/ProtectedVault.vy`.
    public static var protectedVaultCode: [UInt8] { bytes(protectedVaultBytecode) }
    /// The deployment bytecode of `contracts/TestToken.vy`.
    public static var testTokenCode: [UInt8] { bytes(testTokenBytecode) }

    static func bytes(_ hex: String) -> [UInt8] {
        do {
            return try Hex.decode(hex)
        } catch {
            preconditionFailure("ContractArtifacts holds malformed hex; regenerate with scripts/compile-contracts")
        }
    }
}
