import Foundation
public import SynthKitCore

/// How each generation's training set is built from real and synthetic rows in a recursive
/// train-sample loop.
///
/// Definitions follow Kazdan et al.'s code (`KoyejoLab-Collapse-or-Thrive`,
/// `src/fit_gaussians/fit_gaussians.py`): the loop starts from `m` real rows; generation `k`
/// fits a model, samples `m` rows from it, and then
/// - ``replace``: trains the next generation on the new rows only;
/// - ``accumulate``: appends the new rows to everything seen so far (`k·m` rows at fit `k`);
/// - ``accumulateSubsample``: appends them, but fits the next generation on a uniform
///   subsample without replacement of `m` rows of the pool;
/// - ``freshMix(realRows:syntheticRows:)``: fits the next generation on `realRows` fresh real
///   rows plus `syntheticRows` rows sampled from the current model (MAD's "fresh data loop");
///   generation 1 fits on `realRows + syntheticRows` real rows.
public enum CollapseWorkflow: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Train only on the previous generation's samples.
    case replace
    /// Train on all real and synthetic rows seen so far.
    case accumulate
    /// Train on a subsample of `m` rows of the accumulated pool.
    case accumulateSubsample
    /// Train on fresh real rows plus synthetic rows from the current model.
    case freshMix(realRows: Int, syntheticRows: Int)

    /// The command-line spelling: `replace`, `accumulate`, `accumulate-subsample`,
    /// `fresh-mix:REAL:SYN`.
    public var description: String {
        switch self {
        case .replace: "replace"
        case .accumulate: "accumulate"
        case .accumulateSubsample: "accumulate-subsample"
        case .freshMix(let realRows, let syntheticRows): "fresh-mix:\(realRows):\(syntheticRows)"
        }
    }

    /// Parses the command-line spelling (see ``description``).
    /// - Throws: `.invalidArgument` naming the accepted spellings.
    public init(parsing text: String) throws(SynthKitError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "replace": self = .replace
        case "accumulate": self = .accumulate
        case "accumulate-subsample": self = .accumulateSubsample
        default:
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0] == "fresh-mix", let real = Int(parts[1]), let synthetic = Int(parts[2]),
                real >= 0, synthetic >= 0, real + synthetic >= 2
            {
                self = .freshMix(realRows: real, syntheticRows: synthetic)
                return
            }
            throw SynthKitError(
                .invalidArgument,
                "unknown workflow '\(text)'; use replace, accumulate, accumulate-subsample or fresh-mix:REAL:SYN "
                    + "(rows of fresh real and synthetic data per generation, at least 2 in all)",
                location: .init(field: "workflows"))
        }
    }
}
