public import SynthKitSynthesis
import SynthKitPrivacy
import SynthKitStatistical

extension SynthesizerRegistry {
    /// Every synthesizer of SynthKit, across layers: ``standard`` (Gaussian copula, Bayesian
    /// network) plus the differentially private ones (PrivBayes, MST). Use it to load any
    /// model file.
    public static var complete: SynthesizerRegistry {
        var registry = SynthesizerRegistry.standard
        registry.register(PrivBayes.self)
        registry.register(MST.self)
        return registry
    }
}
