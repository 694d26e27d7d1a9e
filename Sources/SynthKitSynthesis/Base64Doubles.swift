import Foundation

/// An array of doubles persisted as one base64 string of little-endian IEEE 754 bytes.
///
/// Large arrays (quantile knots, correlation matrices) stay compact and exact in model files:
/// every bit pattern, including NaN payloads and infinities, round-trips. Decoding a string that
/// is not base64 or whose length is not a multiple of 8 bytes is a `DecodingError`.
public struct Base64Doubles: Codable, Hashable, Sendable {
    /// The values.
    public var values: [Double]

    /// Wraps values.
    public init(_ values: [Double]) {
        self.values = values
    }

    /// Decodes from a base64 string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not valid base64")
        }
        guard data.count % 8 == 0 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "base64 holds \(data.count) bytes, not a whole number of doubles")
        }
        var decoded: [Double] = []
        decoded.reserveCapacity(data.count / 8)
        var bits: UInt64 = 0
        for (offset, byte) in data.enumerated() {
            bits |= UInt64(byte) << (8 * UInt64(offset % 8))
            if offset % 8 == 7 {
                decoded.append(Double(bitPattern: bits))
                bits = 0
            }
        }
        values = decoded
    }

    /// Encodes as a base64 string.
    public func encode(to encoder: any Encoder) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        var container = encoder.singleValueContainer()
        try container.encode(Data(bytes).base64EncodedString())
    }
}
