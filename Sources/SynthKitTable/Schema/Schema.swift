import SynthKitCore

/// The description of a table: every column's kind and facts. Versioned JSON a person edits.
///
/// `inspect` infers a schema from data; a user may edit it (change a kind, declare bounds or a
/// category domain) and pass it to `fit`. The file is an envelope
/// `{"format": "synthkit-schema", "formatVersion": 1, "columns": [...]}`.
public struct Schema: Codable, Hashable, Sendable {
    /// The format literal written into every schema file.
    public static let formatName = "synthkit-schema"
    /// The newest schema format this build reads and writes.
    public static let currentFormatVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// The format version of this schema.
    public var formatVersion: Int
    /// The columns, in table order.
    public var columns: [ColumnSchema]

    /// Creates a schema of the current version.
    public init(columns: [ColumnSchema]) {
        self.format = Self.formatName
        self.formatVersion = Self.currentFormatVersion
        self.columns = columns
    }

    /// The description of the column named `name`, if any.
    public subscript(name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// A stable fingerprint of the schema: SHA-256 of its canonical JSON.
    public var fingerprint: String {
        (try? JSONCoding.encode(self)).map { SHA256Digest.hex(of: $0) } ?? ""
    }
}
