/// A non-negative rational number n/2ᵏ held exactly in integers, for the exact samplers.
///
/// Floating-point noise is attackable (Mironov 2012: the set of doubles a noisy value can take
/// reveals the unnoised value), so the samplers of ``NoiseSource`` work on integers and exact
/// rationals only. A parameter computed in double precision enters once, through
/// ``init(atLeast:)`` or ``init(atMost:)``, rounded in the direction that keeps the privacy
/// claim valid (a noise variance up, an ε down), keeping 40 significant bits (values of 2⁴⁰
/// and more become whole numbers), so the samplers' products fit in 128 bits. O(1).
package struct DyadicRational: Sendable, Hashable, CustomStringConvertible {
    /// The numerator n.
    package let numerator: UInt128
    /// The denominator 2ᵏ.
    package let denominator: UInt128

    /// Bits of precision kept: the numerator is below 2^(precisionBits + 1).
    static let precisionBits = 40

    /// The exact value n/d (d a power of two).
    package init(numerator: UInt128, denominator: UInt128) {
        precondition(denominator > 0 && denominator.nonzeroBitCount == 1, "the denominator must be a power of two, got \(denominator)")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The smallest n/2ᵏ ≥ `value` with 40 significant bits (k ≥ 0), for parameters that may only grow
    /// (noise variances and scales).
    /// - Precondition: 0 < value ≤ 2⁶⁰.
    package init(atLeast value: Double) {
        precondition(value > 0 && value <= 0x1p60, "DyadicRational(atLeast:) needs 0 < value <= 2^60, got \(value)")
        let shift = max(0, Self.precisionBits - Int(value.exponent))
        let scaled = (value * Double(sign: .plus, exponent: shift, significand: 1)).rounded(.up)
        self.init(numerator: UInt128(scaled), denominator: UInt128(1) << shift)
    }

    /// The largest n/2ᵏ ≤ `value` with 40 significant bits (k ≥ 0), for parameters that may only shrink
    /// (ε of a selection).
    /// - Precondition: 2⁻⁶⁰ ≤ value ≤ 2⁶⁰.
    package init(atMost value: Double) {
        precondition(value >= 0x1p-60 && value <= 0x1p60, "DyadicRational(atMost:) needs 2^-60 <= value <= 2^60, got \(value)")
        let shift = max(0, Self.precisionBits - Int(value.exponent))
        let scaled = (value * Double(sign: .plus, exponent: shift, significand: 1)).rounded(.down)
        self.init(numerator: UInt128(scaled), denominator: UInt128(1) << shift)
    }

    /// The value as a double (for display and efficiency choices only).
    package var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// "n/d".
    package var description: String { "\(numerator)/\(denominator)" }
}
