import SynthKitCore
import SynthKitTestSupport
import Testing

@testable import SynthKitTensor

@Suite("Packed and sparse products")
struct PackedProductTests {
    static let shapes: [(Int, Int, Int)] = [(9, 17, 12), (50, 70, 530), (13, 40, 1030), (4, 33, 8)]

    @Test("a prepacked right factor, whole or a column slice, gives the plain product", arguments: shapes)
    func prepackedMatchesPlain(shape: (Int, Int, Int)) {
        let (rows, columns, depth) = shape
        var stream = Seed(21).stream()
        let left = Tensor.normal(shape: [rows, depth + 3], stream: &stream)
        let weight = Tensor.normal(shape: [columns, depth + 3], stream: &stream)
        for slice in [0..<(depth + 3), 2..<(depth + 2)] {
            let leftFactor = ProductOperand(left, storedColumns: slice)
            let rightFactor = ProductOperand(weight, transposed: true, storedColumns: slice)
            let plain = Tensor.product(leftFactor, rightFactor)
            let parameter = Variable(weight, requiresGradient: true)
            let packed = Tensor.product(leftFactor, rightFactor, packedRight: parameter.packedRightFactor(rightFactor))
            #expect(packed.shape == plain.shape && packed.scalars == plain.scalars, "shape \(shape), slice \(slice)")
        }
    }

    @Test("a mostly-zero left factor takes the sparse path and matches the naive twin")
    func sparseMatchesNaive() {
        var stream = Seed(22).stream()
        for (rows, columns, depth) in [(30, 40, 600), (7, 9, 20)] {
            var scalars = [Float](repeating: 0, count: rows * depth)
            for row in 0..<rows {
                for _ in 0..<3 { scalars[row * depth + stream.nextIndex(below: depth)] = Float(stream.nextUniform()) + 0.5 }
            }
            let left = Tensor(shape: [rows, depth], scalars: scalars)
            let weight = Variable(Tensor.normal(shape: [columns, depth], stream: &stream), requiresGradient: true)
            let view = left.scalars.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { SparseRowProduct.CompressedRows(ProductOperand(left).view($0), rows: rows, columns: depth) }
            }
            #expect(view != nil, "a 3-per-row matrix should count as sparse")
            let fast = Variable.packedProduct(left, transposeLeft: false, weight, transposeRight: true)
            let slow = naiveProduct(left, weight.value, transposeLeft: false, transposeRight: true)
            let worst = zip(fast.scalars, slow).map { abs(Double($0) - $1) / (1 + abs($1)) }.max() ?? 0
            #expect(worst < 1e-5, "\(rows)x\(columns)x\(depth): \(worst)")
            var accumulated = fast
            Tensor.multiply(
                ProductOperand(left), ProductOperand(weight.value, transposed: true), into: &accumulated, accumulate: true,
                packedRight: weight.packedRightFactor(ProductOperand(weight.value, transposed: true)))
            #expect(zip(accumulated.scalars, fast.scalars).allSatisfy { abs($0 - 2 * $1) <= 1e-5 * (1 + abs($1)) })
        }
    }

    @Test("Gᵀ·B with a mostly-zero B takes the transposed sparse path and matches the naive twin")
    func transposedSparseMatchesNaive() {
        var stream = Seed(24).stream()
        // Ragged edges with accumulation, and whole 8 x 8 tiles written fresh.
        for (depth, rows, columns, accumulate) in [(40, 33, 70, true), (24, 32, 40, false)] {
            var scalars = [Float](repeating: 0, count: depth * columns)
            for step in 0..<depth { scalars[step * columns + stream.nextIndex(below: columns)] = 1 }
            let sparse = Tensor(shape: [depth, columns], scalars: scalars)
            let gradient = Tensor.normal(shape: [depth, rows], stream: &stream)
            var output = Tensor(repeating: 1, shape: [rows, columns + 5])
            Tensor.multiply(
                ProductOperand(gradient, transposed: true), ProductOperand(sparse), into: &output, columnOffset: 5,
                accumulate: accumulate)
            let slow = naiveProduct(gradient, sparse, transposeLeft: true, transposeRight: false)
            let base: Double = accumulate ? 1 : 0
            for row in 0..<rows {
                #expect(output[row, 0] == 1 && output[row, 4] == 1)
                for column in 0..<columns {
                    #expect(abs(Double(output[row, column + 5]) - base - slow[row * columns + column]) < 1e-5)
                }
            }
        }
    }

    @Test("a parameter's packed panels follow its value")
    func packedPanelsFollowTheValue() {
        var stream = Seed(23).stream()
        let input = Tensor.normal(shape: [12, 20], stream: &stream)
        let weight = Variable(Tensor.normal(shape: [16, 20], stream: &stream), requiresGradient: true)
        let before = Variable.packedProduct(input, transposeLeft: false, weight, transposeRight: true)
        weight.value = weight.value * 2
        let after = Variable.packedProduct(input, transposeLeft: false, weight, transposeRight: true)
        #expect(zip(after.scalars, before.scalars).allSatisfy { abs($0 - 2 * $1) <= 1e-5 * (1 + abs($1)) })
    }

    @Test("the affine map of column parts equals linear(cat(parts)); its gradients match finite differences")
    func linearOfParts() {
        let first = gradientCheckInput([4, 3], seed: 31)
        let second = gradientCheckInput([4, 5], seed: 32)
        let weight = gradientCheckInput([6, 8], seed: 33)
        let bias = gradientCheckInput([6], seed: 34)
        let fused = Variable.linear([Variable(first), Variable(second)], weight: Variable(weight), bias: Variable(bias)).value
        let reference = Tensor.matrixProduct(Tensor.concatenate([first, second], alongAxis: 1), weight, transposeRight: true) + bias
        #expect(zip(fused.scalars, reference.scalars).allSatisfy { abs($0 - $1) <= 1e-5 })
        checkGradients("linear of parts", at: [first, second, weight, bias]) {
            Variable.linear([$0[0], $0[1]], weight: $0[2], bias: $0[3]).tanh()
        }
        checkGradients("linear of one part without bias", at: [first, gradientCheckInput([2, 3], seed: 35)]) {
            Variable.linear([$0[0]], weight: $0[1], bias: nil).tanh()
        }
        // A weight shared by two layers collects both contributions (the second is accumulated
        // by the product into the first).
        checkGradients("shared weight", at: [first, gradientCheckInput([5, 3], seed: 36), gradientCheckInput([2, 3], seed: 37)]) {
            Variable.linear([$0[0]], weight: $0[2], bias: nil).tanh().sum(alongAxis: 0)
                + Variable.linear([$0[1]], weight: $0[2], bias: nil).squared().sum(alongAxis: 0)
        }
        // A constant part gets no gradient and costs none.
        let weightVariable = Variable(weight, requiresGradient: true)
        let output = Variable.linear([Variable(first), Variable(second, requiresGradient: true)], weight: weightVariable, bias: nil)
        let gradients = Variable.gradients(of: output.sum(), withRespectTo: [weightVariable])
        #expect(gradients[0].shape == [6, 8])
    }

    @Test("segment activation equals sliced tanh and tempered softmax; gradients match finite differences")
    func segmentActivation() {
        let logits = gradientCheckInput([3, 6], seed: 41)
        let noise = gradientCheckInput([3, 6], seed: 42)
        let segments = [
            ColumnSegment(start: 0, width: 1, activation: .tanh), ColumnSegment(start: 1, width: 3, activation: .softmax),
            ColumnSegment(start: 4, width: 2, activation: .softmax),
        ]
        let fused = Variable(logits).segmentActivated(segments, noise: noise, temperature: 0.5).value
        let reference = Tensor.concatenate(
            [
                logits.columns(0..<1).tanh(), ((logits.columns(1..<4) + noise.columns(1..<4)) * 2).softmax(alongAxis: 1),
                ((logits.columns(4..<6) + noise.columns(4..<6)) * 2).softmax(alongAxis: 1),
            ], alongAxis: 1)
        #expect(zip(fused.scalars, reference.scalars).allSatisfy { abs($0 - $1) <= 1e-6 })
        checkGradients("segment activation", at: [logits]) { $0[0].segmentActivated(segments, noise: noise, temperature: 0.5) }
        let logSegments = [
            ColumnSegment(start: 0, width: 2, activation: .identity), ColumnSegment(start: 2, width: 4, activation: .logSoftmax),
        ]
        let logFused = Variable(logits).segmentActivated(logSegments).value
        let logReference = Tensor.concatenate([logits.columns(0..<2), logits.columns(2..<6).logSoftmax(alongAxis: 1)], alongAxis: 1)
        #expect(zip(logFused.scalars, logReference.scalars).allSatisfy { abs($0 - $1) <= 1e-6 })
        checkGradients("log-softmax segments", at: [logits]) { $0[0].segmentActivated(logSegments).tanh() }
    }
}
