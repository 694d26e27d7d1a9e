import SynthKitTensor
import Testing

@testable import SynthKitNN

@Suite("BatchNorm1d")
struct BatchNorm1dTests {
    @Test("training forward, backward, running statistics and evaluation match PyTorch")
    func matchesPyTorch() throws {
        let fixture = try PyTorchFixture.load().section("batchNorm")
        let layer = BatchNorm1d(features: 4)
        layer.weight.value = try fixture.tensor("weight")
        layer.bias.value = try fixture.tensor("bias")
        let input = Variable(try fixture.tensor("input"), requiresGradient: true)
        let output = layer(input)
        expectClose(output.value, try fixture.tensor("output"), tolerance: 1e-4, "output")
        (output * (try fixture.tensor("projection"))).sum().backward()
        expectClose(try #require(input.gradient), try fixture.tensor("inputGradient"), tolerance: 1e-4, "input gradient")
        expectClose(try #require(layer.weight.gradient), try fixture.tensor("weightGradient"), tolerance: 1e-4, "weight gradient")
        expectClose(try #require(layer.bias.gradient), try fixture.tensor("biasGradient"), tolerance: 1e-4, "bias gradient")
        expectClose(layer.runningMean.value, try fixture.tensor("runningMean"), "running mean")
        expectClose(layer.runningVariance.value, try fixture.tensor("runningVariance"), "running variance")
        layer.setTraining(false)
        #expect(!layer.isTraining)
        let evaluated = layer(Variable(try fixture.tensor("evaluationInput")))
        expectClose(evaluated.value, try fixture.tensor("evaluationOutput"), tolerance: 1e-4, "evaluation output")
    }

    @Test("running statistics are buffers, not parameters")
    func buffers() {
        let layer = BatchNorm1d(features: 3)
        #expect(layer.namedParameters().map(\.path) == ["weight", "bias"])
        #expect(layer.namedVariables().map(\.path) == ["weight", "bias", "runningMean", "runningVariance"])
    }
}
