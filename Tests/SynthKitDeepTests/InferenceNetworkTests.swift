import SynthKitCore
@testable import SynthKitDeep
import SynthKitTensor
import Testing

/// Batch normalisation at sampling time: ctgan's generator samples in training mode, so each
/// batch is normalised by its own statistics.
@Suite struct InferenceNetworkTests {
    @Test func batchStatisticsNormaliseEachGroupThenScaleAndShift() {
        var stream = Seed(11).stream()
        let rows = 1_000, columns = 3
        // Columns with very different locations and scales, and a second half shifted by 50.
        let scalars = (0..<(rows * columns)).map { index -> Float in
            let row = index / columns, column = index % columns
            return Float(stream.nextNormal() * Double(column + 1) * 4 + Double(column) * 10 + (row >= rows / 2 ? 50 : 0))
        }
        let input = Tensor(shape: [rows, columns], scalars: scalars)
        let weight: [Float] = [1, 2, 0.5], bias: [Float] = [0, -1, 3]
        let parameters = StoredParameters([
            "bn.weight": Tensor(shape: [columns], scalars: weight), "bn.bias": Tensor(shape: [columns], scalars: bias),
            "bn.runningMean": Tensor(shape: [columns], scalars: [0, 0, 0]),
            "bn.runningVariance": Tensor(shape: [columns], scalars: [1, 1, 1]),
        ])
        let output = InferenceNetwork.batchNormWithBatchStatistics(input, parameters, "bn", groupCount: 2).scalars
        for group in 0..<2 {
            for column in 0..<columns {
                let values = (group * rows / 2..<(group + 1) * rows / 2).map { Double(output[$0 * columns + column]) }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
                #expect(abs(mean - Double(bias[column])) < 1e-4, "group \(group) column \(column) mean \(mean)")
                #expect(abs(variance.squareRoot() - Double(weight[column])) < 1e-3, "group \(group) column \(column) sd \(variance.squareRoot())")
            }
        }
        // Running statistics (evaluation mode) leave the shift between halves in place.
        let evaluation = InferenceNetwork.batchNorm(input, parameters, "bn").scalars
        let firstHalf = (0..<rows / 2).map { Double(evaluation[$0 * columns]) }.reduce(0, +) / Double(rows / 2)
        let secondHalf = (rows / 2..<rows).map { Double(evaluation[$0 * columns]) }.reduce(0, +) / Double(rows / 2)
        #expect(secondHalf - firstHalf > 40)
    }
}
