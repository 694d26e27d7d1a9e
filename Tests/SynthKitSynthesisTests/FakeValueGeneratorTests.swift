import Foundation
import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import Testing

@Suite struct FakeValueGeneratorTests {
    static func values(_ kind: PIIKind, count: Int = 300) -> [String] {
        let column = FakeValueGenerator().column(name: "c", kind: kind, count: count, seed: Seed(4), offset: 0)
        return (0..<count).compactMap { column.text(at: $0) }
    }

    static func luhnValid(_ number: String) -> Bool {
        var sum = 0
        for (position, character) in number.reversed().enumerated() {
            var digit = character.wholeNumberValue ?? 0
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    @Test func cardNumbersPassLuhnAndFormatsMatch() throws {
        #expect(FakeValueGenerator.luhnCheckDigit("7992739871") == 3)
        #expect(Self.values(.creditCardNumber).allSatisfy { $0.count == 16 && Self.luhnValid($0) })
        let email = try Regex("^[a-z]+\\.[a-z]+[0-9]{1,3}@example\\.(com|org|net)$")
        #expect(Self.values(.email).allSatisfy { $0.wholeMatch(of: email) != nil })
        let phone = try Regex("^\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}$")
        #expect(Self.values(.phone).allSatisfy { $0.wholeMatch(of: phone) != nil })
        let ssn = try Regex("^[0-9]{3}-[0-9]{2}-[0-9]{4}$")
        #expect(Self.values(.nationalIdentifier).allSatisfy { $0.wholeMatch(of: ssn) != nil && !$0.hasPrefix("000") && !$0.hasPrefix("666") })
        #expect(Self.values(.ipAddress).allSatisfy { $0.split(separator: ".").compactMap { Int($0) }.count == 4 })
        #expect(Self.values(.postcode).allSatisfy { $0.count == 5 && Int($0) != nil })
    }

    @Test func valuesDependOnGlobalRowOnlyAndNeverCopyTraining() {
        let generator = FakeValueGenerator()
        let whole = generator.column(name: "email", kind: .email, count: 100, seed: Seed(1), offset: 0)
        let tail = generator.column(name: "email", kind: .email, count: 40, seed: Seed(1), offset: 60)
        #expect((0..<40).allSatisfy { whole.text(at: 60 + $0) == tail.text(at: $0) })
        let training = (0..<200).map { "person\($0)@example.com" }
        #expect((0..<100).allSatisfy { !training.contains(whole.text(at: $0) ?? "") })
    }
}
