extension Variable {
    /// Back-propagates from this node and adds the gradients into the ``gradient`` of every leaf
    /// that requires one (PyTorch `backward`), or only of `parameters` when given (PyTorch
    /// `backward(inputs=)`), which skips the work for everything else.
    ///
    /// - Parameters:
    ///   - upstream: ∂L/∂self; defaults to ones (so a scalar loss gets 1).
    ///   - createGraph: record the backward computation so the gradients can be differentiated
    ///     again; only the differentiable gradients returned by
    ///     ``gradients(of:withRespectTo:upstream:createGraph:)`` expose that graph.
    ///   - parameters: the leaves to accumulate into; nil means every leaf that requires a gradient.
    /// Complexity: one pullback per recorded node on a path to a wanted leaf; iterative
    /// topological order (no recursion).
    public func backward(upstream: Tensor? = nil, createGraph: Bool = false, restrictedTo parameters: [Variable]? = nil) {
        let targets = parameters.map { Set($0.map(ObjectIdentifier.init)) }
        let leaves = Variable.propagate(from: self, upstream: upstream, createGraph: createGraph, targets: targets)
        for (leaf, gradient) in leaves where leaf.requiresGradient && leaf.isLeaf {
            if leaf.gradient != nil {
                leaf.gradient? += gradient.value
            } else {
                leaf.gradient = gradient.value
            }
        }
    }

    /// The gradients of `output` with respect to `targets` (PyTorch `torch.autograd.grad`),
    /// without touching any ``gradient`` field. Only nodes on a path to a target are visited.
    ///
    /// With `createGraph: true` each returned variable is part of a graph that reaches back to
    /// the parameters, so `gradients(...)[0].squared().sum()` can be back-propagated again.
    /// A target the output does not depend on gets zeros.
    public static func gradients(
        of output: Variable, withRespectTo targets: [Variable], upstream: Tensor? = nil, createGraph: Bool = false
    ) -> [Variable] {
        let wanted = Set(targets.map(ObjectIdentifier.init))
        let found = propagate(from: output, upstream: upstream, createGraph: createGraph, targets: wanted)
        var byNode: [ObjectIdentifier: Variable] = [:]
        for (node, gradient) in found { byNode[ObjectIdentifier(node)] = gradient }
        return targets.map { byNode[ObjectIdentifier($0)] ?? Variable(Tensor(zeros: $0.shape)) }
    }

    /// Runs the pullbacks in reverse topological order and returns the gradients of `targets`
    /// (or of every leaf when nil). Inputs that lead to no target are neither computed nor
    /// visited: pullbacks see that through ``BackwardContext/needs(_:)``.
    static func propagate(
        from output: Variable, upstream: Tensor?, createGraph: Bool, targets: Set<ObjectIdentifier>?
    ) -> [(Variable, Variable)] {
        let seed = upstream ?? Tensor(repeating: 1, shape: output.shape)
        precondition(seed.shape == output.shape, "backward: upstream shape \(seed.shape) differs from output \(output.shape)")
        let order = topologicalOrder(from: output)
        var relevant: Set<ObjectIdentifier> = []
        for node in order {
            let identifier = ObjectIdentifier(node)
            let isTarget = targets.map { $0.contains(identifier) } ?? node.isLeaf
            if isTarget || node.parents.contains(where: { relevant.contains(ObjectIdentifier($0)) }) {
                relevant.insert(identifier)
            }
        }
        return GradientRecording.$isDisabled.withValue(!createGraph) {
            var pending: [ObjectIdentifier: Variable] = [ObjectIdentifier(output): Variable(seed)]
            var results: [(Variable, Variable)] = []
            for node in order.reversed() {
                let identifier = ObjectIdentifier(node)
                guard let gradient = pending.removeValue(forKey: identifier) else { continue }
                if targets.map({ $0.contains(identifier) }) ?? node.isLeaf { results.append((node, gradient)) }
                guard let pullback = node.pullback else { continue }
                let needed = node.parents.map { $0.requiresGradient && relevant.contains(ObjectIdentifier($0)) }
                guard needed.contains(true) else { continue }
                // First order: hand over gradients already collected for an input (constants only
                // this table holds), so a pullback can add into them instead of allocating.
                var accumulators = [Variable?](repeating: nil, count: node.parents.count)
                if !createGraph {
                    for (index, parent) in node.parents.enumerated() where needed[index] {
                        let parentIdentifier = ObjectIdentifier(parent)
                        guard var existing = pending.removeValue(forKey: parentIdentifier) else { continue }
                        if existing.isLeaf && !existing.requiresGradient && isKnownUniquelyReferenced(&existing) {
                            accumulators[index] = existing
                        } else {
                            pending[parentIdentifier] = existing
                        }
                    }
                }
                let inputGradients = pullback(
                    BackwardContext(upstream: gradient, inputs: node.parents, output: node, needed: needed, accumulators: accumulators))
                for (index, parent) in node.parents.enumerated() {
                    let parentIdentifier = ObjectIdentifier(parent)
                    if let accumulator = accumulators[index] {
                        // The pullback added into it, or its contribution is added here.
                        if let inputGradient = inputGradients[index], inputGradient !== accumulator {
                            precondition(
                                inputGradient.shape == parent.shape,
                                "pullback produced a gradient of shape \(inputGradient.shape) for an input of shape \(parent.shape)")
                            accumulator.value += inputGradient.value
                        }
                        pending[parentIdentifier] = accumulator
                        continue
                    }
                    guard needed[index], let inputGradient = inputGradients[index] else { continue }
                    precondition(
                        inputGradient.shape == parent.shape,
                        "pullback produced a gradient of shape \(inputGradient.shape) for an input of shape \(parent.shape)")
                    if var existing = pending.removeValue(forKey: parentIdentifier) {
                        if !createGraph && existing.isLeaf && !existing.requiresGradient && isKnownUniquelyReferenced(&existing) {
                            // A constant only this table holds: add in place (copy-on-write keeps
                            // any tensor that shares its storage intact).
                            existing.value += inputGradient.value
                            pending[parentIdentifier] = existing
                        } else {
                            pending[parentIdentifier] = existing + inputGradient
                        }
                    } else {
                        pending[parentIdentifier] = inputGradient
                    }
                }
            }
            return results
        }
    }

    /// Nodes reachable from `output` through inputs that require gradients, each after all of
    /// its inputs (iterative depth-first search).
    static func topologicalOrder(from output: Variable) -> [Variable] {
        var order: [Variable] = []
        var visited: Set<ObjectIdentifier> = []
        var stack: [(node: Variable, expanded: Bool)] = [(output, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded {
                order.append(node)
                continue
            }
            guard node.requiresGradient, visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for parent in node.parents where parent.requiresGradient && !visited.contains(ObjectIdentifier(parent)) {
                stack.append((parent, false))
            }
        }
        return order
    }
}
