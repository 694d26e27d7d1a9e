/// Receives progress of long work (fitting, sampling, evaluating).
///
/// The CLI prints it to standard error; a server would stream it. Reporters must be cheap:
/// callers report at step granularity (a column, an epoch, a batch), never per row.
public protocol ProgressReporter: Sendable {
    /// Called when a step starts or advances; `fraction` is in [0, 1] when known.
    func report(stage: String, fraction: Double?)
}

/// A reporter that ignores everything.
public struct SilentProgress: ProgressReporter {
    /// Creates a silent reporter.
    public init() {}
    /// Does nothing.
    public func report(stage: String, fraction: Double?) {}
}
