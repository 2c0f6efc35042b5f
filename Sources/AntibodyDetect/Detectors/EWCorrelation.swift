public import AntibodyCore

/// Exponentially weighted covariance and correlation of a pair of streams (two prices, a price and
/// its collateral), for controllers that widen haircuts when assets start to move together.
///
/// **Maths.** With smoothing `α` and deviations `dx = x − μx`, `dy = y − μy` from the means before
/// the update: `μx += α dx`, `μy += α dy`, `Cxy ← (1 − α)(Cxy + α dx dy)`, and likewise `Vx`, `Vy`;
/// `ρ = Cxy/√(Vx Vy)` (0 while either variance is 0).
///
/// **Complexity.** O(1), no allocation. Pairs with a NaN or infinite member are skipped and counted.
public struct EWCorrelation: Sendable {
    /// The smoothing factor `α`.
    public let alpha: Double
    /// Mean of the first stream.
    public private(set) var meanX = 0.0
    /// Mean of the second stream.
    public private(set) var meanY = 0.0
    /// Variance of the first stream.
    public private(set) var varianceX = 0.0
    /// Variance of the second stream.
    public private(set) var varianceY = 0.0
    /// Covariance of the two.
    public private(set) var covariance = 0.0
    /// Pairs accepted.
    public private(set) var count = 0
    /// Skipped and out-of-order pairs.
    public private(set) var health = InputHealth()

    /// A tracker with smoothing `alpha`. - Precondition: `0 < alpha ≤ 1`.
    public init(alpha: Double = 0.02) {
        precondition(alpha > 0 && alpha <= 1, "EWCorrelation: alpha must be in (0, 1]")
        self.alpha = alpha
    }

    /// The current correlation in `[−1, 1]` (0 while either variance is 0).
    public var correlation: Double {
        let v = varianceX * varianceY
        guard v > 0 else { return 0 }
        return max(-1, min(1, covariance / v.squareRoot()))
    }

    /// Feeds one pair and returns the correlation after it.
    @discardableResult
    public mutating func update(_ x: Double, _ y: Double, at timestamp: Timestamp) -> Double {
        guard y.isFinite, health.admit(x, at: timestamp) else {
            if x.isFinite { health.skippedNonFinite += 1 }
            return correlation
        }
        if count == 0 {
            meanX = x
            meanY = y
            count = 1
            return 0
        }
        let dx = x - meanX
        let dy = y - meanY
        meanX += alpha * dx
        meanY += alpha * dy
        let keep = 1 - alpha
        varianceX = keep * (varianceX + alpha * dx * dx)
        varianceY = keep * (varianceY + alpha * dy * dy)
        covariance = keep * (covariance + alpha * dx * dy)
        count += 1
        return correlation
    }
}
