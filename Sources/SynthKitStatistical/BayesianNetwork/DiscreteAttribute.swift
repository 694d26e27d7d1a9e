package import SynthKitCore
public import SynthKitSynthesis
package import SynthKitTable
public import SynthKitTransforms

/// One column of a table as a finite attribute: its codes and how to turn codes back into values.
///
/// Shared by the discrete synthesizers (``BayesianNetwork``, PrivBayes, MST). Categorical and
/// boolean columns use their ``CategoryEncoding`` (a value outside the domain is encoded as
/// missing); numerical and datetime columns are cut into equal-width bins over [lower, upper]
/// (values outside are clamped) and decoded uniformly within the bin, then rounded by their
/// ``NumericalFormat``. When ``hasMissingCode`` is set the last code is "missing".
/// `id` columns are regenerated and `pii`/`text` columns written empty; neither is learned.
public struct DiscreteAttribute: Codable, Hashable, Sendable {
    /// How the attribute codes its column.
    public enum Coding: Codable, Hashable, Sendable {
        /// Categories by code.
        case categorical(CategoryEncoding)
        /// Equal-width bins: `edges` has bin count + 1 entries.
        case binned(edges: [Double], format: NumericalFormat)
        /// Regenerated identifiers (not learned).
        case identifier(IdentifierFormat)
        /// Written empty (not learned).
        case blank
    }

    /// The column name.
    public var name: String
    /// The coding.
    public var coding: Coding
    /// Whether the last code stands for a missing value.
    public var hasMissingCode: Bool

    /// Creates an attribute.
    public init(name: String, coding: Coding, hasMissingCode: Bool) {
        self.name = name
        self.coding = coding
        self.hasMissingCode = hasMissingCode
    }

    /// Whether the attribute is modelled (not an identifier or blank column).
    public var isLearned: Bool {
        switch coding {
        case .categorical, .binned: return true
        case .identifier, .blank: return false
        }
    }

    /// The number of codes, missing included (0 for unlearned columns).
    public var cardinality: Int {
        switch coding {
        case .categorical(let encoding): return encoding.levels.count + (hasMissingCode ? 1 : 0)
        case .binned(let edges, _): return edges.count - 1 + (hasMissingCode ? 1 : 0)
        case .identifier, .blank: return 0
        }
    }

    /// The code of each row of `column`.
    package func encode(_ column: Column) -> [Int32] {
        let missing = Int32(cardinality - 1)
        switch coding {
        case .categorical(let encoding):
            var lookup: [String: Int32] = [:]
            for (index, level) in encoding.levels.enumerated() { lookup[level] = Int32(index) }
            return (0..<column.count).map { row in
                if let text = column.text(at: row), let code = lookup[text] { return code }
                if let numbers = encoding.numericLevels, let value = column.numbers?[row], !value.isNaN,
                   let index = numbers.firstIndex(of: value) {
                    return Int32(index)
                }
                return hasMissingCode ? missing : 0
            }
        case .binned(let edges, _):
            let numbers = column.numbers ?? [Double](repeating: .nan, count: column.count)
            let bins = edges.count - 1
            let lower = edges[0]
            let width = (edges[bins] - lower) / Double(bins)
            return numbers.map { value in
                if value.isNaN { return hasMissingCode ? missing : 0 }
                let index = Int(((value - lower) / width).rounded(.down))
                return Int32(min(max(index, 0), bins - 1))
            }
        case .identifier, .blank:
            return [Int32](repeating: 0, count: column.count)
        }
    }

    /// The column for `codes`; rows `offset...` of the output sequence (for identifiers).
    package func decode(_ codes: [Int32], offset: Int, stream: inout RandomStream) -> Column {
        switch coding {
        case .categorical(let encoding):
            return encoding.decode(codes.map { hasMissingCode && Int($0) == cardinality - 1 ? -1 : $0 }, name: name)
        case .binned(let edges, let format):
            let bins = edges.count - 1
            let values = codes.map { code -> Double in
                let index = Int(code)
                guard index < bins else { return .nan }
                return format.decode(edges[index] + (edges[index + 1] - edges[index]) * stream.nextUniform())
            }
            return Column(name: name, values: .numeric(values))
        case .identifier(let format):
            return format.generate(name: name, count: codes.count, offset: offset)
        case .blank:
            return blankColumn(named: name, count: codes.count)
        }
    }

    /// Equal-width edges: `bins` bins over [lower, upper] (one bin when the range is empty).
    public static func equalWidthEdges(lower: Double, upper: Double, bins: Int) -> [Double] {
        precondition(bins >= 1, "needs at least one bin, got \(bins)")
        guard upper > lower else { return [lower, lower + 1] }
        return (0...bins).map { lower + (upper - lower) * Double($0) / Double(bins) }
    }
}
