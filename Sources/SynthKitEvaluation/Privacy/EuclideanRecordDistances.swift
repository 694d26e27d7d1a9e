public import SynthKitTable

/// Distances from every synthetic row to the training rows in the encoding of
/// `shared/bench/anchors.py`: numeric columns standardised with the training mean and standard
/// deviation, categorical columns one-hot over the training levels (missing a level of its
/// own), Euclidean distance. For each synthetic row: the distance to the closest training row
/// (DCR) and the nearest-neighbour distance ratio NNDR = (d₁ + 10⁻⁸)/(d₂ + 10⁻⁸).
///
/// Exact brute force over all pairs with the compact kernel (``CompactEncodedRows``: numbers and
/// level indices instead of one-hot vectors), blocked and parallel over query chunks; the report
/// uses the same kernel on a subsample, this type runs it on whole tables.
///
/// Complexity: O(m · n · d) for m synthetic rows, n training rows, d encoded features.
public enum EuclideanRecordDistances {
    /// Per synthetic row, the DCR and the NNDR (NaN when the training table has one row).
    public static func compute(
        synthetic: Table, training: Table, metadata: SDVMetadata? = nil, threads: Int? = nil
    ) -> (closest: [Double], ratios: [Double]) {
        let resolved = metadata ?? SDVMetadata.inferred(from: training)
        let encoder = RowEncoder(fitting: training, roles: ColumnRoles(table: training, metadata: resolved))
        let twoNearest = NearestNeighbours.distances(from: encoder.encodeCompact(synthetic), to: encoder.encodeCompact(training), k: 2, threads: threads)
        var closest: [Double] = []
        var ratios: [Double] = []
        closest.reserveCapacity(synthetic.rowCount)
        ratios.reserveCapacity(synthetic.rowCount)
        for index in stride(from: 0, to: twoNearest.count, by: 2) {
            let first: Double = twoNearest[index]
            let second: Double = twoNearest[index + 1]
            closest.append(first)
            ratios.append(second.isFinite ? (first + 1e-8) / (second + 1e-8) : Double.nan)
        }
        return (closest, ratios)
    }
}
