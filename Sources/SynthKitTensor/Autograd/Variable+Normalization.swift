extension Variable {
    /// Batch normalisation of a `[batch, features]` matrix with the batch statistics:
    /// y = γ (x − μ_B) / √(σ²_B + ε) + β (Ioffe and Szegedy 2015), returning y and the batch mean
    /// and biased variance (for running statistics).
    ///
    /// Forward and first-order backward are fused kernels. When a graph is requested
    /// (`createGraph: true`), the pullback differentiates the same formula written with
    /// differentiable operations, so second derivatives are exact.
    public static func batchNormalized(
        _ input: Variable, weight: Variable, bias: Variable, epsilon: Float
    ) -> (output: Variable, mean: Tensor, variance: Tensor) {
        precondition(input.value.rank == 2, "batchNormalized needs [batch, features], got \(input.shape)")
        let (rows, columns) = (input.shape[0], input.shape[1])
        precondition(weight.shape == [columns] && bias.shape == [columns], "batchNormalized: weight \(weight.shape), bias \(bias.shape) for \(columns) features")
        var mean = Tensor(zeros: [columns])
        var variance = Tensor(zeros: [columns])
        input.value.scalars.withUnsafeBufferPointer { source in
            mean.scalars.withUnsafeMutableBufferPointer { meanBuffer in
                variance.scalars.withUnsafeMutableBufferPointer { varianceBuffer in
                    NormalizationKernels.statistics(source, rows: rows, columns: columns, mean: meanBuffer, variance: varianceBuffer)
                }
            }
        }
        let inverseDeviation = (variance + epsilon).squareRoot().power(-1)
        var normalized = Tensor(uninitializedShape: [rows, columns])
        var output = Tensor(uninitializedShape: [rows, columns])
        input.value.scalars.withUnsafeBufferPointer { source in
            mean.scalars.withUnsafeBufferPointer { meanBuffer in
                inverseDeviation.scalars.withUnsafeBufferPointer { inverseBuffer in
                    weight.value.scalars.withUnsafeBufferPointer { weightBuffer in
                        bias.value.scalars.withUnsafeBufferPointer { biasBuffer in
                            normalized.scalars.withUnsafeMutableBufferPointer { normalizedBuffer in
                                output.scalars.withUnsafeMutableBufferPointer { outputBuffer in
                                    NormalizationKernels.normalize(
                                        source, rows: rows, columns: columns, mean: meanBuffer, inverseDeviation: inverseBuffer,
                                        weight: weightBuffer, bias: biasBuffer, normalized: normalizedBuffer, output: outputBuffer)
                                }
                            }
                        }
                    }
                }
            }
        }
        let result = record(output, [input, weight, bias]) { context in
            if !GradientRecording.isDisabled {
                // A graph is being built: the same backward formula in differentiable operations.
                return differentiableBackward(context, epsilon: epsilon)
            }
            var inputGradient = Tensor(uninitializedShape: [rows, columns])
            var weightGradient = Tensor(zeros: [columns])
            var biasGradient = Tensor(zeros: [columns])
            context.upstream.value.scalars.withUnsafeBufferPointer { upstream in
                normalized.scalars.withUnsafeBufferPointer { normalizedBuffer in
                    inverseDeviation.scalars.withUnsafeBufferPointer { inverseBuffer in
                        context.inputs[1].value.scalars.withUnsafeBufferPointer { weightBuffer in
                            inputGradient.scalars.withUnsafeMutableBufferPointer { inputTarget in
                                weightGradient.scalars.withUnsafeMutableBufferPointer { weightTarget in
                                    biasGradient.scalars.withUnsafeMutableBufferPointer { biasTarget in
                                        NormalizationKernels.backward(
                                            upstream: upstream, normalized: normalizedBuffer, rows: rows, columns: columns,
                                            inverseDeviation: inverseBuffer, weight: weightBuffer, inputGradient: inputTarget,
                                            weightGradient: weightTarget, biasGradient: biasTarget)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return [Variable(inputGradient), Variable(weightGradient), Variable(biasGradient)]
        }
        return (result, mean, variance)
    }

    /// ∂β = Σᵢ g, ∂γ = Σᵢ g·x̂, ∂x = (γ·inv / n)(n·g − ∂β − x̂·∂γ), written with differentiable
    /// operations of x, γ and g so the gradient can itself be differentiated.
    static func differentiableBackward(_ context: BackwardContext, epsilon: Float) -> [Variable?] {
        let (input, weight, upstream) = (context.inputs[0], context.inputs[1], context.upstream)
        let (rows, columns) = (input.shape[0], input.shape[1])
        let centred = input - input.mean(alongAxis: 0)
        let deviation = ((centred * centred).mean(alongAxis: 0) + epsilon).squareRoot()
        let normalized = centred / deviation
        let biasGradient = upstream.sum(alongAxis: 0)
        let weightGradient = (upstream * normalized).sum(alongAxis: 0)
        let inputGradient = (weight / deviation) * (1 / Float(rows))
            * (upstream * Float(rows) - biasGradient - normalized * weightGradient)
        return [
            context.needs(0) ? inputGradient : nil,
            context.needs(1) ? weightGradient.reshaped([columns]) : nil,
            context.needs(2) ? biasGradient.reshaped([columns]) : nil,
        ]
    }

    /// The same normalisation written with differentiable operations (a test twin).
    static func compositeBatchNormalized(_ input: Variable, weight: Variable, bias: Variable, epsilon: Float) -> Variable {
        let mean = input.mean(alongAxis: 0)
        let centred = input - mean
        let variance = (centred * centred).mean(alongAxis: 0)
        return centred / (variance + epsilon).squareRoot() * weight + bias
    }
}
