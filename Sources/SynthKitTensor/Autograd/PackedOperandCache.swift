/// The packed right factors of one parameter's value (see `PackedRightOperand`), by transpose
/// and column slice; invalidated, with buffers kept for reuse, when the value changes.
///
/// A weight enters a training step's products in two orientations: Wᵀ (forward, and the
/// second-order products of a gradient penalty) and W (input gradients). Each is packed at
/// most once per optimizer step.
final class PackedOperandCache {
    struct Key: Hashable {
        var transposed: Bool
        var lowerColumn: Int
        var upperColumn: Int
    }

    private var entries: [Key: PackedRightOperand] = [:]
    private var current: Set<Key> = []

    /// Forgets every packed form (the value changed); keeps the buffers.
    func invalidate() {
        current.removeAll(keepingCapacity: true)
    }

    /// The packed panels of `factor`, packing them on first use since the last invalidation.
    func packed(_ factor: ProductOperand) -> PackedRightOperand? {
        let (depth, columns) = (factor.rows, factor.columns)
        guard PackedRightOperand.isSupported(depth: depth, columns: columns) else { return nil }
        let key = Key(transposed: factor.transposed, lowerColumn: factor.storedColumns.lowerBound, upperColumn: factor.storedColumns.upperBound)
        if current.contains(key), let packed = entries[key] { return packed }
        let packed: PackedRightOperand = factor.tensor.scalars.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("an empty tensor cannot be packed") }
            if let existing = entries[key] {
                existing.repack(factor.view(base), depth: depth, columns: columns)
                return existing
            }
            return PackedRightOperand(factor.view(base), depth: depth, columns: columns)
        }
        entries[key] = packed
        current.insert(key)
        return packed
    }
}

extension Variable {
    /// The packed form of `factor` (a view of this variable's value) for use as the right factor
    /// of a product, cached while the value is unchanged; nil unless this is a parameter.
    func packedRightFactor(_ factor: ProductOperand) -> PackedRightOperand? {
        guard isLeaf && requiresGradient else { return nil }
        if packedOperands == nil { packedOperands = PackedOperandCache() }
        return packedOperands?.packed(factor)
    }
}
