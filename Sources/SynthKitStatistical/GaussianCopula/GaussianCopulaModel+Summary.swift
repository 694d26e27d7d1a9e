import SynthKitMath
public import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

extension GaussianCopula.Model {
    /// Per-column marginals and categories, the strongest latent correlations, and notes.
    public func summary() -> ModelSummary {
        var lines: [ModelSummary.ColumnLine] = []
        var notes: [String] = []
        for column in columns {
            switch column.treatment {
            case .numeric(let marginal, _, _, _, let missingShare):
                let family: String
                if let marginal {
                    family = marginal.family.rawValue
                        + (marginal.family == .empirical ? (marginal.cumulative == nil ? " (quantile knots)" : " (discrete)") : "")
                } else {
                    family = "all missing"
                }
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind, family: family, parameters: marginal?.summaryParameters ?? [:],
                    missingShare: missingShare))
            case .categorical(let encoding, let order, _, _, let frequencies):
                var missingShare = 0.0
                if encoding.hasMissing, let position = order.firstIndex(of: Int32(encoding.missingCode)) {
                    missingShare = frequencies[position]
                }
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind,
                    family: "categorical intervals (\(configuration.categoricalOrdering.rawValue) order)",
                    missingShare: missingShare, categoryCount: order.count - (missingShare > 0 ? 1 : 0)))
            case .jointCategorical(let groupIndex, _, let encoding):
                let group = groups[groupIndex]
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind,
                    family: "joint categorical with " + group.members.filter { $0 != column.name }.joined(separator: ", "),
                    parameters: ["combinations": Double(group.order.count)],
                    missingShare: jointMissingShare(group, column: column.name, encoding: encoding),
                    categoryCount: encoding.levels.count))
            case .identifier(let format):
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind, family: "regenerated id", missingShare: 0,
                    note: format.textPrefix.map { "text ids '\($0)<n>'" } ?? "numbers from 0"))
            case .blank(let reason):
                lines.append(ModelSummary.ColumnLine(
                    name: column.name, kind: column.kind, family: "not learned", missingShare: 1, note: reason))
                notes.append("column '\(column.name)' is written empty: \(reason)")
            }
        }
        let matrix = correlationMatrix
        var pairs: [ModelSummary.CorrelationPair] = []
        for first in 0..<matrix.dimension {
            for second in (first + 1)..<max(matrix.dimension, first + 1) {
                pairs.append(ModelSummary.CorrelationPair(
                    first: dimensionNames[first], second: dimensionNames[second], correlation: matrix[first, second]))
            }
        }
        pairs.sort { abs($0.correlation) != abs($1.correlation) ? abs($0.correlation) > abs($1.correlation) : $0.first < $1.first }
        for group in groups {
            notes.append("columns \(group.members.joined(separator: ", ")) are modelled jointly (\(group.order.count) observed combinations)")
        }
        notes.append("fitting is deterministic; the seed only selects sampling streams")
        return ModelSummary(
            kind: Self.kind, columns: lines,
            correlation: ModelSummary.CorrelationSummary(dimension: matrix.dimension, strongestPairs: Array(pairs.prefix(10))),
            notes: notes, provenance: provenance)
    }

    func jointMissingShare(_ group: JointCategoricalGroup, column: String, encoding: CategoryEncoding) -> Double {
        guard encoding.hasMissing, let position = group.members.firstIndex(of: column) else { return 0 }
        var share = 0.0
        for (slot, code) in group.order.enumerated() where group.combinations[Int(code)][position] == Int32(encoding.missingCode) {
            share += group.frequencies[slot]
        }
        return share
    }
}
