#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Thin inlinable wrappers over libm so the module needs no Foundation.

@inlinable func _exp(_ x: Double) -> Double { exp(x) }
@inlinable func _log(_ x: Double) -> Double { log(x) }
@inlinable func _log1p(_ x: Double) -> Double { log1p(x) }
@inlinable func _cos(_ x: Double) -> Double { cos(x) }
@inlinable func _sqrt(_ x: Double) -> Double { x.squareRoot() }

/// The logistic function, stable for large |x|.
@inlinable func sigmoid(_ x: Double) -> Double {
    x >= 0
        ? 1 / (1 + _exp(-x))
        : {
            let e = _exp(x); return e / (1 + e)
        }()
}

/// Binary cross-entropy of a logit against a 0/1 label, stable for large |logit|.
@inlinable func crossEntropy(logit: Double, label: Double) -> Double {
    max(logit, 0) - logit * label + _log1p(_exp(-abs(logit)))
}
