public import SynthKitSynthesis
import SynthKitDeep
import SynthKitPrivacy
import SynthKitStatistical

extension SynthesizerRegistry {
    /// The registry of every synthesizer SynthKit ships: Gaussian copula, Bayesian network,
    /// CTGAN, TVAE, and the differentially private PrivBayes and MST.
    ///
    /// Lives in the umbrella module because it names synthesizers from several layers
    /// (statistical, deep, privacy). Loading a model file goes through this registry.
    public static var standard: SynthesizerRegistry {
        var registry = SynthesizerRegistry()
        registry.register(GaussianCopula.self)
        registry.register(BayesianNetwork.self)
        registry.register(CTGAN.self)
        registry.register(TVAE.self)
        registry.register(PrivBayes.self)
        registry.register(MST.self)
        return registry
    }
}
