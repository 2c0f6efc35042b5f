/// Decodes the data of a revert: Solidity's and Vyper's `Error(string)` (selector `0x08c379a0`) and
/// Solidity's `Panic(uint256)` (selector `0x4e487b71`).
public enum RevertReason {
    /// `bytes4(keccak256("Error(string)"))`.
    public static let errorSelector: [UInt8] = [0x08, 0xc3, 0x79, 0xa0]
    /// `bytes4(keccak256("Panic(uint256)"))`.
    public static let panicSelector: [UInt8] = [0x4e, 0x48, 0x7b, 0x71]

    /// The reason in `data`: the string of `Error(string)`, `panic 0x…` for `Panic(uint256)`, `nil` for
    /// empty data or anything else (a custom error; keep the raw bytes). Never throws: revert data
    /// comes from the chain and may be malformed.
    public static func decode(_ data: [UInt8]) -> String? {
        guard data.count >= 4 else { return nil }
        let selector = Array(data.prefix(4))
        let body = Array(data.dropFirst(4))
        if selector == errorSelector, let value = try? ABI.decode([.string], from: body).first?.stringValue {
            return String(value.prefix(1024))
        }
        if selector == panicSelector, let code = try? ABI.decode([.uint256], from: body).first?.uintValue {
            return "panic \(code.hexDescription)"
        }
        return nil
    }
}
