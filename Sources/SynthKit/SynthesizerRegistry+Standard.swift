public import SynthKitSynthesis
import SynthKitDeep
import SynthKitStatistical

extension SynthesizerRegistry {
    /// The registry of every synthesizer SynthKit ships: the Gaussian copula, CTGAN and TVAE.
    ///
    /// Lives in the umbrella module because it names synthesizers from several layers
    /// (statistical and deep). Loading a model file goes through this registry.
    public static var standard: SynthesizerRegistry {
        var registry = SynthesizerRegistry()
        registry.register(GaussianCopula.self)
        registry.register(CTGAN.self)
        registry.register(TVAE.self)
        return registry
    }
}
