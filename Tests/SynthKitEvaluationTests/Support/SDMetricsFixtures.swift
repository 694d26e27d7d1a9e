import Foundation

/// The reference values written by `Scripts/make_sdmetrics_fixtures.py` (sdmetrics 0.32.0).
struct SDMetricsFixtures: Decodable {
    struct Column: Decodable {
        var metric: String
        var score: Double?
    }

    struct Pair: Decodable {
        var columns: [String]
        var metric: String
        var score: Double?
        var realCorrelation: Double?
        var syntheticCorrelation: Double?
        var realAssociation: Double?
        var meetsThreshold: Bool
    }

    struct Report: Decodable {
        var overall: Double?
        var columnShapes: Double?
        var columnPairTrends: Double?
        var columns: [String: Column]
        var pairs: [Pair]
    }

    struct StandalonePair: Decodable {
        var columns: [String]
        var contingencyRealEdges: Double?
        var contingencyByValue: Double?
        var contingencyRealEdgesThreshold: Double?
        var realAssociation: Double?
        var correlation: Double?
    }

    struct Standalone: Decodable {
        var columns: [String: [String: Double?]]
        var pairs: [StandalonePair]
    }

    struct Overfitting: Decodable {
        struct Percentages: Decodable {
            var closer_to_training: Double
            var closer_to_holdout: Double
        }

        var score: Double
        var synthetic_data_percentages: Percentages
    }

    struct Case: Decodable {
        var name: String
        var real: String
        var synthetic: String
        var holdout: String?
        var metadata: String?
        var report: Report
        var standalone: Standalone
        var dcrSyntheticToReal: [Double]
        var dcrSyntheticToHoldout: [Double]?
        var dcrOverfittingProtection: Overfitting?
        var exactCopies: Int
    }

    var versions: [String: String]
    var cases: [Case]

    /// The decoded `Fixtures/sdmetrics/expected.json`.
    static func load() throws -> SDMetricsFixtures {
        let url = FixtureCSV.fixtures.appendingPathComponent("sdmetrics/expected.json")
        return try JSONDecoder().decode(SDMetricsFixtures.self, from: Data(contentsOf: url))
    }

    /// The named case.
    static func named(_ name: String) throws -> Case {
        let all = try load()
        guard let found = all.cases.first(where: { $0.name == name }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return found
    }

    /// The names of every case, for parameterised tests.
    static let caseNames = ["golden", "shift", "mixed200", "mixed700", "mixed2000", "edge", "dates"]
}

/// Whether two optional scores agree: both missing, or both present and within `tolerance`.
func agree(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-6) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case (let actual?, let expected?): return abs(actual - expected) <= tolerance
    default: return false
    }
}
