import SynthKit

extension ConditionalSamplingRun {
    /// The columns the conditions fix: every `--condition` column and every column of the
    /// `--conditions` file. A watermark leaves them untouched, so conditioned values stay as asked.
    func conditionedColumns(reader: CSVReader) throws(SynthKitError) -> Set<String> {
        var columns = Set(try assignments.map { text throws(SynthKitError) in try Condition.parseAssignment(text).column })
        if let conditionsFile { columns.formUnion(try reader.readHeader(path: conditionsFile)) }
        return columns
    }
}
