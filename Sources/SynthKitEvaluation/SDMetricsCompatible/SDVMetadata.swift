public import Foundation
public import SynthKitCore
public import SynthKitTable

/// The column types an SDV metadata file declares, as SDMetrics reads them.
///
/// Accepts the single-table form `{"columns": {"age": {"sdtype": "numerical"}, …}}` and the
/// multi-table form `{"tables": {"t": {"columns": …}}}`. Any `sdtype` string is kept: SDMetrics'
/// quality report scores `numerical`, `datetime`, `categorical`, `ordinal` and `boolean` columns
/// and skips the rest (`id`, PII types such as `email`, unknown ones).
public struct SDVMetadata: Sendable, Equatable {
    /// One column's entry.
    public struct ColumnMetadata: Codable, Sendable, Equatable {
        /// The SDV semantic type (`"numerical"`, `"categorical"`, `"boolean"`, `"datetime"`, `"id"`, …).
        public var sdtype: String
        /// The strftime format of a datetime column, when given.
        public var datetimeFormat: String?

        /// Creates an entry.
        public init(sdtype: String, datetimeFormat: String? = nil) {
            self.sdtype = sdtype
            self.datetimeFormat = datetimeFormat
        }

        enum CodingKeys: String, CodingKey {
            case sdtype
            case datetimeFormat = "datetime_format"
        }
    }

    /// The columns by name.
    public var columns: [String: ColumnMetadata]
    /// The primary key column, if declared.
    public var primaryKey: String?

    /// Creates metadata.
    public init(columns: [String: ColumnMetadata], primaryKey: String? = nil) {
        self.columns = columns
        self.primaryKey = primaryKey
    }

    /// The metadata a user of `bench/anchors.py` would pass for `table`: a column stored as
    /// numbers (pandas numeric dtype) is `numerical`, anything else `categorical` (text, and
    /// booleans, which pandas reads as `bool`).
    public static func inferred(from table: Table) -> SDVMetadata {
        var columns: [String: ColumnMetadata] = [:]
        for column in table.columns {
            columns[column.name] = ColumnMetadata(sdtype: column.numbers != nil ? "numerical" : "categorical")
        }
        return SDVMetadata(columns: columns)
    }

    /// Reads a metadata file.
    /// - Parameters:
    ///   - path: the JSON file.
    ///   - table: which table of a multi-table file to use; may be omitted when there is one.
    /// - Throws: ``SynthKitError/Code/notFound`` or ``SynthKitError/Code/io`` when the file cannot
    ///   be read, ``SynthKitError/Code/invalidSchema`` (located at the offending field) when it is
    ///   not SDV metadata.
    public static func load(path: String, table: String? = nil) throws(SynthKitError) -> SDVMetadata {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SynthKitError(.notFound, "SDV metadata file does not exist", location: .init(file: path))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SynthKitError(.io, "cannot read SDV metadata file", location: .init(file: path), underlying: error)
        }
        return try decode(data, file: path, table: table)
    }

    /// Parses metadata JSON; `file` names the source in error locations.
    public static func decode(_ data: Data, file: String, table: String? = nil) throws(SynthKitError) -> SDVMetadata {
        let document = try JSONCoding.decode(Document.self, from: data, file: file, code: .invalidSchema)
        if let tables = document.tables {
            let names = tables.keys.sorted()
            let chosen: String
            if let table {
                guard tables[table] != nil else {
                    throw SynthKitError(
                        .invalidSchema, "no table '\(table)' in the metadata; tables are \(names.joined(separator: ", "))",
                        location: .init(file: file, field: "tables"))
                }
                chosen = table
            } else {
                guard names.count == 1, let only = names.first else {
                    throw SynthKitError(
                        .invalidSchema,
                        "the metadata describes \(names.count) tables (\(names.joined(separator: ", "))); name the one to use",
                        location: .init(file: file, field: "tables"))
                }
                chosen = only
            }
            guard let columns = tables[chosen]?.columns else {
                throw SynthKitError(.invalidSchema, "table '\(chosen)' has no 'columns'", location: .init(file: file, field: "tables.\(chosen).columns"))
            }
            return SDVMetadata(columns: columns, primaryKey: tables[chosen]?.primaryKey)
        }
        guard let columns = document.columns else {
            throw SynthKitError(
                .invalidSchema, "SDV metadata needs a 'columns' object (single table) or a 'tables' object",
                location: .init(file: file, field: "columns"))
        }
        return SDVMetadata(columns: columns, primaryKey: document.primaryKey)
    }

    /// Checks that the metadata names exactly the columns of the data, as SDMetrics' reports
    /// require (`base_report.py:_validate_metadata_matches_data`).
    /// - Throws: ``SynthKitError/Code/invalidSchema`` listing every column missing on either side.
    public func validate(against tables: [Table], file: String? = nil) throws(SynthKitError) {
        let dataColumns = Set(tables.flatMap(\.columnNames))
        var problems: [SynthKitError] = []
        for name in dataColumns.subtracting(columns.keys).sorted() {
            problems.append(SynthKitError(
                .invalidSchema, "column '\(name)' is in the data but not in the SDV metadata",
                location: .init(file: file, column: name, field: "columns")))
        }
        for name in Set(columns.keys).subtracting(dataColumns).sorted() {
            problems.append(SynthKitError(
                .invalidSchema, "column '\(name)' is in the SDV metadata but not in the data",
                location: .init(file: file, column: name, field: "columns.\(name)")))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
    }

    /// The JSON document, either form.
    private struct Document: Decodable {
        var columns: [String: ColumnMetadata]?
        var tables: [String: TableEntry]?
        var primaryKey: String?

        enum CodingKeys: String, CodingKey {
            case columns, tables
            case primaryKey = "primary_key"
        }
    }

    /// One table of a multi-table document.
    private struct TableEntry: Decodable {
        var columns: [String: ColumnMetadata]?
        var primaryKey: String?

        enum CodingKeys: String, CodingKey {
            case columns
            case primaryKey = "primary_key"
        }
    }
}
