package import SynthKitCore
import Foundation

/// A Bayesian network over discrete attributes: nodes in sampling order, each with a
/// conditional probability table given its parents.
///
/// Node i's table is row-major over parent configurations (mixed radix over the parents'
/// cardinalities, first parent most significant) × the node's values; each row sums to 1.
/// Sampling is ancestral: one uniform per node per row, inverted against the row of the
/// table selected by the parents' sampled codes. O(rows × nodes × cardinality).
public struct DiscreteNetwork: Codable, Hashable, Sendable {
    /// One node: an attribute, its parents and its conditional table.
    public struct Node: Codable, Hashable, Sendable {
        /// The attribute index (into the model's attributes).
        public var attribute: Int
        /// Parent attribute indices, each placed earlier in the order.
        public var parents: [Int]
        /// P(value | parent configuration), row-major, as described on ``DiscreteNetwork``.
        public var conditional: [Double]

        /// Creates a node.
        public init(attribute: Int, parents: [Int], conditional: [Double]) {
            self.attribute = attribute
            self.parents = parents
            self.conditional = conditional
        }
    }

    /// The cardinality of every attribute (0 for unlearned ones).
    public var cardinalities: [Int]
    /// The nodes in sampling order.
    public var nodes: [Node]

    /// Creates a network.
    public init(cardinalities: [Int], nodes: [Node]) {
        self.cardinalities = cardinalities
        self.nodes = nodes
    }

    /// Builds a node's conditional table from (possibly noisy) joint counts over
    /// (parents, attribute), laid out like the table: negatives clipped to 0, each parent
    /// configuration normalised; an empty configuration takes the attribute's overall
    /// distribution (uniform when everything is empty).
    public static func conditional(fromJointCounts counts: [Double], cardinality: Int) -> [Double] {
        precondition(cardinality > 0 && counts.count % cardinality == 0, "joint counts (\(counts.count)) do not fit cardinality \(cardinality)")
        let clipped = counts.map { max(0, $0) }
        var overall = [Double](repeating: 0, count: cardinality)
        for (index, value) in clipped.enumerated() { overall[index % cardinality] += value }
        let overallTotal = overall.reduce(0, +)
        if overallTotal > 0 {
            for index in overall.indices { overall[index] /= overallTotal }
        } else {
            overall = [Double](repeating: 1 / Double(cardinality), count: cardinality)
        }
        var result = clipped
        for start in stride(from: 0, to: clipped.count, by: cardinality) {
            let total = clipped[start..<(start + cardinality)].reduce(0, +)
            for value in 0..<cardinality {
                result[start + value] = total > 0 ? clipped[start + value] / total : overall[value]
            }
        }
        return result
    }

    /// Codes for `rows` rows drawn ancestrally from `stream`, column-major by attribute
    /// (unlearned attributes stay 0).
    package func sampleCodes(rows: Int, stream: inout RandomStream) -> [[Int32]] {
        var codes = [[Int32]](repeating: [Int32](repeating: 0, count: rows), count: cardinalities.count)
        for row in 0..<rows {
            for node in nodes {
                let cardinality = cardinalities[node.attribute]
                var configuration = 0
                for parent in node.parents {
                    configuration = configuration * cardinalities[parent] + Int(codes[parent][row])
                }
                let start = configuration * cardinality
                var remaining = stream.nextUniform()
                var chosen = cardinality - 1
                for value in 0..<cardinality {
                    remaining -= node.conditional[start + value]
                    if remaining < 0 {
                        chosen = value
                        break
                    }
                }
                codes[node.attribute][row] = Int32(chosen)
            }
        }
        return codes
    }
}
