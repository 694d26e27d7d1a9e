/// 8 x 8 transposes through registers, for packing transposed operands and writing transposed
/// results: 8 rows are read as vectors and written back as 8 columns.
public enum MatrixTranspose {
    /// Writes (or, with `accumulate`, adds) the transpose of the 8 x 8 tile at `source` (rows
    /// `sourceStride` floats apart) to `target` (rows `targetStride` apart):
    /// `target[i][j] (+)= source[j][i]`.
    @inlinable @inline(__always)
    public static func tile(
        from source: UnsafePointer<Float>, sourceStride: Int, to target: UnsafeMutablePointer<Float>, targetStride: Int,
        accumulate: Bool = false
    ) {
        let raw = UnsafeRawPointer(source)
        let r0 = raw.loadUnaligned(as: SIMD8<Float>.self)
        let r1 = raw.loadUnaligned(fromByteOffset: 1 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r2 = raw.loadUnaligned(fromByteOffset: 2 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r3 = raw.loadUnaligned(fromByteOffset: 3 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r4 = raw.loadUnaligned(fromByteOffset: 4 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r5 = raw.loadUnaligned(fromByteOffset: 5 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r6 = raw.loadUnaligned(fromByteOffset: 6 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let r7 = raw.loadUnaligned(fromByteOffset: 7 &* sourceStride &* 4, as: SIMD8<Float>.self)
        let out = UnsafeMutableRawPointer(target)
        for column in 0..<8 {
            var transposed = SIMD8<Float>(
                r0[column], r1[column], r2[column], r3[column], r4[column], r5[column], r6[column], r7[column])
            let offset = column &* targetStride &* 4
            if accumulate { transposed += out.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) }
            out.storeBytes(of: transposed, toByteOffset: offset, as: SIMD8<Float>.self)
        }
    }
}
