import SynthKitCore
import SynthKitStatistical

/// The measuring, selecting and estimating steps of ``MST``, on coded attributes.
struct MSTFitting {
    let attributes: [DiscreteAttribute]
    var codes: [[Int32]]
    /// Mirror-descent iterations the final estimation ran (after ``fit(iterations:budget:noise:)``).
    var estimationIterations = 0

    init(attributes: [DiscreteAttribute], codes: [[Int32]]) {
        self.attributes = attributes
        self.codes = codes
    }

    /// The tree network over compressed codes and the expansions back to attribute codes.
    mutating func fit(
        iterations: Int, budget: inout PrivacyBudget, noise: inout NoiseSource
    ) throws(SynthKitError) -> (DiscreteNetwork, [[[Int32]]]) {
        let learned = attributes.indices.filter { attributes[$0].isLearned && attributes[$0].cardinality > 0 }
        var cardinalities = attributes.map(\.cardinality)
        var expansions = [[[Int32]]](repeating: [], count: attributes.count)
        let d = learned.count
        guard d > 0 else { return (DiscreteNetwork(cardinalities: cardinalities, nodes: []), expansions) }
        let phase = budget.remainingRho / 3

        // Phase 1: one-way marginals, then domain compression.
        let oneWay = GaussianMechanism(sensitivity: Double(d).squareRoot(), rho: phase)
        try budget.charge(rho: phase, purpose: "one-way marginals of \(d) columns (sigma \(oneWay.standardDeviation))")
        var oneWayMeasurements: [[Double]] = []
        for attribute in learned {
            let counts = DiscreteStatistics.jointCounts(codes: codes, cardinalities: cardinalities, parents: [], child: attribute)
            let noisy = oneWay.release(counts: counts.map { Int($0) }, noise: &noise).map(Double.init)
            let kept = noisy.indices.filter { noisy[$0] >= 3 * oneWay.standardDeviation }
            let merged = noisy.indices.filter { noisy[$0] < 3 * oneWay.standardDeviation }
            var groups: [[Int32]] = kept.map { [Int32($0)] }
            var compressed = kept.map { noisy[$0] }
            if !merged.isEmpty {
                groups.append(merged.map { Int32($0) })
                compressed.append(merged.reduce(0) { $0 + noisy[$1] })
            }
            var mapping = [Int32](repeating: 0, count: cardinalities[attribute])
            for (code, group) in groups.enumerated() { for value in group { mapping[Int(value)] = Int32(code) } }
            codes[attribute] = codes[attribute].map { mapping[Int($0)] }
            cardinalities[attribute] = groups.count
            expansions[attribute] = groups
            oneWayMeasurements.append(compressed)
        }

        // Phase 2: the spanning tree, by exponential-mechanism Kruskal.
        var edges: [(Int, Int)] = []
        let total = Self.estimatedTotal(oneWay: oneWayMeasurements, standardDeviation: oneWay.standardDeviation)
        if d > 1 {
            let treeRho = phase
            try budget.charge(rho: treeRho, purpose: "spanning-tree selection (\(d - 1) exponential-mechanism draws)")
            let stepEpsilon = ZeroConcentratedPrivacy.exponentialMechanismEpsilon(rho: treeRho / Double(d - 1))
            // The model fitted to the one-way measurements alone (mst.py's `select`): with no
            // edges it is a product of its one-way marginals, estimated by the same mirror descent.
            var independent = TreeModel(cardinalities: learned.map { cardinalities[$0] }, edges: [])
            let oneWayOnly = oneWayMeasurements.enumerated().map { node, values in
                TreeModel.Measurement(node: node, isEdge: false, values: values, standardDeviation: oneWay.standardDeviation)
            }
            independent.estimate(measurements: oneWayOnly, total: max(total, 1), iterations: iterations)
            let estimates = independent.marginals().nodes
            var pairs: [(Int, Int)] = []
            var scores: [Double] = []
            for first in 0..<d {
                for second in (first + 1)..<d {
                    let counts = DiscreteStatistics.jointCounts(
                        codes: codes, cardinalities: cardinalities, parents: [learned[first]], child: learned[second])
                    let secondCard = cardinalities[learned[second]]
                    var score = 0.0
                    for (index, count) in counts.enumerated() {
                        score += abs(count - total * estimates[first][index / secondCard] * estimates[second][index % secondCard])
                    }
                    pairs.append((first, second))
                    scores.append(score)
                }
            }
            var component = Array(0..<d)
            func root(_ node: Int) -> Int {
                var current = node
                while component[current] != current { current = component[current] }
                return current
            }
            for _ in 0..<(d - 1) {
                let candidates = pairs.indices.filter { root(pairs[$0].0) != root(pairs[$0].1) }
                let choice = candidates[ExponentialMechanism.select(
                    scores: candidates.map { scores[$0] }, epsilon: stepEpsilon, sensitivity: 1, noise: &noise)]
                edges.append(pairs[choice])
                component[root(pairs[choice].0)] = root(pairs[choice].1)
            }
        }

        // Phase 3: the tree's two-way marginals, then estimation.
        var tree = TreeModel(cardinalities: learned.map { cardinalities[$0] }, edges: edges)
        var measurements = oneWayMeasurements.enumerated().map { node, values in
            TreeModel.Measurement(node: node, isEdge: false, values: values, standardDeviation: oneWay.standardDeviation)
        }
        if !edges.isEmpty {
            let rho = try budget.chargeRemaining(purpose: "two-way marginals of \(edges.count) tree edges")
            let twoWay = GaussianMechanism(sensitivity: Double(edges.count).squareRoot(), rho: rho)
            for node in 0..<d where tree.parents[node] >= 0 {
                let counts = DiscreteStatistics.jointCounts(
                    codes: codes, cardinalities: cardinalities, parents: [learned[tree.parents[node]]], child: learned[node])
                measurements.append(TreeModel.Measurement(
                    node: node, isEdge: true, values: twoWay.release(counts: counts.map { Int($0) }, noise: &noise).map(Double.init), standardDeviation: twoWay.standardDeviation))
            }
        } else {
            _ = try budget.chargeRemaining(purpose: "one-way marginals (remaining budget unused by a single column)")
        }
        estimationIterations = tree.estimate(measurements: measurements, total: max(total, 1), iterations: iterations).iterations
        let (nodeMarginals, edgeMarginals) = tree.marginals()
        var nodes: [DiscreteNetwork.Node] = []
        for node in tree.order {
            let parent = tree.parents[node]
            let conditional = parent < 0
                ? nodeMarginals[node]
                : DiscreteNetwork.conditional(fromJointCounts: edgeMarginals[node], cardinality: tree.cardinalities[node])
            nodes.append(DiscreteNetwork.Node(
                attribute: learned[node], parents: parent < 0 ? [] : [learned[parent]], conditional: conditional))
        }
        return (DiscreteNetwork(cardinalities: cardinalities, nodes: nodes), expansions)
    }

    /// The minimum-variance unbiased total from the one-way measurements: each sum has
    /// variance (cells × σ²), weighted by its inverse.
    static func estimatedTotal(oneWay: [[Double]], standardDeviation: Double) -> Double {
        var weighted = 0.0
        var weights = 0.0
        for values in oneWay {
            let weight = 1 / (Double(values.count) * standardDeviation * standardDeviation)
            weighted += weight * values.reduce(0, +)
            weights += weight
        }
        return weights > 0 ? weighted / weights : 0
    }
}
