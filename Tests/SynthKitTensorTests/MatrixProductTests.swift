import Foundation
import SynthKitCore
import Testing

@testable import SynthKitTensor

/// The slow twin: the textbook triple loop in Double, used to check the packed SIMD kernel.
func naiveProduct(_ left: Tensor, _ right: Tensor, transposeLeft: Bool, transposeRight: Bool) -> [Double] {
    let rows = transposeLeft ? left.shape[1] : left.shape[0]
    let depth = transposeLeft ? left.shape[0] : left.shape[1]
    let columns = transposeRight ? right.shape[0] : right.shape[1]
    var result = [Double](repeating: 0, count: rows * columns)
    for row in 0..<rows {
        for column in 0..<columns {
            var sum = 0.0
            for step in 0..<depth {
                let a = transposeLeft ? left[step, row] : left[row, step]
                let b = transposeRight ? right[column, step] : right[step, column]
                sum += Double(a) * Double(b)
            }
            result[row * columns + column] = sum
        }
    }
    return result
}

@Suite("Matrix product")
struct MatrixProductTests {
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 5, 7), (7, 9, 11), (13, 37, 20), (25, 33, 530), (40, 70, 9), (2, 300, 40), (50, 3, 64),
    ]

    @Test("packed kernel matches the naive twin for every transpose combination", arguments: shapes)
    func matchesNaive(shape: (Int, Int, Int)) {
        let (rows, columns, depth) = shape
        var stream = Seed(11).stream()
        for (transposeLeft, transposeRight) in [(false, false), (true, false), (false, true), (true, true)] {
            let left = Tensor.normal(shape: transposeLeft ? [depth, rows] : [rows, depth], stream: &stream)
            let right = Tensor.normal(shape: transposeRight ? [columns, depth] : [depth, columns], stream: &stream)
            let fast = Tensor.matrixProduct(left, right, transposeLeft: transposeLeft, transposeRight: transposeRight)
            let slow = naiveProduct(left, right, transposeLeft: transposeLeft, transposeRight: transposeRight)
            #expect(fast.shape == [rows, columns])
            let worst = zip(fast.scalars, slow).map { abs(Double($0) - $1) / (1 + abs($1)) }.max() ?? 0
            #expect(worst < 1e-4 * Double(max(1, depth / 64)), "shape \(shape) transposes \(transposeLeft) \(transposeRight): \(worst)")
        }
    }

    @Test("results are bit-identical for one and two threads")
    func threadCountIndependent() {
        var stream = Seed(5).stream()
        let left = Tensor.normal(shape: [61, 40], stream: &stream)
        let right = Tensor.normal(shape: [40, 35], stream: &stream)
        let one = Tensor.matrixProduct(left, right, threads: 1)
        let two = Tensor.matrixProduct(left, right, threads: 2)
        #expect(one.scalars == two.scalars)
    }

    @Test("empty depth gives zeros")
    func emptyDepth() {
        let product = Tensor.matrixProduct(Tensor(zeros: [3, 0]), Tensor(zeros: [0, 4]))
        #expect(product == Tensor(zeros: [3, 4]))
    }
}
