public import SynthKitStatistical
public import SynthKitSynthesis
public import SynthKitTable

extension PrivBayes {
    /// A fitted PrivBayes model; its ``provenance`` carries the privacy ledger.
    public struct Model: DiscreteNetworkModel {
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
    }
}
