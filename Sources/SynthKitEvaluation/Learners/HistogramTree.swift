/// One regression tree of ``GradientBoostedTrees``, grown best-first on gradient/hessian
/// histograms (LightGBM's and scikit-learn's `TreeGrower`).
///
/// Split gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ); a numeric split sends bins ≤ t left
/// and the missing bin to whichever side gains more; a categorical split sorts categories (the
/// missing bin included) by G/(H + 10) and takes the best prefix as the left set (Fisher 1958,
/// as LightGBM and scikit-learn do). Leaves hold −η · G/(H + λ).
///
/// Complexity: O(n · f) per level of histogram building (the larger child by subtraction).
struct HistogramTree: Sendable {
    /// A node; leaves have `feature == -1`.
    struct Node: Sendable {
        var feature = -1
        var threshold: UInt8 = 0
        var missingGoesLeft = false
        var leftCategories: [Bool] = []
        var left = -1
        var right = -1
        var value = 0.0
    }

    /// Nodes, root first.
    var nodes: [Node]

    /// The leaf value reached by row `row` of `features`.
    func predict(_ features: BinnedFeatures, row: Int) -> Double {
        var index = 0
        while nodes[index].feature >= 0 {
            let node = nodes[index]
            let bin = features.bins[node.feature][row]
            let goesLeft: Bool
            if !node.leftCategories.isEmpty {
                goesLeft = node.leftCategories[Int(bin)]
            } else if bin == BinnedFeatures.missingBin {
                goesLeft = node.missingGoesLeft
            } else {
                goesLeft = bin <= node.threshold
            }
            index = goesLeft ? node.left : node.right
        }
        return nodes[index].value
    }
}

/// Grows one ``HistogramTree``.
struct TreeGrower {
    let features: BinnedFeatures
    let gradients: [Double]
    let hessians: [Double]
    var maximumLeaves = 31
    var minimumLeafRows = 20
    var l2 = 0.0
    var learningRate = 0.1
    static let minimumHessian = 1e-3
    static let categorySmoothing = 10.0

    /// Per-feature histograms: 256 bins of (gradient, hessian, count).
    typealias Histogram = [[(gradient: Double, hessian: Double, count: Int)]]

    struct Split {
        var gain: Double
        var feature: Int
        var threshold: UInt8
        var missingGoesLeft: Bool
        var leftCategories: [Bool]
    }

    struct Leaf {
        var node: Int
        var rows: [Int]
        var histogram: Histogram
        var gradient: Double
        var hessian: Double
        var split: Split?
    }

    func histogram(of rows: [Int]) -> Histogram {
        var result: Histogram = []
        result.reserveCapacity(features.bins.count)
        for column in features.bins {
            var bins = [(gradient: Double, hessian: Double, count: Int)](repeating: (0, 0, 0), count: 256)
            for row in rows {
                let bin = Int(column[row])
                bins[bin].gradient += gradients[row]
                bins[bin].hessian += hessians[row]
                bins[bin].count += 1
            }
            result.append(bins)
        }
        return result
    }

    func score(_ gradient: Double, _ hessian: Double) -> Double { gradient * gradient / (hessian + l2) }

    /// The best split of a leaf, or `nil`.
    func bestSplit(histogram: Histogram, gradient: Double, hessian: Double, count: Int) -> Split? {
        var best: Split?
        let parent = score(gradient, hessian)
        for (feature, bins) in histogram.enumerated() {
            let mapper = features.features[feature]
            let missing = bins[Int(BinnedFeatures.missingBin)]
            if mapper.isCategorical {
                var order = (0..<mapper.binCount).filter { bins[$0].count > 0 }
                if missing.count > 0 { order.append(Int(BinnedFeatures.missingBin)) }
                guard order.count >= 2 else { continue }
                order.sort { bins[$0].gradient / (bins[$0].hessian + Self.categorySmoothing) < bins[$1].gradient / (bins[$1].hessian + Self.categorySmoothing) }
                var leftGradient = 0.0, leftHessian = 0.0, leftCount = 0
                for position in 0..<(order.count - 1) {
                    let bin = bins[order[position]]
                    leftGradient += bin.gradient; leftHessian += bin.hessian; leftCount += bin.count
                    let rightCount = count - leftCount
                    guard leftCount >= minimumLeafRows, rightCount >= minimumLeafRows,
                          leftHessian >= Self.minimumHessian, hessian - leftHessian >= Self.minimumHessian else { continue }
                    let gain = score(leftGradient, leftHessian) + score(gradient - leftGradient, hessian - leftHessian) - parent
                    if gain > (best?.gain ?? 1e-12) {
                        var left = [Bool](repeating: false, count: 256)
                        for chosen in order[0...position] { left[chosen] = true }
                        best = Split(gain: gain, feature: feature, threshold: 0, missingGoesLeft: left[255], leftCategories: left)
                    }
                }
            } else {
                var leftGradient = 0.0, leftHessian = 0.0, leftCount = 0
                for threshold in 0..<mapper.binCount {
                    let bin = bins[threshold]
                    leftGradient += bin.gradient; leftHessian += bin.hessian; leftCount += bin.count
                    for missingLeft in [false, true] {
                        if missingLeft && missing.count == 0 { continue }
                        if threshold == mapper.binCount - 1 && (missingLeft || missing.count == 0) { continue }
                        let lg = leftGradient + (missingLeft ? missing.gradient : 0)
                        let lh = leftHessian + (missingLeft ? missing.hessian : 0)
                        let lc = leftCount + (missingLeft ? missing.count : 0)
                        guard lc >= minimumLeafRows, count - lc >= minimumLeafRows,
                              lh >= Self.minimumHessian, hessian - lh >= Self.minimumHessian else { continue }
                        let gain = score(lg, lh) + score(gradient - lg, hessian - lh) - parent
                        if gain > (best?.gain ?? 1e-12) {
                            best = Split(gain: gain, feature: feature, threshold: UInt8(threshold), missingGoesLeft: missingLeft, leftCategories: [])
                        }
                    }
                }
            }
        }
        return best
    }

    /// Grows the tree over `rows`.
    func grow(rows: [Int]) -> HistogramTree {
        var nodes = [HistogramTree.Node()]
        let rootHistogram = histogram(of: rows)
        var gradient = 0.0, hessian = 0.0
        for row in rows { gradient += gradients[row]; hessian += hessians[row] }
        var leaves = [Leaf(node: 0, rows: rows, histogram: rootHistogram, gradient: gradient, hessian: hessian,
                           split: bestSplit(histogram: rootHistogram, gradient: gradient, hessian: hessian, count: rows.count))]
        while leaves.count < maximumLeaves {
            guard let chosen = leaves.indices.filter({ leaves[$0].split != nil }).max(by: { (leaves[$0].split?.gain ?? 0) < (leaves[$1].split?.gain ?? 0) }),
                  let split = leaves[chosen].split else { break }
            let leaf = leaves.remove(at: chosen)
            let column = features.bins[split.feature]
            var leftRows: [Int] = [], rightRows: [Int] = []
            for row in leaf.rows {
                let bin = column[row]
                let goesLeft = !split.leftCategories.isEmpty ? split.leftCategories[Int(bin)]
                    : (bin == BinnedFeatures.missingBin ? split.missingGoesLeft : bin <= split.threshold)
                if goesLeft { leftRows.append(row) } else { rightRows.append(row) }
            }
            let smallerIsLeft = leftRows.count <= rightRows.count
            let smallHistogram = histogram(of: smallerIsLeft ? leftRows : rightRows)
            var largeHistogram = leaf.histogram
            for feature in largeHistogram.indices {
                for bin in 0..<256 {
                    largeHistogram[feature][bin].gradient -= smallHistogram[feature][bin].gradient
                    largeHistogram[feature][bin].hessian -= smallHistogram[feature][bin].hessian
                    largeHistogram[feature][bin].count -= smallHistogram[feature][bin].count
                }
            }
            let leftHistogram = smallerIsLeft ? smallHistogram : largeHistogram
            let rightHistogram = smallerIsLeft ? largeHistogram : smallHistogram
            nodes[leaf.node].feature = split.feature
            nodes[leaf.node].threshold = split.threshold
            nodes[leaf.node].missingGoesLeft = split.missingGoesLeft
            nodes[leaf.node].leftCategories = split.leftCategories
            nodes[leaf.node].left = nodes.count
            nodes[leaf.node].right = nodes.count + 1
            nodes.append(HistogramTree.Node())
            nodes.append(HistogramTree.Node())
            for (node, childRows, childHistogram) in [(nodes.count - 2, leftRows, leftHistogram), (nodes.count - 1, rightRows, rightHistogram)] {
                var childGradient = 0.0, childHessian = 0.0
                for row in childRows { childGradient += gradients[row]; childHessian += hessians[row] }
                let childSplit = childRows.count >= 2 * minimumLeafRows
                    ? bestSplit(histogram: childHistogram, gradient: childGradient, hessian: childHessian, count: childRows.count) : nil
                leaves.append(Leaf(node: node, rows: childRows, histogram: childHistogram, gradient: childGradient, hessian: childHessian, split: childSplit))
            }
        }
        for leaf in leaves {
            nodes[leaf.node].value = -learningRate * leaf.gradient / (leaf.hessian + l2 + 1e-12)
        }
        return HistogramTree(nodes: nodes)
    }
}
