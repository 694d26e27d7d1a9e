import SynthKitCore
import SynthKitMath

/// A union of disjoint intervals of one latent coordinate: the event a condition fixes.
///
/// A category is one interval (Φ⁻¹(Cₖ₋₁), Φ⁻¹(Cₖ)]; a joint group member's category is the
/// union of its combinations' intervals; a rounded number is the interval of latent values that
/// decode to it; an unrounded number is a point (lower == upper).
struct LatentRegion: Hashable, Sendable {
    /// Sorted, disjoint (lower, upper) pairs; lower ≤ upper.
    var intervals: [ClosedInterval]

    struct ClosedInterval: Hashable, Sendable {
        var lower: Double
        var upper: Double
    }

    init(_ intervals: [ClosedInterval]) {
        var merged: [ClosedInterval] = []
        for interval in intervals.sorted(by: { $0.lower < $1.lower }) {
            if let last = merged.last, interval.lower <= last.upper {
                merged[merged.count - 1].upper = max(last.upper, interval.upper)
            } else {
                merged.append(interval)
            }
        }
        self.intervals = merged
    }

    init(lower: Double, upper: Double) {
        self.init([ClosedInterval(lower: lower, upper: upper)])
    }

    /// The single value of a point region, or `nil`.
    var point: Double? {
        guard intervals.count == 1, let only = intervals.first, only.lower == only.upper else { return nil }
        return only.lower
    }

    /// The intersection with another region of the same coordinate.
    func intersecting(_ other: LatentRegion) -> LatentRegion {
        var result: [ClosedInterval] = []
        for first in intervals {
            for second in other.intervals {
                let lower = max(first.lower, second.lower)
                let upper = min(first.upper, second.upper)
                if lower <= upper { result.append(ClosedInterval(lower: lower, upper: upper)) }
            }
        }
        return LatentRegion(result)
    }

    /// A draw from N(mean, sd²) restricted to the region: an interval chosen by its mass, then
    /// inverse-CDF inside it (computed in the far tail by symmetry, so deep tails stay exact).
    /// When every interval has negligible mass the nearest point of the region is returned.
    /// O(intervals).
    func draw(mean: Double, standardDeviation: Double, stream: inout RandomStream) -> Double {
        if let point { return point }
        var masses: [Double] = []
        masses.reserveCapacity(intervals.count)
        var total = 0.0
        for interval in intervals {
            let mass = Self.mass((interval.lower - mean) / standardDeviation, (interval.upper - mean) / standardDeviation)
            masses.append(mass)
            total += mass
        }
        let pick = stream.nextUniform()
        guard total > 1e-300, total.isFinite else { return nearest(to: mean) }
        var chosen = intervals.count - 1
        var running = 0.0
        for index in masses.indices {
            running += masses[index]
            if pick * total < running {
                chosen = index
                break
            }
        }
        let interval = intervals[chosen]
        let lower = (interval.lower - mean) / standardDeviation
        let upper = (interval.upper - mean) / standardDeviation
        guard masses[chosen] > 1e-300 else { return nearest(to: mean) }
        let u = stream.nextOpenUniform()
        let standard: Double
        if lower > 0 {
            let survivalLower = NormalDistribution.survival(lower)
            let survivalUpper = NormalDistribution.survival(upper)
            standard = -NormalDistribution.quantile(survivalLower - u * (survivalLower - survivalUpper))
        } else {
            let cdfLower = NormalDistribution.cdf(lower)
            let cdfUpper = NormalDistribution.cdf(upper)
            standard = NormalDistribution.quantile(cdfLower + u * (cdfUpper - cdfLower))
        }
        return min(max(mean + standardDeviation * standard, interval.lower.nextUp), interval.upper)
    }

    /// Φ(b) - Φ(a), in the tail that avoids cancellation.
    static func mass(_ lower: Double, _ upper: Double) -> Double {
        if lower >= upper { return 0 }
        if lower > 0 { return NormalDistribution.survival(lower) - NormalDistribution.survival(upper) }
        return NormalDistribution.cdf(upper) - NormalDistribution.cdf(lower)
    }

    /// The point of the region closest to `value` (interior points of finite intervals
    /// are nudged inside so a half-open interval still decodes to its category).
    func nearest(to value: Double) -> Double {
        var best = value
        var bestDistance = Double.infinity
        for interval in intervals {
            let candidate = min(max(value, interval.lower.nextUp), interval.upper)
            let distance = abs(candidate - value)
            if distance < bestDistance {
                bestDistance = distance
                best = candidate
            }
        }
        return best
    }
}
