import SynthKitCore

/// DOMIAS, the density-ratio membership-inference attack (van Breugel, Sun, Qian, van der
/// Schaar, "Membership Inference Attacks against Synthetic Data through Overfitting Detection",
/// AISTATS 2023; `vanderschaarlab/DOMIAS`, `src/domias/evaluator.py`).
///
/// The attacker scores a candidate row x by log p̂_G(x) − log p̂_R(x): the density of the
/// synthetic rows over the density of a reference sample of the population (real rows the
/// generator never saw, disjoint from the non-members attacked). A generator that overfits puts
/// more synthetic mass near its training rows than the population has there, so a large ratio
/// means "member". Both densities are ``GaussianKernelDensity`` estimates (the paper's KDE
/// variant). The AUC separates members (training rows) from non-members (holdout rows); the
/// Mann–Whitney null band is that of ``MembershipInference``. An empirical measurement, never a
/// guarantee.
///
/// Complexity: O((n₊ + n₋) · (m + r) · d) for m synthetic and r reference rows.
struct DensityRatioMembershipInference: Sendable, Equatable {
    /// The attack's AUC (0.5 = chance).
    var auc: Double
    /// Three Mann–Whitney null standard deviations.
    var nullBand: Double
    /// Members attacked.
    var members: Int
    /// Non-members attacked.
    var nonMembers: Int
    /// Rows of the reference (population) sample.
    var referenceRows: Int

    /// The attack, or `nil` when a set is empty. `generatorBandwidthFactor` overrides Scott's
    /// rule in the synthetic rows' density (an attacker who knows a KDE generator's bandwidth);
    /// the reference density always uses Scott's rule.
    static func attack(
        members: EncodedRows, nonMembers: EncodedRows, synthetic: EncodedRows, reference: EncodedRows, threads: Int?,
        generatorBandwidthFactor: Double? = nil
    ) -> DensityRatioMembershipInference? {
        guard members.rowCount > 0, nonMembers.rowCount > 0, synthetic.rowCount > 0, reference.rowCount > 0 else { return nil }
        let generated = GaussianKernelDensity(fitting: synthetic, factor: generatorBandwidthFactor)
        let population = GaussianKernelDensity(fitting: reference)
        func scores(_ rows: EncodedRows) -> [Double] {
            zip(generated.logDensities(at: rows, threads: threads), population.logDensities(at: rows, threads: threads)).map { $0 - $1 }
        }
        guard let auc = ReceiverOperatingCurve.area(positives: scores(members), negatives: scores(nonMembers)) else { return nil }
        let band = 3 * ReceiverOperatingCurve.nullStandardDeviation(positives: members.rowCount, negatives: nonMembers.rowCount)
        return DensityRatioMembershipInference(
            auc: auc, nullBand: band, members: members.rowCount, nonMembers: nonMembers.rowCount, referenceRows: reference.rowCount)
    }
}
