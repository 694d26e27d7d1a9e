import SynthKitCore
public import SynthKitMath
public import SynthKitSynthesis
public import SynthKitTable
import SynthKitTransforms

extension GaussianCopula {
    /// A fitted Gaussian copula: marginals, category layouts and the latent correlation.
    ///
    /// Immutable and `Sendable`; `Codable` as the `model` of a `gaussian-copula` archive. The
    /// Cholesky factor is recomputed on decoding (deterministically, so a loaded model samples
    /// the same bits as the original), and a decoded model is checked for consistency, so a
    /// corrupt file is a located error, never a crash in `sample`.
    public struct Model: SynthesisModel {
        /// The persisted kind.
        public static var kind: SynthesizerKind { GaussianCopula.kind }

        /// The hyperparameters the model was fitted with.
        public let configuration: GaussianCopula
        /// The schema the model was fitted with.
        public let schema: Schema
        /// Where the model came from.
        public let provenance: Provenance
        let columns: [CopulaColumn]
        let groups: [JointCategoricalGroup]
        let dimensionNames: [String]
        let correlation: Base64Doubles
        let factor: [Double]

        enum CodingKeys: String, CodingKey {
            case configuration, schema, provenance, columns, groups, dimensionNames, correlation
        }

        init(
            configuration: GaussianCopula, schema: Schema, provenance: Provenance, columns: [CopulaColumn],
            groups: [JointCategoricalGroup], dimensionNames: [String], correlation: SquareMatrix
        ) throws(SynthKitError) {
            guard let cholesky = Cholesky.factor(correlation) else {
                throw SynthKitError(.internalFailure, "the repaired correlation matrix has no Cholesky factor")
            }
            self.configuration = configuration
            self.schema = schema
            self.provenance = provenance
            self.columns = columns
            self.groups = groups
            self.dimensionNames = dimensionNames
            self.correlation = Base64Doubles(correlation.values)
            self.factor = cholesky.lower.values
        }

        /// Decodes and checks a model; inconsistencies are `DecodingError.dataCorrupted`
        /// at the offending field.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            configuration = try container.decode(GaussianCopula.self, forKey: .configuration)
            schema = try container.decode(Schema.self, forKey: .schema)
            provenance = try container.decode(Provenance.self, forKey: .provenance)
            columns = try container.decode([CopulaColumn].self, forKey: .columns)
            groups = try container.decode([JointCategoricalGroup].self, forKey: .groups)
            dimensionNames = try container.decode([String].self, forKey: .dimensionNames)
            correlation = try container.decode(Base64Doubles.self, forKey: .correlation)
            let dimension = dimensionNames.count
            guard correlation.values.count == dimension * dimension else {
                throw DecodingError.dataCorruptedError(
                    forKey: .correlation, in: container,
                    debugDescription: "\(dimension) latent dimensions need \(dimension * dimension) correlations, found \(correlation.values.count)")
            }
            guard correlation.values.allSatisfy({ $0.isFinite && abs($0) <= 1 + 1e-9 }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .correlation, in: container, debugDescription: "correlations must be finite numbers in [-1, 1]")
            }
            guard let cholesky = Cholesky.factor(SquareMatrix(dimension: dimension, values: correlation.values)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .correlation, in: container, debugDescription: "the correlation matrix is not positive definite")
            }
            factor = cholesky.lower.values
            for (index, column) in columns.enumerated() {
                if let problem = column.validationProblem(dimensionCount: dimension) {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: container.codingPath + [CodingKeys.columns, IndexKey(index)],
                        debugDescription: "column '\(column.name)': \(problem)"))
                }
            }
            for (index, group) in groups.enumerated() {
                let memberCodeCounts = group.members.map { name -> Int in
                    for column in columns where column.name == name {
                        if case .jointCategorical(_, _, let encoding) = column.treatment { return encoding.codeCount }
                    }
                    return 0
                }
                if let problem = group.validationProblem(dimensionCount: dimension, memberCodeCounts: memberCodeCounts) {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: container.codingPath + [CodingKeys.groups, IndexKey(index)],
                        debugDescription: "joint group \(group.members): \(problem)"))
                }
            }
            for (index, column) in columns.enumerated() {
                guard case .jointCategorical(let group, let position, _) = column.treatment else { continue }
                guard group >= 0, group < groups.count, position < groups[group].members.count,
                      groups[group].members[position] == column.name
                else {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: container.codingPath + [CodingKeys.columns, IndexKey(index)],
                        debugDescription: "column '\(column.name)' refers to a joint group position that does not name it"))
                }
            }
            let claimed = columns.flatMap(\.dimensions) + groups.compactMap(\.dimension)
            guard Set(claimed).count == claimed.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .columns, in: container, debugDescription: "two columns claim the same latent dimension")
            }
        }

        /// Encodes the model (the Cholesky factor is derived, not stored).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(configuration, forKey: .configuration)
            try container.encode(schema, forKey: .schema)
            try container.encode(provenance, forKey: .provenance)
            try container.encode(columns, forKey: .columns)
            try container.encode(groups, forKey: .groups)
            try container.encode(dimensionNames, forKey: .dimensionNames)
            try container.encode(correlation, forKey: .correlation)
        }

        /// The latent correlation matrix (rows follow the latent dimensions of ``summary()``).
        public var correlationMatrix: SquareMatrix {
            SquareMatrix(dimension: dimensionNames.count, values: correlation.values)
        }
    }
}

/// An integer coding key for array positions in error paths.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = String(index)
    }

    init?(intValue: Int) {
        self.init(intValue)
    }

    init?(stringValue: String) {
        return nil
    }
}
