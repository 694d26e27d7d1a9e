import SynthKit

/// The few numbers of an evaluation a person reads first.
enum ReportSummary {
    /// Quality and privacy headline figures, one per line.
    static func render(_ report: EvaluationReport) -> String {
        let quality = report.sdmetricsCompatible
        var lines = [
            "SDMetrics-compatible quality: overall \(format(quality.overall)) "
                + "(column shapes \(format(quality.columnShapes)), column pair trends \(format(quality.columnPairTrends)))"
        ]
        if let reference = report.holdoutReference {
            lines.append("real holdout vs real (ceiling): overall \(format(reference.overall))")
        }
        if let privacy = report.privacyFigures {
            lines.append("exact copies of training rows: \(privacy.exactCopies) (share \(format(privacy.exactCopyShare)))")
            if let share = privacy.dcrShare {
                lines.append("share of synthetic rows closer to training than to holdout: \(format(share)) (0.5 is ideal)")
            }
        }
        for family in [report.fidelity, report.diversity, report.utility, report.detectability, report.privacy, report.fairness] {
            guard let family, family.score != nil else { continue }
            lines.append(family.verdict)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double?) -> String {
        value.map { NumberFormatting.fixed($0, places: 4) } ?? "n/a"
    }
}
