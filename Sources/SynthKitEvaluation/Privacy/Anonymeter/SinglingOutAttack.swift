import SynthKitCore

/// Anonymeter's singling-out attack (`anonymeter/evaluators/singling_out_evaluator.py`): from
/// the synthetic rows alone, write queries that match exactly one synthetic row, then count how
/// many match exactly one training row (main attack) and one control row (control attack);
/// random queries give the baseline. Risk and interval: ``AttackRisk``, with the requested
/// number of attacks as the denominator, as anonymeter counts.
///
/// - Univariate queries: for each column, "is missing" when one value is missing, ≤ minimum and
///   ≥ maximum of numeric columns, and "= v" for every value v seen once.
/// - Multivariate queries: a random synthetic row and `columnsPerQuery` random columns; a
///   numeric value v above the column's synthetic median gives "≥ v", otherwise "≤ v"; a
///   category gives "= v"; a missing value "is missing".
/// - Baseline queries: random columns, each a random synthetic value (missing included) with a
///   random operator (=, ≠ for categories; =, ≠, <, >, ≤, ≥ for numbers).
/// Rows are deduplicated first (as anonymeter does). Differences from anonymeter: every draw
/// comes from `seed`; training rows are subsampled by the caller to the control's size instead
/// of anonymeter's fitted size correction of the control count; multivariate attempts stop at
/// `maximumAttempts`.
///
/// Complexity: O(attempts · m) worst case for m synthetic rows; most queries stop early.
struct SinglingOutAttack: Sendable {
    /// Univariate or multivariate queries.
    enum Mode: String, Sendable {
        case univariate, multivariate
    }

    var mode = Mode.multivariate
    /// Queries asked (anonymeter's `n_attacks`).
    var attacks = 500
    /// Columns per multivariate query (anonymeter's `n_cols`).
    var columnsPerQuery = 3
    /// Multivariate candidate queries tried at most.
    var maximumAttempts = 10_000

    /// The outcome: the risk and the number of singling-out queries the synthetic rows yielded.
    struct Outcome: Sendable, Equatable {
        var risk: AttackRisk
        var queries: Int
        var mainSuccesses: Int
        var controlSuccesses: Int
    }

    /// Runs the attack, or returns `nil` when a table is empty or there are no columns.
    func run(training: AttackColumns, control: AttackColumns, synthetic: AttackColumns, seed: Seed) -> Outcome? {
        guard training.rowCount > 0, control.rowCount > 0, synthetic.rowCount > 0, !synthetic.names.isEmpty, attacks > 0 else { return nil }
        let original = training.deduplicated()
        let controlRows = control.deduplicated()
        let generated = synthetic.deduplicated()
        let queries = mode == .univariate
            ? univariateQueries(generated, seed: seed.derived("singling-out.univariate"))
            : multivariateQueries(generated, seed: seed.derived("singling-out.multivariate"))
        let baseline = randomQueries(generated, columns: mode == .univariate ? 1 : columnsPerQuery, seed: seed.derived("singling-out.baseline"))
        let mainSuccesses = queries.filter { $0.singlesOut(original) }.count
        let controlSuccesses = queries.filter { $0.singlesOut(controlRows) }.count
        let baselineSuccesses = baseline.filter { $0.singlesOut(original) }.count
        let risk = AttackRisk(
            mainSuccesses: Double(mainSuccesses), controlSuccesses: Double(controlSuccesses), baselineSuccesses: Double(baselineSuccesses),
            attempts: attacks)
        return Outcome(risk: risk, queries: queries.count, mainSuccesses: mainSuccesses, controlSuccesses: controlSuccesses)
    }

    /// Anonymeter's univariate candidate queries that single out one synthetic row, at most `attacks`.
    func univariateQueries(_ data: AttackColumns, seed: Seed) -> [SinglingOutQuery] {
        typealias Predicate = SinglingOutQuery.Predicate
        var candidates: [SinglingOutQuery] = []
        for column in data.columns.indices {
            var counts: [Double: Int] = [:]
            var missing = 0
            var present: [Double] = []
            switch data.columns[column] {
            case .numbers(let numbers):
                for value in numbers { if value.isNaN { missing += 1 } else { counts[value, default: 0] += 1; present.append(value) } }
            case .codes(let codes):
                for code in codes { if code == AttackColumns.missingCode { missing += 1 } else { counts[Double(code), default: 0] += 1 } }
            }
            if missing == 1 { candidates.append(SinglingOutQuery([Predicate(column: column, operation: .missing, value: 0)])) }
            if data.isNumeric(column), let minimum = present.min(), let maximum = present.max() {
                candidates.append(SinglingOutQuery([Predicate(column: column, operation: .lessOrEqual, value: minimum)]))
                candidates.append(SinglingOutQuery([Predicate(column: column, operation: .greaterOrEqual, value: maximum)]))
            }
            for (value, count) in counts.sorted(by: { $0.key < $1.key }) where count == 1 {
                candidates.append(SinglingOutQuery([Predicate(column: column, operation: .equal, value: value)]))
            }
        }
        let order = SeededPermutation.of(count: candidates.count, seed: seed)
        var seen = Set<SinglingOutQuery>()
        var kept: [SinglingOutQuery] = []
        for index in order where kept.count < attacks {
            let query = candidates[index]
            if query.singlesOut(data), seen.insert(query).inserted { kept.append(query) }
        }
        return kept
    }

    /// Anonymeter's multivariate queries built from random synthetic rows.
    func multivariateQueries(_ data: AttackColumns, seed: Seed) -> [SinglingOutQuery] {
        let medians: [Double?] = data.columns.map { values in
            guard case .numbers(let numbers) = values else { return nil }
            let sorted = numbers.filter { !$0.isNaN }.sorted()
            guard !sorted.isEmpty else { return nil }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let width = min(columnsPerQuery, data.columns.count)
        var stream = seed.stream()
        var seen = Set<SinglingOutQuery>()
        var kept: [SinglingOutQuery] = []
        var attempts = 0
        while kept.count < attacks && attempts < maximumAttempts {
            attempts += 1
            let row = stream.nextIndex(below: data.rowCount)
            var columns = Array(data.columns.indices)
            for position in 0..<width { columns.swapAt(position, position + stream.nextIndex(below: columns.count - position)) }
            let predicates = columns.prefix(width).map { column -> SinglingOutQuery.Predicate in
                switch data.columns[column] {
                case .numbers(let numbers):
                    let value = numbers[row]
                    if value.isNaN { return .init(column: column, operation: .missing, value: 0) }
                    return .init(column: column, operation: value > (medians[column] ?? value) ? .greaterOrEqual : .lessOrEqual, value: value)
                case .codes(let codes):
                    if codes[row] == AttackColumns.missingCode { return .init(column: column, operation: .missing, value: 0) }
                    return .init(column: column, operation: .equal, value: Double(codes[row]))
                }
            }
            let query = SinglingOutQuery(predicates)
            if !seen.contains(query), query.singlesOut(data) {
                seen.insert(query)
                kept.append(query)
            }
        }
        return kept
    }

    /// The baseline attacker's random queries.
    func randomQueries(_ data: AttackColumns, columns count: Int, seed: Seed) -> [SinglingOutQuery] {
        let uniqueValues: [[Double?]] = data.columns.map { values in
            switch values {
            case .numbers(let numbers):
                let present = Set(numbers.filter { !$0.isNaN }).sorted().map { Optional($0) }
                return numbers.contains(where: \.isNaN) ? present + [nil] : present
            case .codes(let codes):
                let present = Set(codes.filter { $0 != AttackColumns.missingCode }).sorted().map { Optional(Double($0)) }
                return codes.contains(AttackColumns.missingCode) ? present + [nil] : present
            }
        }
        let width = min(count, data.columns.count)
        var stream = seed.stream()
        return (0..<attacks).map { _ in
            var columns = Array(data.columns.indices)
            for position in 0..<width { columns.swapAt(position, position + stream.nextIndex(below: columns.count - position)) }
            return SinglingOutQuery(columns.prefix(width).map { column in
                let operations: [SinglingOutQuery.Predicate.Operation] = data.isNumeric(column)
                    ? [.equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual] : [.equal, .notEqual]
                let candidates = uniqueValues[column]
                let value = candidates.isEmpty ? nil : candidates[stream.nextIndex(below: candidates.count)]
                let operation = operations[stream.nextIndex(below: operations.count)]
                guard let value else { return .init(column: column, operation: operation == .equal ? .missing : .present, value: 0) }
                return .init(column: column, operation: operation, value: value)
            })
        }
    }
}
