package import SynthKitCore
package import SynthKitTable

/// Train-on-synthetic, test-on-real (TSTR) utility of many training tables against one fixed
/// real test table, for callers that score a table per step (the collapse lab scores every
/// generation). Encodings are learned once, from a real training table, as
/// ``UtilityEvaluation`` learns them.
///
/// Classification (a categorical or boolean target): the positive class is the real training
/// target's least frequent class (one vs rest, ties by name) and the score is the AUC on the test
/// rows of ``GradientBoostedTrees`` (scikit-learn `HistGradientBoostingClassifier` defaults).
/// Regression (a numerical target): the R² on the test rows of ``RidgeRegression`` (`alpha = 1`),
/// which may be negative. Rows whose target is missing are left out of training and testing.
///
/// Cost per ``score(trainingOn:seed:)``: one learner fit on the training rows and one
/// prediction pass over the test rows.
package struct TrainSyntheticTestReal: Sendable {
    /// What is predicted.
    package enum Task: Sendable, Equatable {
        /// One class against the rest, scored by AUC.
        case classification(positive: String)
        /// A number, scored by R².
        case regression
    }

    /// The predicted column.
    package let target: String
    /// Classification or regression.
    package let task: Task
    /// The number of test rows with a target.
    package let testRows: Int
    let roles: ColumnRoles
    let mapper: BinnedFeatures.Mapper
    let encoder: RowEncoder
    let testBinned: BinnedFeatures
    let testEncoded: EncodedRows
    let testLabels: [Bool]
    let testTargets: [Double]

    /// Learns the encodings from `train` and prepares `test`.
    /// - Parameters:
    ///   - metadata: column types (`numerical`, `datetime`, `categorical`, `boolean`; other
    ///     sdtypes are left out of the features).
    /// - Throws: `.invalidArgument` when the target is not a compared column of both tables, has
    ///   fewer than two real classes, or no test row has a target.
    package init(train: Table, test: Table, target: String, metadata: SDVMetadata) throws(SynthKitError) {
        let roles = ColumnRoles(table: train, metadata: metadata)
        guard roles.all.contains(target), let trainTarget = train[target], let testTarget = test[target] else {
            throw SynthKitError(
                .invalidArgument, "the target '\(target)' is not a numerical, categorical or boolean column of the table",
                location: .init(field: "target"))
        }
        self.target = target
        self.roles = roles
        mapper = BinnedFeatures.Mapper(fitting: train, roles: roles, excluding: [target])
        encoder = RowEncoder(fitting: train, roles: roles, excluding: [target])
        let rows: [Int]
        if roles.numeric.contains(target), let numbers = roles.numbers(of: testTarget) {
            task = .regression
            rows = (0..<test.rowCount).filter { !numbers[$0].isNaN }
            testTargets = rows.map { numbers[$0] }
            testLabels = []
        } else {
            var counts: [String: Int] = [:]
            for row in 0..<trainTarget.count { if let text = trainTarget.text(at: row) { counts[text, default: 0] += 1 } }
            guard counts.count >= 2,
                let positive = counts.min(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value })?.key
            else {
                throw SynthKitError(
                    .invalidArgument, "the target '\(target)' has fewer than two classes in the real rows", location: .init(field: "target"))
            }
            task = .classification(positive: positive)
            rows = (0..<test.rowCount).filter { testTarget.text(at: $0) != nil }
            testLabels = rows.map { testTarget.text(at: $0) == positive }
            testTargets = []
        }
        guard !rows.isEmpty else {
            throw SynthKitError(.invalidArgument, "no held-out real row has a value of '\(target)'", location: .init(field: "target"))
        }
        let testTable = test.gatheringRows(rows)
        testRows = rows.count
        testBinned = mapper.transform(testTable)
        testEncoded = encoder.encode(testTable)
    }

    /// The score's name: `AUC` or `R²`.
    package var metricName: String {
        task == .regression ? "R²" : "AUC"
    }

    /// The test score of a learner trained on `table`, or `nil` when it cannot be trained (no
    /// target column, a single class, no rows with a target, a singular system).
    package func score(trainingOn table: Table, seed: Seed) -> Double? {
        guard let column = table[target] else { return nil }
        switch task {
        case .regression:
            guard let numbers = roles.numbers(of: column) else { return nil }
            let rows = (0..<table.rowCount).filter { !numbers[$0].isNaN }
            guard !rows.isEmpty,
                let model = RidgeRegression().fit(encoder.encode(table.gatheringRows(rows)), targets: rows.map { numbers[$0] })
            else { return nil }
            let predictions = model.predict(testEncoded)
            let mean = testTargets.reduce(0, +) / Double(testTargets.count)
            let residual = zip(testTargets, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let total = testTargets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return total > 0 ? 1 - residual / total : nil
        case .classification(let positive):
            let rows = (0..<table.rowCount).filter { column.text(at: $0) != nil }
            let labels = rows.map { column.text(at: $0) == positive }
            guard labels.contains(true), labels.contains(false) else { return nil }
            let model = GradientBoostedTrees().fit(mapper.transform(table.gatheringRows(rows)), labels: labels, seed: seed)
            return ReceiverOperatingCurve.area(scores: model.probabilities(testBinned), labels: testLabels)
        }
    }
}
