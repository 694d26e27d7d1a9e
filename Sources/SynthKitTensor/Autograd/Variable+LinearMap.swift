extension Variable {
    /// The affine map of the column-wise concatenation of `parts`: y = [x₁ … xₙ]·Wᵀ + b, without
    /// building the concatenation (PyTorch `linear(cat(parts), W, b)`).
    ///
    /// Part i reads the columns of W that follow the previous parts' widths; its product
    /// accumulates into y, which starts as b. The pullback computes ∂W one column block per part
    /// (∂W[:, i] = Gᵀ·xᵢ), ∂xᵢ = G·W[:, i] only for parts that need it (a residual block's
    /// constant input needs none) and ∂b = Σ_rows G. This is CTGAN's residual generator
    /// layer, whose input is the concatenation of every earlier block's output and the noise.
    ///
    /// - Parameters:
    ///   - parts: matrices `[batch, widthᵢ]` with Σ widthᵢ = W's column count.
    ///   - weight: W, `[outputs, Σ widthᵢ]`; its packed panels are reused until it changes.
    ///   - bias: b, `[outputs]`, or nil.
    ///   - knownOutput: the value of the map when the caller already has it, so the forward
    ///     products are skipped (a WGAN-GP interpolate's first layer is α·f(real) + (1 − α)·f(fake)
    ///     by linearity); it must equal [x₁ … xₙ]·Wᵀ + b up to rounding. The pullback is unchanged.
    /// Complexity: 2·batch·outputs·Σ widthᵢ flops forward (none with `knownOutput`); the same per
    /// gradient wanted.
    public static func linear(_ parts: [Variable], weight: Variable, bias: Variable?, knownOutput: Tensor? = nil) -> Variable {
        precondition(!parts.isEmpty && weight.value.rank == 2, "linear needs parts and a weight matrix, got \(parts.count) parts and \(weight.shape)")
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        let batch = parts[0].shape[0]
        var ranges: [Range<Int>] = []
        var start = 0
        for part in parts {
            precondition(part.value.rank == 2 && part.shape[0] == batch, "linear: part of shape \(part.shape) for batch \(batch)")
            ranges.append(start..<(start + part.shape[1]))
            start += part.shape[1]
        }
        precondition(start == inputs, "linear: parts total \(start) columns, weight \(weight.shape) expects \(inputs)")
        precondition(bias.map { $0.shape == [outputs] } ?? true, "linear: bias \(bias?.shape ?? []) for \(outputs) outputs")
        var output = Tensor(uninitializedShape: [batch, outputs])
        if let knownOutput {
            precondition(knownOutput.shape == [batch, outputs], "linear: known output \(knownOutput.shape) for [\(batch), \(outputs)]")
            output = knownOutput
        } else if let bias {
            output.fillRows(with: bias.value)
        } else if parts.allSatisfy({ $0.shape[1] == 0 }) || batch == 0 {
            output = Tensor(zeros: [batch, outputs])
        }
        var wrote = bias != nil
        for (part, range) in zip(parts, ranges) where !range.isEmpty && knownOutput == nil {
            let factor = ProductOperand(weight.value, transposed: true, storedColumns: range)
            Tensor.multiply(
                ProductOperand(part.value), factor, into: &output, accumulate: wrote, packedRight: weight.packedRightFactor(factor))
            wrote = true
        }
        let inputsList = parts + [weight] + (bias.map { [$0] } ?? [])
        let partCount = parts.count
        return record(output, inputsList) { context in
            if !GradientRecording.isDisabled { return compositeLinearBackward(context, ranges: ranges, hasBias: bias != nil) }
            let upstream = context.upstream.value
            let weightVariable = context.inputs[partCount]
            var gradients: [Variable?] = (0..<partCount).map { index in
                guard context.needs(index), !ranges[index].isEmpty else {
                    return context.needs(index) ? Variable(Tensor(zeros: [batch, 0])) : nil
                }
                let factor = ProductOperand(weightVariable.value, transposed: false, storedColumns: ranges[index])
                return Variable(Tensor.product(ProductOperand(upstream), factor, packedRight: weightVariable.packedRightFactor(factor)))
            }
            if context.needs(partCount) {
                // Accumulated by the products themselves into the gradient collected so far
                // (a critic weight gets one contribution per scored batch and one from the penalty).
                let collected = context.accumulator(partCount)
                var weightGradient = collected?.value ?? Tensor(uninitializedShape: [outputs, inputs])
                collected?.value = Tensor(zeros: [0])
                for (index, range) in ranges.enumerated() where !range.isEmpty {
                    Tensor.multiply(
                        ProductOperand(upstream, transposed: true), ProductOperand(context.inputs[index].value),
                        into: &weightGradient, columnOffset: range.lowerBound, accumulate: collected != nil)
                }
                if let collected {
                    collected.value = weightGradient
                    gradients.append(collected)
                } else {
                    gradients.append(Variable(weightGradient))
                }
            } else {
                gradients.append(nil)
            }
            if bias != nil {
                gradients.append(context.needs(partCount + 1) ? Variable(upstream.sum(alongAxis: 0).reshaped([outputs])) : nil)
            }
            return gradients
        }
    }

    /// The pullback of ``linear(_:weight:bias:)`` in differentiable operations (for second order).
    static func compositeLinearBackward(_ context: BackwardContext, ranges: [Range<Int>], hasBias: Bool) -> [Variable?] {
        let partCount = ranges.count
        let upstream = context.upstream
        let weight = context.inputs[partCount]
        var gradients: [Variable?] = ranges.enumerated().map { index, range in
            guard context.needs(index) else { return nil }
            // One part reads the whole weight: no slice, so its packed panels are reused.
            return partCount == 1 ? matrixProduct(upstream, weight) : matrixProduct(upstream, weight.columns(range))
        }
        if context.needs(partCount) {
            let blocks = ranges.indices.map { matrixProduct(upstream, context.inputs[$0], transposeLeft: true) }
            gradients.append(partCount == 1 ? blocks[0] : concatenate(blocks, alongAxis: 1))
        } else {
            gradients.append(nil)
        }
        if hasBias {
            gradients.append(context.needs(partCount + 1) ? upstream.sum(alongAxis: 0).reshaped([weight.shape[0]]) : nil)
        }
        return gradients
    }
}
