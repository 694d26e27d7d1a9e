public import SynthKitCore
public import SynthKitTensor

/// A fully connected layer: `y = x Wᵀ + b`.
///
/// W is `[outputFeatures, inputFeatures]` and b is `[outputFeatures]`, both initialised from
/// U(−k, k) with k = 1/√inputFeatures (PyTorch's `nn.Linear` default, He et al. 2015 with
/// a = √5). The forward pass is one transposed GEMM accumulating onto the bias; the backward
/// pass is two transposed GEMMs (no transposes materialised), and the packed weight panels are
/// reused until the weight changes.
///
/// DP-SGD design: per-example gradient norms need ∂L/∂y per row and x per row only, because
/// ∂L/∂W for example i is the outer product δᵢ xᵢᵀ, whose squared norm is ‖δᵢ‖²‖xᵢ‖²
/// (Goodfellow 2015). Set ``capturesActivations`` to keep the last input and output; then
/// `Variable.gradients(of: loss, withRespectTo: [layer.lastOutput])` gives δ and
/// ``perExampleSquaredGradientNorms(outputGradient:)`` the norms, without touching the layer.
public final class Linear: Module, Layer {
    /// The weight matrix `[outputFeatures, inputFeatures]`.
    public let weight: Variable
    /// The bias `[outputFeatures]`, or nil.
    public let bias: Variable?
    /// Whether the last input and output are kept for per-example gradient norms.
    public var capturesActivations = false
    /// The last input, when ``capturesActivations`` is set.
    public private(set) var lastInput: Variable?
    /// The last output, when ``capturesActivations`` is set.
    public private(set) var lastOutput: Variable?

    /// Input feature count.
    public var inputFeatures: Int { weight.shape[1] }
    /// Output feature count.
    public var outputFeatures: Int { weight.shape[0] }

    /// A layer with PyTorch-default initialisation drawn from `seed`.
    public init(inputFeatures: Int, outputFeatures: Int, bias: Bool = true, seed: Seed) {
        precondition(inputFeatures > 0 && outputFeatures > 0, "Linear needs positive sizes, got \(inputFeatures) -> \(outputFeatures)")
        let bound = 1 / Float(inputFeatures).squareRoot()
        var stream = seed.derived("weight").stream()
        weight = Variable(
            Tensor.uniform(shape: [outputFeatures, inputFeatures], lowerBound: -bound, upperBound: bound, stream: &stream),
            requiresGradient: true)
        if bias {
            var biasStream = seed.derived("bias").stream()
            self.bias = Variable(
                Tensor.uniform(shape: [outputFeatures], lowerBound: -bound, upperBound: bound, stream: &biasStream),
                requiresGradient: true)
        } else {
            self.bias = nil
        }
        super.init()
    }

    /// A layer with the given weight `[outputFeatures, inputFeatures]` and optional bias.
    public init(weight: Tensor, bias: Tensor?) {
        precondition(weight.rank == 2, "Linear weight must be a matrix, got \(weight.shape)")
        precondition(bias.map { $0.shape == [weight.shape[0]] } ?? true, "Linear bias shape \(bias?.shape ?? []) does not match weight \(weight.shape)")
        self.weight = Variable(weight, requiresGradient: true)
        self.bias = bias.map { Variable($0, requiresGradient: true) }
        super.init()
    }

    /// `x Wᵀ + b` for `x` of shape `[batch, inputFeatures]`.
    public func callAsFunction(_ input: Variable) -> Variable {
        callAsFunction(parts: [input])
    }

    /// `x Wᵀ + b` when its value is already known (by linearity, see
    /// `Variable.linear(_:weight:bias:knownOutput:)`): records the layer for back-propagation
    /// without recomputing the product.
    public func callAsFunction(_ input: Variable, knownOutput: Tensor) -> Variable {
        precondition(
            input.value.rank == 2 && input.shape[1] == inputFeatures,
            "Linear(\(inputFeatures) -> \(outputFeatures)) got input of shape \(input.shape)")
        return Variable.linear([input], weight: weight, bias: bias, knownOutput: knownOutput)
    }

    /// `[x₁ … xₙ] Wᵀ + b` for parts `[batch, widthᵢ]` whose widths add up to `inputFeatures`,
    /// without materialising the concatenation (see `Variable.linear(_:weight:bias:)`); parts
    /// that need no gradient (a residual block's noise input) cost no input-gradient product.
    public func callAsFunction(parts: [Variable]) -> Variable {
        precondition(
            parts.allSatisfy { $0.value.rank == 2 } && parts.reduce(0) { $0 + $1.shape[1] } == inputFeatures,
            "Linear(\(inputFeatures) -> \(outputFeatures)) got inputs of shapes \(parts.map(\.shape))")
        let output = Variable.linear(parts, weight: weight, bias: bias)
        if capturesActivations {
            lastInput = parts.count == 1 ? parts[0] : Variable.concatenate(parts, alongAxis: 1)
            lastOutput = output
        }
        return output
    }

    /// ‖∂L/∂θᵢ‖² for each example i (weights and bias of this layer), from δ = ∂L/∂output.
    public func perExampleSquaredGradientNorms(outputGradient: Tensor) -> Tensor {
        guard let input = lastInput?.value else {
            preconditionFailure("perExampleSquaredGradientNorms needs capturesActivations = true and a forward pass")
        }
        let outputNorms = (outputGradient * outputGradient).sum(alongAxis: 1)
        let inputNorms = (input * input).sum(alongAxis: 1) + (bias == nil ? 0 : 1)
        return outputNorms * inputNorms
    }
}
