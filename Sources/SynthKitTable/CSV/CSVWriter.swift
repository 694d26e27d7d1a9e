public import Foundation
public import SynthKitCore

/// Writes ``Table``s as RFC 4180 CSV: LF line endings, missing values as empty fields.
///
/// A field is quoted when it contains the delimiter, a quote, CR or LF, when it is empty,
/// or when it spells one of ``missingTokens`` (so the text `NA` reads back as text, not as
/// missing). With a ``Schema``, numerical columns are printed with their decimal places
/// (integers without a fraction) and datetime columns (seconds since the epoch) in their
/// format; without one, numbers are printed in the shortest form that reads back bit for bit.
///
/// Round trip: every table ``CSVReader`` returns reads back equal after writing with the
/// default options and no schema.
///
/// Streaming: ``writeHeader(_:to:path:)`` once, then ``appendRows(of:schema:to:path:)`` per
/// batch, inside `AtomicFile.write(to:_:)`, keeps memory bounded by one batch.
public struct CSVWriter: Sendable {
    /// The field separator; must match the reader's.
    public var delimiter: UInt8
    /// Texts the reader treats as missing; categorical values spelled like these are quoted.
    public var missingTokens: [String]
    /// Bytes buffered before each write to the file handle.
    static let flushThreshold = 1 << 20

    /// Creates a writer.
    /// - Precondition: `delimiter` is ASCII and not `"`, CR or LF.
    public init(delimiter: UInt8 = UInt8(ascii: ","), missingTokens: [String] = CSVOptions.defaultMissingTokens) {
        precondition(
            delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != 10 && delimiter != 13,
            "delimiter \(delimiter) must be an ASCII byte other than quote, CR or LF")
        self.delimiter = delimiter
        self.missingTokens = missingTokens
    }

    /// Writes `table` (header and rows) to `path` atomically.
    /// - Throws: `.io` when the file cannot be written; `.invalidSchema` for a bad datetime
    ///   format in `schema`.
    public func write(_ table: Table, schema: Schema? = nil, to path: String) throws(SynthKitError) {
        try AtomicFile.write(to: path) { handle throws(SynthKitError) in
            try writeHeader(table.columnNames, to: handle, path: path)
            try appendRows(of: table, schema: schema, to: handle, path: path)
        }
    }

    /// The CSV text of `table`, header included.
    public func encode(_ table: Table, schema: Schema? = nil) throws(SynthKitError) -> Data {
        var bytes = headerBytes(table.columnNames)
        try CSVRowEncoder(table: table, schema: schema, writer: self).encodeRows(0..<table.rowCount, into: &bytes)
        return Data(bytes)
    }

    /// Writes the header line through `handle`.
    public func writeHeader(_ columnNames: [String], to handle: FileHandle, path: String) throws(SynthKitError) {
        try AtomicFile.append(Data(headerBytes(columnNames)), to: handle, path: path)
    }

    /// Appends the rows of `table` (no header) through `handle`, flushing about every MiB.
    public func appendRows(of table: Table, schema: Schema? = nil, to handle: FileHandle, path: String) throws(SynthKitError) {
        let encoder = try CSVRowEncoder(table: table, schema: schema, writer: self)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.flushThreshold + 4_096)
        var row = 0
        let batch = 4_096
        while row < table.rowCount {
            let end = min(row + batch, table.rowCount)
            try encoder.encodeRows(row..<end, into: &bytes)
            row = end
            if bytes.count >= Self.flushThreshold || row == table.rowCount {
                try AtomicFile.append(Data(bytes), to: handle, path: path)
                bytes.removeAll(keepingCapacity: true)
            }
        }
    }

    func headerBytes(_ names: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, name) in names.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            appendField(Array(name.utf8), to: &bytes, forceQuotes: names.count == 1 && name.isEmpty)
        }
        bytes.append(10)
        return bytes
    }

    /// Appends a text field, quoted when needed.
    func appendField(_ field: [UInt8], to bytes: inout [UInt8], forceQuotes: Bool = false) {
        if forceQuotes || needsQuotes(field) {
            bytes.append(UInt8(ascii: "\""))
            for byte in field {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += field
        }
    }

    func needsQuotes(_ field: [UInt8]) -> Bool {
        if field.isEmpty { return true }
        for byte in field where byte == delimiter || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            return true
        }
        return missingTokens.contains { Array($0.utf8) == field }
    }
}
