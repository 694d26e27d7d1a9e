/// A node in the reverse-mode autograd graph: a tensor value plus how to send a gradient back
/// to the inputs that produced it.
///
/// micrograd's `Value` at tensor granularity (Karpathy 2020): each operation computes its value
/// and registers its vector-Jacobian product (the *pullback*) beside it. Pullbacks are written
/// with `Variable` operations themselves, so when ``backward(upstream:createGraph:)`` or
/// ``gradients(of:withRespectTo:upstream:createGraph:)`` runs with `createGraph: true` the
/// gradient is itself a differentiable graph: a gradient norm can be differentiated again, as
/// the WGAN-GP gradient penalty needs (Gulrajani et al. 2017). With `createGraph: false`
/// (training steps) pullbacks run with recording disabled and cost only the tensor maths.
///
/// Nothing is recorded when no input requires a gradient, or inside
/// ``withGradientRecordingDisabled(_:)`` (sampling), so inference allocates no graph.
///
/// `Variable` is a class because parameters are shared by identity between layers and
/// optimizers; it is not `Sendable`. Store `value` tensors to move results across threads.
public final class Variable {
    /// The tensor this node holds; optimizers update parameters (leaves) in place.
    ///
    /// Assigning or mutating it drops the cached packed forms (`packedOperands`). The explicit
    /// `_modify` keeps in-place mutation (`&variable.value`) free of a copy of the storage,
    /// which a `didSet` observer would force.
    public var value: Tensor {
        get { storedValue }
        set {
            storedValue = newValue
            packedOperands?.invalidate()
        }
        _modify {
            packedOperands?.invalidate()
            yield &storedValue
        }
    }
    private var storedValue: Tensor
    /// The accumulated gradient of the last ``backward(upstream:createGraph:)`` calls, for leaves
    /// that require one; nil until a backward pass reaches this node.
    public var gradient: Tensor?
    /// Whether gradients flow to (or through) this node.
    public let requiresGradient: Bool
    /// The inputs this node was computed from (empty for leaves).
    let parents: [Variable]
    /// The vector-Jacobian product, or nil for leaves and constants.
    let pullback: Pullback?
    /// Packed forms of ``value`` as the right factor of matrix products (parameters only), kept
    /// until ``value`` is assigned again.
    var packedOperands: PackedOperandCache?

    /// A leaf: a constant input (`requiresGradient: false`) or a trainable parameter.
    public init(_ value: Tensor, requiresGradient: Bool = false) {
        self.storedValue = value
        self.requiresGradient = requiresGradient
        self.parents = []
        self.pullback = nil
    }

    init(value: Tensor, parents: [Variable], pullback: @escaping Pullback) {
        self.storedValue = value
        self.requiresGradient = true
        self.parents = parents
        self.pullback = pullback
    }

    /// The shape of ``value``.
    public var shape: [Int] { value.shape }

    /// Whether this node is a leaf (not computed by a recorded operation).
    public var isLeaf: Bool { pullback == nil }

    /// A constant holding the same value, cut from the graph (PyTorch `detach`).
    public func detached() -> Variable {
        Variable(value)
    }

    /// Clears the accumulated gradient.
    public func clearGradient() {
        gradient = nil
    }

    /// The result of an operation: a graph node when recording is on and some input requires a
    /// gradient, otherwise a constant.
    static func record(_ value: Tensor, _ inputs: [Variable], _ pullback: @escaping Pullback) -> Variable {
        if GradientRecording.isDisabled || !inputs.contains(where: \.requiresGradient) {
            return Variable(value)
        }
        return Variable(value: value, parents: inputs, pullback: pullback)
    }
}

/// What a pullback receives: the gradient flowing into the node, the node's inputs and the
/// node itself (so pullbacks may reuse the output, as exp and tanh do, without capturing it).
struct BackwardContext {
    /// ∂L/∂output.
    let upstream: Variable
    /// The inputs of the operation, in the order it recorded them.
    let inputs: [Variable]
    /// The node whose gradient is being propagated.
    let output: Variable

    /// Which inputs need a gradient: they require one and lead to a wanted target.
    let needed: [Bool]

    /// In first-order passes, the gradient already collected for each input (a constant no one
    /// else holds), or nil. A pullback may add its contribution into one and return that same
    /// variable (a weight gradient accumulated by the GEMM itself); otherwise the contribution
    /// it returns is added into it.
    var accumulators: [Variable?] = []

    /// Whether input `index` needs its gradient (skip the work otherwise).
    func needs(_ index: Int) -> Bool { needed[index] }

    /// The collected gradient of input `index` a pullback may accumulate into, if any.
    func accumulator(_ index: Int) -> Variable? {
        index < accumulators.count ? accumulators[index] : nil
    }
}

/// A vector-Jacobian product: ∂L/∂inputs (nil where not needed) from ∂L/∂output.
typealias Pullback = (BackwardContext) -> [Variable?]

/// Whether operations record a graph in the current task or thread.
public enum GradientRecording {
    /// True inside ``withGradientRecordingDisabled(_:)`` and inside first-order backward passes.
    @TaskLocal public static var isDisabled = false
}

/// Runs `body` without recording any graph (sampling, evaluation, optimizer updates).
public func withGradientRecordingDisabled<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientRecording.$isDisabled.withValue(true) { try body() }
}
