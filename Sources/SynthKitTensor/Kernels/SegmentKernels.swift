/// Fused passes of `Variable.segmentActivated`: tanh or tempered softmax per column segment of
/// a row-major matrix, and the first-order backward pass.
enum SegmentKernels {
    /// Writes tanh(x), x, softmax(z) or log softmax(z), z = (x + noise)·inverseTemperature, per
    /// segment of every row: one vectorised tanh pass over the tanh columns, one vectorised exp
    /// pass over the shifted softmax inputs, then per-segment normalisation.
    static func forward(
        _ input: UnsafeBufferPointer<Float>, noise: UnsafeBufferPointer<Float>?, output: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, segments: [ColumnSegment], inverseTemperature: Float
    ) {
        let count = rows &* columns
        guard count > 0, let source = input.baseAddress, let target = output.baseAddress else { return }
        let gumbel = noise?.baseAddress
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
            for segment in segments where segment.activation == .identity {
                let first = offset &+ segment.start
                for column in first..<(first &+ segment.width) { target[column] = source[column] }
            }
            for segment in segments where segment.activation == .softmax || segment.activation == .logSoftmax {
                let first = offset &+ segment.start
                var best = -Float.infinity
                for column in first..<(first &+ segment.width) {
                    let value = (source[column] + (gumbel?[column] ?? 0)) * inverseTemperature
                    scratch[column] = value
                    if value > best { best = value }
                }
                for column in first..<(first &+ segment.width) { scratch[column] -= best }
            }
        }
        let exponentials = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        defer { exponentials.deallocate() }
        ElementwiseKernels.apply(ElementwiseFunctions.Exp(), UnsafeBufferPointer(shifted), exponentials)
        // Segment sums, then (for log-softmax segments) their logarithms in one vectorised pass.
        let normalised = segments.filter { $0.activation == .softmax || $0.activation == .logSoftmax }
        let totals = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(rows &* normalised.count, 1))
        defer { totals.deallocate() }
        for row in 0..<rows {
            let offset = row &* columns
            for (index, segment) in normalised.enumerated() {
                let first = offset &+ segment.start
                var total: Float = 0
                for column in first..<(first &+ segment.width) { total += exponentials[column] }
                totals[row &* normalised.count &+ index] = total
            }
        }
        let logTotals = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(rows &* normalised.count, 1))
        defer { logTotals.deallocate() }
        if normalised.contains(where: { $0.activation == .logSoftmax }) {
            ElementwiseKernels.apply(
                ElementwiseFunctions.Log(), UnsafeBufferPointer(rebasing: totals[0..<(rows &* normalised.count)]),
                UnsafeMutableBufferPointer(rebasing: logTotals[0..<(rows &* normalised.count)]))
        }
        for row in 0..<rows {
            let offset = row &* columns
            for (index, segment) in normalised.enumerated() {
                let first = offset &+ segment.start
                if segment.activation == .softmax {
                    let reciprocal = 1 / totals[row &* normalised.count &+ index]
                    for column in first..<(first &+ segment.width) { target[column] = exponentials[column] * reciprocal }
                } else {
                    let logTotal = logTotals[row &* normalised.count &+ index]
                    for column in first..<(first &+ segment.width) { target[column] = scratch[column] - logTotal }
                }
            }
        }
    }

    /// ∂x from the upstream gradient g and the output y: g·(1 − y²) in tanh segments, g in
    /// identity segments, y ⊙ (g − Σ g⊙y)·inverseTemperature in softmax segments and
    /// (g − e^y Σ g)·inverseTemperature in log-softmax segments.
    static func backward(
        upstream: UnsafeBufferPointer<Float>, output: UnsafeBufferPointer<Float>, inputGradient: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, segments: [ColumnSegment], inverseTemperature: Float
    ) {
        guard let gradient = upstream.baseAddress, let activated = output.baseAddress, let target = inputGradient.baseAddress
        else { return }
        // e^y for log-softmax segments, in one vectorised pass.
        let needsProbabilities = segments.contains { $0.activation == .logSoftmax }
        let probabilities = UnsafeMutableBufferPointer<Float>.allocate(capacity: needsProbabilities ? rows &* columns : 0)
        defer { probabilities.deallocate() }
        if needsProbabilities { ElementwiseKernels.apply(ElementwiseFunctions.Exp(), output, probabilities) }
        for row in 0..<rows {
            let offset = row &* columns
            for segment in segments {
                let first = offset &+ segment.start
                let range = first..<(first &+ segment.width)
                switch segment.activation {
                case .tanh:
                    for column in range { target[column] = gradient[column] * (1 - activated[column] * activated[column]) }
                case .identity:
                    for column in range { target[column] = gradient[column] }
                case .softmax:
                    var weighted: Float = 0
                    for column in range { weighted += gradient[column] * activated[column] }
                    for column in range {
                        target[column] = activated[column] * (gradient[column] - weighted) * inverseTemperature
                    }
                case .logSoftmax:
                    var total: Float = 0
                    for column in range { total += gradient[column] }
                    for column in range {
                        target[column] = (gradient[column] - probabilities[column] * total) * inverseTemperature
                    }
                }
            }
        }
    }
}
