public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

extension BayesianNetwork {
    /// A fitted Bayesian network: the attributes' coding and the network.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static let kind: SynthesizerKind = BayesianNetwork.kind
        /// The schema the model was fitted with.
        public let schema: Schema
        /// Where the model came from.
        public let provenance: Provenance
        /// How each column is coded, in schema order.
        public let attributes: [DiscreteAttribute]
        /// The network over the attributes.
        public let network: DiscreteNetwork

        /// Creates a model.
        public init(schema: Schema, provenance: Provenance, attributes: [DiscreteAttribute], network: DiscreteNetwork) {
            self.schema = schema
            self.provenance = provenance
            self.attributes = attributes
            self.network = network
        }

        /// Rows `rows` of the seed's row sequence (see ``SynthesisModel``).
        public func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
            try DiscreteSampling.sample(
                attributes: attributes, network: network, rows: rows, seed: seed, threads: threads,
                chunkRows: Self.sampleChunkRows, chunkLabel: Self.sampleChunkLabel)
        }

        /// The network's nodes and each column's coding.
        public func summary() -> ModelSummary {
            DiscreteSampling.summary(kind: Self.kind, schema: schema, attributes: attributes, network: network, provenance: provenance)
        }
    }
}
