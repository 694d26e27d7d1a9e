public import SynthKitCore
public import SynthKitSynthesis
import Foundation

/// A zCDP privacy budget that every access to private data charges, with its ledger.
///
/// Built from a target (ε, δ): a share ``reservedDelta`` of δ may be set aside for steps that
/// are only approximately private (thresholded category domains); the rest converts to the
/// total ρ = ``ZeroConcentratedPrivacy/rho(epsilon:delta:)``(ε, δ − reserved). By sequential
/// composition, spends add in ρ; ``charge(rho:purpose:)`` refuses a spend that would exceed the
/// total (relative slack 1e-12 for rounding), naming the step and what remains. The final
/// guarantee is (ε(ρ_spent, δ − δ_reserved), δ): the reserved δ adds to the δ of the zCDP part
/// (a mechanism that is ρ-zCDP except on an event of probability δ₀ is (ε, δ + δ₀)-DP).
///
/// A value type: pass it `inout` through a fit, then ``record(declaredFacts:testMode:)``
/// writes the ledger into the model's ``Provenance/privacy``.
public struct PrivacyBudget: Sendable {
    /// The target ε of the whole fit.
    public let epsilon: Double
    /// The target δ of the whole fit.
    public let delta: Double
    /// The part of δ set aside for thresholded (approximate) steps.
    public private(set) var reservedDelta: Double
    /// The total zCDP ρ the fit may spend.
    public private(set) var totalRho: Double
    /// The ρ spent so far.
    public private(set) var spentRho: Double = 0
    /// Every access to the data so far, in order.
    public private(set) var spends: [PrivacySpend] = []
    /// The neighbouring relation every charge is computed under.
    public let neighbours: NeighbouringRelation

    /// A budget for an (ε, δ)-DP fit.
    /// - Parameters:
    ///   - reservedDelta: the part of δ kept for thresholded steps (0 ≤ reserved < δ).
    ///   - neighbours: the relation the fit's sensitivities assume (recorded in the ledger).
    /// - Throws: `.invalidArgument` when ε ≤ 0, δ is outside (0, 1) or the reserve is not below δ.
    public init(
        epsilon: Double, delta: Double, reservedDelta: Double = 0, neighbours: NeighbouringRelation = .addRemove
    ) throws(SynthKitError) {
        guard epsilon > 0, epsilon.isFinite else {
            throw SynthKitError(.invalidArgument, "epsilon must be a positive number, got \(epsilon)", location: .init(field: "epsilon"))
        }
        guard delta > 0, delta < 1 else {
            throw SynthKitError(.invalidArgument, "delta must lie strictly between 0 and 1, got \(delta)", location: .init(field: "delta"))
        }
        guard reservedDelta >= 0, reservedDelta < delta else {
            throw SynthKitError(
                .invalidArgument, "the reserved delta must lie in [0, delta = \(delta)), got \(reservedDelta)",
                location: .init(field: "delta"))
        }
        self.epsilon = epsilon
        self.delta = delta
        self.reservedDelta = reservedDelta
        self.neighbours = neighbours
        self.totalRho = ZeroConcentratedPrivacy.rho(epsilon: epsilon, delta: delta - reservedDelta)
    }

    /// The ρ still available.
    public var remainingRho: Double { max(0, totalRho - spentRho) }

    /// Records a spend of ρ for `purpose`.
    /// - Throws: `.invalidInput` (field `privacy budget`) when the spend would exceed the total,
    ///   naming the step, its cost and the remaining budget; nothing is recorded then.
    public mutating func charge(rho: Double, purpose: String) throws(SynthKitError) {
        precondition(rho >= 0 && rho.isFinite, "a privacy charge must be finite and non-negative, got \(rho) for \(purpose)")
        guard spentRho + rho <= totalRho * (1 + 1e-12) else {
            throw SynthKitError(
                .invalidInput,
                "privacy budget exhausted at step '\(purpose)': it needs rho = \(rho) but only \(remainingRho) of "
                    + "\(totalRho) remains (epsilon = \(epsilon), delta = \(delta)); raise --epsilon or declare more facts in the schema",
                location: .init(field: "privacy budget"))
        }
        spentRho += rho
        spends.append(PrivacySpend(purpose: purpose, rho: rho))
    }

    /// Spends everything that remains on `purpose` and returns that ρ, so phases sum exactly.
    /// - Throws: `.invalidInput` when nothing remains.
    public mutating func chargeRemaining(purpose: String) throws(SynthKitError) -> Double {
        let rho = totalRho - spentRho
        guard rho > 0 else {
            throw SynthKitError(
                .invalidInput, "privacy budget exhausted at step '\(purpose)': nothing of rho = \(totalRho) remains",
                location: .init(field: "privacy budget"))
        }
        spentRho = totalRho
        spends.append(PrivacySpend(purpose: purpose, rho: rho))
        return rho
    }

    /// The ledger as the model file records it; ε is the guarantee actually reached by the
    /// ρ spent (at most the target). The first ledger line names the neighbouring relation;
    /// under replace-one the row count is listed among the public facts.
    public func record(declaredFacts: [String], testMode: Bool) -> PrivacyRecord {
        let reached = spentRho > 0 ? ZeroConcentratedPrivacy.epsilon(rho: spentRho, delta: delta - reservedDelta) : 0
        var facts = declaredFacts
        if neighbours == .replaceOne { facts.append("row count n (public under replace-one neighbours)") }
        var ledger = [PrivacySpend(purpose: neighbours.ledgerNote)] + spends
        if reservedDelta > 0 {
            ledger.append(PrivacySpend(purpose: "delta reserved for thresholded category domains: \(reservedDelta)"))
        }
        return PrivacyRecord(
            epsilon: min(reached, epsilon), delta: delta, rho: spentRho, accountant: "zcdp", spends: ledger,
            declaredFacts: facts, testMode: testMode)
    }
}
