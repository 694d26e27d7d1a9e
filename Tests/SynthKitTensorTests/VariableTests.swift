import SynthKitCore
import Testing

@testable import SynthKitTensor

@Suite("Variable gradients")
struct VariableTests {
    let matrix = GradientCheck.input([3, 4], seed: 1)
    let other = GradientCheck.input([3, 4], seed: 2)
    let row = GradientCheck.input([4], seed: 3)
    let column = GradientCheck.input([3, 1], seed: 4)

    @Test("arithmetic with broadcasting")
    func arithmetic() {
        GradientCheck.check("add", [matrix, row]) { $0[0] + $0[1] }
        GradientCheck.check("subtract", [column, matrix]) { $0[0] - $0[1] }
        GradientCheck.check("multiply", [matrix, other]) { $0[0] * $0[1] }
        GradientCheck.check("multiply broadcast", [matrix, column]) { $0[0] * $0[1] }
        GradientCheck.check("divide", [matrix, row]) { $0[0] / $0[1] }
        GradientCheck.check("affine", [matrix]) { $0[0].affine(scale: -1.5, shift: 2) }
        GradientCheck.check("constant product", [matrix]) { $0[0] * other + row }
        GradientCheck.check("broadcast", [row]) { $0[0].broadcast(toShape: [3, 4]) * $0[0] }
        GradientCheck.check("summed to shape", [matrix]) { $0[0].summed(toShape: [4]) * $0[0].summed(toShape: [4]) }
        GradientCheck.check("reshaped", [matrix]) { $0[0].reshaped([4, 3]) * $0[0].reshaped([4, 3]) }
    }

    @Test("element-wise functions")
    func functions() {
        let positive = GradientCheck.input([3, 4], seed: 5, positive: true)
        GradientCheck.check("exp", [matrix]) { $0[0].exp() }
        GradientCheck.check("log", [positive]) { $0[0].log() }
        GradientCheck.check("tanh", [matrix]) { $0[0].tanh() }
        GradientCheck.check("sigmoid", [matrix]) { $0[0].sigmoid() }
        GradientCheck.check("softplus", [matrix]) { $0[0].softplus() }
        GradientCheck.check("relu", [matrix]) { $0[0].relu() * $0[0] }
        GradientCheck.check("leaky relu", [matrix]) { $0[0].leakyRelu(negativeSlope: 0.2) * $0[0] }
        GradientCheck.check("abs", [matrix]) { $0[0].abs() * $0[0] }
        GradientCheck.check("square root", [positive]) { $0[0].squareRoot() }
        GradientCheck.check("power", [positive]) { $0[0].power(1.5) }
        GradientCheck.check("squared", [matrix]) { $0[0].squared() }
    }

    @Test("reductions")
    func reductions() {
        GradientCheck.check("sum", [matrix]) { ($0[0] * $0[0]).sum() }
        GradientCheck.check("sum axis 0", [matrix]) { $0[0].sum(alongAxis: 0).squared() }
        GradientCheck.check("mean axis 1", [matrix]) { $0[0].mean(alongAxis: 1).squared() }
        GradientCheck.check("mean", [matrix]) { $0[0].exp().mean() }
        GradientCheck.check("max", [matrix]) { $0[0].max(alongAxis: 1).squared() }
        GradientCheck.check("log-sum-exp", [matrix]) { $0[0].logSumExp(alongAxis: 1) }
        GradientCheck.check("log-softmax", [matrix]) { $0[0].logSoftmax(alongAxis: 1) }
        GradientCheck.check("softmax axis 0", [matrix]) { $0[0].softmax(alongAxis: 0) }
        GradientCheck.check("softmax axis 1", [matrix]) { $0[0].softmax(alongAxis: 1) }
        GradientCheck.check("log-sum-exp axis 0", [matrix]) { $0[0].logSumExp(alongAxis: 0) }
        GradientCheck.check("log-softmax axis 0", [matrix]) { $0[0].logSoftmax(alongAxis: 0) }
    }

    @Test("fused batch normalisation, first and second order")
    func batchNormalization() {
        let weight = GradientCheck.input([4], seed: 11)
        let bias = GradientCheck.input([4], seed: 12)
        GradientCheck.check("batch norm", [matrix, weight, bias], tolerance: 3e-2) {
            Variable.batchNormalized($0[0], weight: $0[1], bias: $0[2], epsilon: 1e-5).output.tanh()
        }
        let fused = Variable.batchNormalized(Variable(matrix), weight: Variable(weight), bias: Variable(bias), epsilon: 1e-5).output
        let composite = Variable.compositeBatchNormalized(Variable(matrix), weight: Variable(weight), bias: Variable(bias), epsilon: 1e-5)
        #expect(zip(fused.value.scalars, composite.value.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test("matrix products in every transpose combination")
    func matrixProducts() {
        let left = GradientCheck.input([3, 4], seed: 6)
        let right = GradientCheck.input([4, 2], seed: 7)
        GradientCheck.check("A B", [left, right]) { Variable.matrixProduct($0[0], $0[1]).tanh() }
        GradientCheck.check("Aᵀ B", [left.transposed(), right]) {
            Variable.matrixProduct($0[0], $0[1], transposeLeft: true).tanh()
        }
        GradientCheck.check("A Bᵀ", [left, right.transposed()]) {
            Variable.matrixProduct($0[0], $0[1], transposeRight: true).tanh()
        }
        GradientCheck.check("Aᵀ Bᵀ", [left.transposed(), right.transposed()]) {
            Variable.matrixProduct($0[0], $0[1], transposeLeft: true, transposeRight: true).tanh()
        }
    }

    @Test("slicing, concatenation, gather and scatter")
    func shapes() {
        GradientCheck.check("columns", [matrix]) { $0[0].columns(1..<3).squared() }
        GradientCheck.check("padded columns", [column]) { $0[0].paddedColumns(offset: 1, columnCount: 3).squared() }
        GradientCheck.check("concatenate columns", [matrix, column]) {
            Variable.concatenate([$0[0], $0[1]], alongAxis: 1).squared()
        }
        GradientCheck.check("concatenate rows", [matrix, other]) {
            Variable.concatenate([$0[0], $0[1]], alongAxis: 0).squared()
        }
        GradientCheck.check("gather", [matrix]) { $0[0].gatheringRows([2, 0, 2]).squared() }
        GradientCheck.check("scatter", [matrix]) { $0[0].scatteringRows([1, 1, 0], rowCount: 2).squared() }
    }

    @Test("gradient of a gradient norm (WGAN-GP penalty) matches finite differences")
    func gradientPenalty() {
        // D(x) = tanh(x W1) w2; penalty P(W1) = (‖∂D/∂x‖ − 1)² averaged over rows.
        let points = GradientCheck.input([5, 3], seed: 8)
        let secondWeights = GradientCheck.input([4, 1], seed: 9)
        func penalty(_ firstWeights: Variable, createGraph: Bool) -> Variable {
            let x = Variable(points, requiresGradient: true)
            let critic = Variable.matrixProduct(Variable.matrixProduct(x, firstWeights).tanh(), Variable(secondWeights))
            let gradient = Variable.gradients(of: critic.sum(), withRespectTo: [x], createGraph: createGraph)[0]
            let norms = ((gradient * gradient).sum(alongAxis: 1) + 1e-12).squareRoot()
            return (norms - 1).squared().mean()
        }
        let weights = GradientCheck.input([3, 4], seed: 10)
        let parameter = Variable(weights, requiresGradient: true)
        penalty(parameter, createGraph: true).backward()
        let analytic = parameter.gradient ?? Tensor(zeros: [3, 4])
        let numeric = GradientCheck.numericGradients([weights]) { penalty(Variable($0[0]), createGraph: false).value.scalar }
        GradientCheck.expectClose([analytic], numeric, tolerance: 2e-2, "gradient penalty", sourceLocation: #_sourceLocation)
        #expect(analytic.abs().sum().scalar > 1e-3)
    }

    @Test("gradients accumulate for reused nodes and across backward calls")
    func accumulation() {
        let x = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGradient: true)
        let y = x * x + x
        y.sum().backward()
        #expect(x.gradient?.scalars == [3, 5])
        y.sum().backward()
        #expect(x.gradient?.scalars == [6, 10])
        x.clearGradient()
        #expect(x.gradient == nil)
    }

    @Test("no graph is recorded for constants or when recording is disabled")
    func noRecording() {
        let parameter = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGradient: true)
        let constant = Variable(Tensor(shape: [2], scalars: [3, 4]))
        #expect((constant * constant).isLeaf)
        #expect(!(parameter * constant).isLeaf)
        let sampled = withGradientRecordingDisabled { parameter * constant }
        #expect(sampled.isLeaf && !sampled.requiresGradient)
        #expect(sampled.value.scalars == [3, 8])
    }

    @Test("long chains back-propagate without recursion")
    func longChain() {
        let x = Variable(Tensor(1), requiresGradient: true)
        var y = x
        for _ in 0..<5000 { y = y * 1.0001 }
        y.backward()
        #expect(abs((x.gradient?.scalar ?? 0) - 1.649) < 0.01)
    }
}
