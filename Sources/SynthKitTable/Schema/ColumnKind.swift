/// What a column means, which decides how it is learned and generated (SDV's sdtypes).
public enum ColumnKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Integers or decimals with bounds; learned as a distribution.
    case numerical
    /// Values from a finite domain, optionally ordered.
    case categorical
    /// Two values (true/false, yes/no, 0/1), as spelled in the data.
    case boolean
    /// Points in time, with a text format.
    case datetime
    /// A key that identifies a row: regenerated as unique values, never learned.
    case id
    /// Personal information (email, phone, name, address): replaced, never learned.
    case pii
    /// Free text: not learned yet.
    case text
}

/// The kind of personal information a ``ColumnKind/pii`` column holds.
public enum PIIKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// An e-mail address.
    case email
    /// A telephone number.
    case phone
    /// A person's name.
    case personName
    /// A postal address.
    case address
    /// A government or account identifier (SSN, IBAN, card number).
    case nationalIdentifier
    /// Other personal information.
    case other
    /// A city name.
    case city
    /// A postal code.
    case postcode
    /// An IPv4 address.
    case ipAddress
    /// A web address.
    case url
    /// A payment card number.
    case creditCardNumber
}

/// Whether a fact in a schema was read from the data or written by a person.
///
/// Only `declared` facts are public knowledge for a differentially private fit; an `observed`
/// bound or category domain was computed from private data and must be estimated with part of
/// the privacy budget. `inspect` only ever writes `observed`.
public enum FactSource: String, Codable, Hashable, Sendable {
    /// Computed from the data.
    case observed
    /// Written by a person as domain knowledge.
    case declared
}
