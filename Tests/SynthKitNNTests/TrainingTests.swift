import Foundation
import SynthKitCore
import SynthKitTensor
import Testing

@testable import SynthKitNN

/// End-to-end learning checks on tiny problems (debug-build friendly).
@Suite("Training")
struct TrainingTests {
    static func multilayerPerceptron(hidden: Int, seed: Seed) -> Sequential {
        Sequential([
            Linear(inputFeatures: 2, outputFeatures: hidden, seed: seed.derived("first")), Tanh(),
            Linear(inputFeatures: hidden, outputFeatures: 2, seed: seed.derived("second")),
        ])
    }

    static func train(_ model: Sequential, inputs: Tensor, labels: [Int], steps: Int, learningRate: Float) -> Float {
        var adam = Adam(parameters: model.namedParameters(), learningRate: learningRate)
        let input = Variable(inputs)
        for _ in 0..<steps {
            adam.clearGradients()
            Losses.crossEntropy(logits: model(input), targets: labels).backward()
            adam.step()
        }
        let predictions = withGradientRecordingDisabled { model(input).value.argmaxPerRow() }
        return Float(zip(predictions, labels).filter { $0 == $1 }.count) / Float(labels.count)
    }

    /// Two interleaved half circles with Gaussian noise (scikit-learn `make_moons`).
    static func twoMoons(count: Int, noise: Double, seed: Seed) -> (Tensor, [Int]) {
        var stream = seed.stream()
        var points: [Float] = []
        var labels: [Int] = []
        for index in 0..<count {
            let label = index % 2
            let angle = Double.pi * stream.nextUniform()
            let x = label == 0 ? cos(angle) : 1 - cos(angle)
            let y = label == 0 ? sin(angle) : 0.5 - sin(angle)
            points += [Float(x + noise * stream.nextNormal()), Float(y + noise * stream.nextNormal())]
            labels.append(label)
        }
        return (Tensor(shape: [count, 2], scalars: points), labels)
    }

    @Test("a 2-layer MLP learns XOR")
    func xor() {
        let inputs = Tensor(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
        let accuracy = Self.train(Self.multilayerPerceptron(hidden: 8, seed: Seed(1)), inputs: inputs, labels: [0, 1, 1, 0], steps: 300, learningRate: 0.05)
        #expect(accuracy == 1)
    }

    @Test("a 2-layer MLP separates two moons with over 99% accuracy")
    func twoMoons() {
        let (inputs, labels) = Self.twoMoons(count: 200, noise: 0.05, seed: Seed(2))
        let accuracy = Self.train(Self.multilayerPerceptron(hidden: 24, seed: Seed(3)), inputs: inputs, labels: labels, steps: 400, learningRate: 0.03)
        #expect(accuracy > 0.99)
    }

    @Test("training is bit-for-bit reproducible for a fixed seed")
    func reproducible() {
        let (inputs, labels) = Self.twoMoons(count: 40, noise: 0.1, seed: Seed(4))
        let first = Self.multilayerPerceptron(hidden: 8, seed: Seed(5))
        let second = Self.multilayerPerceptron(hidden: 8, seed: Seed(5))
        _ = Self.train(first, inputs: inputs, labels: labels, steps: 20, learningRate: 0.01)
        _ = Self.train(second, inputs: inputs, labels: labels, steps: 20, learningRate: 0.01)
        #expect(first.state() == second.state())
    }
}
