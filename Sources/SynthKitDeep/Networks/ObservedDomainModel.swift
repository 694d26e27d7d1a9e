import SynthKitCore
import SynthKitSynthesis
import SynthKitTable
import SynthKitTransforms

/// A deep model seen through a schema whose categorical columns declare the categories the
/// model learned, so bounded rejection sampling can tell a seen value from an unseen one.
struct ObservedDomainModel<Base: SynthesisModel>: SynthesisModel {
    static var kind: SynthesizerKind { Base.kind }
    let base: Base
    let schema: Schema
    var provenance: Provenance { base.provenance }

    init(base: Base, columns: [DeepColumn]) {
        self.base = base
        var schema = base.schema
        for column in columns {
            guard case .categorical(let encoding) = column.treatment, let index = schema.columns.firstIndex(where: { $0.name == column.name })
            else { continue }
            var domain = schema.columns[index].categories ?? CategoryDomain(values: encoding.levels)
            domain.values = encoding.levels
            schema.columns[index].categories = domain
        }
        self.schema = schema
    }

    func sample(rows: Range<Int>, seed: Seed, threads: Int?) throws(SynthKitError) -> Table {
        try base.sample(rows: rows, seed: seed, threads: threads)
    }

    func summary() -> ModelSummary { base.summary() }
}
