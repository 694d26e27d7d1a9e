/// The outcome of a collapse experiment on a real table: per workflow, the median across
/// repeats of every ``GenerationMetrics`` figure per generation, and a plain-language summary.
///
/// Medians, not means: a few runs whose mean drifts into the tails raise the mean tail mass
/// while most runs lose their tails (collapse-dp-watermark.md §1.2, "Tails").
public struct CollapseReport: Codable, Sendable, Equatable {
    /// One workflow's curves.
    public struct WorkflowCurves: Codable, Sendable, Equatable {
        /// The workflow's command-line spelling.
        public var workflow: String
        /// Figure key -> median per generation; index 0 is the real table, index `g` generation `g`.
        public var medians: [String: [Double]]
        /// Plain-language sentences about the last generation.
        public var summary: [String]
    }

    /// The synthesizer's kind (for example `gaussian-copula`).
    public var synthesizer: String
    /// Fits per repeat.
    public var generations: Int
    /// Rows sampled per generation (fresh-mix uses its own counts).
    public var rowsPerGeneration: Int
    /// Independent repeats.
    public var repeats: Int
    /// The experiment seed.
    public var seed: UInt64
    /// Whether watermarked rows were removed before each refit.
    public var filteredWatermarked: Bool
    /// The numerical columns measured.
    public var numericalColumns: [String]
    /// The categorical columns measured.
    public var categoricalColumns: [String]
    /// Real category counts per categorical column.
    public var realCategoryCounts: [String: Int]
    /// The column whose train-synthetic-test-real utility (`tstr` curves) was measured, if any.
    public var target: String?
    /// The utility score's name: `AUC` (categorical target) or `R²` (numerical target).
    public var utilityMetric: String?
    /// The held-out real rows the utility was tested on.
    public var holdoutRows: Int?
    /// One entry per workflow, in the order asked.
    public var workflows: [WorkflowCurves]
}
