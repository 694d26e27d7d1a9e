import SynthKitCore
import SynthKitTable

/// Feature columns cut into at most 255 bins plus a missing bin, as scikit-learn's
/// `_BinMapper` does for `HistGradientBoostingClassifier`: a numeric feature with at most 255
/// distinct values gets one bin per value (thresholds at midpoints), otherwise thresholds at
/// its percentiles; a categorical feature gets one bin per category (it must have at most 255);
/// bin 255 holds missing values.
///
/// Complexity: O(n log n) per numeric feature to fit, O(n log b) to bin.
struct BinnedFeatures: Sendable {
    /// The bin reserved for missing values.
    static let missingBin: UInt8 = 255

    /// How one feature is binned.
    struct FeatureMapper: Sendable {
        /// The column.
        var name: String
        /// Numeric thresholds: value ≤ thresholds[b] goes to bin ≤ b; `nil` for a categorical feature.
        var thresholds: [Double]?
        /// Category → bin for a categorical feature.
        var categories: [String: UInt8]
        /// Bins in use (excluding the missing bin).
        var binCount: Int
        /// Whether the feature is categorical (native categorical splits).
        var isCategorical: Bool { thresholds == nil }
    }

    /// Learned per-feature mappers.
    struct Mapper: Sendable {
        var features: [FeatureMapper]
        let roles: ColumnRoles

        /// Learns bins from `table` for every compared column except `excluded`.
        init(fitting table: Table, roles: ColumnRoles, excluding excluded: Set<String>) {
            self.roles = roles
            var features: [FeatureMapper] = []
            for name in roles.all where !excluded.contains(name) {
                guard let column = table[name] else { continue }
                if roles.numeric.contains(name), let values = roles.numbers(of: column) {
                    let sorted = values.filter { !$0.isNaN }.sorted()
                    var distinct: [Double] = []
                    for value in sorted where distinct.last != value { distinct.append(value) }
                    var thresholds: [Double] = []
                    if distinct.count <= 255 {
                        for index in 0..<max(0, distinct.count - 1) { thresholds.append((distinct[index] + distinct[index + 1]) / 2) }
                    } else {
                        for step in 1..<255 {
                            let value = DiversityEvaluation.quantile(sorted, Double(step) / 255)
                            if thresholds.last.map({ value > $0 }) ?? true { thresholds.append(value) }
                        }
                    }
                    features.append(FeatureMapper(name: name, thresholds: thresholds, categories: [:], binCount: thresholds.count + 1))
                } else {
                    let levels = Set((0..<column.count).compactMap { column.text(at: $0) }).sorted()
                    var categories: [String: UInt8] = [:]
                    for (index, level) in levels.prefix(254).enumerated() { categories[level] = UInt8(index) }
                    features.append(FeatureMapper(name: name, thresholds: nil, categories: categories, binCount: min(levels.count, 254)))
                }
            }
            self.features = features
        }

        /// Bins of `table`'s rows, feature-major.
        func transform(_ table: Table) -> BinnedFeatures {
            var bins: [[UInt8]] = []
            for feature in features {
                var column = [UInt8](repeating: BinnedFeatures.missingBin, count: table.rowCount)
                if let source = table[feature.name] {
                    if let thresholds = feature.thresholds, let values = roles.numbers(of: source) {
                        for row in 0..<table.rowCount where !values[row].isNaN {
                            var low = 0, high = thresholds.count
                            while low < high {
                                let middle = (low + high) / 2
                                if values[row] <= thresholds[middle] { high = middle } else { low = middle + 1 }
                            }
                            column[row] = UInt8(low)
                        }
                    } else if feature.thresholds == nil {
                        for row in 0..<table.rowCount {
                            if let text = source.text(at: row), let bin = feature.categories[text] { column[row] = bin }
                        }
                    }
                }
                bins.append(column)
            }
            return BinnedFeatures(rowCount: table.rowCount, bins: bins, features: features)
        }
    }

    /// Rows.
    var rowCount: Int
    /// Per feature, the bin of each row.
    var bins: [[UInt8]]
    /// The mappers, for categorical flags and bin counts.
    var features: [FeatureMapper]

    /// The rows at `indices`.
    func gathering(_ indices: [Int]) -> BinnedFeatures {
        BinnedFeatures(rowCount: indices.count, bins: bins.map { column in indices.map { column[$0] } }, features: features)
    }
}
