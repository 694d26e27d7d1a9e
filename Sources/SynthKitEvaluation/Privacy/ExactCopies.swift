public import SynthKitTable

/// How many synthetic rows are exact copies of some training row.
///
/// Two rows are identical when every column present in both tables holds the same value: numbers
/// compare by value, text by text, two missing values are equal. Rows are hashed, so the count is
/// exact and linear.
///
/// Complexity: O((n + m) · c) expected.
public enum ExactCopies {
    /// The number of rows of `synthetic` that equal some row of `training`.
    public static func count(synthetic: Table, training: Table) -> Int {
        let names = training.columnNames.filter { synthetic[$0] != nil }
        guard !names.isEmpty else { return 0 }
        var trainingKeys: [[UInt64]] = Array(repeating: [], count: training.rowCount)
        var syntheticKeys: [[UInt64]] = Array(repeating: [], count: synthetic.rowCount)
        for name in names {
            guard let trainingColumn = training[name], let syntheticColumn = synthetic[name] else { continue }
            if let trainingNumbers = trainingColumn.numbers, let syntheticNumbers = syntheticColumn.numbers {
                for row in trainingNumbers.indices { trainingKeys[row].append(key(trainingNumbers[row])) }
                for row in syntheticNumbers.indices { syntheticKeys[row].append(key(syntheticNumbers[row])) }
            } else {
                let codes = SharedCodes(real: trainingColumn, synthetic: syntheticColumn)
                for row in codes.real.indices { trainingKeys[row].append(UInt64(bitPattern: Int64(codes.real[row]))) }
                for row in codes.synthetic.indices { syntheticKeys[row].append(UInt64(bitPattern: Int64(codes.synthetic[row]))) }
            }
        }
        let known = Set(trainingKeys)
        return syntheticKeys.reduce(0) { $0 + (known.contains($1) ? 1 : 0) }
    }

    /// A hash key for a number: equal values (0 and −0, every NaN) give equal keys.
    static func key(_ value: Double) -> UInt64 {
        if value.isNaN { return Double.nan.bitPattern }
        return value == 0 ? 0 : value.bitPattern
    }
}
