/// A resolved reference to one field of one element of the protocol state: where its value lives in
/// a ``StateStore``. Resolve once (``StateLayout/handle(entity:field:element:)``), then read and
/// write by handle on hot paths.
public struct FieldHandle: Hashable, Sendable {
    /// The field's type.
    public let type: ValueType
    /// The index into the store's exact (`int`/`decimal`) or float slots.
    public let slot: Int

    /// Whether the value lives in the float slots.
    @inlinable public var isFloat: Bool { type == .float }

    @usableFromInline init(type: ValueType, slot: Int) {
        self.type = type
        self.slot = slot
    }
}
