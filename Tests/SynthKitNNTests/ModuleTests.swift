import Foundation
import SynthKitCore
import SynthKitTensor
import Testing

@testable import SynthKitNN

/// A small two-level network used to check paths and state.
final class TinyNetwork: Module, Layer {
    let blocks: [ResidualBlock]
    let head: Sequential

    init(seed: Seed) {
        blocks = [ResidualBlock(inputFeatures: 3, outputFeatures: 4, seed: seed.derived("block", index: 0))]
        head = Sequential([
            Linear(inputFeatures: 7, outputFeatures: 5, seed: seed.derived("head")), LeakyReLU(negativeSlope: 0.2),
            Dropout(dropProbability: 0.5, seed: seed.derived("dropout")), Tanh(),
        ])
        super.init()
    }

    func callAsFunction(_ input: Variable) -> Variable {
        head(blocks[0](input))
    }
}

@Suite("Module")
struct ModuleTests {
    @Test("parameters are found under stable dotted paths")
    func paths() {
        let network = TinyNetwork(seed: Seed(1))
        #expect(network.namedParameters().map(\.path) == [
            "blocks.0.linear.weight", "blocks.0.linear.bias", "blocks.0.batchNorm.weight", "blocks.0.batchNorm.bias",
            "head.layers.0.weight", "head.layers.0.bias",
        ])
        #expect(network.namedVariables().count == 8)
        #expect(network.parameterCount == 12 + 4 + 4 + 4 + 35 + 5)
    }

    @Test("setTraining reaches every descendant; dropout is the identity in evaluation")
    func trainingMode() {
        let network = TinyNetwork(seed: Seed(2))
        network.setTraining(false)
        #expect(network.blocks[0].batchNorm.isTraining == false)
        #expect(network.head.layers[2].isTraining == false)
        let input = Variable(Tensor(rows: [[1, 2, 3], [0, 1, 0]]))
        #expect(network(input).value == network(input).value)
    }

    @Test("the same seed gives bit-identical outputs, including dropout masks")
    func determinism() {
        let input = Variable(Tensor(rows: [[1, 2, 3], [0, 1, 0], [2, 2, 1]]))
        let first = TinyNetwork(seed: Seed(3))
        let second = TinyNetwork(seed: Seed(3))
        for _ in 0..<3 { #expect(first(input).value == second(input).value) }
    }

    @Test("state round-trips through JSON")
    func stateRoundTrip() throws {
        let source = TinyNetwork(seed: Seed(4))
        _ = source(Variable(Tensor(rows: [[1, 2, 3], [0, 1, 0]])))
        let data = try JSONEncoder().encode(source.state())
        let target = TinyNetwork(seed: Seed(5))
        try target.loadState(try JSONDecoder().decode(ModuleState.self, from: data))
        #expect(target.state() == source.state())
    }

    @Test("loading reports every missing, unexpected and mis-shaped tensor at once")
    func stateErrors() {
        let network = TinyNetwork(seed: Seed(6))
        var state = network.state()
        state.tensors["blocks.0.linear.weight"] = nil
        state.tensors["head.layers.0.bias"] = Tensor(zeros: [4])
        state.tensors["extra"] = Tensor(0)
        let before = network.state()
        do {
            try network.loadState(state)
            Issue.record("loading a broken state should throw")
        } catch let error as SynthKitError {
            #expect(error.code == .corruptArchive)
            #expect(error.additionalProblems.count == 2)
            let text = error.description
            #expect(text.contains("blocks.0.linear.weight") && text.contains("head.layers.0.bias") && text.contains("extra"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(network.state() == before)
        var newer = network.state()
        newer.formatVersion = 99
        #expect(throws: SynthKitError.self) { try network.loadState(newer) }
    }
}
