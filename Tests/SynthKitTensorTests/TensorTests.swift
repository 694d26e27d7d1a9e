import Foundation
import SynthKitCore
import Testing

@testable import SynthKitTensor

@Suite("Tensor")
struct TensorTests {
    @Test("broadcasting matches an explicit loop")
    func broadcasting() {
        let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        let row = Tensor(shape: [3], scalars: [10, 20, 30])
        let column = Tensor(shape: [2, 1], scalars: [100, 200])
        #expect((matrix + row).scalars == [11, 22, 33, 14, 25, 36])
        #expect((matrix - column).scalars == [-99, -98, -97, -196, -195, -194])
        #expect((column * row).shape == [2, 3])
        #expect((column * row).scalars == [1000, 2000, 3000, 2000, 4000, 6000])
        #expect((row / matrix).scalars[3] == Float(10) / 4)
        #expect((matrix * Tensor(2)).scalars == [2, 4, 6, 8, 10, 12])
        #expect(Tensor.broadcastShape([2, 3], [4]) == nil)
    }

    @Test("element-wise functions match the C library", arguments: 0..<6)
    func elementwise(function: Int) {
        var stream = Seed(UInt64(function)).stream()
        let input = Tensor.uniform(shape: [37], lowerBound: -9, upperBound: 9, stream: &stream)
        let positive = input.abs() + 0.001
        let (fast, slow): (Tensor, [Double]) = switch function {
        case 0: (input.exp(), input.scalars.map { Foundation.exp(Double($0)) })
        case 1: (positive.log(), positive.scalars.map { Foundation.log(Double($0)) })
        case 2: (input.tanh(), input.scalars.map { Foundation.tanh(Double($0)) })
        case 3: (input.sigmoid(), input.scalars.map { 1 / (1 + Foundation.exp(-Double($0))) })
        case 4: (input.softplus(), input.scalars.map { Foundation.log1p(Foundation.exp(Double($0))) })
        default: (positive.power(1.7), positive.scalars.map { Foundation.pow(Double($0), 1.7) })
        }
        for (value, reference) in zip(fast.scalars, slow) {
            #expect(abs(Double(value) - reference) <= 4e-7 * max(1, abs(reference)), "function \(function)")
        }
    }

    @Test("log handles zero, negatives and infinity")
    func logSpecialValues() {
        let values = Tensor(shape: [3], scalars: [0, -1, .infinity]).log().scalars
        #expect(values[0] == -.infinity)
        #expect(values[1].isNaN)
        #expect(values[2] == .infinity)
    }

    @Test("simple functions", arguments: [Float(-2), -0.5, 0, 0.5, 3])
    func simple(value: Float) {
        let x = Tensor(shape: [1], scalars: [value])
        #expect(x.relu().scalar == max(value, 0))
        #expect(x.leakyRelu(negativeSlope: 0.2).scalar == (value > 0 ? value : 0.2 * value))
        #expect(x.abs().scalar == abs(value))
        #expect(x.power(2).scalar == value * value)
        #expect(x.abs().squareRoot().scalar == abs(value).squareRoot())
    }

    @Test("reductions along each axis")
    func reductions() {
        let tensor = Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Float.init))
        #expect(tensor.sum().scalar == 66)
        #expect(tensor.sum(alongAxis: 0).scalars == [6, 8, 10, 12, 14, 16])
        #expect(tensor.sum(alongAxis: 1).scalars == [6, 9, 24, 27])
        #expect(tensor.sum(alongAxis: 2).scalars == [1, 5, 9, 13, 17, 21])
        #expect(tensor.max(alongAxis: 1).scalars == [4, 5, 10, 11])
        #expect(tensor.mean(alongAxis: 2).shape == [2, 3, 1])
        let matrix = Tensor(rows: [[1, 2, 3], [1000, 1000, 1000]])
        let logSumExp = matrix.logSumExp(alongAxis: 1).scalars
        #expect(abs(logSumExp[0] - Float(Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0)))) < 1e-5)
        #expect(abs(logSumExp[1] - (1000 + Float(Foundation.log(3.0)))) < 1e-3)
        #expect(matrix.softmax(alongAxis: 1).sum(alongAxis: 1).scalars.allSatisfy { abs($0 - 1) < 1e-6 })
    }

    @Test("summing to a shape is the adjoint of broadcasting")
    func summedToShape() {
        let tensor = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(tensor.summed(toShape: [3]).scalars == [5, 7, 9])
        #expect(tensor.summed(toShape: [2, 1]).scalars == [6, 15])
        #expect(tensor.summed(toShape: []).scalars == [21])
        #expect(Tensor(shape: [3], scalars: [1, 2, 3]).broadcast(toShape: [2, 3]).scalars == [1, 2, 3, 1, 2, 3])
    }

    @Test("columns, concatenation, gather and scatter")
    func shapeOperations() {
        let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix.columns(1..<3).scalars == [2, 3, 5, 6])
        #expect(matrix.columns(1..<3).paddedColumns(offset: 1, columnCount: 3).scalars == [0, 2, 3, 0, 5, 6])
        let joined = Tensor.concatenate([matrix.columns(0..<1), matrix.columns(1..<3)], alongAxis: 1)
        #expect(joined == matrix)
        #expect(Tensor.concatenate([matrix, matrix], alongAxis: 0).shape == [4, 3])
        #expect(matrix.gatheringRows([1, 1, 0]).scalars == [4, 5, 6, 4, 5, 6, 1, 2, 3])
        #expect(matrix.scatteringRows([1, 1], rowCount: 3).scalars == [0, 0, 0, 5, 7, 9, 0, 0, 0])
        #expect(matrix.transposed().scalars == [1, 4, 2, 5, 3, 6])
        #expect(matrix.argmaxPerRow() == [2, 2])
        #expect(Tensor.oneHot([2, 0], classCount: 3).scalars == [0, 0, 1, 1, 0, 0])
    }

    @Test("random fills are reproducible and have the right moments")
    func randomFills() {
        var first = Seed(42).stream()
        var second = Seed(42).stream()
        let normal = Tensor.normal(shape: [4000], stream: &first)
        #expect(normal == Tensor.normal(shape: [4000], stream: &second))
        #expect(abs(normal.mean().scalar) < 0.06)
        let gumbel = Tensor.gumbel(shape: [4000], stream: &first)
        #expect(abs(gumbel.mean().scalar - 0.5772) < 0.08)
        let mask = Tensor.bernoulliMask(shape: [4000], keepProbability: 0.8, stream: &first)
        #expect(Set(mask.scalars) == [0, 1.25])
        #expect(abs(mask.mean().scalar - 1) < 0.05)
    }

    @Test("codable round trip")
    func codable() throws {
        let tensor = Tensor(rows: [[1.5, -2], [3, 4]])
        let data = try JSONEncoder().encode(tensor)
        #expect(try JSONDecoder().decode(Tensor.self, from: data) == tensor)
    }
}

@Suite("Tensor decoding")
struct TensorDecodingTests {
    @Test("a scalar count that does not match the shape is a decoding error")
    func mismatchedCount() {
        let json = Data(#"{"shape":[2,2],"scalars":[1,2,3]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Tensor.self, from: json) }
    }
}
