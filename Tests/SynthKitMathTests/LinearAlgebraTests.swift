import SynthKitMath
import Testing

@Suite struct LinearAlgebraTests {
    static let positiveDefinite = SquareMatrix(dimension: 3, values: [4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3])

    @Test func choleskyReconstructsTheMatrix() throws {
        let cholesky = try #require(Cholesky.factor(Self.positiveDefinite))
        #expect(cholesky.jitter == 0)
        let product = cholesky.lower.multiplied(by: cholesky.lower.transposed)
        #expect(product.maximumDifference(from: Self.positiveDefinite) < 1e-12)
        #expect(cholesky.lower[0, 1] == 0)
        #expect(cholesky.multiply([1, 0, 0]) == [2, 1, 0.3])
    }

    @Test func choleskyJittersASemiDefiniteMatrix() throws {
        let singular = SquareMatrix(dimension: 2, values: [1, 1, 1, 1])
        let cholesky = try #require(Cholesky.factor(singular))
        #expect(cholesky.jitter > 0)
        #expect(Cholesky.factor(SquareMatrix(dimension: 2, values: [1, 3, 3, 1])) == nil)
    }

    @Test func jacobiFindsEigenpairs() {
        let eigen = SymmetricEigen(Self.positiveDefinite)
        #expect(eigen.eigenvalues == eigen.eigenvalues.sorted())
        #expect(abs(eigen.eigenvalues.reduce(0, +) - 12) < 1e-12)
        let rebuilt = eigen.reconstructed { $0 }
        #expect(rebuilt.maximumDifference(from: Self.positiveDefinite) < 1e-12)
        for k in 0..<3 {
            let column = (0..<3).map { eigen.eigenvectors[$0, k] }
            let norm = column.reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-12)
        }
    }

    @Test func nearestCorrelationRepairsAnIndefiniteMatrix() throws {
        // Higham (2002) section 4 example: eigenvalues of the input include a negative one.
        let indefinite = SquareMatrix(dimension: 3, values: [1, 1, 0, 1, 1, 1, 0, 1, 1])
        #expect(try #require(SymmetricEigen(indefinite).eigenvalues.first) < 0)
        let repaired = NearestCorrelation.repair(indefinite)
        #expect(try #require(SymmetricEigen(repaired).eigenvalues.first) > 0)
        for index in 0..<3 { #expect(abs(repaired[index, index] - 1) < 1e-12) }
        // Higham's published answer: off-diagonals 0.7607, 0.1573.
        #expect(abs(repaired[0, 1] - 0.7607) < 2e-3)
        #expect(abs(repaired[0, 2] - 0.1573) < 2e-3)
        #expect(Cholesky.factor(repaired)?.jitter == 0)
    }

    @Test func nearestCorrelationKeepsAValidMatrix() {
        let valid = SquareMatrix(dimension: 2, values: [1, 0.3, 0.3, 1])
        #expect(NearestCorrelation.repair(valid) == valid)
    }
}
