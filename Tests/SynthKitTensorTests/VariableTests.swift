import SynthKitCore
import SynthKitTestSupport
import Testing

@testable import SynthKitTensor

@Suite("Variable gradients")
struct VariableTests {
    let matrix = gradientCheckInput([3, 4], seed: 1)
    let other = gradientCheckInput([3, 4], seed: 2)
    let row = gradientCheckInput([4], seed: 3)
    let column = gradientCheckInput([3, 1], seed: 4)

    @Test("arithmetic with broadcasting")
    func arithmetic() {
        checkGradients("add", at: [matrix, row]) { $0[0] + $0[1] }
        checkGradients("subtract", at: [column, matrix]) { $0[0] - $0[1] }
        checkGradients("multiply", at: [matrix, other]) { $0[0] * $0[1] }
        checkGradients("multiply broadcast", at: [matrix, column]) { $0[0] * $0[1] }
        checkGradients("divide", at: [matrix, row]) { $0[0] / $0[1] }
        checkGradients("affine", at: [matrix]) { $0[0].affine(scale: -1.5, shift: 2) }
        checkGradients("constant product", at: [matrix]) { $0[0] * other + row }
        checkGradients("broadcast", at: [row]) { $0[0].broadcast(toShape: [3, 4]) * $0[0] }
        checkGradients("summed to shape", at: [matrix]) { $0[0].summed(toShape: [4]) * $0[0].summed(toShape: [4]) }
        checkGradients("reshaped", at: [matrix]) { $0[0].reshaped([4, 3]) * $0[0].reshaped([4, 3]) }
    }

    @Test("element-wise functions")
    func functions() {
        let positive = gradientCheckInput([3, 4], seed: 5, positive: true)
        checkGradients("exp", at: [matrix]) { $0[0].exp() }
        checkGradients("log", at: [positive]) { $0[0].log() }
        checkGradients("tanh", at: [matrix]) { $0[0].tanh() }
        checkGradients("sigmoid", at: [matrix]) { $0[0].sigmoid() }
        checkGradients("softplus", at: [matrix]) { $0[0].softplus() }
        checkGradients("relu", at: [matrix]) { $0[0].relu() * $0[0] }
        checkGradients("leaky relu", at: [matrix]) { $0[0].leakyRelu(negativeSlope: 0.2) * $0[0] }
        checkGradients("abs", at: [matrix]) { $0[0].abs() * $0[0] }
        checkGradients("square root", at: [positive]) { $0[0].squareRoot() }
        checkGradients("power", at: [positive]) { $0[0].power(1.5) }
        checkGradients("squared", at: [matrix]) { $0[0].squared() }
    }

    @Test("reductions")
    func reductions() {
        checkGradients("sum", at: [matrix]) { ($0[0] * $0[0]).sum() }
        checkGradients("sum axis 0", at: [matrix]) { $0[0].sum(alongAxis: 0).squared() }
        checkGradients("mean axis 1", at: [matrix]) { $0[0].mean(alongAxis: 1).squared() }
        checkGradients("mean", at: [matrix]) { $0[0].exp().mean() }
        checkGradients("max", at: [matrix]) { $0[0].max(alongAxis: 1).squared() }
        checkGradients("log-sum-exp", at: [matrix]) { $0[0].logSumExp(alongAxis: 1) }
        checkGradients("log-softmax", at: [matrix]) { $0[0].logSoftmax(alongAxis: 1) }
        checkGradients("softmax axis 0", at: [matrix]) { $0[0].softmax(alongAxis: 0) }
        checkGradients("softmax axis 1", at: [matrix]) { $0[0].softmax(alongAxis: 1) }
        checkGradients("log-sum-exp axis 0", at: [matrix]) { $0[0].logSumExp(alongAxis: 0) }
        checkGradients("log-softmax axis 0", at: [matrix]) { $0[0].logSoftmax(alongAxis: 0) }
    }

    @Test("fused batch normalisation, first and second order")
    func batchNormalization() {
        let weight = gradientCheckInput([4], seed: 11)
        let bias = gradientCheckInput([4], seed: 12)
        checkGradients("batch norm", at: [matrix, weight, bias], tolerance: 3e-2) {
            Variable.batchNormalized($0[0], weight: $0[1], bias: $0[2], epsilon: 1e-5).output.tanh()
        }
        let fused = Variable.batchNormalized(Variable(matrix), weight: Variable(weight), bias: Variable(bias), epsilon: 1e-5).output
        let composite = Variable.compositeBatchNormalized(Variable(matrix), weight: Variable(weight), bias: Variable(bias), epsilon: 1e-5)
        #expect(zip(fused.value.scalars, composite.value.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test("matrix products in every transpose combination")
    func matrixProducts() {
        let left = gradientCheckInput([3, 4], seed: 6)
        let right = gradientCheckInput([4, 2], seed: 7)
        checkGradients("A B", at: [left, right]) { Variable.matrixProduct($0[0], $0[1]).tanh() }
        checkGradients("Aᵀ B", at: [left.transposed(), right]) {
            Variable.matrixProduct($0[0], $0[1], transposeLeft: true).tanh()
        }
        checkGradients("A Bᵀ", at: [left, right.transposed()]) {
            Variable.matrixProduct($0[0], $0[1], transposeRight: true).tanh()
        }
        checkGradients("Aᵀ Bᵀ", at: [left.transposed(), right.transposed()]) {
            Variable.matrixProduct($0[0], $0[1], transposeLeft: true, transposeRight: true).tanh()
        }
    }

    @Test("slicing, concatenation, gather and scatter")
    func shapes() {
        checkGradients("columns", at: [matrix]) { $0[0].columns(1..<3).squared() }
        checkGradients("padded columns", at: [column]) { $0[0].paddedColumns(offset: 1, columnCount: 3).squared() }
        checkGradients("concatenate columns", at: [matrix, column]) {
            Variable.concatenate([$0[0], $0[1]], alongAxis: 1).squared()
        }
        checkGradients("concatenate rows", at: [matrix, other]) {
            Variable.concatenate([$0[0], $0[1]], alongAxis: 0).squared()
        }
        checkGradients("gather", at: [matrix]) { $0[0].gatheringRows([2, 0, 2]).squared() }
        checkGradients("scatter", at: [matrix]) { $0[0].scatteringRows([1, 1, 0], rowCount: 2).squared() }
    }

    @Test("gradient of a gradient norm (WGAN-GP penalty) matches finite differences")
    func gradientPenalty() {
        // D(x) = tanh(x W1) w2; penalty P(W1) = (‖∂D/∂x‖ − 1)² averaged over rows.
        let points = gradientCheckInput([5, 3], seed: 8)
        let secondWeights = gradientCheckInput([4, 1], seed: 9)
        func penalty(_ firstWeights: Variable, createGraph: Bool) -> Variable {
            let x = Variable(points, requiresGradient: true)
            let critic = Variable.matrixProduct(Variable.matrixProduct(x, firstWeights).tanh(), Variable(secondWeights))
            let gradient = Variable.gradients(of: critic.sum(), withRespectTo: [x], createGraph: createGraph)[0]
            let norms = ((gradient * gradient).sum(alongAxis: 1) + 1e-12).squareRoot()
            return (norms - 1).squared().mean()
        }
        let weights = gradientCheckInput([3, 4], seed: 10)
        let parameter = Variable(weights, requiresGradient: true)
        penalty(parameter, createGraph: true).backward()
        let analytic = parameter.gradient ?? Tensor(zeros: [3, 4])
        let numeric = numericGradients(at: [weights]) { penalty(Variable($0[0]), createGraph: false).value.scalar }
        expectGradientsClose([analytic], numeric, tolerance: 2e-2, "gradient penalty", sourceLocation: #_sourceLocation)
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
