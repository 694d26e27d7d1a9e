import SynthKitMath
import SynthKitSynthesis

/// A fitted one-dimensional distribution for a numerical column.
///
/// Parameters by family (all stored in ``parameters``):
/// - `truncatedNormal`: mean, standard deviation, lower, upper;
/// - `beta`: alpha, beta, location, scale (support [location, location + scale]);
/// - `gamma`: shape, scale, location;
/// - `uniform`: lower, upper;
/// - `empirical`: none; ``knots`` holds the support (discrete, with ``cumulative`` the
///   cumulative probabilities) or evenly spaced quantiles (continuous, ``cumulative`` absent).
struct NumericMarginal: Codable, Hashable, Sendable {
    var family: MarginalFamily
    var parameters: [Double]
    var knots: Base64Doubles?
    var cumulative: Base64Doubles?
    /// The Kolmogorov-Smirnov distance between the data and this marginal at fit time.
    var kolmogorovSmirnov: Double

    /// The value at probability u in (0, 1).
    func quantile(_ u: Double) -> Double {
        switch family {
        case .truncatedNormal:
            return TruncatedNormal(
                mean: parameters[0], standardDeviation: parameters[1], lower: parameters[2], upper: parameters[3]
            ).quantile(u)
        case .beta:
            return parameters[2] + parameters[3] * SpecialFunctions.inverseRegularizedBeta(u, parameters[0], parameters[1])
        case .gamma:
            return parameters[2] + parameters[1] * SpecialFunctions.inverseRegularizedGammaP(parameters[0], u)
        case .uniform:
            return parameters[0] + u * (parameters[1] - parameters[0])
        case .empirical, .auto:
            return empiricalQuantile(u)
        }
    }

    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double {
        switch family {
        case .truncatedNormal:
            return TruncatedNormal(
                mean: parameters[0], standardDeviation: parameters[1], lower: parameters[2], upper: parameters[3]
            ).cdf(x)
        case .beta:
            return SpecialFunctions.regularizedBeta((x - parameters[2]) / parameters[3], parameters[0], parameters[1])
        case .gamma:
            return SpecialFunctions.regularizedGammaP(parameters[0], max(0, (x - parameters[2]) / parameters[1]))
        case .uniform:
            return min(1, max(0, (x - parameters[0]) / (parameters[1] - parameters[0])))
        case .empirical, .auto:
            return 0
        }
    }

    func empiricalQuantile(_ u: Double) -> Double {
        let values = knots?.values ?? []
        guard let first = values.first else { return .nan }
        if let cumulative = cumulative?.values {
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < u { low = middle + 1 } else { high = middle }
            }
            return values[low]
        }
        if values.count == 1 { return first }
        let position = min(max(u, 0), 1) * Double(values.count - 1)
        let below = min(Int(position), values.count - 2)
        let fraction = position - Double(below)
        return values[below] + fraction * (values[below + 1] - values[below])
    }

    /// Problems with a decoded marginal that would make sampling fail, or `nil`.
    func validationProblem() -> String? {
        let expected: Int
        switch family {
        case .truncatedNormal: expected = 4
        case .beta: expected = 4
        case .gamma: expected = 3
        case .uniform: expected = 2
        case .empirical: expected = 0
        case .auto: return "a fitted marginal cannot have family 'auto'"
        }
        guard parameters.count == expected else {
            return "family '\(family.rawValue)' needs \(expected) parameters, found \(parameters.count)"
        }
        guard parameters.allSatisfy(\.isFinite) else { return "parameters must be finite" }
        switch family {
        case .truncatedNormal:
            if !(parameters[1] > 0 && parameters[2] < parameters[3]) { return "truncated normal needs sd > 0 and lower < upper" }
        case .beta:
            if !(parameters[0] > 0 && parameters[1] > 0 && parameters[3] > 0) { return "beta needs positive alpha, beta and scale" }
        case .gamma:
            if !(parameters[0] > 0 && parameters[1] > 0) { return "gamma needs positive shape and scale" }
        case .uniform:
            if !(parameters[0] <= parameters[1]) { return "uniform needs lower <= upper" }
        case .empirical:
            guard let values = knots?.values, !values.isEmpty else { return "empirical marginal has no knots" }
            if let cumulative = cumulative?.values, cumulative.count != values.count {
                return "empirical marginal has \(values.count) knots but \(cumulative.count) cumulative probabilities"
            }
        case .auto:
            break
        }
        return nil
    }

    /// Named parameters for ``ModelSummary``.
    var summaryParameters: [String: Double] {
        var result: [String: Double] = ["ks": kolmogorovSmirnov]
        switch family {
        case .truncatedNormal:
            result["mean"] = parameters[0]
            result["sd"] = parameters[1]
            result["lower"] = parameters[2]
            result["upper"] = parameters[3]
        case .beta:
            result["alpha"] = parameters[0]
            result["beta"] = parameters[1]
            result["location"] = parameters[2]
            result["scale"] = parameters[3]
        case .gamma:
            result["shape"] = parameters[0]
            result["scale"] = parameters[1]
            result["location"] = parameters[2]
        case .uniform:
            result["lower"] = parameters[0]
            result["upper"] = parameters[1]
        case .empirical, .auto:
            result["knots"] = Double(knots?.values.count ?? 0)
        }
        return result
    }
}
