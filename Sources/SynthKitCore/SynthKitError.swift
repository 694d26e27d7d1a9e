/// An error a user can cause, saying what is wrong, where, and how to fix it.
///
/// SynthKit has one error type at its API boundaries (modelled on NIO's `FileSystemError`):
/// a stable ``Code``, a human-readable ``message``, a ``Location`` in the user's data and an
/// optional underlying cause. Validation collects every problem it finds in one pass and
/// reports the rest in ``additionalProblems``, so a user fixes a file in one round.
///
/// The error knows nothing of exit codes or HTTP statuses: each front end maps ``code`` to its
/// own presentation.
public struct SynthKitError: Error, Sendable, CustomStringConvertible {
    /// A broad, stable classification; adding a code never breaks callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Sendable {
            case invalidInput, invalidSchema, invalidArgument, corruptArchive, unsupported
            case conditionUnsatisfiable, notFound, io, internalFailure
        }
        private let wrapped: Wrapped

        /// The stable name of the code, as shown to users.
        public var description: String { wrapped.rawValue }

        /// The user's data is malformed or cannot be used (a ragged CSV row, an empty table).
        public static var invalidInput: Self { Self(wrapped: .invalidInput) }
        /// A schema file is malformed or contradicts the data.
        public static var invalidSchema: Self { Self(wrapped: .invalidSchema) }
        /// A parameter or hyperparameter is out of range.
        public static var invalidArgument: Self { Self(wrapped: .invalidArgument) }
        /// A model file is not what it claims to be.
        public static var corruptArchive: Self { Self(wrapped: .corruptArchive) }
        /// A well-formed request this version cannot honour (a newer format, an unknown kind).
        public static var unsupported: Self { Self(wrapped: .unsupported) }
        /// A condition or constraint that no row can satisfy.
        public static var conditionUnsatisfiable: Self { Self(wrapped: .conditionUnsatisfiable) }
        /// A named input file or resource does not exist.
        public static var notFound: Self { Self(wrapped: .notFound) }
        /// Reading or writing a file failed.
        public static var io: Self { Self(wrapped: .io) }
        /// Something went wrong that is not the user's fault.
        public static var internalFailure: Self { Self(wrapped: .internalFailure) }
    }

    /// Where in the user's data a problem lies; every part is optional.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The file, as the user named it.
        public var file: String?
        /// The 1-based line in the file.
        public var line: Int?
        /// The column name (for tables) or 1-based character column (for text).
        public var column: String?
        /// A field inside a structured file, as a dotted path (`columns[3].categories`).
        public var field: String?
        /// A byte offset, for encoding errors.
        public var byteOffset: Int?

        /// Creates a location; pass only the parts that are known.
        public init(
            file: String? = nil, line: Int? = nil, column: String? = nil, field: String? = nil,
            byteOffset: Int? = nil
        ) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
            self.byteOffset = byteOffset
        }

        /// "file.csv, line 12, column 'age'".
        public var description: String {
            var parts: [String] = []
            if let file { parts.append(file) }
            if let line { parts.append("line \(line)") }
            if let column { parts.append("column '\(column)'") }
            if let field { parts.append("field '\(field)'") }
            if let byteOffset { parts.append("byte \(byteOffset)") }
            return parts.joined(separator: ", ")
        }
    }

    /// The classification of this error.
    public var code: Code
    /// What is wrong and how to fix it, in one or two sentences.
    public var message: String
    /// Where the problem lies, when it lies in the user's data.
    public var location: Location?
    /// The error that caused this one, if any.
    public var underlying: (any Error)?
    /// Further problems found in the same validation pass.
    public var additionalProblems: [SynthKitError]

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, location: Location? = nil, underlying: (any Error)? = nil,
        additionalProblems: [SynthKitError] = []
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
        self.additionalProblems = additionalProblems
    }

    /// Combines several problems into one error: the first is primary, the rest are listed.
    ///
    /// - Precondition: `problems` is not empty.
    public static func collecting(_ problems: [SynthKitError]) -> SynthKitError {
        precondition(!problems.isEmpty, "collecting needs at least one problem")
        var first = problems[0]
        first.additionalProblems += problems.dropFirst()
        return first
    }

    /// "file.csv, line 12, column 'age': message (cause)", then one line per further problem.
    public var description: String {
        var text = ""
        if let location, !location.description.isEmpty { text += "\(location): " }
        text += message
        if let underlying { text += " (\(underlying))" }
        for problem in additionalProblems { text += "\n  also: \(problem.description)" }
        return text
    }
}
