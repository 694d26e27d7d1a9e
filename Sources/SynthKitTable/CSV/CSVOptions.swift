/// How the CSV reader interprets a file.
///
/// Defaults follow RFC 4180 and pandas' `read_csv`: comma delimiter, header row, and the
/// missing-value tokens empty, `NA`, `NaN`, `null` and `?` (Adult marks missing as `?`).
///
/// Missing values: only **unquoted** fields are compared with ``missingTokens``. A quoted field
/// is always a value, so `""` is the empty string and `"NA"` is the text `NA`; this is what
/// lets ``CSVWriter`` round-trip a category spelled like a missing token. Set
/// ``quotedFieldsCanBeMissing`` for exporters that quote every field (Python's
/// `csv.QUOTE_ALL` writes a missing value as `""`).
public struct CSVOptions: Sendable, Hashable {
    /// The byte that separates fields (`,`, `;`, tab, `|`); must be ASCII and not a quote,
    /// CR or LF.
    public var delimiter: UInt8
    /// Unquoted texts that mean "missing", compared byte for byte (case sensitive).
    public var missingTokens: [String]
    /// Whether quoted fields are compared with ``missingTokens`` too.
    public var quotedFieldsCanBeMissing: Bool
    /// Whether a file with a header and no data rows is a table with 0 rows (`true`) or an
    /// error (`false`, the default: an empty input is almost always a mistake upstream).
    public var allowsHeaderOnly: Bool
    /// Bytes read from the file at a time; memory for loading is about the typed columns plus
    /// this buffer.
    public var chunkSize: Int

    /// The default missing-value tokens: empty, `NA`, `NaN`, `null`, `?`.
    public static let defaultMissingTokens = ["", "NA", "NaN", "null", "?"]

    /// Creates reader options.
    /// - Precondition: `delimiter` is ASCII and not `"`, CR or LF; `chunkSize` > 0.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","), missingTokens: [String] = CSVOptions.defaultMissingTokens,
        quotedFieldsCanBeMissing: Bool = false, allowsHeaderOnly: Bool = false, chunkSize: Int = 1 << 22
    ) {
        precondition(
            delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != 10 && delimiter != 13,
            "delimiter \(delimiter) must be an ASCII byte other than quote, CR or LF")
        precondition(chunkSize > 0, "chunkSize \(chunkSize) must be positive")
        self.delimiter = delimiter
        self.missingTokens = missingTokens
        self.quotedFieldsCanBeMissing = quotedFieldsCanBeMissing
        self.allowsHeaderOnly = allowsHeaderOnly
        self.chunkSize = chunkSize
    }
}
