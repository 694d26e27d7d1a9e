import SynthKitCore

/// Vectorised random fills. Recipes (part of the reproducibility contract for a seed):
/// each 64-bit draw gives two uniform floats, bits 63-40 then bits 39-16, each `u · 2⁻²⁴`
/// (24 random bits; an open uniform adds ½ before scaling); normals use Box-Muller on pairs (u₁ open, u₂ uniform):
/// r = √(−2 log u₁), θ = 2π u₂ − π, z = (r cos θ, r sin θ); Gumbel is −log(−log u) with u open.
enum RandomKernels {
    static func uniforms(count: Int, open: Bool, stream: inout RandomStream) -> [Float] {
        let offset: Float = open ? 0.5 : 0
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            var index = 0
            while index < count {
                let bits = stream.next()
                buffer[index] = (Float(bits >> 40) + offset) * 0x1p-24
                if index &+ 1 < count { buffer[index &+ 1] = (Float((bits >> 16) & 0xFF_FFFF) + offset) * 0x1p-24 }
                index &+= 2
            }
            initialized = count
        }
    }

    static func normals(count: Int, stream: inout RandomStream) -> [Float] {
        let pairs = (count + 1) / 2
        let radii = uniforms(count: pairs, open: true, stream: &stream)
        let angles = uniforms(count: pairs, open: false, stream: &stream)
        let width = FloatVector.scalarCount
        return radii.withUnsafeBufferPointer { radiusBuffer in
            angles.withUnsafeBufferPointer { angleBuffer in
                [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                    guard let radiusBase = radiusBuffer.baseAddress, let angleBase = angleBuffer.baseAddress,
                        let target = buffer.baseAddress
                    else {
                        initialized = 0
                        return
                    }
                    var start = 0
                    while start < pairs {
                        let live = min(width, pairs &- start)
                        var radius = FloatVector(repeating: 1)
                        var angle = FloatVector()
                        if live == width {
                            radius = UnsafeRawPointer(radiusBase + start).loadUnaligned(as: FloatVector.self)
                            angle = UnsafeRawPointer(angleBase + start).loadUnaligned(as: FloatVector.self)
                        } else {
                            for lane in 0..<live {
                                radius[lane] = radiusBase[start &+ lane]
                                angle[lane] = angleBase[start &+ lane]
                            }
                        }
                        let magnitude = VectorMath.squareRoot(-2 * VectorMath.log(radius))
                        let (sine, cosine) = sineCosine(angle * (2 * Float.pi) - Float.pi)
                        let first = magnitude * cosine
                        let second = magnitude * sine
                        if live == width && 2 &* (start &+ width) <= count {
                            // Whole vectors: a fixed-length interleave the compiler unrolls.
                            let pairTarget = target + 2 &* start
                            for lane in 0..<width {
                                pairTarget[2 &* lane] = first[lane]
                                pairTarget[2 &* lane &+ 1] = second[lane]
                            }
                        } else {
                            for lane in 0..<live {
                                let index = 2 &* (start &+ lane)
                                target[index] = first[lane]
                                if index &+ 1 < count { target[index &+ 1] = second[lane] }
                            }
                        }
                        start &+= width
                    }
                    initialized = count
                }
            }
        }
    }

    static func gumbels(count: Int, stream: inout RandomStream) -> [Float] {
        var values = uniforms(count: count, open: true, stream: &stream)
        // −log(−log u) in one pass (the same vector logarithm as `Tensor.log`, so the same bits).
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let width = FloatVector.scalarCount
            let raw = UnsafeMutableRawPointer(base)
            var index = 0
            while index &+ width <= count {
                let uniform = raw.loadUnaligned(fromByteOffset: index &* 4, as: FloatVector.self)
                raw.storeBytes(of: -VectorMath.log(-VectorMath.log(uniform)), toByteOffset: index &* 4, as: FloatVector.self)
                index &+= width
            }
            if index < count {
                var uniform = FloatVector(repeating: 0.5)
                for lane in 0..<(count &- index) { uniform[lane] = base[index &+ lane] }
                let gumbel = -VectorMath.log(-VectorMath.log(uniform))
                for lane in 0..<(count &- index) { base[index &+ lane] = gumbel[lane] }
            }
        }
        return values
    }

    /// sin and cos on [−π, π] by Taylor polynomials to degree 15 and 16 (error < 1e-6).
    @inline(__always)
    static func sineCosine(_ x: FloatVector) -> (FloatVector, FloatVector) {
        let square = x * x
        var sine = FloatVector(repeating: -7.647163731819816e-13)
        sine = FloatVector(repeating: 1 / 6_227_020_800).addingProduct(sine, square)
        sine = FloatVector(repeating: -1 / 39_916_800).addingProduct(sine, square)
        sine = FloatVector(repeating: 1 / 362_880).addingProduct(sine, square)
        sine = FloatVector(repeating: -1 / 5040).addingProduct(sine, square)
        sine = FloatVector(repeating: 1 / 120).addingProduct(sine, square)
        sine = FloatVector(repeating: -1 / 6).addingProduct(sine, square)
        sine = FloatVector(repeating: 1).addingProduct(sine, square)
        var cosine = FloatVector(repeating: 4.779477332387385e-14)
        cosine = FloatVector(repeating: -1.1470745597729725e-11).addingProduct(cosine, square)
        cosine = FloatVector(repeating: 1 / 479_001_600).addingProduct(cosine, square)
        cosine = FloatVector(repeating: -1 / 3_628_800).addingProduct(cosine, square)
        cosine = FloatVector(repeating: 1 / 40320).addingProduct(cosine, square)
        cosine = FloatVector(repeating: -1 / 720).addingProduct(cosine, square)
        cosine = FloatVector(repeating: 1 / 24).addingProduct(cosine, square)
        cosine = FloatVector(repeating: -0.5).addingProduct(cosine, square)
        cosine = FloatVector(repeating: 1).addingProduct(cosine, square)
        return (sine * x, cosine)
    }
}
