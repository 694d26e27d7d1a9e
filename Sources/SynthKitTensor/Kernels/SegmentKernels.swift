/// Fused passes of `Variable.segmentActivated`: tanh or tempered softmax per column segment of
/// a row-major matrix, and the first-order backward pass.
enum SegmentKernels {
    /// Writes tanh(x) in tanh segments and softmax((x + noise)·inverseTemperature) in softmax
    /// segments of every row: one vectorised tanh pass, one vectorised exp pass over the shifted
    /// softmax inputs, then per-segment normalisation.
    static func forward(
        _ input: UnsafeBufferPointer<Float>, noise: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, segments: [ColumnSegment], inverseTemperature: Float
    ) {
        let count = rows &* columns
        guard count > 0, let source = input.baseAddress, let gumbel = noise.baseAddress, let target = output.baseAddress else { return }
        // tanh on the tanh columns only: gathered, one vectorised pass, scattered back.
        let tanhColumns = segments.filter { $0.activation == .tanh }.flatMap { $0.start..<($0.start + $0.width) }
        if !tanhColumns.isEmpty {
            let gathered = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows &* tanhColumns.count)
            defer { gathered.deallocate() }
            var index = 0
            for row in 0..<rows {
                for column in tanhColumns {
                    gathered[index] = source[row &* columns &+ column]
                    index &+= 1
                }
            }
            ElementwiseKernels.apply(ElementwiseFunctions.Tanh(), UnsafeBufferPointer(gathered), gathered)
            index = 0
            for row in 0..<rows {
                for column in tanhColumns {
                    target[row &* columns &+ column] = gathered[index]
                    index &+= 1
                }
            }
        }
        let shifted = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        defer { shifted.deallocate() }
        guard let scratch = shifted.baseAddress else { return }
        scratch.update(repeating: 0, count: count)
        for row in 0..<rows {
            let offset = row &* columns
            for segment in segments where segment.activation == .softmax {
                let first = offset &+ segment.start
                var best = -Float.infinity
                for column in first..<(first &+ segment.width) {
                    let value = (source[column] + gumbel[column]) * inverseTemperature
                    scratch[column] = value
                    if value > best { best = value }
                }
                for column in first..<(first &+ segment.width) { scratch[column] -= best }
            }
        }
        let exponentials = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        defer { exponentials.deallocate() }
        ElementwiseKernels.apply(ElementwiseFunctions.Exp(), UnsafeBufferPointer(shifted), exponentials)
        for row in 0..<rows {
            let offset = row &* columns
            for segment in segments where segment.activation == .softmax {
                let first = offset &+ segment.start
                var total: Float = 0
                for column in first..<(first &+ segment.width) { total += exponentials[column] }
                let reciprocal = 1 / total
                for column in first..<(first &+ segment.width) { target[column] = exponentials[column] * reciprocal }
            }
        }
    }

    /// ∂x from the upstream gradient g and the output y: g·(1 − y²) in tanh segments and
    /// y ⊙ (g − Σ g⊙y)·inverseTemperature in softmax segments.
    static func backward(
        upstream: UnsafeBufferPointer<Float>, output: UnsafeBufferPointer<Float>, inputGradient: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, segments: [ColumnSegment], inverseTemperature: Float
    ) {
        guard let gradient = upstream.baseAddress, let activated = output.baseAddress, let target = inputGradient.baseAddress
        else { return }
        for row in 0..<rows {
            let offset = row &* columns
            for segment in segments {
                let first = offset &+ segment.start
                let range = first..<(first &+ segment.width)
                switch segment.activation {
                case .tanh:
                    for column in range { target[column] = gradient[column] * (1 - activated[column] * activated[column]) }
                case .softmax:
                    var weighted: Float = 0
                    for column in range { weighted += gradient[column] * activated[column] }
                    for column in range {
                        target[column] = activated[column] * (gradient[column] - weighted) * inverseTemperature
                    }
                }
            }
        }
    }
}
