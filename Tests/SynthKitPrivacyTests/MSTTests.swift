import Foundation
import SynthKit
@testable import SynthKitPrivacy
import SynthKitTestSupport
import Testing

@Suite struct MSTTests {
    static let fixture = SynthesisFixtures.mixed(rows: 400)

    @Test func conformsToTheSynthesizerContract() throws {
        let declared = DeclaredFixture.make()
        try checkPrivateSynthesizer(MST(epsilon: 2, iterations: 200, insecureReproducible: true), on: declared.table, schema: declared.schema)
    }

    @Test func phasesSumExactlyToRho() throws {
        let model = try MST(epsilon: 1, delta: 1e-6, iterations: 100, insecureReproducible: true)
            .fit(Self.fixture.table, schema: Self.fixture.schema, options: FitOptions(seed: Seed(1)))
        let privacy = try #require(model.provenance.privacy)
        let total = ZeroConcentratedPrivacy.rho(epsilon: 1, delta: 1e-6 * 0.9)
        #expect(abs(privacy.spends.compactMap(\.rho).reduce(0, +) - total) <= 1e-12 * total)
        #expect(privacy.spends.contains { $0.purpose.hasPrefix("spanning-tree selection") })
        #expect(privacy.epsilon <= 1 + 1e-9)
    }

    /// private-pgm `test_estimation.py`: exact marginals on a tree over domain (2, 3, 4, 5)
    /// are reproduced by mirror descent.
    @Test func mirrorDescentReproducesExactTreeMarginals() {
        var stream = Seed(7).stream()
        let cardinalities = [2, 3, 4, 5]
        let edges = [(0, 1), (1, 2), (1, 3)]
        var truth = TreeModel(cardinalities: cardinalities, edges: edges)
        for node in 0..<4 {
            truth.unary[node] = truth.unary[node].map { _ in stream.nextNormal() }
            truth.pairwise[node] = truth.pairwise[node].map { _ in stream.nextNormal() }
        }
        let (nodes, pairs) = truth.marginals()
        let total = 1000.0
        var measurements = (0..<4).map { TreeModel.Measurement(node: $0, isEdge: false, values: nodes[$0].map { $0 * total }, standardDeviation: 1) }
        for node in 0..<4 where truth.parents[node] >= 0 {
            measurements.append(TreeModel.Measurement(node: node, isEdge: true, values: pairs[node].map { $0 * total }, standardDeviation: 1))
        }
        var fitted = TreeModel(cardinalities: cardinalities, edges: edges)
        fitted.estimate(measurements: measurements, total: total, iterations: 250)
        // With a cap far above what is needed, estimation stops on convergence.
        var converged = TreeModel(cardinalities: cardinalities, edges: edges)
        let run = converged.estimate(measurements: measurements, total: total, iterations: 100_000)
        #expect(run.iterations < 100_000, "\(run)")
        let (convergedNodes, _) = converged.marginals()
        for node in 0..<4 {
            for index in nodes[node].indices { #expect(abs(convergedNodes[node][index] - nodes[node][index]) < 1e-2) }
        }
        let (fittedNodes, fittedPairs) = fitted.marginals()
        for node in 0..<4 {
            for index in nodes[node].indices { #expect(abs(fittedNodes[node][index] - nodes[node][index]) < 1e-2) }
            for index in pairs[node].indices { #expect(abs(fittedPairs[node][index] - pairs[node][index]) < 1e-2) }
        }
    }

    @Test func beliefPropagationMatchesBruteForce() {
        var stream = Seed(8).stream()
        var model = TreeModel(cardinalities: [2, 3, 2], edges: [(0, 1), (1, 2)])
        for node in 0..<3 {
            model.unary[node] = model.unary[node].map { _ in stream.nextNormal() }
            model.pairwise[node] = model.pairwise[node].map { _ in stream.nextNormal() }
        }
        var joint: [Double] = []
        var first = [Double](repeating: 0, count: 2)
        for a in 0..<2 { for b in 0..<3 { for c in 0..<2 {
            let logit = model.unary[0][a] + model.unary[1][b] + model.unary[2][c] + model.pairwise[1][a * 3 + b] + model.pairwise[2][b * 2 + c]
            joint.append(exp(logit))
            first[a] += exp(logit)
        } } }
        let total = joint.reduce(0, +)
        let (nodes, _) = model.marginals()
        #expect(abs(nodes[0][0] - first[0] / total) < 1e-12)
    }
}
