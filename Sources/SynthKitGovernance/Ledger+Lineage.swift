public import SynthKitCore

/// Origin resolution and lineage walks over the ledger.
extension Ledger {
    /// The facts of an input: the ledger's record of `sha256` when there is one (it overrides a
    /// declaration), else the declared origin, else unknown.
    ///
    /// - Throws: `.invalidInput` naming `file` when the declaration contradicts the ledger
    ///   (declared real but recorded synthetic or mixed, or declared synthetic but recorded real).
    public func resolve(
        sha256: String, kind: LedgerArtifact.Kind = .data, declared: DataOrigin?, file: String
    ) throws(SynthKitError) -> DatasetFacts {
        guard let known = try facts(of: sha256, kind: kind) else { return .declared(declared) }
        if let declared, declared != .unknown, declared != known.origin {
            let recorded = known.producedBy.map { "entry \($0)" } ?? "an earlier entry"
            let share = known.syntheticShare.map { " (synthetic share \(Self.format($0)))" } ?? ""
            throw SynthKitError(
                .invalidInput,
                "declared \(declared.rawValue), but the ledger records this content as \(known.origin.rawValue)\(share) "
                    + "from \(recorded); drop the declaration or check you named the right file",
                location: .init(file: file))
        }
        return known
    }

    /// The ancestry of entry `id`: every entry that produced one of its inputs, recursively.
    public func lineage(of id: Int64) throws(SynthKitError) -> LedgerLineage {
        var lineage = LedgerLineage(root: id, entries: [], edges: [], sources: [])
        var queue = [id]
        var seen: Set<Int64> = [id]
        while !queue.isEmpty {
            let current = try entry(queue.removeFirst())
            lineage.entries.append(current)
            for input in current.inputs {
                guard let sha256 = input.sha256 else { continue }
                if let parent = try producer(of: sha256), parent < current.id {
                    lineage.edges.append(.init(parent: parent, child: current.id, file: input.path))
                    if seen.insert(parent).inserted { queue.append(parent) }
                } else {
                    lineage.sources.append(.init(file: input, child: current.id))
                }
            }
        }
        return lineage
    }

    /// A share as a short decimal (`0.3`, `0.25`).
    static func format(_ share: Double) -> String {
        let rounded = (share * 10_000).rounded() / 10_000
        return "\(rounded)"
    }
}
