#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// `exp` from the C library, for inlinable code that must not import Foundation.
@usableFromInline
func _exp(_ x: Double) -> Double { exp(x) }

/// `log` from the C library.
@usableFromInline
func _log(_ x: Double) -> Double { log(x) }

/// `erfc` from the C library.
@usableFromInline
func _erfc(_ x: Double) -> Double { erfc(x) }

/// `log1p` from the C library.
@usableFromInline
func _log1p(_ x: Double) -> Double { log1p(x) }
