/// A set of ``PriceReason``s stored as one 64-bit mask: copying, merging and testing never allocate.
public struct ReasonSet: Hashable, Sendable, Sequence, CustomStringConvertible {
    /// The bit mask; bit `r.rawValue` is set when reason `r` is present.
    public var rawValue: UInt64

    /// A set from its bit mask.
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The empty set.
    @inlinable
    public init() { rawValue = 0 }

    /// The set holding only `reason`.
    @inlinable
    public init(_ reason: PriceReason) { self.rawValue = 1 << UInt64(reason.rawValue) }

    /// The set holding `reasons`.
    @inlinable
    public init(_ reasons: [PriceReason]) {
        self.rawValue = 0
        for reason in reasons { insert(reason) }
    }

    /// Whether `reason` is present.
    @inlinable
    public func contains(_ reason: PriceReason) -> Bool { rawValue & (1 << UInt64(reason.rawValue)) != 0 }

    /// Adds `reason`.
    @inlinable
    public mutating func insert(_ reason: PriceReason) { rawValue |= 1 << UInt64(reason.rawValue) }

    /// Removes `reason`.
    @inlinable
    public mutating func remove(_ reason: PriceReason) { rawValue &= ~(1 << UInt64(reason.rawValue)) }

    /// Adds every reason of `other`.
    @inlinable
    public mutating func formUnion(_ other: ReasonSet) { rawValue |= other.rawValue }

    /// The reasons in either set.
    @inlinable
    public func union(_ other: ReasonSet) -> ReasonSet { ReasonSet(rawValue: rawValue | other.rawValue) }

    /// Whether the set is empty.
    @inlinable
    public var isEmpty: Bool { rawValue == 0 }

    /// Whether any reason in the set is disqualifying (see ``PriceReason/isDisqualifying``).
    @inlinable
    public var hasDisqualifying: Bool { rawValue & ReasonSet.disqualifyingMask != 0 }

    /// The mask of all disqualifying reasons.
    @usableFromInline
    static let disqualifyingMask: UInt64 = PriceReason.allCases.reduce(0) {
        $1.isDisqualifying ? $0 | (1 << UInt64($1.rawValue)) : $0
    }

    /// Iterates the reasons in declaration order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var remaining: UInt64

        @inlinable
        init(_ mask: UInt64) { remaining = mask }

        @inlinable
        public mutating func next() -> PriceReason? {
            guard remaining != 0 else { return nil }
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return PriceReason(rawValue: UInt8(bit))
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(rawValue) }

    /// The number of reasons in the set.
    @inlinable
    public var count: Int { rawValue.nonzeroBitCount }

    /// The reasons' names joined by commas, or `-` for none.
    public var description: String {
        isEmpty ? "-" : map(\.name).joined(separator: ",")
    }
}

extension ReasonSet: Codable {
    /// Encodes as an array of reason names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Array(self))
    }

    /// Decodes from an array of reason names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([PriceReason].self))
    }
}
