import SynthKitSynthesis

/// Strongly associated categorical columns modelled as one categorical of their combinations.
///
/// A single latent coordinate per categorical can only express associations that are monotone
/// along the chosen category order, so pairs such as (relationship, sex) or (workclass,
/// occupation) lose part of their contingency table. Columns whose Cramér's V reaches the
/// synthesizer's `jointAssociationThreshold` are therefore merged greedily (strongest pair
/// first) as long as the merged group has at most `maximumJointCategories` observed
/// combinations. The group's combinations are one categorical column on the latent line
/// (optimal-scaling order, frequency intervals); sampling draws a combination and splits it,
/// so the group's joint distribution is the observed one. A condition on one member is the
/// union of the latent intervals of the combinations that contain its value.
struct JointCategoricalGroup: Codable, Hashable, Sendable {
    /// The member columns, in schema order.
    var members: [String]
    /// For each joint code, the member codes (aligned with `members`).
    var combinations: [[Int32]]
    /// The joint codes in latent order (codes with zero frequency omitted).
    var order: [Int32]
    /// The latent cut points between consecutive joint codes of `order`.
    var thresholds: Base64Doubles
    /// The latent dimension, absent when only one combination was observed.
    var dimension: Int?
    /// The frequency of each joint code of `order`.
    var frequencies: [Double]

    /// The joint code drawn by latent value `z`.
    func jointCode(at z: Double?) -> Int32 {
        guard let z else { return order[0] }
        let cuts = thresholds.values
        var low = 0
        var high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if cuts[middle] < z { low = middle + 1 } else { high = middle }
        }
        return order[low]
    }

    /// Problems with a decoded group, or `nil`.
    func validationProblem(dimensionCount: Int, memberCodeCounts: [Int]) -> String? {
        if members.isEmpty || members.count != memberCodeCounts.count { return "a joint group's members do not match its columns" }
        if order.isEmpty { return "a joint group needs at least one combination" }
        if combinations.contains(where: { $0.count != members.count }) { return "a combination has the wrong number of members" }
        for combination in combinations {
            for (position, code) in combination.enumerated() where code < 0 || Int(code) >= memberCodeCounts[position] {
                return "a combination refers to a code outside its column's categories"
            }
        }
        if order.contains(where: { $0 < 0 || Int($0) >= combinations.count }) { return "the order refers to unknown combinations" }
        if thresholds.values.count != order.count - 1 { return "\(order.count) combinations need \(order.count - 1) thresholds" }
        if zip(thresholds.values, thresholds.values.dropFirst()).contains(where: { !($0 <= $1) }) { return "thresholds must be ascending" }
        if frequencies.count != order.count { return "frequencies and order differ in length" }
        if let dimension, dimension < 0 || dimension >= dimensionCount { return "latent dimension \(dimension) is out of range" }
        if dimension == nil && order.count > 1 { return "several combinations need a latent dimension" }
        return nil
    }

    /// Cramér's V of two code vectors: √(χ² / (n (min(r, c) - 1))); 0 when either is constant.
    static func cramersV(_ first: [Int32], _ firstCount: Int, _ second: [Int32], _ secondCount: Int) -> Double {
        let rows = first.count
        guard rows > 0, firstCount > 1, secondCount > 1 else { return 0 }
        var table = [Double](repeating: 0, count: firstCount * secondCount)
        var firstTotals = [Double](repeating: 0, count: firstCount)
        var secondTotals = [Double](repeating: 0, count: secondCount)
        for row in 0..<rows {
            table[Int(first[row]) * secondCount + Int(second[row])] += 1
            firstTotals[Int(first[row])] += 1
            secondTotals[Int(second[row])] += 1
        }
        let usedFirst = firstTotals.filter { $0 > 0 }.count
        let usedSecond = secondTotals.filter { $0 > 0 }.count
        guard usedFirst > 1, usedSecond > 1 else { return 0 }
        let total = Double(rows)
        var chiSquare = 0.0
        for a in 0..<firstCount where firstTotals[a] > 0 {
            for b in 0..<secondCount where secondTotals[b] > 0 {
                let expected = firstTotals[a] * secondTotals[b] / total
                let difference = table[a * secondCount + b] - expected
                chiSquare += difference * difference / expected
            }
        }
        return (chiSquare / (total * Double(min(usedFirst, usedSecond) - 1))).squareRoot()
    }

    /// Greedy grouping: pairs by decreasing V at or above `threshold`, merged while the union has
    /// at most `maximumCombinations` observed combinations. Returns groups of two or more
    /// indices into `columns`, each sorted.
    static func groups(
        columns: [(codes: [Int32], codeCount: Int)], threshold: Double, maximumCombinations: Int
    ) -> [[Int]] {
        var pairs: [(first: Int, second: Int, association: Double)] = []
        for first in columns.indices {
            for second in columns.indices where second > first {
                let association = cramersV(columns[first].codes, columns[first].codeCount, columns[second].codes, columns[second].codeCount)
                if association >= threshold { pairs.append((first, second, association)) }
            }
        }
        pairs.sort { $0.association != $1.association ? $0.association > $1.association : ($0.first, $0.second) < ($1.first, $1.second) }
        var groupOf = Array(columns.indices)
        var membersOf: [Int: [Int]] = Dictionary(uniqueKeysWithValues: columns.indices.map { ($0, [$0]) })
        // Each group's rows as dense joint codes, so a merge is one O(rows) pass over integers.
        var jointCodesOf: [Int: (codes: [Int], count: Int)] = Dictionary(uniqueKeysWithValues: columns.indices.map { index in
            (index, (columns[index].codes.map { Int($0) }, columns[index].codeCount))
        })
        for pair in pairs {
            let left = groupOf[pair.first]
            let right = groupOf[pair.second]
            guard left != right, let leftMembers = membersOf[left], let rightMembers = membersOf[right],
                  let leftCodes = jointCodesOf[left], let rightCodes = jointCodesOf[right]
            else { continue }
            var dense: [Int: Int] = [:]
            var merged: [Int] = []
            merged.reserveCapacity(leftCodes.codes.count)
            var fits = true
            for row in leftCodes.codes.indices {
                let key = leftCodes.codes[row] * rightCodes.count + rightCodes.codes[row]
                if let code = dense[key] {
                    merged.append(code)
                } else {
                    guard dense.count < maximumCombinations else {
                        fits = false
                        break
                    }
                    dense[key] = dense.count
                    merged.append(dense.count - 1)
                }
            }
            guard fits else { continue }
            let keep = min(left, right)
            let drop = max(left, right)
            membersOf[keep] = (leftMembers + rightMembers).sorted()
            membersOf[drop] = nil
            jointCodesOf[keep] = (merged, dense.count)
            jointCodesOf[drop] = nil
            for member in leftMembers + rightMembers { groupOf[member] = keep }
        }
        return membersOf.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// Joint codes of the rows and the combination of each joint code (sorted, so
    /// deterministic).
    static func combine(_ memberCodes: [[Int32]]) -> (codes: [Int32], combinations: [[Int32]]) {
        let rows = memberCodes.first?.count ?? 0
        let keys = (0..<rows).map { row in memberCodes.map { $0[row] } }
        let combinations = Set(keys).sorted { $0.lexicographicallyPrecedes($1) }
        var lookup: [[Int32]: Int32] = [:]
        for (index, combination) in combinations.enumerated() { lookup[combination] = Int32(index) }
        return (keys.map { lookup[$0] ?? 0 }, combinations)
    }
}
