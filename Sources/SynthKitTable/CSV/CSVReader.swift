public import Foundation
public import SynthKitCore

/// Reads RFC 4180 CSV files into typed ``Table``s, working on bytes.
///
/// The first record is the header. A column is **numeric** (`Double`, missing as NaN) when
/// every non-missing cell is a finite decimal number in the sense of ``CSVOptions`` (see
/// ``ByteNumberParser``: integer parts with a leading zero such as `007` keep a column as
/// text, `True`/`False` are text); otherwise it is **categorical**: `Int32` codes into
/// levels in order of first appearance, hashed on bytes so no `String` is made per cell.
///
/// Layout rules: LF, CRLF or CR end a record; a UTF-8 byte-order mark is skipped; blank lines
/// are skipped, except in a one-column file where a blank line is a missing value (that is
/// how a missing value of a one-column table is written); the last record may end without a
/// line break. Only unquoted fields can be missing unless
/// ``CSVOptions/quotedFieldsCanBeMissing`` is set, so `""` is an empty string.
///
/// Memory: the file is read in chunks of ``CSVOptions/chunkSize`` bytes; peak memory is the
/// typed columns plus one chunk plus each categorical column's distinct values. A column
/// that turns categorical after many numeric rows is completed by a second streaming pass.
///
/// Complexity: O(bytes) expected time.
public struct CSVReader: Sendable {
    /// How files are interpreted.
    public var options: CSVOptions

    /// Creates a reader.
    public init(options: CSVOptions = CSVOptions()) {
        self.options = options
    }

    /// Reads the CSV file at `path`.
    /// - Throws: ``SynthKitError`` `.notFound` when the file does not exist, `.io` when it
    ///   cannot be read, `.invalidInput` (located by file, line, column, byte) for malformed
    ///   content: empty file, header-only file (unless allowed), empty or duplicate column
    ///   names, ragged rows, an unterminated quote, invalid UTF-8.
    public func read(path: String) throws(SynthKitError) -> Table {
        var builder = CSVTableBuilder(file: path, options: options)
        try CSVStream.stream(path: path, options: options, sink: &builder)
        return try finish(builder, source: .file(path))
    }

    /// Reads CSV text held in memory; `name` is used in error locations.
    /// - Throws: as ``read(path:)`` for content problems.
    public func read(data: Data, name: String) throws(SynthKitError) -> Table {
        var builder = CSVTableBuilder(file: name, options: options)
        try CSVStream.stream(data: data, name: name, options: options, sink: &builder)
        return try finish(builder, source: .memory(data, name))
    }

    /// The column names of the CSV file at `path`, reading only as far as the header.
    /// - Throws: as ``read(path:)`` for the header's problems; an empty file is an error.
    public func readHeader(path: String) throws(SynthKitError) -> [String] {
        var sink = CSVHeaderSink(file: path, options: options)
        do {
            try CSVStream.stream(path: path, options: options, sink: &sink)
        } catch where error.code == CSVHeaderSink.stopCode && sink.names != nil {
            // Stopped on purpose after the header.
        }
        guard let names = sink.names else {
            throw SynthKitError(.invalidInput, "the file is empty; expected a header line with column names", location: .init(file: path))
        }
        return names
    }

    private enum Source {
        case file(String)
        case memory(Data, String)
    }

    private func finish(_ builder: CSVTableBuilder, source: Source) throws(SynthKitError) -> Table {
        var builder = builder
        guard builder.hasHeader else {
            throw SynthKitError(.invalidInput, "the file is empty; expected a header line with column names", location: .init(file: builder.file))
        }
        if !builder.problems.isEmpty {
            var problems = builder.problems
            if builder.problemCount > problems.count {
                problems.append(SynthKitError(
                    .invalidInput, "\(builder.problemCount - problems.count) more rows have the wrong number of fields",
                    location: .init(file: builder.file)))
            }
            throw SynthKitError.collecting(problems)
        }
        if builder.rowCount == 0 && !options.allowsHeaderOnly {
            throw SynthKitError(
                .invalidInput, "the file has a header but no data rows; set allowsHeaderOnly to accept an empty table",
                location: .init(file: builder.file))
        }
        var columns = builder.takeColumns()
        if columns.contains(where: \.needsBackfill) {
            var backfill = CSVBackfillSink(columns: columns)
            switch source {
            case .file(let path): try CSVStream.stream(path: path, options: options, sink: &backfill)
            case .memory(let data, let name): try CSVStream.stream(data: data, name: name, options: options, sink: &backfill)
            }
            columns = backfill.columns
        }
        let rowCount = builder.rowCount
        return Table(unchecked: columns.map { $0.finish() }, rowCount: rowCount)
    }
}

/// Captures the header and stops.
struct CSVHeaderSink: CSVRecordSink {
    static let stopCode = SynthKitError.Code.internalFailure
    var names: [String]?
    private var builder: CSVTableBuilder

    init(file: String, options: CSVOptions) {
        builder = CSVTableBuilder(file: file, options: options)
    }

    mutating func accept(_ record: CSVRecord, buffer: UnsafePointer<UInt8>) throws(SynthKitError) {
        try builder.accept(record, buffer: buffer)
        if builder.hasHeader {
            names = builder.columns.map(\.name)
            throw SynthKitError(Self.stopCode, "header read")
        }
    }
}
