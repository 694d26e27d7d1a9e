package import SynthKitCore

/// Checks shared by the DP synthesizers' hyperparameters.
package enum DifferentialPrivacyOptions {
    /// Every share must lie strictly in (0, 1); all problems are reported at once.
    package static func validate(shares: [(name: String, value: Double)]) throws(SynthKitError) {
        let problems = shares.filter { !($0.value > 0 && $0.value < 1) }.map { share in
            SynthKitError(.invalidArgument, "\(share.name) must lie strictly between 0 and 1, got \(share.value)", location: .init(field: share.name))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }
}
