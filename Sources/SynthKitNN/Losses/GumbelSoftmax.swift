public import SynthKitCore
public import SynthKitTensor

/// The Gumbel-softmax relaxation of sampling a category (Jang, Gu and Poole 2017; Maddison et
/// al. 2017), as CTGAN applies it to discrete columns.
public enum GumbelSoftmax {
    /// softmax((logits + g) / τ) along the last axis with g standard Gumbel noise from `stream`.
    ///
    /// With `hard`, returns the one-hot argmax in the forward pass and the soft sample's gradient
    /// in the backward pass (straight-through: y_hard − stop_gradient(y) + y), as PyTorch's
    /// `gumbel_softmax(hard=True)`.
    /// - Precondition: `temperature > 0`; `logits` is a matrix.
    public static func sample(logits: Variable, temperature: Float, hard: Bool, stream: inout RandomStream) -> Variable {
        precondition(temperature > 0, "Gumbel-softmax temperature must be positive, got \(temperature)")
        precondition(logits.value.rank == 2, "Gumbel-softmax needs [batch, classes] logits, got \(logits.shape)")
        let noise = Tensor.gumbel(shape: logits.shape, stream: &stream)
        let soft = ((logits + noise) * (1 / temperature)).softmax(alongAxis: 1)
        guard hard else { return soft }
        let oneHot = Tensor.oneHot(soft.value.argmaxPerRow(), classCount: logits.shape[1])
        return soft + (oneHot - soft.value)
    }

    /// CTGAN's output activation (ctgan `_apply_activate`): tanh on scalar segments and a soft
    /// Gumbel-softmax sample at `temperature` on the other segments, in one fused operation
    /// (`Variable.segmentActivated`).
    ///
    /// The Gumbel noise of each softmax segment is drawn from `stream` in segment order with the
    /// segment's shape, the same draws as calling ``sample(logits:temperature:hard:stream:)`` on
    /// each slice in turn.
    /// - Precondition: the segments tile the columns of `logits` in order.
    public static func activate(
        logits: Variable, segments: [ColumnSegment], temperature: Float, stream: inout RandomStream
    ) -> Variable {
        precondition(logits.value.rank == 2, "Gumbel-softmax needs [batch, classes] logits, got \(logits.shape)")
        let rows = logits.shape[0]
        let noise = segments.map { segment in
            segment.activation == .softmax
                ? Tensor.gumbel(shape: [rows, segment.width], stream: &stream) : Tensor(zeros: [rows, segment.width])
        }
        let fullNoise = noise.isEmpty ? Tensor(zeros: logits.shape) : Tensor.concatenate(noise, alongAxis: 1)
        return logits.segmentActivated(segments, noise: fullNoise, temperature: temperature)
    }
}
