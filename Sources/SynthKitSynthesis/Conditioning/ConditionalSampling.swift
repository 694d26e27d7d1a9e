public import SynthKitCore

/// Settings of a conditional sampling run.
public struct ConditioningOptions: Hashable, Sendable {
    /// Whether a value never seen in training may be conditioned on (it is then written as
    /// given and the other columns are drawn as if the column were unconditioned).
    public var allowsUnseen: Bool
    /// For rejection sampling: the most unconditional rows drawn per requested row.
    public var rejectionDrawsPerRow: Int
    /// The most threads to use; `nil` means every core. Results never depend on it.
    public var threads: Int?

    /// Creates options.
    public init(allowsUnseen: Bool = false, rejectionDrawsPerRow: Int = 100, threads: Int? = nil) {
        self.allowsUnseen = allowsUnseen
        self.rejectionDrawsPerRow = rejectionDrawsPerRow
        self.threads = threads
    }
}

/// A model that draws rows from its exact conditional distribution given fixed column values.
///
/// Contract: every produced row carries exactly the conditioned values; a value not seen in
/// training is `.conditionUnsatisfiable` unless ``ConditioningOptions/allowsUnseen``; a column
/// the schema does not have is `.invalidArgument`. The same seed gives the same rows whatever
/// ``ConditioningOptions/threads``. Models that do not conform are served by
/// ``SynthesisModel/sampleByRejection(conditions:seed:options:)``.
public protocol ConditionalSampling: SynthesisModel {
    /// Draws `condition.rowCount` rows for each condition, in order.
    func sample(conditions: [Condition], seed: Seed, options: ConditioningOptions) throws(SynthKitError) -> ConditionalSample
}

extension SynthesisModel {
    /// Exact conditional sampling when the model supports it, bounded rejection otherwise.
    public func sampleConditioned(
        conditions: [Condition], seed: Seed, options: ConditioningOptions
    ) throws(SynthKitError) -> ConditionalSample {
        if let exact = self as? any ConditionalSampling {
            return try exact.sample(conditions: conditions, seed: seed, options: options)
        }
        return try sampleByRejection(conditions: conditions, seed: seed, options: options)
    }
}
