import SynthKitCore
import SynthKitTable

/// The privacy family: exact copies, SDMetrics' Gower-style DCR figures, the Euclidean DCR of
/// `anchors.py` (standardised numerics + one-hot categories), NNDR, DCR baseline protection and a
/// distance-based and a DOMIAS density-ratio membership-inference AUC, and anonymeter-style
/// singling-out, linkability and attribute-inference risks with confidence intervals. All are empirical measurements; the family's
/// `guarantee` reads "none: empirical measurements only" unless a DP provenance fills it.
///
/// Score = mean of the available protections, each in [0, 1] with 1 = no measured leakage:
/// DCR baseline protection, DCR overfitting protection, and membership protection
/// min(1, 2 · (1 − AUC)) for each membership attack, and 1 − risk for each anonymeter attack.
struct PrivacyEvaluation: Sendable {
    /// The columns compared.
    let roles: ColumnRoles
    /// Synthetic rows used for the Euclidean DCR and NNDR (anchors.py uses 5,000).
    var syntheticRowLimit = 5000
    /// Members and non-members attacked by membership inference, each.
    var attackRowLimit = 1000
    /// Random rows of the DCR baseline.
    var baselineRows = 1000
    /// Holdout rows at most in the DOMIAS reference (population) sample.
    var referenceRowLimit = 5000
    /// Targets of each anonymeter-style attack (anonymeter's default `n_attacks`).
    var anonymeterAttacks = 500

    /// Gower DCR arrays computed by ``Evaluator`` (SDMetrics' distance).
    struct GowerDistances {
        var figures: PrivacyFigures
        var toTraining: [Double]
        var toHoldout: [Double]?
        var trainingReference: Table
        var holdoutReference: Table?
    }

    /// Everything the report needs: the family and the distance samples for plots.
    struct Outcome {
        var report: FamilyReport
        var euclideanToTraining: [Double]
        var euclideanToHoldout: [Double]?
    }

    /// The privacy family.
    func evaluate(
        synthetic: Table, gower: GowerDistances, encoder: RowEncoder, metadata: SDVMetadata, seed: Seed, threads: Int?
    ) throws(SynthKitError) -> Outcome {
        let figures = gower.figures
        var metrics: [FamilyMetric] = []
        var notes = figures.notes
        metrics.append(FamilyMetric(
            metric: "exact-copies", label: "Exact copies of training rows (share)", goal: .minimize, score: figures.exactCopyShare,
            breakdown: ["count": Double(figures.exactCopies)]))
        metrics.append(FamilyMetric(
            metric: "dcr-gower-training-median", label: "Median DCR to training (SDMetrics Gower distance)", goal: .maximize,
            score: figures.dcrTrainMedian, holdoutReference: figures.dcrHoldoutMedian))
        metrics.append(FamilyMetric(
            metric: "dcr-share", label: "Share of synthetic rows closer to training than holdout (Gower; 0.5 ideal)", goal: .none,
            score: figures.dcrShare, notes: figures.dcrShare == nil ? ["needs a holdout"] : []))
        metrics.append(FamilyMetric(
            metric: "dcr-overfitting-protection", label: "DCR overfitting protection (SDMetrics)", goal: .maximize,
            score: figures.dcrOverfittingProtection, notes: figures.dcrOverfittingProtection == nil ? ["needs a holdout"] : []))
        // DCR baseline protection (SDMetrics): median DCR of S over median DCR of random rows.
        let distance = DistanceToClosestRecord(metadata: metadata, threads: threads)
        let baselineCount = min(baselineRows, synthetic.rowCount)
        let baseline = RandomBaselineTable.make(like: gower.trainingReference, roles: roles, rowCount: baselineCount, seed: seed.derived("privacy.baseline"))
        let baselineMedian = PrivacyFigures.median(try distance.distances(from: baseline, to: gower.trainingReference))
        var baselineProtection: Double?
        if let syntheticMedian = figures.dcrTrainMedian, let baselineMedian, baselineMedian > 0 {
            baselineProtection = min(syntheticMedian / baselineMedian, 1)
        }
        metrics.append(FamilyMetric(
            metric: "dcr-baseline-protection", label: "DCR baseline protection (SDMetrics; vs random rows)", goal: .maximize,
            score: baselineProtection, breakdown: baselineMedian.map { ["randomMedian": $0] } ?? [:],
            notes: ["\(baselineCount) random baseline rows"]))
        // Euclidean DCR and NNDR on encoded rows (anchors.py).
        let syntheticRows = ContingencySimilarity.subsample(count: synthetic.rowCount, keeping: syntheticRowLimit, seed: seed.derived("privacy.euclidean-synthetic"))
        if synthetic.rowCount > syntheticRowLimit { notes.append("Euclidean DCR and NNDR use \(syntheticRowLimit) random synthetic rows") }
        let encodedSynthetic = encoder.encode(synthetic.gatheringRows(syntheticRows))
        let encodedTraining = encoder.encode(gower.trainingReference)
        let compactSynthetic = encoder.encodeCompact(synthetic.gatheringRows(syntheticRows))
        let twoNearest = NearestNeighbours.distances(from: compactSynthetic, to: encoder.encodeCompact(gower.trainingReference), k: 2, threads: threads)
        let toTraining = stride(from: 0, to: twoNearest.count, by: 2).map { twoNearest[$0] }
        let ratios = stride(from: 0, to: twoNearest.count, by: 2).compactMap { index -> Double? in
            twoNearest[index + 1].isFinite ? (twoNearest[index] + 1e-8) / (twoNearest[index + 1] + 1e-8) : nil
        }
        let sortedRatios = ratios.sorted()
        var toHoldout: [Double]?
        var euclideanShare: Double?
        if let holdoutReference = gower.holdoutReference {
            let distances = NearestNeighbours.distances(from: compactSynthetic, to: encoder.encodeCompact(holdoutReference), k: 1, threads: threads)
            toHoldout = distances
            var share = 0.0
            for (train, hold) in zip(toTraining, distances) { share += train < hold ? 1 : (train == hold ? 0.5 : 0) }
            euclideanShare = share / Double(max(1, distances.count))
        }
        metrics.append(FamilyMetric(
            metric: "dcr-euclidean-training-median", label: "Median DCR to training (Euclidean, standardised + one-hot, as anchors.py)",
            goal: .maximize, score: PrivacyFigures.median(toTraining), holdoutReference: toHoldout.flatMap(PrivacyFigures.median)))
        metrics.append(FamilyMetric(
            metric: "dcr-euclidean-share", label: "Share closer to training than holdout (Euclidean, ties ½; 0.5 ideal)", goal: .none,
            score: euclideanShare, notes: euclideanShare == nil ? ["needs a holdout"] : []))
        metrics.append(FamilyMetric(
            metric: "nndr", label: "Nearest-neighbour distance ratio d₁/d₂ to training (median)", goal: .maximize,
            score: PrivacyFigures.median(sortedRatios),
            breakdown: sortedRatios.count >= 10 ? ["tenthSmallest": sortedRatios[9]] : [:]))
        // Membership inference on equal numbers of members and non-members.
        var attack: MembershipInference?
        if let holdoutReference = gower.holdoutReference {
            let size = min(attackRowLimit, gower.trainingReference.rowCount, holdoutReference.rowCount)
            let memberRows = ContingencySimilarity.subsample(count: gower.trainingReference.rowCount, keeping: size, seed: seed.derived("privacy.mia-members"))
            let nonMemberRows = ContingencySimilarity.subsample(count: holdoutReference.rowCount, keeping: size, seed: seed.derived("privacy.mia-non-members"))
            attack = MembershipInference.attack(
                members: encodedTraining.gathering(memberRows), nonMembers: encoder.encode(holdoutReference.gatheringRows(nonMemberRows)),
                synthetic: encoder.encode(synthetic), threads: threads)
        }
        metrics.append(FamilyMetric(
            metric: "membership-inference-auc", label: "Membership-inference AUC (distance attack; 0.5 = chance)", goal: .minimize,
            score: attack?.auc, breakdown: attack.map { ["nullBand": $0.nullBand, "members": Double($0.members)] } ?? [:],
            notes: attack == nil ? ["needs a holdout"] : []))
        // DOMIAS: non-members and the population reference are disjoint parts of the holdout.
        var densityAttack: DensityRatioMembershipInference?
        if let holdoutReference = gower.holdoutReference {
            let holdoutOrder = SeededPermutation.of(count: holdoutReference.rowCount, seed: seed.derived("privacy.domias-holdout"))
            let size = min(attackRowLimit, holdoutReference.rowCount / 2, gower.trainingReference.rowCount)
            let memberRows = SeededPermutation.of(count: gower.trainingReference.rowCount, seed: seed.derived("privacy.domias-members")).prefix(size)
            densityAttack = DensityRatioMembershipInference.attack(
                members: encodedTraining.gathering(Array(memberRows)),
                nonMembers: encoder.encode(holdoutReference.gatheringRows(Array(holdoutOrder.prefix(size)))),
                synthetic: encodedSynthetic,
                reference: encoder.encode(holdoutReference.gatheringRows(Array(holdoutOrder.dropFirst(size).prefix(referenceRowLimit)))),
                threads: threads)
        }
        metrics.append(FamilyMetric(
            metric: "membership-inference-auc-domias", label: "Membership-inference AUC (DOMIAS density ratio; 0.5 = chance)", goal: .minimize,
            score: densityAttack?.auc,
            breakdown: densityAttack.map { ["nullBand": $0.nullBand, "members": Double($0.members), "referenceRows": Double($0.referenceRows)] } ?? [:],
            notes: densityAttack == nil
                ? ["needs a holdout of at least 2 rows"]
                : ["Gaussian kernel densities (Scott's factor, diagonal bandwidth) of the synthetic rows and of holdout rows not attacked"]))
        let anonymeter = anonymeterMetrics(
            training: gower.trainingReference, control: gower.holdoutReference, synthetic: synthetic, seed: seed.derived("privacy"), threads: threads)
        metrics += anonymeter.metrics
        let protections = anonymeter.protections + [
            baselineProtection, figures.dcrOverfittingProtection, attack.map { min(1, 2 * (1 - $0.auc)) },
            densityAttack.map { min(1, 2 * (1 - $0.auc)) },
        ].compactMap { $0 }
        let score = protections.isEmpty ? nil : protections.reduce(0, +) / Double(protections.count)
        let report = FamilyReport(
            score: score, verdict: Verdicts.privacy(copies: figures.exactCopies, membershipAUC: attack?.auc, nullBand: attack?.nullBand),
            notes: notes, metrics: metrics, guarantee: .empiricalOnly)
        return Outcome(report: report, euclideanToTraining: toTraining, euclideanToHoldout: toHoldout)
    }
}
