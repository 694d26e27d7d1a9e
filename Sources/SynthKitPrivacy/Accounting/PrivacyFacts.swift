public import SynthKitSynthesis

/// Every data-dependent fact a DP model used, with where it came from: declared public in the
/// schema (or schema structure treated as public), or paid for from the budget with its ρ.
///
/// Read from a model's ``PrivacyRecord``: `declaredFacts` are the free ones; spends whose
/// purpose names a fact (`bounds(age)`, `categories(sex)`, `decimal places(fnlwgt)`,
/// `rounding step(when)`) are the paid ones. `inspect-model` prints this list. O(spends).
public enum PrivacyFacts {
    /// One fact and its source.
    public struct Entry: Sendable, Hashable {
        /// The fact (`age.bounds`, `bounds(age)`).
        public var fact: String
        /// "declared public" or "paid with rho X".
        public var source: String
    }

    /// The purposes of paid fact steps start with one of these.
    static let paidPrefixes = ["bounds(", "categories(", "decimal places(", "rounding step("]

    /// The facts of `record`, declared ones first, then paid ones in ledger order.
    public static func entries(of record: PrivacyRecord) -> [Entry] {
        var entries = record.declaredFacts.map { Entry(fact: $0, source: "declared public") }
        for spend in record.spends {
            guard let rho = spend.rho, paidPrefixes.contains(where: { spend.purpose.hasPrefix($0) }) else { continue }
            let fact = spend.purpose.split(separator: ":", maxSplits: 1).first.map(String.init) ?? spend.purpose
            entries.append(Entry(fact: fact, source: "paid with rho \(rho)"))
        }
        return entries
    }
}
