/// A block of adjacent columns of a matrix and the activation it takes: how a generator's
/// logits become a row of mixed scalars and one-hot blocks (CTGAN's `_apply_activate`).
public struct ColumnSegment: Sendable, Hashable {
    /// The activation of a segment.
    public enum Activation: Sendable, Hashable {
        /// tanh, element by element (a scalar in (−1, 1)).
        case tanh
        /// softmax((x + noise) / τ) over the segment (a Gumbel-softmax sample when the noise is
        /// Gumbel, a plain softmax when it is zero).
        case softmax
        /// log softmax((x + noise) / τ) over the segment (the log-probabilities of a one-hot
        /// block, for a cross-entropy).
        case logSoftmax
        /// x unchanged.
        case identity
    }

    /// The first column.
    public var start: Int
    /// The number of columns.
    public var width: Int
    /// The activation.
    public var activation: Activation

    /// A segment of `width` columns from `start`.
    public init(start: Int, width: Int, activation: Activation) {
        precondition(start >= 0 && width > 0, "a column segment needs start >= 0 and width > 0, got \(start), \(width)")
        self.start = start
        self.width = width
        self.activation = activation
    }
}
