extension Variable {
    /// The matrix product `op(left) · op(right)` (see ``Tensor/matrixProduct(_:_:transposeLeft:transposeRight:threads:)``).
    ///
    /// Pullback, with C = op(A)·op(B) and upstream G: ∂A = G·op(B)ᵀ (transposed back when A was
    /// transposed) and ∂B = op(A)ᵀ·G (likewise), each itself a transposed product, so no
    /// transposes are materialised and second derivatives come for free. When `right` is a
    /// parameter its packed panels are reused until its value changes.
    public static func matrixProduct(
        _ left: Variable, _ right: Variable, transposeLeft: Bool = false, transposeRight: Bool = false
    ) -> Variable {
        let value = packedProduct(left.value, transposeLeft: transposeLeft, right, transposeRight: transposeRight)
        return record(value, [left, right]) { context in
            let (a, b, upstream) = (context.inputs[0], context.inputs[1], context.upstream)
            var gradients: [Variable?] = [nil, nil]
            if context.needs(0) {
                gradients[0] = transposeLeft
                    ? matrixProduct(b, upstream, transposeLeft: transposeRight, transposeRight: true)
                    : matrixProduct(upstream, b, transposeLeft: false, transposeRight: !transposeRight)
            }
            if context.needs(1) {
                gradients[1] = transposeRight
                    ? matrixProduct(upstream, a, transposeLeft: true, transposeRight: transposeLeft)
                    : matrixProduct(a, upstream, transposeLeft: !transposeLeft, transposeRight: false)
            }
            return gradients
        }
    }

    /// op(left)·op(right) on tensors, with `right`'s cached packed panels when it is a parameter.
    static func packedProduct(_ left: Tensor, transposeLeft: Bool, _ right: Variable, transposeRight: Bool) -> Tensor {
        let leftFactor = ProductOperand(left, transposed: transposeLeft)
        let rightFactor = ProductOperand(right.value, transposed: transposeRight)
        precondition(
            leftFactor.columns == rightFactor.rows,
            "matrixProduct: inner sizes differ: \(left.shape)\(transposeLeft ? "ᵀ" : "") x \(right.shape)\(transposeRight ? "ᵀ" : "")")
        if leftFactor.rows == 0 || rightFactor.columns == 0 || leftFactor.columns == 0 {
            return Tensor(zeros: [leftFactor.rows, rightFactor.columns])
        }
        return Tensor.product(leftFactor, rightFactor, packedRight: right.packedRightFactor(rightFactor))
    }
}
