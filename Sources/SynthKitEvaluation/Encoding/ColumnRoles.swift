import SynthKitCore
import SynthKitTable

/// Which columns the SynthKit-mode families compare and how each is read: numerical and
/// datetime columns as numbers (datetimes as nanoseconds), categorical and boolean columns as
/// categories; id, PII and unknown sdtypes are left out, as SDMetrics leaves them out.
struct ColumnRoles: Sendable {
    /// Columns read as numbers, in table order.
    let numeric: [String]
    /// Columns read as categories, in table order.
    let categorical: [String]
    /// The metadata the roles came from.
    let metadata: SDVMetadata

    /// The roles of `table`'s columns under `metadata`.
    init(table: Table, metadata: SDVMetadata) {
        var numeric: [String] = []
        var categorical: [String] = []
        for column in table.columns {
            switch metadata.columns[column.name]?.sdtype {
            case "numerical", "datetime":
                if readNumbers(of: column, metadata: metadata) != nil { numeric.append(column.name) } else { categorical.append(column.name) }
            case "categorical", "boolean":
                categorical.append(column.name)
            default:
                continue
            }
        }
        self.numeric = numeric
        self.categorical = categorical
        self.metadata = metadata
    }

    /// Every compared column, numeric first.
    var all: [String] { numeric + categorical }

    /// The values of a numeric column (NaN = missing), or `nil` when it is not numeric storage
    /// or parseable datetimes.
    func numbers(of column: Column) -> [Double]? {
        ColumnRoles.numbers(of: column, metadata: metadata)
    }

    /// The values of `column` as numbers under `metadata`.
    static func numbers(of column: Column, metadata: SDVMetadata) -> [Double]? {
        if metadata.columns[column.name]?.sdtype == "datetime" {
            return SDMetricsDatetime.nanoseconds(of: column, format: metadata.columns[column.name]?.datetimeFormat)
        }
        return column.numbers
    }
}

/// Free function form used while the roles are being built.
private func readNumbers(of column: Column, metadata: SDVMetadata) -> [Double]? {
    ColumnRoles.numbers(of: column, metadata: metadata)
}
