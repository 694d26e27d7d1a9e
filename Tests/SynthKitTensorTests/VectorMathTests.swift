import Foundation
import SynthKitCore
import Testing

@testable import SynthKitTensor

/// The accuracy the vectorised exp, log, tanh and square root promise, against Double references.
@Suite("Vector math")
struct VectorMathTests {
    /// `count` values spread evenly over `range`, then the function applied a vector at a time.
    static func evaluate(
        _ range: ClosedRange<Double>, count: Int = 20_000, _ function: (FloatVector) -> FloatVector
    ) -> [(input: Float, output: Float)] {
        let lanes = FloatVector.scalarCount
        var result: [(Float, Float)] = []
        var start = 0
        while start < count {
            var input = FloatVector()
            for lane in 0..<lanes {
                input[lane] = Float(range.lowerBound + (range.upperBound - range.lowerBound) * Double(start + lane) / Double(count))
            }
            let output = function(input)
            for lane in 0..<lanes { result.append((input[lane], output[lane])) }
            start += lanes
        }
        return result
    }

    @Test("exp has relative error below 2e-7 on [-87, 88]")
    func exponential() {
        let worst = Self.evaluate(-87...88) { VectorMath.exp($0) }
            .map { abs(Double($0.output) - Foundation.exp(Double($0.input))) / Foundation.exp(Double($0.input)) }.max() ?? 1
        #expect(worst < 2e-7, "worst relative error \(worst)")
    }

    @Test("log has relative error below 2e-7 on positive normals")
    func logarithm() {
        let samples = Self.evaluate(-30...30) { VectorMath.log(VectorMath.exp($0)) }
        let inputs = Self.evaluate(-30...30) { VectorMath.exp($0) }
        var worst = 0.0
        for (exponential, logarithm) in zip(inputs, samples) where abs(Foundation.log(Double(exponential.output))) > 1e-3 {
            let exact = Foundation.log(Double(exponential.output))
            worst = max(worst, abs(Double(logarithm.output) - exact) / abs(exact))
        }
        #expect(worst < 2e-7, "worst relative error \(worst)")
        let tiny = VectorMath.log(FloatVector(repeating: Float.leastNormalMagnitude))
        #expect(abs(Double(tiny[0]) - Foundation.log(Double(Float.leastNormalMagnitude))) < 1e-4)
    }

    @Test("tanh has absolute error below 2e-7")
    func hyperbolicTangent() {
        let worst = Self.evaluate(-12...12) { VectorMath.tanh($0) }
            .map { abs(Double($0.output) - Foundation.tanh(Double($0.input))) }.max() ?? 1
        #expect(worst < 2e-7, "worst absolute error \(worst)")
    }

    @Test("square root is the correctly rounded IEEE result in every lane")
    func squareRoot() {
        var stream = Seed(3).stream()
        let special: [Float] = [0, Float.leastNonzeroMagnitude, Float.leastNormalMagnitude, 1, 2, 1e-30, 3.4e38, .infinity]
        var values = special
        for _ in 0..<4_000 { values.append(Float(bitPattern: UInt32(stream.nextIndex(below: 0x7F80_0000)))) }
        let lanes = FloatVector.scalarCount
        while values.count % lanes != 0 { values.append(4) }
        var mismatches = 0
        for start in stride(from: 0, to: values.count, by: lanes) {
            var input = FloatVector()
            for lane in 0..<lanes { input[lane] = values[start + lane] }
            let output = VectorMath.squareRoot(input)
            for lane in 0..<lanes where output[lane] != input[lane].squareRoot() { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(VectorMath.squareRoot(FloatVector(repeating: -1))[0].isNaN)
    }
}
