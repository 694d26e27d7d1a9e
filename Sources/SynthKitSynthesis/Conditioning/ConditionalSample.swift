public import SynthKitTable

/// The rows drawn for a list of conditions, and how many of the requested rows could be made.
public struct ConditionalSample: Sendable {
    /// How the rows were drawn.
    public enum Method: String, Codable, Hashable, Sendable {
        /// From the model's exact conditional distribution.
        case exact
        /// By drawing unconditional rows and keeping those that match (bounded).
        case rejection
    }

    /// The rows, condition by condition in the order given (rows of one condition together).
    public var table: Table
    /// For each condition, how many rows were produced (≤ its `rowCount`).
    public var producedRows: [Int]
    /// For each condition, how many rows were asked for.
    public var requestedRows: [Int]
    /// How the rows were drawn.
    public var method: Method

    /// Creates a result.
    public init(table: Table, producedRows: [Int], requestedRows: [Int], method: Method) {
        self.table = table
        self.producedRows = producedRows
        self.requestedRows = requestedRows
        self.method = method
    }

    /// Whether every requested row was produced.
    public var isComplete: Bool { producedRows == requestedRows }
}
