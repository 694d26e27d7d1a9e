import SynthKitCore

/// A distance-based membership-inference attack: the attacker scores a candidate row x by
/// −min_{s ∈ S} ‖x − s‖ (closer to some synthetic row = "member") and the AUC separates
/// training rows (members) from holdout rows (non-members).
///
/// Reference: the DCR / GAN-leaks family of attacks (`collapse-dp-watermark.md` §4.1; Chen et al.
/// 2020). Oracle behaviour: a generator that copies its training rows gives AUC 1; one that never
/// saw them gives AUC within 0.5 ± 3·√((n₊ + n₋ + 1)/(12 n₊ n₋)) (the Mann–Whitney null band).
/// An empirical measurement, never a guarantee ("The DCR Delusion", arXiv 2505.01524).
///
/// Complexity: O((n₊ + n₋) · m · d) for m synthetic rows.
struct MembershipInference: Sendable, Equatable {
    /// The attack's AUC (0.5 = chance).
    var auc: Double
    /// Three Mann–Whitney null standard deviations: AUC above 0.5 + band is evidence of leakage.
    var nullBand: Double
    /// Members (training rows) attacked.
    var members: Int
    /// Non-members (holdout rows) attacked.
    var nonMembers: Int

    /// The attack on encoded rows, or `nil` when a side is empty.
    static func attack(members: EncodedRows, nonMembers: EncodedRows, synthetic: EncodedRows, threads: Int?) -> MembershipInference? {
        guard members.rowCount > 0, nonMembers.rowCount > 0, synthetic.rowCount > 0 else { return nil }
        let memberScores = NearestNeighbours.closest(from: members, to: synthetic, threads: threads).map { -$0 }
        let nonMemberScores = NearestNeighbours.closest(from: nonMembers, to: synthetic, threads: threads).map { -$0 }
        guard let auc = ReceiverOperatingCurve.area(positives: memberScores, negatives: nonMemberScores) else { return nil }
        let band = 3 * ReceiverOperatingCurve.nullStandardDeviation(positives: members.rowCount, negatives: nonMembers.rowCount)
        return MembershipInference(auc: auc, nullBand: band, members: members.rowCount, nonMembers: nonMembers.rowCount)
    }
}
