/// A function applied element by element, in a scalar and a SIMD form that agree.
///
/// Conformers are small structs (some carry a parameter); kernels are generic over them, so
/// each is specialised into its own loop with no closure or dynamic dispatch per element.
protocol UnaryKernel {
    func scalar(_ x: Float) -> Float
    func vector(_ x: FloatVector) -> FloatVector
}

/// A binary operator in scalar and SIMD form.
protocol BinaryKernel {
    static func scalar(_ x: Float, _ y: Float) -> Float
    static func vector(_ x: FloatVector, _ y: FloatVector) -> FloatVector
}

/// Element-wise loops over raw buffers: the only place element-wise code touches pointers.
enum ElementwiseKernels {
    /// `output[i] = function(input[i])`; the tail is processed as a zero-padded vector so the
    /// scalar and vector paths give identical results for identical inputs.
    @inline(__always)
    static func apply<Function: UnaryKernel>(
        _ function: Function, _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>
    ) {
        let count = input.count
        guard count > 0, let source = input.baseAddress, let target = output.baseAddress else { return }
        let width = FloatVector.scalarCount
        let sourceRaw = UnsafeRawPointer(source)
        let targetRaw = UnsafeMutableRawPointer(target)
        var index = 0
        while index &+ width <= count {
            let value = sourceRaw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
            targetRaw.storeBytes(of: function.vector(value), toByteOffset: index &* 4, as: FloatVector.self)
            index &+= width
        }
        if index < count {
            var padded = FloatVector()
            for lane in 0..<(count &- index) { padded[lane] = source[index &+ lane] }
            let result = function.vector(padded)
            for lane in 0..<(count &- index) { target[index &+ lane] = result[lane] }
        }
    }

    /// `output = left (op) right` with NumPy broadcasting, both operands described by shapes
    /// padded to rank 3 and strides that are 0 along broadcast dimensions.
    @inline(__always)
    static func combine<Operator: BinaryKernel>(
        _ kind: Operator.Type, _ left: UnsafeBufferPointer<Float>, _ right: UnsafeBufferPointer<Float>,
        _ output: UnsafeMutableBufferPointer<Float>, layout: BroadcastLayout
    ) {
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress, let target = output.baseAddress
        else { return }
        let shape = layout.outputShape
        let inner = shape.2
        var position = 0
        for outer in 0..<shape.0 {
            for middle in 0..<shape.1 {
                let leftRow = leftBase + (outer &* layout.leftStrides.0 &+ middle &* layout.leftStrides.1)
                let rightRow = rightBase + (outer &* layout.rightStrides.0 &+ middle &* layout.rightStrides.1)
                let targetRow = target + position
                switch (layout.leftStrides.2, layout.rightStrides.2) {
                case (1, 1):
                    combineContiguous(kind, leftRow, rightRow, targetRow, inner)
                case (1, _):
                    let constant = rightRow.pointee
                    for index in 0..<inner { targetRow[index] = Operator.scalar(leftRow[index], constant) }
                case (_, 1):
                    let constant = leftRow.pointee
                    for index in 0..<inner { targetRow[index] = Operator.scalar(constant, rightRow[index]) }
                default:
                    let value = Operator.scalar(leftRow.pointee, rightRow.pointee)
                    for index in 0..<inner { targetRow[index] = value }
                }
                position &+= inner
            }
        }
    }

    /// `target[i] += source[i]` (same count).
    static func addInPlace(_ source: UnsafeBufferPointer<Float>, _ target: UnsafeMutableBufferPointer<Float>) {
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        combineContiguous(ElementwiseFunctions.Add.self, UnsafePointer(to), from, to, min(source.count, target.count))
    }

    @inline(__always)
    static func combineContiguous<Operator: BinaryKernel>(
        _ kind: Operator.Type, _ left: UnsafePointer<Float>, _ right: UnsafePointer<Float>,
        _ target: UnsafeMutablePointer<Float>, _ count: Int
    ) {
        let width = FloatVector.scalarCount
        let leftRaw = UnsafeRawPointer(left)
        let rightRaw = UnsafeRawPointer(right)
        let targetRaw = UnsafeMutableRawPointer(target)
        var index = 0
        while index &+ width <= count {
            let x = leftRaw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
            let y = rightRaw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
            targetRaw.storeBytes(of: Operator.vector(x, y), toByteOffset: index &* 4, as: FloatVector.self)
            index &+= width
        }
        while index < count {
            target[index] = Operator.scalar(left[index], right[index])
            index &+= 1
        }
    }
}

/// How two operands map onto a broadcast result, with shapes padded to rank 3.
struct BroadcastLayout {
    var outputShape: (Int, Int, Int)
    var leftStrides: (Int, Int, Int)
    var rightStrides: (Int, Int, Int)

    /// The layout for `left (op) right`, or nil when the shapes do not broadcast.
    init?(left: [Int], right: [Int]) {
        let rank = max(left.count, right.count)
        guard rank <= 3 else { return nil }
        let leftPadded = [Int](repeating: 1, count: 3 - left.count) + left
        let rightPadded = [Int](repeating: 1, count: 3 - right.count) + right
        var output = [0, 0, 0]
        for axis in 0..<3 {
            let (l, r) = (leftPadded[axis], rightPadded[axis])
            guard l == r || l == 1 || r == 1 else { return nil }
            output[axis] = l == 1 ? r : l
        }
        func strides(_ shape: [Int]) -> (Int, Int, Int) {
            let dense = (shape[1] * shape[2], shape[2], 1)
            return (shape[0] == 1 ? 0 : dense.0, shape[1] == 1 ? 0 : dense.1, shape[2] == 1 ? 0 : dense.2)
        }
        outputShape = (output[0], output[1], output[2])
        leftStrides = strides(leftPadded)
        rightStrides = strides(rightPadded)
    }
}
