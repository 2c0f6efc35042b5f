extension UInt256 {
    /// The value's machine words, least significant first (four on 64-bit platforms).
    @frozen
    public struct Words: RandomAccessCollection, Sendable {
        public typealias Index = Int
        public typealias Element = UInt
        public typealias Indices = Range<Int>
        public typealias SubSequence = Slice<Words>

        @usableFromInline
        internal let value: UInt256

        @inlinable
        internal init(_ value: UInt256) { self.value = value }

        /// 0.
        @inlinable
        public var startIndex: Int { 0 }

        /// 256 / `UInt.bitWidth`.
        @inlinable
        public var endIndex: Int { 256 / UInt.bitWidth }

        /// The word at `position`.
        @inlinable
        public subscript(position: Int) -> UInt {
            precondition(position >= 0 && position < endIndex, "UInt256.Words index out of range")
            #if _pointerBitWidth(_64)
                return UInt(truncatingIfNeeded: value.limb(position))
            #else
                let limb = value.limb(position / 2)
                return UInt(truncatingIfNeeded: position & 1 == 0 ? limb : limb &>> 32)
            #endif
        }
    }

    /// The value's machine words, least significant first.
    @inlinable
    public var words: Words { Words(self) }
}
