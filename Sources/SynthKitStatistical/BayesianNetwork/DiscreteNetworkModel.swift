public import SynthKitCore
public import SynthKitSynthesis
public import SynthKitTable

/// A fitted model that is a discrete Bayesian network over coded columns (the Bayesian network
/// and PrivBayes): it samples and summarises itself from its attributes and network alone.
public protocol DiscreteNetworkModel: SynthesisModel {
    /// How each column is coded, in schema order.
    var attributes: [DiscreteAttribute] { get }
    /// The network over the attributes.
    var network: DiscreteNetwork { get }
}

extension DiscreteNetworkModel {
    /// Rows `rows` of the seed's row sequence (see ``SynthesisModel``); ancestral sampling in
    /// fixed chunks, so the result depends neither on the thread count nor on batching.
    public func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        try DiscreteSampling.sample(
            attributes: attributes, network: network, rows: rows, seed: seed, threads: threads,
            chunkRows: Self.sampleChunkRows, chunkLabel: Self.sampleChunkLabel)
    }

    /// The network's nodes, each column's coding and the provenance (with any privacy ledger).
    public func summary() -> ModelSummary {
        DiscreteSampling.summary(kind: Self.kind, schema: schema, attributes: attributes, network: network, provenance: provenance)
    }
}
