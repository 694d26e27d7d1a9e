import SynthKitMath
import Testing

/// Reference values from scipy 1.17.1 (Scripts/math_reference_values.py).
@Suite struct SpecialFunctionsTests {
    @Test(arguments: [
        (0.5, 0.1, 0.34527915398142317), (0.5, 2.0, 0.9544997361036415), (1.0, 1.0, 0.6321205588285577),
        (2.5, 1.0, 0.15085496391539038), (10.0, 12.0, 0.7576078383294875), (100.0, 90.0, 0.15822098918643007),
        (0.1, 5.0, 0.9998560610341533),
    ])
    func incompleteGammaMatchesScipy(a: Double, x: Double, expected: Double) {
        let value = SpecialFunctions.regularizedGammaP(a, x)
        #expect(abs(value - expected) < 1e-13)
        #expect(abs(SpecialFunctions.regularizedGammaQ(a, x) - (1 - expected)) < 1e-13)
        let inverse = SpecialFunctions.inverseRegularizedGammaP(a, expected)
        #expect(abs(inverse - x) < 1e-9 * max(1, x))
    }

    @Test(arguments: [
        (0.5, 0.5, 0.2, 0.2951672353008665), (2.0, 3.0, 0.4, 0.5247999999999999), (10.0, 2.0, 0.9, 0.6973568802000002),
        (0.2, 5.0, 0.01, 0.5846698531754058), (50.0, 60.0, 0.45, 0.4642352914306031), (1.0, 1.0, 0.3, 0.3),
    ])
    func incompleteBetaMatchesScipy(a: Double, b: Double, x: Double, expected: Double) {
        #expect(abs(SpecialFunctions.regularizedBeta(x, a, b) - expected) < 1e-13)
        let inverse = SpecialFunctions.inverseRegularizedBeta(expected, a, b)
        #expect(abs(inverse - x) < 1e-9)
    }

    @Test func logGammaAndErrorFunction() {
        #expect(abs(SpecialFunctions.logGamma(0.5) - 0.5723649429247) < 1e-13)
        #expect(abs(SpecialFunctions.logGamma(3.0) - 0.6931471805599453) < 1e-14)
        #expect(abs(SpecialFunctions.logGamma(100.5) - 361.43554046777757) < 1e-10)
        #expect(abs(SpecialFunctions.erf(0.5) - 0.5204998778130465) < 1e-15)
        #expect(abs(SpecialFunctions.erfc(5) - 1.5374597944280349e-12) < 1e-25)
    }

    @Test func inversesAtTheEdges() {
        #expect(SpecialFunctions.inverseRegularizedGammaP(2, 0) == 0)
        #expect(SpecialFunctions.inverseRegularizedGammaP(2, 1) == .infinity)
        #expect(SpecialFunctions.inverseRegularizedBeta(0, 2, 3) == 0)
        #expect(SpecialFunctions.inverseRegularizedBeta(1, 2, 3) == 1)
    }
}
