import SynthKitCore
import SynthKitTensor
import Testing

@testable import SynthKitNN

@Suite("Losses")
struct LossesTests {
    @Test("cross-entropy matches PyTorch")
    func crossEntropy() throws {
        let fixture = try PyTorchFixture.load().section("losses", "crossEntropy")
        let logits = Variable(try fixture.tensor("logits"), requiresGradient: true)
        let loss = Losses.crossEntropy(logits: logits, targets: try fixture.integers("targets"))
        #expect(abs(loss.value.scalar - (try fixture.number("loss"))) < 1e-5)
        loss.backward()
        expectClose(try #require(logits.gradient), try fixture.tensor("gradient"), "gradient")
    }

    @Test("binary cross-entropy with logits matches PyTorch")
    func binaryCrossEntropy() throws {
        let fixture = try PyTorchFixture.load().section("losses", "binaryCrossEntropy")
        let logits = Variable(try fixture.tensor("logits"), requiresGradient: true)
        let loss = Losses.binaryCrossEntropy(logits: logits, targets: try fixture.tensor("targets"))
        #expect(abs(loss.value.scalar - (try fixture.number("loss"))) < 1e-5)
        loss.backward()
        expectClose(try #require(logits.gradient), try fixture.tensor("gradient"), "gradient")
    }

    @Test("mean squared error matches PyTorch")
    func meanSquaredError() throws {
        let fixture = try PyTorchFixture.load().section("losses", "meanSquaredError")
        let prediction = Variable(try fixture.tensor("prediction"), requiresGradient: true)
        let loss = Losses.meanSquaredError(prediction: prediction, target: try fixture.tensor("target"))
        #expect(abs(loss.value.scalar - (try fixture.number("loss"))) < 1e-5)
        loss.backward()
        expectClose(try #require(prediction.gradient), try fixture.tensor("gradient"), "gradient")
    }

    @Test("Gaussian negative log-likelihood matches PyTorch")
    func gaussianNegativeLogLikelihood() throws {
        let fixture = try PyTorchFixture.load().section("losses", "gaussianNegativeLogLikelihood")
        let mean = Variable(try fixture.tensor("mean"), requiresGradient: true)
        let variance = Variable(try fixture.tensor("variance"), requiresGradient: true)
        let loss = Losses.gaussianNegativeLogLikelihood(mean: mean, variance: variance, target: try fixture.tensor("target"))
        #expect(abs(loss.value.scalar - (try fixture.number("loss"))) < 1e-5)
        loss.backward()
        expectClose(try #require(mean.gradient), try fixture.tensor("meanGradient"), "mean gradient")
        expectClose(try #require(variance.gradient), try fixture.tensor("varianceGradient"), tolerance: 1e-4, "variance gradient")
    }

    @Test("KL divergence of a diagonal Gaussian matches PyTorch")
    func gaussianKLDivergence() throws {
        let fixture = try PyTorchFixture.load().section("losses", "gaussianKLDivergence")
        let mean = Variable(try fixture.tensor("mean"), requiresGradient: true)
        let logVariance = Variable(try fixture.tensor("logVariance"), requiresGradient: true)
        let loss = Losses.gaussianKLDivergence(mean: mean, logVariance: logVariance)
        #expect(abs(loss.value.scalar - (try fixture.number("loss"))) < 1e-4)
        loss.backward()
        expectClose(try #require(mean.gradient), try fixture.tensor("meanGradient"), "mean gradient")
        expectClose(try #require(logVariance.gradient), try fixture.tensor("logVarianceGradient"), tolerance: 1e-4, "log-variance gradient")
    }

    @Test("Gumbel-softmax: soft rows sum to one, hard rows are one-hot with the soft gradient")
    func gumbelSoftmax() {
        var stream = Seed(8).stream()
        let logits = Variable(Tensor.normal(shape: [6, 4], stream: &stream), requiresGradient: true)
        var sampling = Seed(9).stream()
        let soft = GumbelSoftmax.sample(logits: logits, temperature: 0.2, hard: false, stream: &sampling)
        #expect(soft.value.sum(alongAxis: 1).scalars.allSatisfy { abs($0 - 1) < 1e-5 })
        var again = Seed(9).stream()
        let hard = GumbelSoftmax.sample(logits: logits, temperature: 0.2, hard: true, stream: &again)
        #expect(hard.value.scalars.allSatisfy { $0 == 0 || abs($0 - 1) < 1e-6 })
        #expect(hard.value.argmaxPerRow() == soft.value.argmaxPerRow())
        let weights = Tensor.normal(shape: [6, 4], stream: &stream)
        let hardGradient = Variable.gradients(of: (hard * weights).sum(), withRespectTo: [logits])[0].value
        let softGradient = Variable.gradients(of: (soft * weights).sum(), withRespectTo: [logits])[0].value
        expectClose(hardGradient, softGradient, "straight-through gradient")
    }

    @Test("clamping passes the gradient only above the floor")
    func clamped() {
        let x = Variable(Tensor(shape: [3], scalars: [-1, 0.5, 2]), requiresGradient: true)
        let y = x.clamped(minimum: 0)
        #expect(y.value.scalars == [0, 0.5, 2])
        y.sum().backward()
        #expect(x.gradient?.scalars == [0, 1, 1])
    }
}
