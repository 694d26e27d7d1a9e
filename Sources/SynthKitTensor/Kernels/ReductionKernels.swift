/// Reductions over one axis of a tensor viewed as `[outer, axis, inner]`.
///
/// Summation order is fixed by the shape alone (lanes of a SIMD accumulator, then a fixed
/// lane-combining order), so results are deterministic.
enum ReductionKernels {
    /// `output[o, i] = Σ_a input[o, a, i]`.
    static func sum(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        outer: Int, axis: Int, inner: Int
    ) {
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        if inner == 1 {
            for row in 0..<outer { target[row] = contiguousSum(source + row &* axis, axis) }
            return
        }
        for row in 0..<outer {
            let targetRow = target + row &* inner
            targetRow.update(repeating: 0, count: inner)
            for step in 0..<axis {
                let sourceRow = source + (row &* axis &+ step) &* inner
                for index in 0..<inner { targetRow[index] += sourceRow[index] }
            }
        }
    }

    /// `output[o, i] = max_a input[o, a, i]` (NaN-propagating is not promised).
    static func maximum(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        outer: Int, axis: Int, inner: Int
    ) {
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        if inner == 1 {
            for row in 0..<outer {
                let sourceRow = source + row &* axis
                var best = sourceRow[0]
                for step in 1..<max(axis, 1) where sourceRow[step] > best { best = sourceRow[step] }
                target[row] = best
            }
            return
        }
        for row in 0..<outer {
            let targetRow = target + row &* inner
            targetRow.update(from: source + row &* axis &* inner, count: inner)
            for step in 1..<max(axis, 1) {
                let sourceRow = source + (row &* axis &+ step) &* inner
                for index in 0..<inner where sourceRow[index] > targetRow[index] { targetRow[index] = sourceRow[index] }
            }
        }
    }

    /// The sum of `count` contiguous floats with a SIMD accumulator.
    @inline(__always)
    static func contiguousSum(_ source: UnsafePointer<Float>, _ count: Int) -> Float {
        let width = FloatVector.scalarCount
        let raw = UnsafeRawPointer(source)
        var accumulator = FloatVector()
        var index = 0
        while index &+ width <= count {
            accumulator += raw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
            index &+= width
        }
        var total = accumulator.sum()
        while index < count {
            total += source[index]
            index &+= 1
        }
        return total
    }
}
