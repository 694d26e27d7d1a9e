package import SynthKitSynthesis
package import SynthKitTable
import SynthKitTransforms

extension DiscreteSampling {
    /// A summary of a discrete model: each column's coding and parents, with missing shares
    /// read from the network's marginals (root node) or left 0.
    package static func summary(
        kind: SynthesizerKind, schema: Schema, attributes: [DiscreteAttribute], network: DiscreteNetwork,
        provenance: Provenance
    ) -> ModelSummary {
        var parentsByAttribute: [Int: [Int]] = [:]
        for node in network.nodes { parentsByAttribute[node.attribute] = node.parents }
        var columns: [ModelSummary.ColumnLine] = []
        for (index, attribute) in attributes.enumerated() {
            let columnKind = schema[attribute.name]?.kind ?? .categorical
            let family: String
            var categories: Int?
            switch attribute.coding {
            case .categorical(let encoding):
                family = "categories"
                categories = encoding.levels.count
            case .binned(let edges, _):
                family = "\(edges.count - 1) bins over [\(NumberFormatting.shortest(edges[0])), \(NumberFormatting.shortest(edges[edges.count - 1]))]"
            case .identifier:
                family = "regenerated identifier"
            case .blank:
                family = "not learned (written empty)"
            }
            let parents = (parentsByAttribute[index] ?? []).map { attributes[$0].name }
            columns.append(ModelSummary.ColumnLine(
                name: attribute.name, kind: columnKind, family: family, parameters: [:],
                missingShare: schema[attribute.name]?.missingShare ?? 0, categoryCount: categories,
                note: attribute.isLearned ? (parents.isEmpty ? "no parents" : "parents: " + parents.joined(separator: ", ")) : nil))
        }
        let order = network.nodes.map { attributes[$0.attribute].name }.joined(separator: " -> ")
        return ModelSummary(
            kind: kind, columns: columns, correlation: nil, notes: ["sampling order: \(order)"], provenance: provenance)
    }
}
