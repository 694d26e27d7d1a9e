import Foundation

/// A pairwise graphical model on a spanning tree, with exact marginals by belief propagation
/// and Private-PGM-style estimation by entropic mirror descent.
///
/// **Model.** p(x) ∝ exp(Σᵢ θᵢ(xᵢ) + Σ₍ᵢⱼ₎ θᵢⱼ(xᵢ, xⱼ)) over the tree's edges. On a tree the
/// junction tree is the tree itself, so two passes of log-space message passing give exact
/// node and edge marginals (O(Σ edges cᵢ·cⱼ)).
///
/// **Estimation** (McKenna, Sheldon & Miklau 2019, `mirror_descent` of private-pgm): given
/// noisy measurements y_C of one-way and edge marginals with standard deviations σ_C,
/// minimise L(μ) = Σ_C ‖μ_C − y_C‖² / σ_C² over consistent marginals μ = N·p_θ, with
/// θ ← θ − α ∇_μ L and a backtracking step (halve α when the loss rises, grow it by 1.2 when
/// it falls), stopping on convergence (no estimated count of a measured cell moved by more
/// than 0.05·σ_min over the last 50 iterations) or at the iteration cap. On Adult (ε = 1) this
/// takes about 1,300 iterations, where private-pgm's `mst.py` runs a fixed 10,000; more
/// iterations did not change the 2- and 3-way TVD there. N is the minimum-variance unbiased total of the
/// one-way measurements.
struct TreeModel {
    /// Each node's cardinality.
    let cardinalities: [Int]
    /// Parent of each node (−1 for the root), and a top-down order.
    let parents: [Int]
    let order: [Int]
    var unary: [[Double]]
    /// Pairwise potentials, indexed by child node: rows = parent value, columns = child value.
    var pairwise: [[Double]]

    init(cardinalities: [Int], edges: [(Int, Int)]) {
        self.cardinalities = cardinalities
        let count = cardinalities.count
        var neighbours = [[Int]](repeating: [], count: count)
        for (first, second) in edges {
            neighbours[first].append(second)
            neighbours[second].append(first)
        }
        var parents = [Int](repeating: -1, count: count)
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: count)
        for root in 0..<count where !visited[root] {
            visited[root] = true
            var queue = [root]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                order.append(node)
                for next in neighbours[node] where !visited[next] {
                    visited[next] = true
                    parents[next] = node
                    queue.append(next)
                }
            }
        }
        self.parents = parents
        self.order = order
        unary = cardinalities.map { [Double](repeating: 0, count: $0) }
        pairwise = (0..<count).map { node in
            parents[node] < 0 ? [] : [Double](repeating: 0, count: cardinalities[parents[node]] * cardinalities[node])
        }
    }

    /// Node marginals and edge marginals (indexed by child; parent-major), as probabilities.
    func marginals() -> (nodes: [[Double]], edges: [[Double]]) {
        let count = cardinalities.count
        // Upward messages child → parent, indexed by child, over the parent's values.
        var upward = [[Double]](repeating: [], count: count)
        var belowSum = unary
        for node in order.reversed() {
            let parent = parents[node]
            guard parent >= 0 else { continue }
            let parentCard = cardinalities[parent]
            let childCard = cardinalities[node]
            var message = [Double](repeating: 0, count: parentCard)
            for parentValue in 0..<parentCard {
                var terms = [Double](repeating: 0, count: childCard)
                for childValue in 0..<childCard {
                    terms[childValue] = belowSum[node][childValue] + pairwise[node][parentValue * childCard + childValue]
                }
                message[parentValue] = Self.logSumExp(terms)
            }
            upward[node] = message
            for value in 0..<parentCard { belowSum[parent][value] += message[value] }
        }
        // Downward messages parent → child, indexed by child, over the child's values.
        var full = belowSum
        for node in order {
            let parent = parents[node]
            guard parent >= 0 else { continue }
            let parentCard = cardinalities[parent]
            let childCard = cardinalities[node]
            var message = [Double](repeating: 0, count: childCard)
            for childValue in 0..<childCard {
                var terms = [Double](repeating: 0, count: parentCard)
                for parentValue in 0..<parentCard {
                    terms[parentValue] = full[parent][parentValue] - upward[node][parentValue]
                        + pairwise[node][parentValue * childCard + childValue]
                }
                message[childValue] = Self.logSumExp(terms)
            }
            for value in 0..<childCard { full[node][value] += message[value] }
        }
        let nodes = full.map { Self.normalised($0) }
        var edges = [[Double]](repeating: [], count: count)
        for node in 0..<count where parents[node] >= 0 {
            let parent = parents[node]
            let parentCard = cardinalities[parent]
            let childCard = cardinalities[node]
            var logits = [Double](repeating: 0, count: parentCard * childCard)
            for parentValue in 0..<parentCard {
                let parentSide = full[parent][parentValue] - upward[node][parentValue]
                for childValue in 0..<childCard {
                    logits[parentValue * childCard + childValue] = parentSide + belowSum[node][childValue]
                        + pairwise[node][parentValue * childCard + childValue]
                }
            }
            edges[node] = Self.normalised(logits)
        }
        return (nodes, edges)
    }

    static func logSumExp(_ values: [Double]) -> Double {
        let largest = values.max() ?? 0
        guard largest.isFinite else { return largest }
        return largest + log(values.reduce(0) { $0 + exp($1 - largest) })
    }

    static func normalised(_ logits: [Double]) -> [Double] {
        let total = logSumExp(logits)
        return logits.map { exp($0 - total) }
    }
}
