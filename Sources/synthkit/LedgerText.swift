import Foundation
import SynthKit

/// Plain-text rendering of ledger entries for `ledger list` and `ledger show`.
enum LedgerText {
    /// One line: id, command, status, outputs with depth and share.
    static func line(_ entry: LedgerEntry) -> String {
        let outputs = entry.outputs.map { artifact in
            let depth = artifact.facts.generationDepth.map(String.init) ?? "?"
            let share = artifact.facts.syntheticShare.map { String(format: "%.3f", $0) } ?? "?"
            return "\(artifact.path) [\(artifact.facts.origin.rawValue), depth \(depth), share \(share)]"
        }
        return "#\(entry.id)  \(entry.createdAt)  \(entry.command)  \(entry.status.rawValue)  " + outputs.joined(separator: ", ")
    }

    /// Every field of an entry.
    static func detail(_ entry: LedgerEntry) -> String {
        var lines = [line(entry)]
        if let synthesizer = entry.synthesizer { lines.append("synthesizer: \(synthesizer)") }
        for key in entry.hyperparameters.keys.sorted() { lines.append("  \(key) = \(entry.hyperparameters[key] ?? "")") }
        if let seed = entry.seed { lines.append("seed: \(seed)") }
        if let schemaHash = entry.schemaHash { lines.append("schema: \(schemaHash)") }
        if let privacy = entry.privacy {
            lines.append("privacy: epsilon \(privacy.epsilon), delta \(privacy.delta)" + (privacy.testMode ? " (not private: reproducible test mode)" : ""))
        } else {
            lines.append("privacy: none (not differentially private)")
        }
        for key in entry.scores.keys.sorted() { lines.append("score \(key): \(entry.scores[key] ?? 0)") }
        for note in entry.notes { lines.append("note: \(note)") }
        for (role, artifacts) in [("input", entry.inputs), ("output", entry.outputs)] {
            for artifact in artifacts {
                let depth = artifact.facts.generationDepth.map(String.init) ?? "unknown"
                let share = artifact.facts.syntheticShare.map { String(format: "%.4f", $0) } ?? "unknown"
                let rows = artifact.rows.map { ", \($0) rows" } ?? ""
                lines.append(
                    "\(role): \(artifact.path) (\(artifact.kind.rawValue)\(rows)) sha256 \(artifact.sha256 ?? "none") "
                        + "origin \(artifact.facts.origin.rawValue), depth \(depth), share \(share)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
