import SynthKitCore
import Testing

@testable import SynthKitTensor

/// Finite-difference gradient checks (tinygrad `gradcheck`, micrograd `test_engine`), first and
/// second order.
///
/// The scalar tested is L(x) = Σ f(x)·r for a fixed random projection r. First order compares
/// ∂L/∂x from the graph with central differences of L. Second order compares ∂S/∂x, where
/// S(x) = Σᵢ ‖∂L/∂xᵢ‖² is computed with `createGraph: true` and differentiated again, with
/// central differences of S computed by first-order passes.
enum GradientCheck {
    static let step: Float = 1e-2

    static func projection(_ function: ([Variable]) -> Variable, _ inputs: [Tensor]) -> Tensor {
        let shape = function(inputs.map { Variable($0) }).shape
        var stream = Seed(99).stream()
        return Tensor.uniform(shape: shape, lowerBound: -1, upperBound: 1, stream: &stream)
    }

    static func loss(_ function: ([Variable]) -> Variable, _ variables: [Variable], _ projection: Tensor) -> Variable {
        (function(variables) * projection).sum()
    }

    static func firstOrderGradients(
        _ function: ([Variable]) -> Variable, _ inputs: [Tensor], _ projection: Tensor, createGraph: Bool = false
    ) -> (variables: [Variable], gradients: [Variable]) {
        let variables = inputs.map { Variable($0, requiresGradient: true) }
        let value = loss(function, variables, projection)
        return (variables, Variable.gradients(of: value, withRespectTo: variables, createGraph: createGraph))
    }

    static func gradientSquaredNorm(_ function: ([Variable]) -> Variable, _ inputs: [Tensor], _ projection: Tensor) -> Float {
        firstOrderGradients(function, inputs, projection).gradients.reduce(0) { $0 + ($1.value * $1.value).sum().scalar }
    }

    /// Central differences of `scalar` with respect to every element of every input.
    static func numericGradients(_ inputs: [Tensor], _ scalar: ([Tensor]) -> Float) -> [[Float]] {
        inputs.indices.map { inputIndex in
            (0..<inputs[inputIndex].count).map { element in
                var plus = inputs
                var minus = inputs
                plus[inputIndex].scalars[element] += step
                minus[inputIndex].scalars[element] -= step
                return (scalar(plus) - scalar(minus)) / (2 * step)
            }
        }
    }

    static func expectClose(
        _ analytic: [Tensor], _ numeric: [[Float]], tolerance: Float, _ label: String,
        sourceLocation: SourceLocation
    ) {
        for (tensor, expected) in zip(analytic, numeric) {
            for (value, reference) in zip(tensor.scalars, expected) {
                #expect(
                    Swift.abs(value - reference) <= tolerance * Swift.max(1, Swift.abs(reference)),
                    "\(label): analytic \(value) vs numeric \(reference)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Checks first- and (optionally) second-order gradients of `function` at `inputs`.
    static func check(
        _ label: String, _ inputs: [Tensor], secondOrder: Bool = true, tolerance: Float = 2e-2,
        sourceLocation: SourceLocation = #_sourceLocation, _ function: @escaping ([Variable]) -> Variable
    ) {
        let projection = projection(function, inputs)
        let first = firstOrderGradients(function, inputs, projection)
        let numericFirst = numericGradients(inputs) { loss(function, $0.map { Variable($0) }, projection).value.scalar }
        expectClose(first.gradients.map(\.value), numericFirst, tolerance: tolerance, "\(label) first order", sourceLocation: sourceLocation)
        guard secondOrder else { return }
        let graph = firstOrderGradients(function, inputs, projection, createGraph: true)
        let squaredNorm = graph.gradients.map { ($0 * $0).sum() }.reduce(Variable(Tensor(0))) { $0 + $1 }
        let second = Variable.gradients(of: squaredNorm, withRespectTo: graph.variables)
        let numericSecond = numericGradients(inputs) { gradientSquaredNorm(function, $0, projection) }
        expectClose(second.map(\.value), numericSecond, tolerance: tolerance * 2, "\(label) second order", sourceLocation: sourceLocation)
    }

    /// Values in ±[0.3, 1.2], away from the kinks of relu, abs and max.
    static func input(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Tensor {
        var stream = Seed(seed).stream()
        let magnitude = Tensor.uniform(shape: shape, lowerBound: 0.3, upperBound: 1.2, stream: &stream)
        if positive { return magnitude }
        let signs = Tensor.bernoulliMask(shape: shape, keepProbability: 0.5, stream: &stream).affine(scale: 1, shift: -0.5).sign()
        return magnitude * signs
    }
}
