public import SynthKitSynthesis

extension SynthesizerRegistry {
    /// The registry of every synthesizer this module provides (the Gaussian copula and the Bayesian network).
    ///
    /// Lives here until the umbrella module can list synthesizers from several layers.
    public static var standard: SynthesizerRegistry {
        var registry = SynthesizerRegistry()
        registry.register(GaussianCopula.self)
        registry.register(BayesianNetwork.self)
        return registry
    }
}
