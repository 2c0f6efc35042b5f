/// Small order statistics used across the module.
enum Statistics {
    /// The median (mean of the middle two for an even count); 0 for an empty input.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The median absolute deviation from `center`, scaled by 1.4826 (consistent with σ for normal data).
    static func mad(_ values: [Double], center: Double) -> Double {
        1.4826 * median(values.map { abs($0 - center) })
    }

    /// The `q`-quantile of sorted values by linear interpolation (type 7).
    static func quantile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
