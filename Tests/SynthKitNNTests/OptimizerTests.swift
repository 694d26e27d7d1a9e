import Foundation
import SynthKitCore
import SynthKitTensor
import Testing

@testable import SynthKitNN

@Suite("Optimizers")
struct OptimizerTests {
    @Test("Adam with weight decay follows PyTorch's trajectory")
    func adamMatchesPyTorch() throws {
        let fixture = try PyTorchFixture.load().section("adam")
        let parameter = Variable(try fixture.tensor("initial"), requiresGradient: true)
        var adam = Adam(
            parameters: [("p", parameter)], learningRate: try fixture.number("learningRate"), beta1: try fixture.number("beta1"),
            beta2: try fixture.number("beta2"), epsilon: try fixture.number("epsilon"), weightDecay: try fixture.number("weightDecay"))
        for (step, expected) in try fixture.tensors("trajectory").enumerated() {
            // loss = Σ p² ⊙ [1, 2] + sin p, so ∂loss/∂p = 2p ⊙ [1, 2] + cos p.
            let value = parameter.value
            let cosine = Tensor(shape: value.shape, scalars: value.scalars.map { Float(Foundation.cos(Double($0))) })
            parameter.gradient = value * Tensor(shape: [2], scalars: [2, 4]) + cosine
            adam.step()
            expectClose(parameter.value, expected, tolerance: 1e-5, "step \(step + 1)")
        }
        expectClose(try #require(adam.state.firstMoments["p"]), try fixture.tensor("firstMoment"), tolerance: 1e-5, "m")
        expectClose(try #require(adam.state.secondMoments["p"]), try fixture.tensor("secondMoment"), tolerance: 1e-5, "v")
        #expect(adam.state.step == 3)
    }

    @Test("Adam state round-trips and rejects mismatched shapes")
    func adamState() throws {
        let parameter = Variable(Tensor(zeros: [2, 2]), requiresGradient: true)
        var adam = Adam(parameters: [("layer.weight", parameter)], learningRate: 0.1)
        parameter.gradient = Tensor(repeating: 1, shape: [2, 2])
        adam.step()
        let data = try JSONEncoder().encode(adam.state)
        let decoded = try JSONDecoder().decode(AdamState.self, from: data)
        var restored = Adam(parameters: [("layer.weight", parameter)], learningRate: 0.1)
        try restored.loadState(decoded)
        #expect(restored.state == adam.state)
        let other = Variable(Tensor(zeros: [3]), requiresGradient: true)
        var mismatched = Adam(parameters: [("layer.weight", other)], learningRate: 0.1)
        #expect(throws: SynthKitError.self) { try mismatched.loadState(decoded) }
    }

    @Test("SGD with momentum matches the closed form")
    func sgdMomentum() {
        let parameter = Variable(Tensor(shape: [1], scalars: [1]), requiresGradient: true)
        var sgd = SGD(parameters: [("p", parameter)], learningRate: 0.1, momentum: 0.9)
        parameter.gradient = Tensor(shape: [1], scalars: [1])
        sgd.step()
        sgd.step()
        // b1 = 1, θ1 = 0.9; b2 = 0.9 + 1 = 1.9, θ2 = 0.9 - 0.19 = 0.71.
        #expect(abs(parameter.value.scalar - 0.71) < 1e-6)
        sgd.clearGradients()
        #expect(parameter.gradient == nil)
    }

    @Test("global-norm clipping scales all gradients together")
    func clipping() {
        let first = Variable(Tensor(zeros: [2]), requiresGradient: true)
        let second = Variable(Tensor(zeros: [1]), requiresGradient: true)
        first.gradient = Tensor(shape: [2], scalars: [3, 0])
        second.gradient = Tensor(shape: [1], scalars: [4])
        let norm = GradientClipping.clipGlobalNorm([first, second], maxNorm: 1)
        #expect(abs(norm - 5) < 1e-6)
        #expect(abs((first.gradient?.scalars[0] ?? 0) - 0.6) < 1e-5)
        #expect(abs((second.gradient?.scalars[0] ?? 0) - 0.8) < 1e-5)
        #expect(abs(GradientClipping.clipGlobalNorm([first, second], maxNorm: 10) - 1) < 1e-4)
        #expect(abs((first.gradient?.scalars[0] ?? 0) - 0.6) < 1e-5)
    }
}
