import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// How one schema column is represented in the neural networks' input and output rows.
///
/// A numerical or datetime column takes a tanh scalar and a softmax block over its modes
/// (``ModeSpecificNormalization``), plus a two-way softmax block "present / missing" when some
/// values are missing (missing values are encoded at the column mean, as SDV's `FloatFormatter`
/// imputes them, with the indicator set). A categorical or boolean column is a softmax block
/// over its codes, "missing" being one more category. Ids are regenerated and PII/text columns
/// written empty, as every SynthKit synthesizer does.
struct DeepColumn: Codable, Hashable, Sendable {
    /// The treatment of a column.
    enum Treatment: Codable, Hashable, Sendable {
        /// A numerical or datetime column; `normalization` is nil when every value is missing.
        case continuous(normalization: ModeSpecificNormalization?, format: NumericalFormat, imputed: Double, hasMissing: Bool)
        /// A categorical or boolean column.
        case categorical(encoding: CategoryEncoding)
        /// An `id` column.
        case identifier(IdentifierFormat)
        /// A `pii` or `text` column, written empty.
        case blank(reason: String)
    }

    /// The column name.
    var name: String
    /// The column's kind in the schema.
    var kind: ColumnKind
    /// How it is represented.
    var treatment: Treatment

    /// The blocks this column contributes to a row, in order.
    var spans: [SpanKind] {
        switch treatment {
        case .continuous(let normalization, _, _, let hasMissing):
            guard let normalization else { return [] }
            return [.scalar, .softmax(normalization.modeCount)] + (hasMissing ? [.softmax(2)] : [])
        case .categorical(let encoding):
            return [.softmax(encoding.codeCount)]
        case .identifier, .blank:
            return []
        }
    }

    /// The kind of a block of row entries.
    enum SpanKind: Hashable {
        /// One entry, tanh-activated.
        case scalar
        /// A one-hot block of this width, softmax-activated.
        case softmax(Int)

        var width: Int {
            switch self {
            case .scalar: return 1
            case .softmax(let width): return width
            }
        }
    }

    /// Problems with a decoded normalisation's stored mixture (present only in newer files), or `nil`.
    static func mixtureProblem(_ normalization: ModeSpecificNormalization) -> String? {
        switch (normalization.mixture, normalization.keptComponents) {
        case (nil, nil):
            return nil
        case (let mixture?, let kept?):
            let count = mixture.means.count
            if [mixture.weights.count, mixture.standardDeviations.count, mixture.precisions.count, mixture.logDensityOffsets.count]
                .contains(where: { $0 != count }) {
                return "mixture parameters disagree in length"
            }
            if kept.count != normalization.modeCount || !kept.allSatisfy({ $0 >= 0 && $0 < count }) {
                return "kept components do not index the mixture"
            }
            return nil
        default:
            return "mixture and kept components must be stored together"
        }
    }

    /// Problems with a decoded column that would make sampling fail, or `nil`.
    func validationProblem() -> String? {
        switch treatment {
        case .continuous(let normalization, _, let imputed, _):
            if let normalization {
                if normalization.modeCount == 0 || normalization.weights.count != normalization.modeCount
                    || normalization.standardDeviations.count != normalization.modeCount {
                    return "mode parameters disagree in length"
                }
                if !normalization.standardDeviations.allSatisfy({ $0 > 0 && $0.isFinite }) { return "mode deviations must be positive" }
                if !normalization.means.allSatisfy(\.isFinite) { return "mode means must be finite" }
                if let problem = Self.mixtureProblem(normalization) { return problem }
            }
            if imputed.isInfinite { return "imputed value must be finite" }
        case .categorical(let encoding):
            if encoding.codeCount == 0 { return "a categorical column needs at least one category" }
        case .identifier, .blank:
            break
        }
        return nil
    }
}
