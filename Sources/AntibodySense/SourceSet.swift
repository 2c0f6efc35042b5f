/// A set of source indices `0..<64` stored as one bit mask, so verdicts never allocate.
public struct SourceSet: Hashable, Sendable, Sequence, CustomStringConvertible {
    /// The largest number of sources a set (and so an aggregator) can hold.
    public static let capacity = 64

    /// Bit `i` is set when source `i` is in the set.
    public var rawValue: UInt64

    /// The empty set.
    @inlinable
    public init() { rawValue = 0 }

    /// A set from its bit mask.
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A set holding `sources` (each in `0..<64`).
    public init(_ sources: [Int]) {
        rawValue = 0
        for source in sources { insert(source) }
    }

    /// Whether source `index` is present (`false` for indices outside `0..<64`).
    @inlinable
    public func contains(_ index: Int) -> Bool {
        index >= 0 && index < SourceSet.capacity && rawValue & (1 << UInt64(index)) != 0
    }

    /// Adds source `index`.
    ///
    /// - Precondition: `0 ≤ index < 64`.
    @inlinable
    public mutating func insert(_ index: Int) {
        precondition(index >= 0 && index < SourceSet.capacity, "source index \(index) outside 0..<64")
        rawValue |= 1 << UInt64(index)
    }

    /// Whether the set is empty.
    @inlinable
    public var isEmpty: Bool { rawValue == 0 }

    /// The number of sources in the set.
    @inlinable
    public var count: Int { rawValue.nonzeroBitCount }

    /// Iterates indices in increasing order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var remaining: UInt64

        @inlinable
        init(_ mask: UInt64) { remaining = mask }

        @inlinable
        public mutating func next() -> Int? {
            guard remaining != 0 else { return nil }
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return bit
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(rawValue) }

    public var description: String { "[" + map(String.init).joined(separator: ",") + "]" }
}

extension SourceSet: Codable {
    /// Encodes as an array of indices.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Array(self))
    }

    /// Decodes from an array of indices in `0..<64`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let indices = try container.decode([Int].self)
        guard indices.allSatisfy({ (0..<SourceSet.capacity).contains($0) }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "source index outside 0..<64")
        }
        self.init(indices)
    }
}
