import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// The `inspect-model` summary shared by the deep models: per column its representation
/// (modes of the mode-specific normalisation with their weights, or categories).
enum DeepModelSummary {
    static func summary(kind: SynthesizerKind, columns: [DeepColumn], provenance: Provenance, notes extra: [String]) -> ModelSummary {
        var lines: [ModelSummary.ColumnLine] = []
        var notes = extra
        for column in columns {
            switch column.treatment {
            case .continuous(let normalization, _, _, let hasMissing):
                var parameters: [String: Double] = [:]
                if let normalization {
                    for index in 0..<normalization.modeCount {
                        parameters["mode\(index).weight"] = normalization.weights[index]
                        parameters["mode\(index).mean"] = normalization.means[index]
                        parameters["mode\(index).sd"] = normalization.standardDeviations[index]
                    }
                }
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind,
                    family: normalization.map { "mode-specific normalisation (\($0.modeCount) modes)" } ?? "all missing",
                    parameters: parameters, missingShare: normalization == nil ? 1 : 0,
                    note: hasMissing ? "missingness modelled by an indicator" : nil))
            case .categorical(let encoding):
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind, family: "one-hot", missingShare: 0, categoryCount: encoding.levels.count,
                    note: encoding.hasMissing ? "missing is one more category" : nil))
            case .identifier(let format):
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind, family: "regenerated id", missingShare: 0,
                    note: format.textPrefix.map { "text ids '\($0)<n>'" } ?? "numbers from 0"))
            case .blank(let reason):
                lines.append(ModelSummary.ColumnLine(name: column.name, kind: column.kind, family: "not learned", missingShare: 1, note: reason))
                notes.append("column '\(column.name)' is written empty: \(reason)")
            }
        }
        return ModelSummary(kind: kind, columns: lines, correlation: nil, notes: notes, provenance: provenance)
    }
}
