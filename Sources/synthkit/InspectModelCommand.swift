import ArgumentParser
import SynthKit

/// `synthkit inspect-model`: shows what a model learned and where it came from.
struct InspectModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect-model",
        abstract: "Show what a model learned (marginals, correlations, missing shares) and its provenance.",
        discussion: """
            Examples:
              synthkit inspect-model adult.synth
              synthkit inspect-model adult.synth --json - | jq .summary.columns
            """)

    @Argument(help: "The model file written by `fit`.")
    var model: String

    @OptionGroup var json: JSONOutputOption

    func run() throws {
        try runReportingErrors { () throws(SynthKitError) in
            let loaded = try ConstraintFile.model(model).model
            let summary = loaded.summary()
            if json.path != "-" {
                StandardStreams.writeOutput(summary.renderText() + "\n\n" + HyperparameterText.render(loaded.provenance)
                    + PrivacyLedgerText.render(loaded.provenance))
            }
            try json.write(ModelInspection(kind: summary.kind.rawValue, summary: summary, provenance: loaded.provenance))
        }
    }
}

/// What `inspect-model --json` writes.
struct ModelInspection: Encodable {
    var kind: String
    var summary: ModelSummary
    var provenance: Provenance
}

/// The hyperparameters of a model's provenance as text lines.
enum HyperparameterText {
    /// "hyperparameters:" followed by one indented `name = value` line each.
    static func render(_ provenance: Provenance) -> String {
        var lines = ["hyperparameters:"]
        for (name, value) in provenance.hyperparameters.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(name) = \(value)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The privacy spend ledger of a DP model as text lines (empty for non-private models).
enum PrivacyLedgerText {
    /// "privacy ledger:" with the guarantee, each spend, and the declared facts used.
    static func render(_ provenance: Provenance) -> String {
        guard let privacy = provenance.privacy else { return "" }
        var lines = ["", "privacy ledger (\(privacy.accountant)): epsilon \(privacy.epsilon), delta \(privacy.delta), rho \(privacy.rho ?? 0)"]
        if privacy.testMode { lines.append("  WARNING: \(NoiseSource.testModeLabel)") }
        for spend in privacy.spends {
            var line = "  - \(spend.purpose)"
            if let rho = spend.rho { line += ": rho \(rho)" }
            if let epsilon = spend.epsilon { line += ": epsilon \(epsilon)" }
            lines.append(line)
        }
        lines.append("  facts used (declared public, or paid from the budget):")
        let facts = PrivacyFacts.entries(of: privacy)
        if facts.isEmpty { lines.append("    none") }
        for entry in facts { lines.append("    - \(entry.fact): \(entry.source)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
