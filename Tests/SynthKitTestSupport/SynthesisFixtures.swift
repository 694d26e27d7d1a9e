public import SynthKit

/// Small in-memory tables for synthesizer tests (fast in debug builds).
public enum SynthesisFixtures {
    /// A mixed table of `rows` rows and its schema:
    /// - `customer` (id, numeric 1000...), `email` (pii),
    /// - `age` (integer in [18, 90]), `income` (2 decimal places, ~10% missing, rising with age),
    /// - `segment` (categorical, 4 levels tied to age, ~5% missing), `member` (boolean yes/no tied
    ///   to segment), `signup` (datetime, whole days in 2020-2023), `score` (float, no rounding).
    ///
    /// Deterministic for a given `seed`.
    public static func mixed(rows: Int = 200, seed: UInt64 = 42) -> (table: Table, schema: Schema) {
        var stream = Seed(seed).derived("fixtures.mixed").stream()
        var customer: [Double?] = []
        var email: [String?] = []
        var age: [Double?] = []
        var income: [Double?] = []
        var segment: [String?] = []
        var member: [String?] = []
        var signup: [Double?] = []
        var score: [Double?] = []
        let segments = ["student", "young", "family", "retired"]
        for row in 0..<rows {
            let latent = stream.nextNormal()
            let years = min(90, max(18, (45 + 15 * latent).rounded()))
            customer.append(Double(1000 + row))
            email.append("person\(row)@example.com")
            age.append(years)
            let amount = 20_000 + 900 * years + 5000 * stream.nextNormal()
            income.append(stream.nextUniform() < 0.1 ? nil : (amount * 100).rounded() / 100)
            let bucket = years < 25 ? 0 : years < 40 ? 1 : years < 65 ? 2 : 3
            let noisy = stream.nextUniform() < 0.15 ? stream.nextIndex(below: 4) : bucket
            segment.append(stream.nextUniform() < 0.05 ? nil : segments[noisy])
            member.append((noisy >= 2) == (stream.nextUniform() < 0.8) ? "yes" : "no")
            signup.append(1_577_836_800 + Double(stream.nextIndex(below: 1461)) * 86_400)
            score.append(stream.nextNormal() * 3.7 + latent)
        }
        let table = (try? Table(columns: [
            Column(name: "customer", numbers: customer), Column(name: "email", strings: email),
            Column(name: "age", numbers: age), Column(name: "income", numbers: income),
            Column(name: "segment", strings: segment), Column(name: "member", strings: member),
            Column(name: "signup", numbers: signup), Column(name: "score", numbers: score),
        ])) ?? .empty
        let schema = Schema(columns: [
            ColumnSchema(name: "customer", kind: .id),
            ColumnSchema(name: "email", kind: .pii, piiKind: .email),
            ColumnSchema(name: "age", kind: .numerical, numerical: NumericalFacts(
                isInteger: true, decimalPlaces: 0, minimum: 18, maximum: 90)),
            ColumnSchema(name: "income", kind: .numerical, missingShare: 0.1, numerical: NumericalFacts(
                isInteger: false, decimalPlaces: 2, minimum: nil, maximum: nil)),
            ColumnSchema(name: "segment", kind: .categorical, missingShare: 0.05),
            ColumnSchema(name: "member", kind: .boolean),
            ColumnSchema(name: "signup", kind: .datetime, datetime: DatetimeFacts(
                format: "yyyy-MM-dd", minimum: nil, maximum: nil)),
            ColumnSchema(name: "score", kind: .numerical),
        ])
        return (table, schema)
    }
}
