import AntibodyCore
public import AntibodyTrust

/// Labelled rows (feature vectors with an attack / benign label) under a feature specification.
///
/// Every row is validated against the specification on construction, so models only ever see
/// bounded, finite inputs. ``digest`` commits to the exact training data.
public struct Dataset: Sendable {
    /// The feature specification every row satisfies.
    public let specification: FeatureSpecification
    /// The rows.
    public private(set) var rows: [[Double]]
    /// The labels (`true` = attack).
    public private(set) var labels: [Bool]

    /// A dataset.
    ///
    /// - Throws: ``ModelError`` if the counts differ or a row fails ``FeatureSpecification/validate(_:)``
    ///   (the row's index is named).
    public init(specification: FeatureSpecification, rows: [[Double]], labels: [Bool]) throws(ModelError) {
        guard rows.count == labels.count else {
            throw .invalidInput("\(rows.count) rows but \(labels.count) labels")
        }
        for (index, row) in rows.enumerated() {
            do {
                try specification.validate(row)
            } catch {
                throw .invalidInput("row \(index): \(error.message)")
            }
        }
        self.specification = specification
        self.rows = rows
        self.labels = labels
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// The number of attack rows.
    public var attackCount: Int { labels.lazy.filter { $0 }.count }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: some Sequence<Int>) -> Dataset {
        var copy = self
        copy.rows = []
        copy.labels = []
        for index in indices {
            copy.rows.append(rows[index])
            copy.labels.append(labels[index])
        }
        return copy
    }

    /// This dataset with `other`'s rows appended (same specification required).
    public func appending(_ other: Dataset) throws(ModelError) -> Dataset {
        guard other.specification == specification else {
            throw .invalidInput("cannot join datasets with different feature specifications")
        }
        var copy = self
        copy.rows += other.rows
        copy.labels += other.labels
        return copy
    }

    /// Replaces row `index` and its label (the row is validated).
    public mutating func replace(_ index: Int, row: [Double], label: Bool) throws(ModelError) {
        guard rows.indices.contains(index) else { throw .invalidInput("row \(index) does not exist") }
        try specification.validate(row)
        rows[index] = row
        labels[index] = label
    }

    /// Keccak-256 of `"ANTIBODY-DATASET-V1"` ‖ dimension (u32 BE) ‖ count (u64 BE) ‖ for each row
    /// its label byte and the IEEE-754 bit patterns (u64 BE) of its values: a commitment to the
    /// exact training data, recorded in the model's signed artifact.
    public var digest: Bytes32 {
        var hasher = Keccak256()
        hasher.update("ANTIBODY-DATASET-V1".utf8)
        var header: [UInt8] = []
        CanonicalBytes.append(UInt32(specification.dimension), to: &header)
        CanonicalBytes.append(UInt64(rows.count), to: &header)
        hasher.update(header)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 + 8 * specification.dimension)
        for (row, label) in zip(rows, labels) {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(label ? 1 : 0)
            for value in row { CanonicalBytes.append(value, to: &buffer) }
            hasher.update(buffer)
        }
        return Bytes32(hasher.finalize())
    }
}
