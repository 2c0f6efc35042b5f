public import AntibodyCore

/// An incremental two-sample Kolmogorov–Smirnov test between a reference window (the `w` values
/// before) and a recent window (the last `w` values), updated in O(log w) per value.
///
/// **Maths.** Both windows live in one balanced search tree (a treap, keyed by value then arrival)
/// whose nodes carry +1 (reference) or −1 (recent); each subtree keeps the sum of its marks and the
/// maximum and minimum of their prefix sums. A prefix sum at a value is `w·(F_ref − F_recent)` there,
/// so `D = max |prefix| / w` is read at the root. Per value: the oldest reference value leaves, the
/// oldest recent value becomes reference, the new value enters as recent — three O(log w) tree
/// operations (split and merge). Score: `1 − Q(λ)`, the complement of the asymptotic p-value, with
/// `λ = (√nₑ + 0.12 + 0.11/√nₑ)·D` and `nₑ = w/2` (``TailTransform/kolmogorovSurvival(_:)``); 0 until
/// both windows are full. Ties are ordered by arrival, so on heavily tied data `D` is an upper bound.
///
/// **Parameters.** `window` `w` (each window's size).
///
/// **Complexity.** O(log w) expected per value (treap with seeded priorities; deterministic); the
/// score is read from a table of the w + 1 possible values built in `init` (O(w) once); no allocation
/// after `init` (2w preallocated nodes).
///
/// **Use it** for a change of distribution that keeps the mean (a volatility or shape change,
/// a feed that starts to quantise or to repeat), and as a drift check on a model's inputs.
public struct WindowedKS: Detector {
    /// Each window's size `w`.
    public let window: Int

    @usableFromInline
    struct Node: Sendable {
        @usableFromInline var key: Double
        @usableFromInline var seq: Int64
        @usableFromInline var left: Int32 = -1
        @usableFromInline var right: Int32 = -1
        @usableFromInline var priority: UInt32
        @usableFromInline var mark: Int32
        @usableFromInline var sum: Int32
        @usableFromInline var maxPrefix: Int32
        @usableFromInline var minPrefix: Int32

        @usableFromInline
        init(key: Double, seq: Int64, priority: UInt32, mark: Int32) {
            self.key = key
            self.seq = seq
            self.priority = priority
            self.mark = mark
            sum = mark
            maxPrefix = max(0, mark)
            minPrefix = min(0, mark)
        }
    }

    /// The 2w tree nodes after a sentinel at index 0 (the empty subtree: sum and prefix extremes 0),
    /// so that node `i` is `nodes[i + 1]` and child index −1 reads the sentinel without a branch.
    @usableFromInline var nodes: [Node]
    @usableFromInline var ring: [Int32]
    /// The score for each value of `w·D` (0…w), computed once in `init`: `D` only takes the values
    /// k/w, so the per-value score is one load instead of an exponential and a series.
    @usableFromInline var scores: [Double]
    @usableFromInline var root: Int32 = -1
    @usableFromInline var head = 0
    @usableFromInline var count = 0
    @usableFromInline var sequence: Int64 = 0
    @usableFromInline var random: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline var path: [Int32]
    @usableFromInline var _statistic = 0.0
    @usableFromInline var _health = InputHealth()

    /// The last KS statistic `D` (0 until both windows are full).
    public var statistic: Double { _statistic }
    /// Skipped and out-of-order input.
    public var health: InputHealth { _health }

    /// A test between two adjacent windows of `window` values. - Precondition: `window ≥ 2`.
    public init(window: Int = 256) {
        precondition(window >= 2, "WindowedKS: window must be at least 2")
        self.window = window
        let capacity = 2 * window
        nodes = [Node](repeating: Node(key: 0, seq: 0, priority: 0, mark: 0), count: capacity + 1)
        scores = (0...window).map { Self.score(forDistance: $0, window: window) }
        ring = [Int32](repeating: -1, count: capacity)
        path = [Int32](repeating: -1, count: 128)
    }

    /// The score `1 − Q(λ)` for `D = k/w`, with `λ = (√nₑ + 0.12 + 0.11/√nₑ)·D` and `nₑ = w/2`.
    @inlinable
    static func score(forDistance k: Int, window: Int) -> Double {
        let d = Double(k) / Double(window)
        let ne = Double(window) / 2
        let rootNe = ne.squareRoot()
        return 1 - TailTransform.kolmogorovSurvival((rootNe + 0.12 + 0.11 / rootNe) * d)
    }

    /// Calls `body` with the tree nodes, indexed from 0 (index −1 is the sentinel).
    @inlinable @inline(__always)
    static func withNodes<R>(_ nodes: inout [Node], _ body: (UnsafeMutableBufferPointer<Node>) -> R) -> R {
        nodes.withUnsafeMutableBufferPointer { all in body(UnsafeMutableBufferPointer(rebasing: all[1...])) }
    }

    @inlinable
    public mutating func update(_ value: Double, at timestamp: Timestamp) -> Double {
        guard _health.admit(value, at: timestamp) else { return 0 }
        let capacity = 2 * window
        // While filling, node i is the i-th value; once full, the new value reuses the leaving node.
        var index = Int32(truncatingIfNeeded: count)
        if count == capacity {
            let oldest = ring[head]
            let before = root
            root = path.withUnsafeMutableBufferPointer { stack in
                Self.withNodes(&nodes) { Self.removeAlongPath(oldest, root: before, $0, stack) }
            }
            index = oldest
            head = head + 1 == capacity ? 0 : head + 1
            count -= 1
        }
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        sequence &+= 1
        nodes[Int(index) + 1] = Node(
            key: value, seq: sequence, priority: UInt32(truncatingIfNeeded: random >> 32), mark: -1)
        var slot = head + count
        if slot >= capacity { slot -= capacity }
        ring[slot] = index
        count += 1
        let before = root
        root = path.withUnsafeMutableBufferPointer { stack in
            Self.withNodes(&nodes) { Self.insertAlongPath(index, root: before, $0, stack) }
        }
        if count > window {
            var moving = head + count - window - 1
            if moving >= capacity { moving -= capacity }
            let node = ring[moving]
            let current = root
            let done = path.withUnsafeMutableBufferPointer { stack in
                Self.withNodes(&nodes) { Self.remarkInPlace(node, mark: 1, root: current, $0, stack) }
            }
            if !done {
                let start = root
                root = Self.withNodes(&nodes) { Self.remark(node, mark: 1, in: start, $0) }
            }
        }
        guard count == capacity else { return 0 }
        let top = nodes[Int(root) + 1]
        let k = Int(max(top.maxPrefix, -top.minPrefix))
        _statistic = Double(k) / Double(window)
        return scores.withUnsafeBufferPointer { $0[k] }
    }

    // MARK: treap

    /// Recomputes node `t`'s sum and prefix extremes from its children; an absent child (−1) reads
    /// the sentinel before the buffer, whose aggregates are 0, so there is no branch.
    @inlinable @inline(__always)
    static func pull(_ t: Int32, _ n: UnsafeMutableBufferPointer<Node>) {
        let base = n.baseAddress.unsafelyUnwrapped
        let i = Int(t)
        let l = Int(base[i].left)
        let r = Int(base[i].right)
        let through = base[l].sum &+ base[i].mark
        base[i].sum = through &+ base[r].sum
        base[i].maxPrefix = max(base[l].maxPrefix, max(through, through &+ base[r].maxPrefix))
        base[i].minPrefix = min(base[l].minPrefix, min(through, through &+ base[r].minPrefix))
    }

    /// Whether node `a` orders before the key `(key, seq)`.
    @inlinable
    static func less(_ a: Node, _ key: Double, _ seq: Int64) -> Bool {
        // Evaluated without short-circuit so that the comparison compiles to flags, not branches.
        let below = a.key < key ? 1 : 0
        let tie = a.key == key ? 1 : 0
        let earlier = a.seq < seq ? 1 : 0
        return below | (tie & earlier) != 0
    }

    /// Splits `t` into keys before `(key, seq)` and the rest; with `inclusive`, the key itself goes left.
    @inlinable
    static func split(
        _ t: Int32, _ key: Double, _ seq: Int64, inclusive: Bool, _ n: UnsafeMutableBufferPointer<Node>
    ) -> (Int32, Int32) {
        if t < 0 { return (-1, -1) }
        let i = Int(t)
        let goesLeft = less(n[i], key, seq) || (inclusive && n[i].key == key && n[i].seq == seq)
        if goesLeft {
            let (a, b) = split(n[i].right, key, seq, inclusive: inclusive, n)
            n[i].right = a
            pull(t, n)
            return (t, b)
        } else {
            let (a, b) = split(n[i].left, key, seq, inclusive: inclusive, n)
            n[i].left = b
            pull(t, n)
            return (a, t)
        }
    }

    @inlinable
    static func merge(_ a: Int32, _ b: Int32, _ n: UnsafeMutableBufferPointer<Node>) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        if n[Int(a)].priority > n[Int(b)].priority {
            n[Int(a)].right = merge(n[Int(a)].right, b, n)
            pull(a, n)
            return a
        } else {
            n[Int(b)].left = merge(a, n[Int(b)].left, n)
            pull(b, n)
            return b
        }
    }

    @inlinable
    static func insert(_ node: Int32, into root: Int32, in n: UnsafeMutableBufferPointer<Node>) -> Int32 {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        let (l, r) = split(root, key, seq, inclusive: false, n)
        return merge(merge(l, node, n), r, n)
    }

    @inlinable
    static func remove(_ node: Int32, from root: Int32, in n: UnsafeMutableBufferPointer<Node>) -> Int32 {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        let (l, rest) = split(root, key, seq, inclusive: false, n)
        let (_, r) = split(rest, key, seq, inclusive: true, n)
        return merge(l, r, n)
    }

    /// Inserts `node` by walking down while the priorities on the path are higher, splitting only the
    /// subtree below, and re-aggregating the path; falls back to split-and-merge on a path deeper than
    /// `stack`. Returns the new root.
    @inlinable
    static func insertAlongPath(
        _ node: Int32, root: Int32, _ n: UnsafeMutableBufferPointer<Node>, _ stack: UnsafeMutableBufferPointer<Int32>
    ) -> Int32 {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        let priority = n[Int(node)].priority
        var depth = 0
        var t = root
        while t >= 0 && n[Int(t)].priority > priority {
            guard depth < stack.count else { return insert(node, into: root, in: n) }
            stack[depth] = t
            depth += 1
            t = less(n[Int(t)], key, seq) ? n[Int(t)].right : n[Int(t)].left
        }
        let (l, r) = split(t, key, seq, inclusive: false, n)
        n[Int(node)].left = l
        n[Int(node)].right = r
        pull(node, n)
        if depth == 0 { return node }
        let parent = Int(stack[depth - 1])
        if less(n[parent], key, seq) { n[parent].right = node } else { n[parent].left = node }
        while depth > 0 {
            depth -= 1
            pull(stack[depth], n)
        }
        return root
    }

    /// Removes `node` by walking down to it, replacing it with the merge of its children and
    /// re-aggregating the path; falls back to split-and-merge on a path deeper than `stack`.
    /// Returns the new root.
    @inlinable
    static func removeAlongPath(
        _ node: Int32, root: Int32, _ n: UnsafeMutableBufferPointer<Node>, _ stack: UnsafeMutableBufferPointer<Int32>
    ) -> Int32 {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        var depth = 0
        var t = root
        while t != node {
            guard t >= 0, depth < stack.count else { return remove(node, from: root, in: n) }
            stack[depth] = t
            depth += 1
            t = less(n[Int(t)], key, seq) ? n[Int(t)].right : n[Int(t)].left
        }
        let replacement = merge(n[Int(node)].left, n[Int(node)].right, n)
        if depth == 0 { return replacement }
        let parent = Int(stack[depth - 1])
        if n[parent].left == node { n[parent].left = replacement } else { n[parent].right = replacement }
        while depth > 0 {
            depth -= 1
            pull(stack[depth], n)
        }
        return root
    }

    /// Changes a node's mark by walking down to it and recomputing the aggregates on the way back
    /// up; returns `false` (changing nothing) if the path is deeper than `stack`.
    @inlinable
    static func remarkInPlace(
        _ node: Int32, mark: Int32, root: Int32, _ n: UnsafeMutableBufferPointer<Node>,
        _ stack: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        var depth = 0
        var t = root
        while t != node {
            guard t >= 0, depth < stack.count else { return false }
            stack[depth] = t
            depth += 1
            t = less(n[Int(t)], key, seq) ? n[Int(t)].right : n[Int(t)].left
        }
        n[Int(node)].mark = mark
        pull(node, n)
        while depth > 0 {
            depth -= 1
            pull(stack[depth], n)
        }
        return true
    }

    @inlinable
    static func remark(_ node: Int32, mark: Int32, in root: Int32, _ n: UnsafeMutableBufferPointer<Node>) -> Int32 {
        let key = n[Int(node)].key
        let seq = n[Int(node)].seq
        let (l, rest) = split(root, key, seq, inclusive: false, n)
        let (m, r) = split(rest, key, seq, inclusive: true, n)
        n[Int(m)].mark = mark
        n[Int(m)].left = -1
        n[Int(m)].right = -1
        pull(m, n)
        return merge(merge(l, m, n), r, n)
    }
}
