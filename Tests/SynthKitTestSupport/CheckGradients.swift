public import SynthKit
public import Testing

/// Finite-difference gradient checks for any function of `Variable`s (tinygrad `gradcheck`,
/// micrograd `test_engine`), first and second order.
///
/// The scalar tested is L(x) = Σ f(x)·r for a fixed random projection r. First order compares
/// ∂L/∂x from the graph with central differences of L. Second order compares ∂S/∂x, where
/// S(x) = Σᵢ ‖∂L/∂xᵢ‖² is computed with `createGraph: true` and differentiated again, with
/// central differences of S computed by first-order passes.
///
/// - Parameters:
///   - label: names the function in failure messages.
///   - inputs: the point to check at (use ``gradientCheckInput(_:seed:positive:)`` for values
///     away from the kinks of relu, abs and max).
///   - secondOrder: also check the gradient of the squared gradient norm.
///   - tolerance: allowed |analytic − numeric| relative to max(1, |numeric|) (twice this for
///     second order); Float32 central differences with step 1e-2 need about 2e-2.
///   - function: the function under test; it must be deterministic (draw any noise from a
///     fixed seed inside it).
public func checkGradients(
    _ label: String, at inputs: [Tensor], secondOrder: Bool = true, tolerance: Float = 2e-2,
    sourceLocation: SourceLocation = #_sourceLocation, _ function: @escaping ([Variable]) -> Variable
) {
    let projection = GradientChecking.projection(function, inputs)
    let first = GradientChecking.firstOrderGradients(function, inputs, projection)
    let numericFirst = numericGradients(at: inputs) { GradientChecking.loss(function, $0.map { Variable($0) }, projection).value.scalar }
    expectGradientsClose(
        first.gradients.map(\.value), numericFirst, tolerance: tolerance, "\(label) first order", sourceLocation: sourceLocation)
    guard secondOrder else { return }
    let graph = GradientChecking.firstOrderGradients(function, inputs, projection, createGraph: true)
    let squaredNorm = graph.gradients.map { ($0 * $0).sum() }.reduce(Variable(Tensor(0))) { $0 + $1 }
    let second = Variable.gradients(of: squaredNorm, withRespectTo: graph.variables)
    let numericSecond = numericGradients(at: inputs) { GradientChecking.gradientSquaredNorm(function, $0, projection) }
    expectGradientsClose(
        second.map(\.value), numericSecond, tolerance: tolerance * 2, "\(label) second order", sourceLocation: sourceLocation)
}

/// Central differences (step 1e-2) of `scalar` with respect to every element of every input.
public func numericGradients(at inputs: [Tensor], _ scalar: ([Tensor]) -> Float) -> [[Float]] {
    let step: Float = 1e-2
    return inputs.indices.map { inputIndex in
        (0..<inputs[inputIndex].count).map { element in
            func shifted(_ delta: Float) -> [Tensor] {
                var copy = inputs
                var scalars = copy[inputIndex].scalars
                scalars[element] += delta
                copy[inputIndex] = Tensor(shape: copy[inputIndex].shape, scalars: scalars)
                return copy
            }
            return (scalar(shifted(step)) - scalar(shifted(-step))) / (2 * step)
        }
    }
}

/// Expects every analytic gradient element within `tolerance · max(1, |numeric|)` of its
/// numeric counterpart.
public func expectGradientsClose(
    _ analytic: [Tensor], _ numeric: [[Float]], tolerance: Float, _ label: String, sourceLocation: SourceLocation
) {
    #expect(analytic.count == numeric.count, "\(label): \(analytic.count) gradients for \(numeric.count) inputs", sourceLocation: sourceLocation)
    for (tensor, expected) in zip(analytic, numeric) {
        #expect(tensor.count == expected.count, "\(label): gradient of \(tensor.count) elements for \(expected.count)", sourceLocation: sourceLocation)
        for (value, reference) in zip(tensor.scalars, expected) {
            #expect(
                abs(value - reference) <= tolerance * max(1, abs(reference)),
                "\(label): analytic \(value) vs numeric \(reference)", sourceLocation: sourceLocation)
        }
    }
}

/// Values in ±[0.3, 1.2] (or [0.3, 1.2] when `positive`), away from the kinks of relu, abs and max.
public func gradientCheckInput(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Tensor {
    var stream = Seed(seed).stream()
    let magnitude = Tensor.uniform(shape: shape, lowerBound: 0.3, upperBound: 1.2, stream: &stream)
    if positive { return magnitude }
    let signs = Tensor.bernoulliMask(shape: shape, keepProbability: 0.5, stream: &stream).affine(scale: 1, shift: -0.5).sign()
    return magnitude * signs
}

/// The pieces of ``checkGradients(_:at:secondOrder:tolerance:sourceLocation:_:)``.
enum GradientChecking {
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
}
