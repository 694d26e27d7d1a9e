import Foundation
public import SynthKitCore

/// CTGAN's mode-specific normalisation of one numerical column (Xu et al. 2019, §4.2).
///
/// A ``BayesianGaussianMixture`` with at most ``maximumModes`` components is fitted; the modes
/// whose weight exceeds the threshold (0.005, as RDT's `ClusterBasedNormalizer`) are kept.
/// A value x is encoded as a mode k and the scalar α = (x − ηₖ) / (4σₖ), clipped to
/// [−0.99, 0.99]; decoding maps (α, k) back to 4σₖ · clip(α, −1, 1) + ηₖ. As RDT 1.x's
/// `ClusterBasedNormalizer._transform` does, the mode is drawn with probability
/// ∝ rₖ(x) + 10⁻⁶ over the kept modes, rₖ(x) being the mixture's posterior responsibilities
/// over *all* its components (scikit-learn's `predict_proba`, variational expectations, see
/// ``BayesianGaussianMixture/responsibilities(of:)``): a value that mostly belongs to a dropped
/// component gets a nearly uniform mode among the kept ones. O(components) per value.
public struct ModeSpecificNormalization: Codable, Hashable, Sendable {
    /// The most mixture components fitted.
    public static let maximumModes = 10
    /// Modes with a smaller weight are dropped.
    public static let weightThreshold = 0.005
    /// The multiple of σ that maps to a scalar of 1.
    static let scale = 4.0

    /// The kept modes' weights (renormalised to sum to 1).
    public var weights: [Double]
    /// The kept modes' means ηₖ.
    public var means: [Double]
    /// The kept modes' standard deviations σₖ.
    public var standardDeviations: [Double]
    /// The fitted mixture with all its components, kept or dropped (it chooses the mode when
    /// encoding); `nil` in models written before it was stored, whose encoding then uses the
    /// plug-in densities πₖ N(x; ηₖ, σₖ) of the kept modes.
    public var mixture: BayesianGaussianMixture?
    /// The indices in ``mixture`` of the kept modes, in order; `nil` with ``mixture``.
    public var keptComponents: [Int]?

    /// The number of kept modes (at least 1).
    public var modeCount: Int { means.count }

    /// Creates a normalisation from kept modes and, optionally, the whole mixture they were
    /// kept from with their indices in it (which then chooses the modes when encoding).
    public init(
        weights: [Double], means: [Double], standardDeviations: [Double], mixture: BayesianGaussianMixture? = nil,
        keptComponents: [Int]? = nil
    ) {
        precondition(!means.isEmpty && weights.count == means.count && standardDeviations.count == means.count,
            "mode-specific normalisation needs matching non-empty modes, got \(weights.count), \(means.count), \(standardDeviations.count)")
        precondition((mixture == nil) == (keptComponents == nil) && (keptComponents.map { $0.count == means.count } ?? true)
            && (keptComponents ?? []).allSatisfy { $0 >= 0 && $0 < (mixture?.means.count ?? 0) },
            "kept components \(keptComponents ?? []) do not index \(mixture?.means.count ?? 0) mixture components for \(means.count) modes")
        self.weights = weights
        self.means = means
        self.standardDeviations = standardDeviations
        self.mixture = mixture
        self.keptComponents = keptComponents
    }

    /// Fits the mixture to the present (finite) values of a column.
    /// - Precondition: `values` is not empty and finite.
    public static func fit(_ values: [Double], seed: Seed) -> ModeSpecificNormalization {
        let mixture = BayesianGaussianMixture.fit(values, components: maximumModes, seed: seed)
        var kept = mixture.weights.indices.filter { mixture.weights[$0] > weightThreshold }
        if kept.isEmpty, let largest = mixture.weights.indices.max(by: { mixture.weights[$0] < mixture.weights[$1] }) {
            kept = [largest]
        }
        let total = kept.reduce(0) { $0 + mixture.weights[$1] }
        return ModeSpecificNormalization(
            weights: kept.map { mixture.weights[$0] / total }, means: kept.map { mixture.means[$0] },
            standardDeviations: kept.map { max(mixture.standardDeviations[$0], 1e-9) }, mixture: mixture, keptComponents: kept)
    }

    /// The mode probabilities of `value`: ∝ rₖ(value) + 10⁻⁶ over the kept modes, rₖ the
    /// mixture's responsibilities over all its components (plug-in densities of the kept modes
    /// when the mixture is not known).
    public func modeProbabilities(of value: Double) -> [Double] {
        if let mixture, let keptComponents {
            let responsibilities = mixture.responsibilities(of: value)
            let shifted = keptComponents.map { responsibilities[$0] + 1e-6 }
            let total = shifted.reduce(0, +)
            return shifted.map { $0 / total }
        }
        var logTerms = [Double](repeating: 0, count: modeCount)
        var largest = -Double.infinity
        for index in 0..<modeCount {
            let z = (value - means[index]) / standardDeviations[index]
            logTerms[index] = log(weights[index]) - 0.5 * z * z - log(standardDeviations[index])
            largest = max(largest, logTerms[index])
        }
        var probabilities = logTerms.map { exp($0 - largest) }
        let total = probabilities.reduce(0, +)
        probabilities = probabilities.map { $0 / total + 1e-6 }
        let normaliser = probabilities.reduce(0, +)
        return probabilities.map { $0 / normaliser }
    }

    /// Encodes `value` as (scalar, mode), drawing the mode from `stream`.
    public func encode(_ value: Double, stream: inout RandomStream) -> (scalar: Double, mode: Int) {
        let probabilities = modeProbabilities(of: value)
        var target = stream.nextUniform()
        var mode = modeCount - 1
        for (index, probability) in probabilities.enumerated() {
            target -= probability
            if target < 0 {
                mode = index
                break
            }
        }
        return (encodeScalar(value, mode: mode), mode)
    }

    /// The scalar of `value` in `mode`: (value − ηₖ)/(4σₖ) clipped to [−0.99, 0.99].
    public func encodeScalar(_ value: Double, mode: Int) -> Double {
        min(0.99, max(-0.99, (value - means[mode]) / (Self.scale * standardDeviations[mode])))
    }

    /// The value of (scalar, mode): 4σₖ · clip(scalar, −1, 1) + ηₖ.
    public func decode(scalar: Double, mode: Int) -> Double {
        min(1, max(-1, scalar)) * Self.scale * standardDeviations[mode] + means[mode]
    }
}
