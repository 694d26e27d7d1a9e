public import SynthKitCore
public import SynthKitStatistical
public import SynthKitSynthesis
public import SynthKitTable

extension PrivBayes {
    /// A fitted PrivBayes model; its ``provenance`` carries the privacy ledger.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static let kind: SynthesizerKind = PrivBayes.kind
        /// The public schema (declared or privately released facts only).
        public let schema: Schema
        /// Where the model came from, with ``Provenance/privacy`` filled.
        public let provenance: Provenance
        /// How each column is coded.
        public let attributes: [DiscreteAttribute]
        /// The noisy network.
        public let network: DiscreteNetwork

        /// Creates a model.
        public init(schema: Schema, provenance: Provenance, attributes: [DiscreteAttribute], network: DiscreteNetwork) {
            self.schema = schema
            self.provenance = provenance
            self.attributes = attributes
            self.network = network
        }

        /// Rows `rows` of the seed's row sequence (post-processing: no privacy cost).
        public func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
            try DiscreteSampling.sample(
                attributes: attributes, network: network, rows: rows, seed: seed, threads: threads,
                chunkRows: Self.sampleChunkRows, chunkLabel: Self.sampleChunkLabel)
        }

        /// The network and the privacy ledger.
        public func summary() -> ModelSummary {
            DiscreteSampling.summary(kind: Self.kind, schema: schema, attributes: attributes, network: network, provenance: provenance)
        }
    }
}
