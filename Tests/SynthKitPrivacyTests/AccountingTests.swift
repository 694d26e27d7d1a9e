import SynthKitCore
import SynthKitPrivacy
import SynthKitSynthesis
import Testing

@Suite("zCDP and RDP accounting against the reference implementations")
struct AccountingTests {
    /// Values from private-pgm `mechanisms/cdp2adp.py` (reference note §2.1).
    @Test(arguments: [
        (1.0, 1e-9, 0.0149730577), (0.1, 1e-9, 1.771384e-4), (2.0, 1e-9, 0.0561305018),
        (10.0, 1e-9, 1.0907857044), (1.0, 1e-5, 0.0305565952),
    ])
    func rhoMatchesCdp2adp(epsilon: Double, delta: Double, expected: Double) {
        let rho = ZeroConcentratedPrivacy.rho(epsilon: epsilon, delta: delta)
        #expect(abs(rho - expected) <= 1e-6 * expected)
    }

    @Test(arguments: [(0.5, 1e-5, 4.728387), (0.1, 1e-5, 1.914239), (1.0, 1e-5, 7.077197)])
    func epsilonMatchesCdp2adp(rho: Double, delta: Double, expected: Double) {
        #expect(abs(ZeroConcentratedPrivacy.epsilon(rho: rho, delta: delta) - expected) <= 1e-6)
    }

    @Test func deltaMatchesCdp2adp() {
        #expect(abs(ZeroConcentratedPrivacy.delta(rho: 0.1, epsilon: 1) - 8.93325e-3) <= 1e-8)
    }

    @Test func conversionsAreInverse() {
        let rho = ZeroConcentratedPrivacy.rho(epsilon: 1, delta: 1e-9)
        #expect(abs(ZeroConcentratedPrivacy.epsilon(rho: rho, delta: 1e-9) - 1) <= 1e-9)
    }

    /// Opacus `test_rdp_accountant`: q = 0.04, σ = 1.5, 2,250 steps, δ = 1e-5.
    @Test func subsampledGaussianMatchesOpacus() {
        let rdp = RenyiPrivacy.subsampledGaussian(samplingRate: 0.04, noiseMultiplier: 1.5, steps: 2250)
        let result = RenyiPrivacy.epsilon(rdp: rdp, delta: 1e-5)
        #expect(abs(result.epsilon - 7.32911117143) <= 1e-8)
        #expect(abs(result.order - 3.9) <= 1e-12)
    }

    @Test(arguments: [
        (0.01, 1.0, 2.0, 1.718134221e-4), (0.01, 1.0, 8.0, 8.936439076e-4), (0.01, 1.0, 32.0, 11.24627594),
        (0.04, 1.5, 2.0, 8.949969669e-4), (0.04, 1.5, 16.0, 0.1670092794), (0.1, 2.0, 4.5, 6.856283806e-3),
    ])
    func singleOrdersMatchOpacus(rate: Double, sigma: Double, order: Double, expected: Double) {
        let value = RenyiPrivacy.subsampledGaussian(samplingRate: rate, noiseMultiplier: sigma, steps: 1, orders: [order])[0]
        #expect(abs(value - expected) <= 1e-8 * max(1, expected))
    }

    @Test func otherOpacusAnchors() {
        let cases: [(Double, Double, Int, Double)] = [(256.0 / 60000, 1.1, 14062, 2.59656), (0.01, 1.0, 1000, 2.10137), (0.01, 4.0, 10000, 1.03549)]
        for (rate, sigma, steps, expected) in cases {
            let rdp = RenyiPrivacy.subsampledGaussian(samplingRate: rate, noiseMultiplier: sigma, steps: steps)
            #expect(abs(RenyiPrivacy.epsilon(rdp: rdp, delta: 1e-5).epsilon - expected) <= 1e-5)
        }
    }

    @Test func budgetRefusesOverspendingWithLocatedError() throws {
        var budget = try PrivacyBudget(epsilon: 1, delta: 1e-9)
        try budget.charge(rho: budget.totalRho / 2, purpose: "marginal(age)")
        do {
            try budget.charge(rho: budget.totalRho, purpose: "marginal(age,income)")
            Issue.record("overspending was accepted")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("marginal(age,income)"))
            #expect(error.location?.field == "privacy budget")
        }
        #expect(budget.spends.count == 1)
        let last = try budget.chargeRemaining(purpose: "rest")
        #expect(abs(last - budget.totalRho / 2) <= 1e-15)
        #expect(budget.spentRho == budget.totalRho)
        let record = budget.record(declaredFacts: ["age.bounds"], testMode: true)
        #expect(abs(record.epsilon - 1) <= 1e-9)
        #expect(record.accountant == "zcdp")
    }

    @Test func budgetValidatesArguments() {
        #expect(throws: SynthKitError.self) { try PrivacyBudget(epsilon: 0, delta: 1e-9) }
        #expect(throws: SynthKitError.self) { try PrivacyBudget(epsilon: 1, delta: 1) }
        #expect(throws: SynthKitError.self) { try PrivacyBudget(epsilon: 1, delta: 1e-9, reservedDelta: 1e-9) }
    }
}
