/// Row-wise softmax, log-softmax and log-sum-exp of a row-major `[rows, columns]` block, in a
/// few whole-buffer passes (row maxima, one vectorised exp, row sums), so short rows such as
/// CTGAN's 10-way one-hot spans cost no per-row vector set-up.
enum SoftmaxKernels {
    enum Output {
        case softmax
        case logSoftmax
        case logSumExp
    }

    /// Writes the requested function of each row into `output` (`rows` values for `.logSumExp`).
    static func rows(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>, rows: Int, columns: Int,
        kind: Output
    ) {
        guard rows > 0, columns > 0, let source = input.baseAddress, let target = output.baseAddress else { return }
        let count = rows &* columns
        let shifted = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        defer { shifted.deallocate() }
        let maxima = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows)
        defer { maxima.deallocate() }
        for row in 0..<rows {
            let sourceRow = source + row &* columns
            var best = sourceRow[0]
            for column in 1..<columns where sourceRow[column] > best { best = sourceRow[column] }
            maxima[row] = best
            for column in 0..<columns { shifted[row &* columns &+ column] = sourceRow[column] - best }
        }
        let exponentials = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
        defer { exponentials.deallocate() }
        ElementwiseKernels.apply(ElementwiseFunctions.Exp(), UnsafeBufferPointer(shifted), exponentials)
        for row in 0..<rows {
            var total: Float = 0
            for column in 0..<columns { total += exponentials[row &* columns &+ column] }
            switch kind {
            case .softmax:
                let reciprocal = 1 / total
                for column in 0..<columns { target[row &* columns &+ column] = exponentials[row &* columns &+ column] * reciprocal }
            case .logSoftmax:
                let logTotal = ElementwiseFunctions.Log().scalar(total)
                for column in 0..<columns { target[row &* columns &+ column] = shifted[row &* columns &+ column] - logTotal }
            case .logSumExp:
                target[row] = maxima[row] + ElementwiseFunctions.Log().scalar(total)
            }
        }
    }
}
