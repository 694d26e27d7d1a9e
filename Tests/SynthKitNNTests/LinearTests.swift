import SynthKitCore
import SynthKitTensor
import Testing

@testable import SynthKitNN

@Suite("Linear")
struct LinearTests {
    @Test("forward and backward match PyTorch")
    func matchesPyTorch() throws {
        let fixture = try PyTorchFixture.load().section("linear")
        let layer = Linear(weight: try fixture.tensor("weight"), bias: try fixture.tensor("bias"))
        let input = Variable(try fixture.tensor("input"), requiresGradient: true)
        let output = layer(input)
        expectClose(output.value, try fixture.tensor("output"), "output")
        (output * (try fixture.tensor("projection"))).sum().backward()
        expectClose(try #require(input.gradient), try fixture.tensor("inputGradient"), "input gradient")
        expectClose(try #require(layer.weight.gradient), try fixture.tensor("weightGradient"), "weight gradient")
        expectClose(try #require(layer.bias?.gradient), try fixture.tensor("biasGradient"), "bias gradient")
    }

    @Test("initialisation is U(-1/sqrt(in), 1/sqrt(in)) and reproducible")
    func initialisation() {
        let first = Linear(inputFeatures: 16, outputFeatures: 8, seed: Seed(3))
        let second = Linear(inputFeatures: 16, outputFeatures: 8, seed: Seed(3))
        #expect(first.weight.value == second.weight.value)
        #expect(first.weight.value.abs().max(alongAxis: 1).scalars.allSatisfy { $0 <= 0.25 })
        #expect(first.namedParameters().map(\.path) == ["weight", "bias"])
        #expect(first.parameterCount == 16 * 8 + 8)
    }

    @Test("per-example gradient norms equal the norms of per-example gradients")
    func perExampleNorms() {
        let layer = Linear(inputFeatures: 3, outputFeatures: 2, seed: Seed(4))
        layer.capturesActivations = true
        var stream = Seed(5).stream()
        let inputs = Tensor.normal(shape: [4, 3], stream: &stream)
        let loss = layer(Variable(inputs)).tanh().sum()
        let outputGradient = Variable.gradients(of: loss, withRespectTo: [layer.lastOutput ?? Variable(Tensor(0))])[0].value
        let norms = layer.perExampleSquaredGradientNorms(outputGradient: outputGradient)
        for row in 0..<4 {
            layer.clearGradients()
            layer(Variable(inputs.gatheringRows([row]))).tanh().sum().backward()
            let expected = [layer.weight, layer.bias].compactMap { $0?.gradient }.reduce(Float(0)) { $0 + ($1 * $1).sum().scalar }
            #expect(abs(norms.scalars[row] - expected) < 1e-4 * max(1, expected))
        }
    }
}
