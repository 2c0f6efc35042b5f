/// One member of an EIP-712 struct type: its name and its type (`"uint256"`, `"Person"`,
/// `"bytes32[]"`, …).
public struct TypedDataField: Hashable, Sendable {
    /// The member name.
    public var name: String
    /// The member type.
    public var type: String

    /// A field.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}
