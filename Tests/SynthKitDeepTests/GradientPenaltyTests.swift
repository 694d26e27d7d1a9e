@testable import SynthKitDeep
import SynthKit
import Testing

@Suite struct GradientPenaltyTests {
    /// The WGAN-GP penalty back-propagates through the critic's input gradient (second order):
    /// its gradient with respect to a first-layer weight matches central finite differences.
    @Test func penaltyGradientMatchesFiniteDifferences() throws {
        let critic = CTGANDiscriminator(inputWidth: 3, hidden: [5], pac: 2, seed: Seed(4))
        critic.setTraining(false)
        var data = Seed(5).stream()
        let real = Tensor.normal(shape: [4, 3], stream: &data)
        let fake = Tensor.normal(shape: [4, 3], stream: &data)
        func penalty() -> Variable {
            var stream = Seed(6).stream()
            return critic.gradientPenalty(real: real, fake: fake, weight: 10, stream: &stream)
        }
        let weight = try #require(critic.namedParameters().first { $0.path.hasSuffix("0.weight") }?.parameter)
        critic.clearGradients()
        penalty().backward(restrictedTo: [weight])
        let analytic = try #require(weight.gradient)
        #expect(analytic.scalars.contains { abs($0) > 1e-3 }, "the penalty has no gradient: \(analytic)")
        let step: Float = 1e-2
        for index in [0, 4, 7, 11] {
            let original = weight.value.scalars
            var plus = original
            plus[index] += step
            weight.value = Tensor(shape: weight.shape, scalars: plus)
            let up = penalty().value.scalar
            var minus = original
            minus[index] -= step
            weight.value = Tensor(shape: weight.shape, scalars: minus)
            let down = penalty().value.scalar
            weight.value = Tensor(shape: weight.shape, scalars: original)
            let numeric = (up - down) / (2 * step)
            #expect(abs(numeric - analytic.scalars[index]) <= 0.05 * max(1, abs(numeric)), "entry \(index): \(numeric) vs \(analytic.scalars[index])")
        }
    }

    /// The penalty computed with the first layer's outputs mixed from the real and fake packs
    /// (linearity) equals the penalty that runs the first layer on the interpolates, in value
    /// and in gradient.
    @Test func knownFirstLayerGivesTheSamePenalty() throws {
        let critic = CTGANDiscriminator(inputWidth: 3, hidden: [5, 4], pac: 2, seed: Seed(8))
        critic.setTraining(false)
        var data = Seed(9).stream()
        let real = Tensor.normal(shape: [6, 3], stream: &data)
        let fake = Tensor.normal(shape: [6, 3], stream: &data)
        let firstReal = critic.score(Variable(real)).firstLayer.value
        let firstFake = critic.score(Variable(fake)).firstLayer.value
        let weight = try #require(critic.namedParameters().first { $0.path.hasSuffix("0.weight") }?.parameter)
        func penaltyAndGradient(known: Bool) -> (Float, Tensor) {
            var stream = Seed(10).stream()
            let penalty = critic.gradientPenalty(
                real: real, fake: fake, firstLayer: known ? (real: firstReal, fake: firstFake) : nil, weight: 10, stream: &stream)
            critic.clearGradients()
            penalty.backward(restrictedTo: [weight])
            return (penalty.value.scalar, weight.gradient ?? Tensor(zeros: weight.shape))
        }
        let (plainValue, plainGradient) = penaltyAndGradient(known: false)
        let (knownValue, knownGradient) = penaltyAndGradient(known: true)
        #expect(plainValue > 0)
        #expect(abs(plainValue - knownValue) <= 1e-5 * max(1, abs(plainValue)), "\(plainValue) vs \(knownValue)")
        #expect(zip(plainGradient.scalars, knownGradient.scalars).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) })
    }
}
