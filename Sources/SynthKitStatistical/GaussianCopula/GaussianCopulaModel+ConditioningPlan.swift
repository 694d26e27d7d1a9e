import SynthKitCore
import SynthKitMath
import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// The latent regions a condition fixes and the values written as given.
struct ConditioningPlan {
    var constraints: [Int: LatentRegion] = [:]
    var written: [(assignment: Condition.Assignment, target: ConditionMatcher.Target)] = []
}

extension GaussianCopula.Model {
    /// Translates a condition into latent regions (see ``sample(conditions:seed:options:)``).
    func conditioningPlan(for condition: Condition, allowsUnseen: Bool) throws(SynthKitError) -> ConditioningPlan {
        let matcher = ConditionMatcher(schema: schema)
        var plan = ConditioningPlan()
        var seenColumns: Set<String> = []
        var groupAllowed: [Int: Set<Int32>] = [:]
        func constrain(_ dimension: Int, _ region: LatentRegion) {
            plan.constraints[dimension] = plan.constraints[dimension].map { $0.intersecting(region) } ?? region
        }
        for assignment in condition.assignments {
            let target = try matcher.target(of: assignment)
            guard seenColumns.insert(assignment.column).inserted else {
                throw SynthKitError(
                    .invalidArgument, "column '\(assignment.column)' is conditioned twice; give one value per column",
                    location: .init(column: assignment.column, field: "condition"))
            }
            guard let column = columns.first(where: { $0.name == assignment.column }) else {
                throw SynthKitError(.invalidArgument, "the model has no column '\(assignment.column)'", location: .init(column: assignment.column))
            }
            func unseen() throws(SynthKitError) {
                guard allowsUnseen else { throw Self.unseenError(assignment) }
                plan.written.append((assignment, target))
            }
            switch column.treatment {
            case .numeric(let marginal, let format, let valueDimension, let missingDimension, let missingShare):
                let threshold = NormalDistribution.quantile(1 - missingShare)
                guard case .number(let value) = target else {
                    if missingShare <= 0 {
                        try unseen()
                    } else if let missingDimension {
                        constrain(missingDimension, LatentRegion(lower: threshold, upper: .infinity))
                    }
                    continue
                }
                guard missingShare < 1 else {
                    try unseen()
                    continue
                }
                if let missingDimension { constrain(missingDimension, LatentRegion(lower: -.infinity, upper: threshold)) }
                plan.written.append((assignment, target))
                guard let marginal, let valueDimension else {
                    if let constant = marginal?.quantile(0.5), format.decode(constant) != value { try unseen() }
                    continue
                }
                if let region = marginal.latentRegion(of: value, format: format) {
                    constrain(valueDimension, region)
                } else if !allowsUnseen {
                    throw Self.unseenError(assignment)
                }
            case .categorical(let encoding, let order, let thresholds, let dimension, _):
                guard let code = encoding.code(of: target), let position = order.firstIndex(of: code) else {
                    try unseen()
                    continue
                }
                if let dimension { constrain(dimension, Self.interval(position: position, cuts: thresholds.values)) }
            case .jointCategorical(let groupIndex, let memberPosition, let encoding):
                guard let code = encoding.code(of: target) else {
                    try unseen()
                    continue
                }
                let group = groups[groupIndex]
                let holding = Set(group.order.filter { group.combinations[Int($0)][memberPosition] == code })
                guard !holding.isEmpty else {
                    try unseen()
                    continue
                }
                groupAllowed[groupIndex] = groupAllowed[groupIndex].map { $0.intersection(holding) } ?? holding
            case .identifier, .blank:
                plan.written.append((assignment, target))
            }
        }
        for (groupIndex, allowed) in groupAllowed.sorted(by: { $0.key < $1.key }) {
            let group = groups[groupIndex]
            guard !allowed.isEmpty else {
                let named = condition.assignments.filter { group.members.contains($0.column) }
                    .map { "\($0.column)=\($0.value ?? "(missing)")" }.joined(separator: ", ")
                throw SynthKitError(
                    .conditionUnsatisfiable, "the values \(named) never occurred together in the training data; the model cannot produce such rows",
                    location: .init(column: group.members.joined(separator: "+"), field: "condition"))
            }
            guard let dimension = group.dimension else { continue }
            let intervals = group.order.indices.filter { allowed.contains(group.order[$0]) }
                .flatMap { Self.interval(position: $0, cuts: group.thresholds.values).intervals }
            constrain(dimension, LatentRegion(intervals))
        }
        return plan
    }

    /// The latent interval of the category at `position` of a layout with cut points `cuts`.
    static func interval(position: Int, cuts: [Double]) -> LatentRegion {
        LatentRegion(lower: position == 0 ? -.infinity : cuts[position - 1], upper: position < cuts.count ? cuts[position] : .infinity)
    }

    static func unseenError(_ assignment: Condition.Assignment) -> SynthKitError {
        SynthKitError(
            .conditionUnsatisfiable,
            "column '\(assignment.column)' never held \(assignment.value.map { "'\($0)'" } ?? "a missing value") in the training data; "
                + "condition on a seen value, or pass --allow-unseen (allowsUnseen) to write it anyway",
            location: .init(column: assignment.column, field: "condition"))
    }
}

extension CategoryEncoding {
    /// The code of a condition target, or `nil` when the column never held it.
    func code(of target: ConditionMatcher.Target) -> Int32? {
        switch target {
        case .missing:
            return hasMissing ? Int32(missingCode) : nil
        case .text(let text):
            if let index = levels.firstIndex(of: text) { return Int32(index) }
            if let numericLevels, let number = Double(text), let index = numericLevels.firstIndex(of: number) { return Int32(index) }
            return nil
        case .number(let number):
            if let numericLevels, let index = numericLevels.firstIndex(of: number) { return Int32(index) }
            return levels.firstIndex { Double($0) == number }.map { Int32($0) }
        }
    }
}

extension NumericMarginal {
    /// The latent values whose decoded value is `value`, or `nil` when the marginal never
    /// produces it (outside the bounds, or not a support point of a discrete marginal).
    func latentRegion(of value: Double, format: NumericalFormat) -> LatentRegion? {
        func score(_ u: Double) -> Double {
            u <= 0 ? -.infinity : (u >= 1 ? .infinity : NormalDistribution.quantile(u))
        }
        if let cumulative = cumulative?.values {
            let support = knots?.values ?? []
            guard let index = support.firstIndex(where: { format.decode($0) == value }) else { return nil }
            let last = support.lastIndex(where: { format.decode($0) == value }) ?? index
            return LatentRegion(lower: index == 0 ? -.infinity : score(cumulative[index - 1]), upper: last == support.count - 1 ? .infinity : score(cumulative[last]))
        }
        let tolerance = 1e-9 * max(1, abs(value))
        if let minimum = format.minimum, value < minimum - tolerance { return nil }
        if let maximum = format.maximum, value > maximum + tolerance { return nil }
        guard let step = format.roundingStep, step > 0 else { return pointRegion(value, score: score) }
        let atMinimum = format.minimum.map { value - step / 2 <= $0 } ?? false
        let atMaximum = format.maximum.map { value + step / 2 >= $0 } ?? false
        let lower = atMinimum ? -Double.infinity : score(continuousCDF(value - step / 2))
        let upper = atMaximum ? Double.infinity : score(continuousCDF(value + step / 2))
        guard lower < upper else { return pointRegion(value, score: score) }
        return LatentRegion(lower: lower, upper: upper)
    }

    func pointRegion(_ value: Double, score: (Double) -> Double) -> LatentRegion {
        let z = score(min(max(continuousCDF(value), 1e-12), 1 - 1e-12))
        return LatentRegion(lower: z, upper: z)
    }

    /// P(X ≤ x) for parametric families and continuous empirical marginals (linear between knots).
    func continuousCDF(_ x: Double) -> Double {
        guard family == .empirical || family == .auto else { return cdf(x) }
        let values = knots?.values ?? []
        guard let first = values.first, let last = values.last, values.count > 1 else { return 0.5 }
        if x <= first { return 0 }
        if x >= last { return 1 }
        var low = 0
        var high = values.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if values[middle] <= x { low = middle } else { high = middle }
        }
        let width = values[high] - values[low]
        let fraction = width > 0 ? (x - values[low]) / width : 0
        return (Double(low) + fraction) / Double(values.count - 1)
    }
}
