// The umbrella module: one import gives the user-facing API (swift-numerics `Numerics.swift`).
@_exported public import SynthKitCore
@_exported public import SynthKitDeep
@_exported public import SynthKitEvaluation
@_exported public import SynthKitGovernance
@_exported public import SynthKitLab
@_exported public import SynthKitMath
@_exported public import SynthKitNN
@_exported public import SynthKitPrivacy
@_exported public import SynthKitStatistical
@_exported public import SynthKitSynthesis
@_exported public import SynthKitTable
@_exported public import SynthKitTensor
@_exported public import SynthKitTransforms
