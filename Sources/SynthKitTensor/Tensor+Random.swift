public import SynthKitCore

extension Tensor {
    /// Independent draws from U(lowerBound, upperBound) (24 random bits each).
    public static func uniform(
        shape: [Int], lowerBound: Float = 0, upperBound: Float = 1, stream: inout RandomStream
    ) -> Tensor {
        let values = RandomKernels.uniforms(count: shape.reduce(1, *), open: false, stream: &stream)
        return Tensor(shape: shape, scalars: values).affine(scale: upperBound - lowerBound, shift: lowerBound)
    }

    /// Independent draws from N(mean, standardDeviation²) (vectorised Box-Muller, see `RandomKernels`).
    public static func normal(
        shape: [Int], mean: Float = 0, standardDeviation: Float = 1, stream: inout RandomStream
    ) -> Tensor {
        let values = RandomKernels.normals(count: shape.reduce(1, *), stream: &stream)
        let standard = Tensor(shape: shape, scalars: values)
        // x·1 + 0 = x except for the sign of a zero draw; skip the pass for standard normals.
        return standardDeviation == 1 && mean == 0 ? standard : standard.affine(scale: standardDeviation, shift: mean)
    }

    /// Independent standard Gumbel draws, −log(−log U) with U uniform on (0, 1).
    ///
    /// Reference: Gumbel (1954); used by the Gumbel-softmax trick (Jang et al. 2017).
    public static func gumbel(shape: [Int], stream: inout RandomStream) -> Tensor {
        Tensor(shape: shape, scalars: RandomKernels.gumbels(count: shape.reduce(1, *), stream: &stream))
    }

    /// A mask of independent Bernoulli(keepProbability) draws holding `1 / keepProbability` where
    /// kept and 0 elsewhere (inverted dropout: the expectation of `mask * x` is x).
    ///
    /// - Precondition: 0 < keepProbability <= 1.
    public static func bernoulliMask(shape: [Int], keepProbability: Float, stream: inout RandomStream) -> Tensor {
        precondition(keepProbability > 0 && keepProbability <= 1, "keepProbability must be in (0, 1], got \(keepProbability)")
        let count = shape.reduce(1, *)
        let scale = 1 / keepProbability
        let uniforms = Tensor(shape: shape, scalars: RandomKernels.uniforms(count: count, open: false, stream: &stream))
        return uniforms.mapped(ElementwiseFunctions.Below(threshold: keepProbability, value: scale))
    }
}
