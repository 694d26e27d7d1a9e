import SynthKitCore

/// The tokenizer's sink when reading a table: the first record is the header, every other
/// record becomes one row of typed columns.
struct CSVTableBuilder: CSVRecordSink {
    /// Ragged rows reported in detail before the rest are only counted.
    static let maximumListedProblems = 20

    let file: String
    private let missing: MissingTokenMatcher
    private let quotedFieldsCanBeMissing: Bool
    private(set) var columns: [CSVColumnBuilder] = []
    private(set) var hasHeader = false
    private(set) var rowCount = 0
    private(set) var problems: [SynthKitError] = []
    private(set) var problemCount = 0
    private var scratch: [UInt8] = []

    init(file: String, options: CSVOptions) {
        self.file = file
        self.missing = MissingTokenMatcher(tokens: options.missingTokens)
        self.quotedFieldsCanBeMissing = options.quotedFieldsCanBeMissing
    }

    mutating func accept(_ record: CSVRecord, buffer: UnsafePointer<UInt8>) throws(SynthKitError) {
        if record.isBlankLine && columns.count != 1 { return }
        guard hasHeader else {
            try readHeader(record, buffer: buffer)
            return
        }
        if record.count != columns.count {
            problemCount += 1
            if problems.count < Self.maximumListedProblems {
                problems.append(SynthKitError(
                    .invalidInput,
                    "row has \(record.count) fields, expected \(columns.count) as in the header; check for an unquoted delimiter or a missing field",
                    location: .init(file: file, line: record.line)))
            }
            return
        }
        for index in 0..<record.count {
            let flag = record.flags[index]
            let start = buffer + record.starts[index]
            var count = record.ends[index] - record.starts[index]
            if flag & CSVRecord.escaped != 0 {
                scratch = CSVTableBuilder.unescape(start, count: count)
                count = scratch.count
                let invalid = scratch.withUnsafeBufferPointer { cell in
                    appendCell(column: index, cell.baseAddress ?? start, count: count, quoted: true)
                }
                if let invalid { try throwInvalidUTF8(record, field: index, offsetInCell: invalid, buffer: buffer) }
                continue
            }
            if flag == 0 || quotedFieldsCanBeMissing, missing.matches(start, count: count) {
                columns[index].appendMissing()
                continue
            }
            if let invalid = columns[index].append(start, count: count) {
                try throwInvalidUTF8(record, field: index, offsetInCell: invalid, buffer: buffer)
            }
        }
        rowCount += 1
    }

    @inline(__always)
    private mutating func appendCell(column: Int, _ start: UnsafePointer<UInt8>, count: Int, quoted: Bool) -> Int? {
        if quotedFieldsCanBeMissing && missing.matches(start, count: count) {
            columns[column].appendMissing()
            return nil
        }
        return columns[column].append(start, count: count)
    }

    private func throwInvalidUTF8(
        _ record: CSVRecord, field: Int, offsetInCell: Int, buffer: UnsafePointer<UInt8>
    ) throws(SynthKitError) {
        let offset = record.byteOffset + (record.starts[field] - record.bufferStart) + offsetInCell
        throw SynthKitError(
            .invalidInput, "invalid UTF-8 byte; save the file as UTF-8",
            location: .init(file: file, line: record.line, column: columns[field].name, byteOffset: offset))
    }

    private mutating func readHeader(_ record: CSVRecord, buffer: UnsafePointer<UInt8>) throws(SynthKitError) {
        var names: [String] = []
        var headerProblems: [SynthKitError] = []
        for index in 0..<record.count {
            let start = buffer + record.starts[index]
            let count = record.ends[index] - record.starts[index]
            let bytes = record.flags[index] & CSVRecord.escaped != 0
                ? CSVTableBuilder.unescape(start, count: count) : Array(UnsafeBufferPointer(start: start, count: count))
            let invalid = bytes.withUnsafeBufferPointer { cell in
                cell.baseAddress.flatMap { UTF8Validation.firstInvalidByte($0, count: cell.count) }
            }
            if let invalid {
                headerProblems.append(SynthKitError(
                    .invalidInput, "header field \(index + 1) is not valid UTF-8; save the file as UTF-8",
                    location: .init(file: file, line: record.line, byteOffset: record.byteOffset + (record.starts[index] - record.bufferStart) + invalid)))
            }
            names.append(String(decoding: bytes, as: UTF8.self))
        }
        var positions: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                headerProblems.append(SynthKitError(
                    .invalidInput, "header field \(index + 1) is empty; every column needs a name",
                    location: .init(file: file, line: record.line)))
            } else {
                positions[name, default: []].append(index + 1)
            }
        }
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let at = positions[name], at.count > 1, at[0] == index + 1 {
                headerProblems.append(SynthKitError(
                    .invalidInput,
                    "column name '\(name)' appears \(at.count) times (fields \(at.map(String.init).joined(separator: ", "))); names must be unique",
                    location: .init(file: file, line: record.line, column: name)))
            }
        }
        if !headerProblems.isEmpty { throw SynthKitError.collecting(headerProblems) }
        columns = names.map { CSVColumnBuilder(name: $0) }
        hasHeader = true
    }

    /// The content of a quoted field with doubled quotes collapsed.
    static func unescape(_ start: UnsafePointer<UInt8>, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var index = 0
        while index < count {
            let byte = start[index]
            bytes.append(byte)
            index += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        return bytes
    }

    /// Moves the finished columns out (used to hand them to a backfill pass).
    mutating func takeColumns() -> [CSVColumnBuilder] {
        let taken = columns
        columns = []
        return taken
    }
}

extension CSVRecord {
    /// An empty line: one unquoted, empty field.
    var isBlankLine: Bool { count == 1 && flags[0] == 0 && starts[0] == ends[0] }
}

/// Compares unquoted cells with the missing-value tokens, byte for byte.
struct MissingTokenMatcher: Sendable {
    private let tokens: [[UInt8]]
    private let emptyIsMissing: Bool
    private let longest: Int

    init(tokens: [String]) {
        let bytes = tokens.map { Array($0.utf8) }
        self.emptyIsMissing = bytes.contains { $0.isEmpty }
        self.tokens = bytes.filter { !$0.isEmpty }
        self.longest = bytes.map(\.count).max() ?? 0
    }

    @inline(__always)
    func matches(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        if count == 0 { return emptyIsMissing }
        if count > longest { return false }
        for token in tokens where token.count == count {
            var equal = true
            for index in 0..<count where token[index] != start[index] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }
}
