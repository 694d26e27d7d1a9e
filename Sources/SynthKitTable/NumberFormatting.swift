/// How numbers are printed in CSV output and reports.
public enum NumberFormatting {
    /// The shortest text that reads back as the same double; integral values print without a
    /// fractional part (`39`, not `39.0`), up to 2^53.
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `value` rounded to `places` decimal places, printed without trailing zeros.
    public static func fixed(_ value: Double, places: Int) -> String {
        if places <= 0 { return shortest(value.rounded()) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return shortest(rounded)
    }
}
