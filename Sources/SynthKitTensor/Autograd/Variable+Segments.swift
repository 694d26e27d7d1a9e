extension Variable {
    /// Activates each column segment of a matrix: tanh, identity, or (log) softmax((x + noise) / τ),
    /// in one fused pass (CTGAN's output activation with Gumbel-softmax, Jang et al. 2017), where slicing each
    /// segment, activating it and concatenating the results would allocate a full-width gradient
    /// per segment in the backward pass.
    ///
    /// Pullback: g·(1 − y²) on tanh segments and y ⊙ (g − Σ g⊙y) / τ on softmax segments,
    /// fused; when a graph is requested the same activation is rebuilt from differentiable
    /// operations, so second derivatives exist.
    ///
    /// - Parameters:
    ///   - segments: blocks that tile the columns in order, from column 0 to the last.
    ///   - noise: added to the softmax inputs before tempering (Gumbel noise), or nil for none;
    ///     same shape as this matrix, ignored in tanh and identity segments.
    ///   - temperature: τ > 0.
    /// Complexity: O(rows · columns).
    public func segmentActivated(_ segments: [ColumnSegment], noise: Tensor? = nil, temperature: Float = 1) -> Variable {
        precondition(value.rank == 2 && (noise?.shape ?? shape) == shape, "segmentActivated: input \(shape), noise \(noise?.shape ?? [])")
        precondition(temperature > 0, "segmentActivated: temperature must be positive, got \(temperature)")
        var next = 0
        for segment in segments {
            precondition(segment.start == next, "segmentActivated: segments must tile the columns in order, got \(segments)")
            next = segment.start + segment.width
        }
        precondition(next == shape[1], "segmentActivated: segments cover \(next) of \(shape[1]) columns")
        let (rows, columns) = (shape[0], shape[1])
        let inverseTemperature = 1 / temperature
        let noiseScalars = noise?.scalars ?? []
        let output = value.scalars.withUnsafeBufferPointer { input in
            noiseScalars.withUnsafeBufferPointer { noiseBuffer in
                Tensor(shape: shape) { target in
                    SegmentKernels.forward(
                        input, noise: noise == nil ? nil : noiseBuffer, output: target, rows: rows, columns: columns,
                        segments: segments, inverseTemperature: inverseTemperature)
                }
            }
        }
        return Variable.record(output, [self]) { context in
            if !GradientRecording.isDisabled {
                return [Variable.compositeSegmentGradient(context, segments: segments, noise: noise, temperature: temperature)]
            }
            let gradient = context.upstream.value.scalars.withUnsafeBufferPointer { upstream in
                context.output.value.scalars.withUnsafeBufferPointer { activated in
                    Tensor(shape: [rows, columns]) { target in
                        SegmentKernels.backward(
                            upstream: upstream, output: activated, inputGradient: target, rows: rows, columns: columns,
                            segments: segments, inverseTemperature: inverseTemperature)
                    }
                }
            }
            return [Variable(gradient)]
        }
    }

    /// The pullback of ``segmentActivated(_:noise:temperature:)`` in differentiable operations.
    static func compositeSegmentGradient(
        _ context: BackwardContext, segments: [ColumnSegment], noise: Tensor?, temperature: Float
    ) -> Variable {
        let input = context.inputs[0]
        let upstream = context.upstream
        let parts = segments.map { segment -> Variable in
            let range = segment.start..<(segment.start + segment.width)
            let gradient = upstream.columns(range)
            switch segment.activation {
            case .tanh:
                let activated = input.columns(range).tanh()
                return gradient * (activated * activated).affine(scale: -1, shift: 1)
            case .identity:
                return gradient
            case .softmax:
                let activated = (shiftedInput(input.columns(range), noise?.columns(range)) * (1 / temperature)).softmax(alongAxis: 1)
                return activated * (gradient - (gradient * activated).sum(alongAxis: 1)) * (1 / temperature)
            case .logSoftmax:
                let probabilities = (shiftedInput(input.columns(range), noise?.columns(range)) * (1 / temperature)).softmax(alongAxis: 1)
                return (gradient - probabilities * gradient.sum(alongAxis: 1)) * (1 / temperature)
            }
        }
        return concatenate(parts, alongAxis: 1)
    }

    /// x + noise, or x without noise.
    private static func shiftedInput(_ input: Variable, _ noise: Tensor?) -> Variable {
        noise.map { input + $0 } ?? input
    }
}
