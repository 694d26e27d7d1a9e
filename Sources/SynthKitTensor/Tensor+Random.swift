public import SynthKitCore
import Foundation

extension Tensor {
    /// Independent draws from U(lowerBound, upperBound).
    public static func uniform(
        shape: [Int], lowerBound: Float = 0, upperBound: Float = 1, stream: inout RandomStream
    ) -> Tensor {
        let count = shape.reduce(1, *)
        let width = Double(upperBound - lowerBound)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count { values[index] = lowerBound + Float(stream.nextUniform() * width) }
        return Tensor(shape: shape, scalars: values)
    }

    /// Independent draws from N(mean, standardDeviation²) (Box-Muller on the stream).
    public static func normal(
        shape: [Int], mean: Float = 0, standardDeviation: Float = 1, stream: inout RandomStream
    ) -> Tensor {
        let count = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count { values[index] = mean + standardDeviation * Float(stream.nextNormal()) }
        return Tensor(shape: shape, scalars: values)
    }

    /// Independent standard Gumbel draws, −log(−log U) with U uniform on (0, 1).
    ///
    /// Reference: Gumbel (1954); used by the Gumbel-softmax trick (Jang et al. 2017).
    public static func gumbel(shape: [Int], stream: inout RandomStream) -> Tensor {
        let count = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let uniform = stream.nextOpenUniform()
            values[index] = Float(-Foundation.log(-Foundation.log(uniform)))
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// A mask of independent Bernoulli(keepProbability) draws holding `1 / keepProbability` where
    /// kept and 0 elsewhere (inverted dropout: the expectation of `mask * x` is x).
    ///
    /// - Precondition: 0 < keepProbability <= 1.
    public static func bernoulliMask(shape: [Int], keepProbability: Float, stream: inout RandomStream) -> Tensor {
        precondition(keepProbability > 0 && keepProbability <= 1, "keepProbability must be in (0, 1], got \(keepProbability)")
        let count = shape.reduce(1, *)
        let scale = 1 / keepProbability
        let threshold = Double(keepProbability)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count where stream.nextUniform() < threshold { values[index] = scale }
        return Tensor(shape: shape, scalars: values)
    }
}
