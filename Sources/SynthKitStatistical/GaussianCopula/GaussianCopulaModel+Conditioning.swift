public import SynthKitCore
import SynthKitMath
public import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

extension GaussianCopula.Model: ConditionalSampling {
    /// Draws rows from the exact conditional distribution of the copula given fixed values.
    ///
    /// Each fixed value becomes a region of latent coordinates (``LatentRegion``): a category
    /// its interval, a member of a joint group the union of the intervals of the combinations
    /// holding it (several members of one group intersect), a rounded number the latent values
    /// that decode to it, an unrounded number a point, a missing value the missing indicator's
    /// upper tail. ``ConditionalGaussianSampler`` then draws the constrained coordinates from the
    /// truncated conditional and the rest from the conditional Gaussian, so no row is rejected.
    /// Conditioned columns are written exactly as given. Condition i, chunk c draws from
    /// `seed.derived("condition", index: i).derived("sample.chunk", index: c)`; parallel over
    /// chunks, independent of `threads`. O(d³) per condition + O(rows × (d² + sweeps·|C|²)).
    /// - Throws: `.invalidArgument` for unknown columns, repeated columns or malformed values;
    ///   `.conditionUnsatisfiable` for unseen values (without `allowsUnseen`) or member values of
    ///   a joint group that never occurred together.
    public func sample(
        conditions: [Condition], seed: Seed, options: ConditioningOptions
    ) throws(SynthKitError) -> ConditionalSample {
        var parts: [Table] = []
        for (index, condition) in conditions.enumerated() {
            guard condition.rowCount >= 0 else {
                throw SynthKitError(.invalidArgument, "condition \(index + 1) asks for \(condition.rowCount) rows", location: .init(field: "rowCount"))
            }
            let plan = try conditioningPlan(for: condition, allowsUnseen: options.allowsUnseen)
            guard let sampler = ConditionalGaussianSampler(correlation: correlationMatrix, constraints: plan.constraints) else {
                throw SynthKitError(.internalFailure, "the conditional covariance of condition \(index + 1) is not positive definite")
            }
            var table = sampleConditioned(sampler: sampler, rows: condition.rowCount, seed: seed.derived("condition", index: index), threads: options.threads)
            let matcher = ConditionMatcher(schema: schema)
            for (assignment, target) in plan.written {
                guard let column = table[assignment.column] else { continue }
                table = table.replacing(matcher.constantColumn(like: column, target: target, text: assignment.value, count: table.rowCount))
            }
            parts.append(table)
        }
        return ConditionalSample(
            table: try Table.concatenating(parts), producedRows: conditions.map(\.rowCount),
            requestedRows: conditions.map(\.rowCount), method: .exact)
    }

    /// `rows` rows drawn with `sampler`, chunked like unconditional sampling.
    func sampleConditioned(sampler: ConditionalGaussianSampler, rows count: Int, seed: Seed, threads: Int?) -> Table {
        let chunkRows = Self.sampleChunkRows
        let chunkCount = (count + chunkRows - 1) / chunkRows
        let output = SampleBuffer(columnCount: columns.count, rowCount: count)
        let learned = columns.indices.filter {
            switch columns[$0].treatment {
            case .numeric, .categorical, .jointCategorical: return true
            case .identifier, .blank: return false
            }
        }
        let model = self
        parallelFor(chunkCount: chunkCount, threads: threads) { chunk in
            let start = chunk * chunkRows
            let rows = min(chunkRows, count - start)
            let latent = sampler.draw(rows: rows, seed: seed.derived(Self.sampleChunkLabel, index: chunk))
            for index in learned {
                model.decodeColumn(index, latent: latent, rows: rows, into: output.column(index) + start)
            }
        }
        var result: [Column] = []
        for (index, column) in columns.enumerated() {
            switch column.treatment {
            case .numeric:
                result.append(Column(name: column.name, values: .numeric(output.values(of: index))))
            case .categorical(let encoding, _, _, _, _), .jointCategorical(_, _, let encoding):
                result.append(encoding.decode(output.values(of: index).map { Int32($0) }, name: column.name))
            case .identifier(let format):
                result.append(format.generate(name: column.name, count: count, offset: 0))
            case .blank:
                result.append(blankColumn(named: column.name, count: count))
            }
        }
        return Table(unchecked: result, rowCount: count)
    }
}
