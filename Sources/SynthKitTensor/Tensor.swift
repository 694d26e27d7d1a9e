/// A dense, row-major Float32 array of rank 0 to 3 with value semantics.
///
/// Storage is a Swift array, so copies are free until one side writes (copy-on-write). Shapes
/// follow NumPy: `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix, and rank 3 is
/// available for batched data. Arithmetic broadcasts as NumPy does (sizes equal or 1, aligned
/// from the right). Hot loops live in the `Kernels/` files; this type is their safe wrapper.
public struct Tensor: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The size of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Float]

    /// A tensor from a shape and its elements in row-major order.
    ///
    /// - Precondition: the product of `shape` equals `scalars.count`; rank at most 3.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.count <= 3, "Tensor supports rank 0...3, got shape \(shape)")
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape must be non-negative, got \(shape)")
        let count = shape.reduce(1, *)
        precondition(
            count == scalars.count,
            "Tensor shape \(shape) holds \(count) elements but \(scalars.count) were given")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` with every element equal to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// A rank-0 tensor holding one number.
    public init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    /// A matrix from nested rows (convenient in tests and examples).
    ///
    /// - Precondition: every row has the same length.
    public init(rows: [[Float]]) {
        let columnCount = rows.first?.count ?? 0
        precondition(
            rows.allSatisfy { $0.count == columnCount },
            "Tensor(rows:) needs rows of equal length, got \(rows.map(\.count))")
        self.init(shape: [rows.count, columnCount], scalars: rows.flatMap { $0 })
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// Rows of a matrix (the first dimension; 1 for scalars).
    public var rowCount: Int { shape.first ?? 1 }

    /// Columns of a matrix (the last dimension for rank >= 2, the length of a vector, 1 for a scalar).
    public var columnCount: Int { shape.count >= 2 ? shape[shape.count - 1] : (shape.first ?? 1) }

    /// The single element of a one-element tensor.
    ///
    /// - Precondition: `count == 1`.
    public var scalar: Float {
        precondition(count == 1, "Tensor.scalar needs exactly one element, shape is \(shape)")
        return scalars[0]
    }

    /// The element at a multi-index (row-major).
    public subscript(indices: Int...) -> Float {
        get { scalars[offset(of: indices)] }
        set { scalars[offset(of: indices)] = newValue }
    }

    /// The same elements under a new shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// A short human-readable summary: shape and up to eight leading elements.
    public var description: String {
        let shown = scalars.prefix(8).map { String($0) }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(shown)\(count > 8 ? ", ..." : "")])"
    }

    enum CodingKeys: String, CodingKey {
        case shape
        case scalars
    }

    /// Decodes `{"shape": [...], "scalars": [...]}`, rejecting a count that does not match the shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode([Int].self, forKey: .shape)
        let scalars = try container.decode([Float].self, forKey: .scalars)
        guard shape.count <= 3, shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .scalars, in: container,
                debugDescription: "tensor of shape \(shape) needs \(shape.reduce(1, *)) scalars, found \(scalars.count)")
        }
        self.init(shape: shape, scalars: scalars)
    }

    /// Encodes the shape and the row-major scalars.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        try container.encode(scalars, forKey: .scalars)
    }

    func offset(of indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "index \(indices) does not match shape \(shape)")
        var offset = 0
        for (dimension, index) in indices.enumerated() {
            precondition(
                index >= 0 && index < shape[dimension], "index \(indices) is out of bounds for shape \(shape)")
            offset = offset * shape[dimension] + index
        }
        return offset
    }
}
