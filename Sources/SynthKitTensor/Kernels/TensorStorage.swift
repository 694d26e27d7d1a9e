extension Tensor {
    /// A tensor whose elements are written by `initializer`, which must set every one of them.
    ///
    /// Skips the zero fill of `Tensor(zeros:)` for results that kernels overwrite completely.
    init(shape: [Int], overwriting initializer: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let count = shape.reduce(1, *)
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializer(buffer)
            initializedCount = count
        }
        self.init(shape: shape, scalars: scalars)
    }
}
