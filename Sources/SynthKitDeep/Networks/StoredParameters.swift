import Foundation
public import SynthKitTensor

/// Network parameters as persisted in model files: each tensor's shape and its scalars as one
/// base64 string of little-endian IEEE 754 Float32 bytes, keyed by the module's dotted path.
///
/// Every bit pattern round-trips, so a loaded model samples exactly what the fitted one did.
/// Decoding a string that is not base64, or whose byte count does not match the shape, is a
/// `DecodingError`. Keys are encoded in sorted order (the archive uses sorted keys).
public struct StoredParameters: Codable, Hashable, Sendable {
    /// The tensors by dotted path.
    public var tensors: [String: Tensor]

    /// Wraps tensors.
    public init(_ tensors: [String: Tensor]) {
        self.tensors = tensors
    }

    /// The tensor at `path`.
    /// - Precondition: the path exists (checked when the model is decoded).
    subscript(path: String) -> Tensor {
        guard let tensor = tensors[path] else { preconditionFailure("no stored parameter '\(path)'; known: \(tensors.keys.sorted())") }
        return tensor
    }

    struct Entry: Codable {
        var shape: [Int]
        var float32: String
    }

    /// Decodes `{path: {shape, float32}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let entries = try container.decode([String: Entry].self)
        var tensors: [String: Tensor] = [:]
        for (path, entry) in entries {
            guard let data = Data(base64Encoded: entry.float32) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "parameter '\(path)' is not valid base64")
            }
            let count = entry.shape.reduce(1, *)
            guard entry.shape.count <= 3, entry.shape.allSatisfy({ $0 >= 0 }), data.count == count * 4 else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "parameter '\(path)' of shape \(entry.shape) needs \(count * 4) bytes, found \(data.count)")
            }
            var scalars = [Float](repeating: 0, count: count)
            let bytes = [UInt8](data)
            for index in 0..<count {
                let base = index * 4
                let bits = UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
                scalars[index] = Float(bitPattern: bits)
            }
            tensors[path] = Tensor(shape: entry.shape, scalars: scalars)
        }
        self.tensors = tensors
    }

    /// Encodes each tensor as its shape and base64 little-endian Float32 bytes.
    public func encode(to encoder: any Encoder) throws {
        var entries: [String: Entry] = [:]
        for (path, tensor) in tensors {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(tensor.count * 4)
            for scalar in tensor.scalars {
                let bits = scalar.bitPattern
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
            }
            entries[path] = Entry(shape: tensor.shape, float32: Data(bytes).base64EncodedString())
        }
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}

extension StoredParameters {
    /// A description of the first missing, unexpected or mis-shaped tensor, or nil.
    static func shapeProblem(_ parameters: StoredParameters, expected: [String: [Int]]) -> String? {
        for path in expected.keys.sorted() {
            guard let tensor = parameters.tensors[path] else { return "parameter '\(path)' is missing" }
            if let shape = expected[path], tensor.shape != shape { return "parameter '\(path)' has shape \(tensor.shape), expected \(shape)" }
        }
        for path in parameters.tensors.keys.sorted() where expected[path] == nil {
            return "unexpected parameter '\(path)'"
        }
        return nil
    }
}
