import Foundation
public import SynthKitCore
import SynthKitMath

/// A one-dimensional variational Bayesian Gaussian mixture with a Dirichlet-process prior on
/// the weights, fitted by coordinate ascent (Blei and Jordan 2006; Bishop 2006 §10.2).
///
/// Follows scikit-learn's `BayesianGaussianMixture` as CTGAN's `DataTransformer` (through
/// RDT's `ClusterBasedNormalizer`) configures it: `n_components` ≤ 10,
/// `weight_concentration_prior_type = "dirichlet_process"`, `weight_concentration_prior = 0.001`,
/// `max_iter = 100`, `tol = 1e-3`, `n_init = 1`, `reg_covar = 1e-6`, one k-means initialisation.
/// Priors: mean prior = the data mean with precision 1, one degree of freedom, covariance prior
/// = the sample variance (ddof 1). Each iteration is an E step (responsibilities from the
/// expected log weights E[log πₖ] = ψ(aₖ) − ψ(aₖ + bₖ) + Σⱼ<ₖ (ψ(bⱼ) − ψ(aⱼ + bⱼ)) and the
/// expected log densities), an M step (aₖ = 1 + Nₖ, bₖ = α + Σⱼ>ₖ Nⱼ, Normal-Wishart posterior),
/// and the evidence lower bound; it stops when the bound changes by less than `tolerance`.
///
/// Complexity: O(distinct values × components × iterations) after an O(rows) grouping of equal
/// values, in Double.
public struct BayesianGaussianMixture: Codable, Hashable, Sendable {
    /// The expected mixture weights E[πₖ] (they sum to 1).
    public var weights: [Double]
    /// The posterior means of the components.
    public var means: [Double]
    /// The posterior standard deviations √(Wishart covariance / degrees of freedom).
    public var standardDeviations: [Double]
    /// Per component, the part of the expected log joint density that does not depend on the
    /// value: E[log πₖ] + ½ E[log Λₖ] − ½ log 2π − 1/(2βₖ) for the variational posterior
    /// (scikit-learn's `_estimate_weighted_log_prob` without the quadratic term), so that
    /// log r(x, k) = offsetₖ − ½ precisionₖ (x − meanₖ)² up to normalisation.
    public var logDensityOffsets: [Double]
    /// Per component, the precision 1/Σₖ (Σₖ the Wishart covariance over its degrees of freedom).
    public var precisions: [Double]
    /// How many iterations ran.
    public var iterations: Int
    /// Whether the lower bound converged within the iteration limit.
    public var converged: Bool

    /// Fits a mixture to `values` (finite numbers, at least one).
    ///
    /// - Parameters:
    ///   - components: the most components (capped at the number of distinct values).
    ///   - concentration: the Dirichlet-process concentration α.
    ///   - maximumIterations: the iteration limit.
    ///   - tolerance: the lower-bound change that counts as converged.
    ///   - seed: seeds the k-means initialisation.
    /// - Precondition: `values` is not empty and every value is finite.
    public static func fit(
        _ values: [Double], components: Int = 10, concentration: Double = 0.001, maximumIterations: Int = 100,
        tolerance: Double = 1e-3, seed: Seed
    ) -> BayesianGaussianMixture {
        precondition(!values.isEmpty && values.allSatisfy(\.isFinite), "BayesianGaussianMixture needs finite values, got \(values.count)")
        // Every sum of the E and M steps runs over rows, so a distinct value weighted by its count
        // stands for all its copies: Adult's ages, hours and capital columns have a few dozen
        // distinct values among 26,048 rows.
        var positions: [Double: Int] = [:]
        var distinctValues: [Double] = []
        var multiplicities: [Double] = []
        var firstRows: [Int] = []
        for (row, value) in values.enumerated() {
            if let position = positions[value] {
                multiplicities[position] += 1
            } else {
                positions[value] = distinctValues.count
                distinctValues.append(value)
                multiplicities.append(1)
                firstRows.append(row)
            }
        }
        let count = max(1, min(components, distinctValues.count))
        var fitting = MixtureFitting(
            values: distinctValues, multiplicities: multiplicities, components: count, concentration: concentration)
        // k-means on every row (equal values share a label), reduced to one row per distinct value.
        let labels = KMeans1D.labels(values, clusters: count, seed: seed)
        var responsibilities = firstRows.flatMap { labels[($0 * count)..<($0 * count + count)] }
        fitting.maximize(responsibilities)
        var lowerBound = -Double.infinity
        var converged = false
        var iteration = 0
        while iteration < maximumIterations {
            iteration += 1
            let entropy: Double
            (responsibilities, entropy) = fitting.expectation()
            fitting.maximize(responsibilities)
            let bound = fitting.lowerBound(entropy: entropy)
            let change = bound - lowerBound
            lowerBound = bound
            if abs(change) < tolerance {
                converged = true
                break
            }
        }
        let (offsets, precisions) = fitting.densityTerms()
        return BayesianGaussianMixture(
            weights: fitting.expectedWeights(), means: fitting.means,
            standardDeviations: fitting.covariances.map { $0.squareRoot() }, iterations: iteration, converged: converged,
            logDensityOffsets: offsets, precisions: precisions)
    }

    /// Creates a mixture from its parameters. Without `logDensityOffsets` and `precisions`,
    /// ``responsibilities(of:)`` uses the plug-in densities πₖ N(x; meanₖ, σₖ²).
    public init(
        weights: [Double], means: [Double], standardDeviations: [Double], iterations: Int, converged: Bool,
        logDensityOffsets: [Double]? = nil, precisions: [Double]? = nil
    ) {
        precondition(weights.count == means.count && standardDeviations.count == means.count,
            "mixture parameters disagree in length: \(weights.count), \(means.count), \(standardDeviations.count)")
        self.weights = weights
        self.means = means
        self.standardDeviations = standardDeviations
        self.iterations = iterations
        self.converged = converged
        self.precisions = precisions ?? standardDeviations.map { 1 / ($0 * $0) }
        self.logDensityOffsets = logDensityOffsets
            ?? zip(weights, standardDeviations).map { log($0) - log($1) - 0.5 * log(2 * Double.pi) }
        precondition(self.precisions.count == means.count && self.logDensityOffsets.count == means.count,
            "mixture density terms disagree in length: \(self.precisions.count), \(self.logDensityOffsets.count), \(means.count)")
    }

    /// The posterior probability of each component given `value` (scikit-learn's
    /// `predict_proba`): rₖ ∝ exp(offsetₖ − ½ precisionₖ (value − meanₖ)²), the variational
    /// responsibilities of the final E step. O(components).
    public func responsibilities(of value: Double) -> [Double] {
        var terms = [Double](repeating: 0, count: means.count)
        var largest = -Double.infinity
        for index in means.indices {
            let deviation = value - means[index]
            terms[index] = logDensityOffsets[index] - 0.5 * precisions[index] * deviation * deviation
            largest = max(largest, terms[index])
        }
        var total = 0.0
        for index in terms.indices {
            terms[index] = exp(terms[index] - largest)
            total += terms[index]
        }
        return terms.map { $0 / total }
    }

    /// The mean log density of `values` under the mixture (the plug-in log-likelihood per value).
    public func meanLogLikelihood(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        var total = 0.0
        for value in values {
            var largest = -Double.infinity
            var terms: [Double] = []
            for index in weights.indices where weights[index] > 0 {
                let deviation = standardDeviations[index]
                let z = (value - means[index]) / deviation
                let term = log(weights[index]) - 0.5 * z * z - log(deviation) - 0.5 * log(2 * Double.pi)
                terms.append(term)
                largest = max(largest, term)
            }
            total += largest + log(terms.reduce(0) { $0 + exp($1 - largest) })
        }
        return total / Double(values.count)
    }
}

/// The variational parameters during fitting (scikit-learn's attribute names in comments).
struct MixtureFitting {
    /// Distinct values and how many rows hold each.
    let values: [Double]
    let multiplicities: [Double]
    let components: Int
    let concentration: Double
    let meanPrior: Double
    let meanPrecisionPrior = 1.0
    let degreesOfFreedomPrior = 1.0
    let covariancePrior: Double
    let regularization = 1e-6
    var stickA: [Double]  // weight_concentration_[0]
    var stickB: [Double]  // weight_concentration_[1]
    var meanPrecision: [Double]  // mean_precision_
    var means: [Double]  // means_
    var degreesOfFreedom: [Double]  // degrees_of_freedom_
    var covariances: [Double]  // covariances_

    init(values: [Double], multiplicities: [Double], components: Int, concentration: Double) {
        self.values = values
        self.multiplicities = multiplicities
        self.components = components
        self.concentration = concentration
        let rows = multiplicities.reduce(0, +)
        let mean = zip(values, multiplicities).reduce(0) { $0 + $1.0 * $1.1 } / rows
        meanPrior = mean
        let variance = rows > 1
            ? zip(values, multiplicities).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / (rows - 1) : 0
        covariancePrior = max(variance, 1e-6)
        stickA = Array(repeating: 1, count: components)
        stickB = Array(repeating: 1, count: components)
        meanPrecision = Array(repeating: 1, count: components)
        means = Array(repeating: mean, count: components)
        degreesOfFreedom = Array(repeating: 1, count: components)
        covariances = Array(repeating: covariancePrior, count: components)
    }

    /// The M step from responsibilities (rows × components, row-major).
    mutating func maximize(_ responsibilities: [Double]) {
        let epsilon = 10 * Double.ulpOfOne
        var counts = [Double](repeating: 0, count: components)
        var sums = [Double](repeating: 0, count: components)
        for row in values.indices {
            let base = row * components
            let multiplicity = multiplicities[row]
            for index in 0..<components {
                let weight = multiplicity * responsibilities[base + index]
                counts[index] += weight
                sums[index] += weight * values[row]
            }
        }
        for index in 0..<components { counts[index] += epsilon }
        let centres = (0..<components).map { sums[$0] / counts[$0] }
        var scatter = [Double](repeating: 0, count: components)
        for row in values.indices {
            let base = row * components
            for index in 0..<components {
                let deviation = values[row] - centres[index]
                scatter[index] += multiplicities[row] * responsibilities[base + index] * deviation * deviation
            }
        }
        var tail = 0.0
        for index in stride(from: components - 1, through: 0, by: -1) {
            stickA[index] = 1 + counts[index]
            stickB[index] = concentration + tail
            tail += counts[index]
        }
        for index in 0..<components {
            let variance = scatter[index] / counts[index] + regularization
            meanPrecision[index] = meanPrecisionPrior + counts[index]
            means[index] = (meanPrecisionPrior * meanPrior + counts[index] * centres[index]) / meanPrecision[index]
            degreesOfFreedom[index] = degreesOfFreedomPrior + counts[index]
            let difference = centres[index] - meanPrior
            let wishart = covariancePrior + counts[index] * variance
                + counts[index] * meanPrecisionPrior / meanPrecision[index] * difference * difference
            covariances[index] = wishart / degreesOfFreedom[index]
        }
    }

    /// E[log πₖ] under the stick-breaking posterior.
    func expectedLogWeights() -> [Double] {
        var result = [Double](repeating: 0, count: components)
        var cumulative = 0.0
        for index in 0..<components {
            let total = Digamma.value(stickA[index] + stickB[index])
            result[index] = Digamma.value(stickA[index]) - total + cumulative
            cumulative += Digamma.value(stickB[index]) - total
        }
        return result
    }

    /// The per-component constant and precision of the expected log density (1-D `full`).
    func densityTerms() -> (constant: [Double], precision: [Double]) {
        var constant = [Double](repeating: 0, count: components)
        var precision = [Double](repeating: 0, count: components)
        let logWeights = expectedLogWeights()
        for index in 0..<components {
            precision[index] = 1 / covariances[index]
            let logDeterminant = 0.5 * log(precision[index])
            let logLambda = log(2.0) + Digamma.value(0.5 * degreesOfFreedom[index])
            constant[index] = -0.5 * log(2 * Double.pi) + logDeterminant - 0.5 * log(degreesOfFreedom[index])
                + 0.5 * (logLambda - 1 / meanPrecision[index]) + logWeights[index]
        }
        return (constant, precision)
    }

    /// The E step: responsibilities (rows × components, row-major) and their entropy
    /// −Σ r log r, computed from the log responsibilities (no logarithm per entry).
    func expectation() -> (responsibilities: [Double], entropy: Double) {
        let (constant, precision) = densityTerms()
        var result = [Double](repeating: 0, count: values.count * components)
        var entropy = 0.0
        var shifted = [Double](repeating: 0, count: components)
        for row in values.indices {
            let base = row * components
            var largest = -Double.infinity
            for index in 0..<components {
                let deviation = values[row] - means[index]
                shifted[index] = constant[index] - 0.5 * deviation * deviation * precision[index]
                largest = max(largest, shifted[index])
            }
            var total = 0.0
            for index in 0..<components {
                shifted[index] -= largest
                let weight = exp(shifted[index])
                result[base + index] = weight
                total += weight
            }
            // log r = (term − largest) − log total.
            let logTotal = log(total)
            for index in 0..<components {
                let responsibility = result[base + index] / total
                result[base + index] = responsibility
                entropy -= multiplicities[row] * responsibility * (shifted[index] - logTotal)
            }
        }
        return (result, entropy)
    }

    /// The evidence lower bound up to a constant (scikit-learn `_compute_lower_bound`).
    func lowerBound(entropy: Double) -> Double {
        var wishart = 0.0
        var weightNorm = 0.0
        var precisionTerm = 0.0
        for index in 0..<components {
            let logDeterminant = 0.5 * log(1 / covariances[index]) - 0.5 * log(degreesOfFreedom[index])
            let dof = degreesOfFreedom[index]
            wishart += -(dof * logDeterminant + dof * 0.5 * log(2.0) + SpecialFunctions.logGamma(0.5 * dof))
            weightNorm += SpecialFunctions.logGamma(stickA[index]) + SpecialFunctions.logGamma(stickB[index])
                - SpecialFunctions.logGamma(stickA[index] + stickB[index])
            precisionTerm += log(meanPrecision[index])
        }
        return entropy - wishart - weightNorm - 0.5 * precisionTerm
    }

    /// E[πₖ] = aₖ/(aₖ+bₖ) Πⱼ<ₖ bⱼ/(aⱼ+bⱼ), normalised.
    func expectedWeights() -> [Double] {
        var weights = [Double](repeating: 0, count: components)
        var remaining = 1.0
        for index in 0..<components {
            let total = stickA[index] + stickB[index]
            weights[index] = stickA[index] / total * remaining
            remaining *= stickB[index] / total
        }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }
}
