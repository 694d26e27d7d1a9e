import SynthKitCore

/// A second pass over the input for columns that turned categorical after holding numbers:
/// re-reads the text of their early rows so levels keep the exact spelling of the file.
struct CSVBackfillSink: CSVRecordSink {
    var columns: [CSVColumnBuilder]
    private let targets: [Int]
    private let lastRow: Int
    private var seenHeader = false
    private var row = 0

    init(columns: [CSVColumnBuilder]) {
        self.columns = columns
        self.targets = columns.indices.filter { columns[$0].needsBackfill }
        self.lastRow = columns.map(\.backfillRows).max() ?? 0
    }

    mutating func accept(_ record: CSVRecord, buffer: UnsafePointer<UInt8>) throws(SynthKitError) {
        if record.isBlankLine && columns.count != 1 { return }
        guard seenHeader else {
            seenHeader = true
            return
        }
        defer { row += 1 }
        if row >= lastRow { return }
        for column in targets where columns[column].isPending(row) {
            let start = buffer + record.starts[column]
            let count = record.ends[column] - record.starts[column]
            if record.flags[column] & CSVRecord.escaped != 0 {
                let bytes = CSVTableBuilder.unescape(start, count: count)
                _ = bytes.withUnsafeBufferPointer { cell in
                    columns[column].intern(cell.baseAddress ?? start, count: cell.count, row: row)
                }
            } else {
                // A pending cell parsed as a number, so it is ASCII: no UTF-8 check needed.
                _ = columns[column].intern(start, count: count, row: row)
            }
        }
    }
}
