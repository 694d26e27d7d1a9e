public import Foundation

/// The one JSON configuration used for every persisted SynthKit format.
///
/// Keys are sorted and output is pretty-printed, so the same value is byte-identical every
/// time (model files can be fingerprinted). Non-finite doubles are written as the strings
/// `"NaN"`, `"Infinity"` and `"-Infinity"` (Foundation throws on them by default).
public enum JSONCoding {
    /// An encoder with sorted keys, pretty printing and explicit non-finite values.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// A decoder that accepts what ``encoder()`` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// Encodes a value, mapping failures to ``SynthKitError``.
    public static func encode<Value: Encodable>(_ value: Value) throws(SynthKitError) -> Data {
        do {
            return try encoder().encode(value)
        } catch {
            throw SynthKitError(.internalFailure, "cannot encode \(Value.self) as JSON", underlying: error)
        }
    }

    /// Decodes a value, turning decoding errors into located ``SynthKitError``s.
    ///
    /// The location's `field` is the coding path of the failure (`columns[3].kind`).
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, file: String, code: SynthKitError.Code = .invalidInput
    ) throws(SynthKitError) -> Value {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            throw SynthKitError(code, reason, location: .init(file: file, field: path.isEmpty ? nil : path))
        } catch {
            throw SynthKitError(code, "not valid JSON", location: .init(file: file), underlying: error)
        }
    }

    /// A dotted coding path (`columns[3].kind`).
    package static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ error: DecodingError) -> (String, String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "missing value of type \(type)")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "required key '\(key.stringValue)' is missing")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (path(context.codingPath), underlying ?? context.debugDescription)
        @unknown default:
            return ("", "\(error)")
        }
    }
}
