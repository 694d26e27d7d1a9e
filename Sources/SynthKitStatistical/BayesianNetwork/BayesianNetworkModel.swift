public import SynthKitSynthesis
public import SynthKitTable

extension BayesianNetwork {
    /// A fitted Bayesian network: the attributes' coding and the network.
    public struct Model: DiscreteNetworkModel {
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
    }
}
