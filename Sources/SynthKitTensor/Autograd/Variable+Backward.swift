extension Variable {
    /// Back-propagates from this node and adds the gradients into the ``gradient`` of every leaf
    /// that requires one (PyTorch `backward`).
    ///
    /// - Parameters:
    ///   - upstream: ∂L/∂self; defaults to ones (so a scalar loss gets 1).
    ///   - createGraph: record the backward computation so the gradients can be differentiated
    ///     again; only the differentiable gradients returned by
    ///     ``gradients(of:withRespectTo:upstream:createGraph:)`` expose that graph.
    /// Complexity: one pullback per recorded node; iterative topological order (no recursion).
    public func backward(upstream: Tensor? = nil, createGraph: Bool = false) {
        let leaves = Variable.propagate(from: self, upstream: upstream, createGraph: createGraph, keep: nil)
        for (leaf, gradient) in leaves where leaf.requiresGradient {
            if let existing = leaf.gradient {
                leaf.gradient = existing + gradient.value
            } else {
                leaf.gradient = gradient.value
            }
        }
    }

    /// The gradients of `output` with respect to `targets` (PyTorch `torch.autograd.grad`),
    /// without touching any ``gradient`` field.
    ///
    /// With `createGraph: true` each returned variable is part of a graph that reaches back to
    /// the parameters, so `gradients(...)[0].square().sum()` can be back-propagated again.
    /// A target the output does not depend on gets zeros.
    public static func gradients(
        of output: Variable, withRespectTo targets: [Variable], upstream: Tensor? = nil, createGraph: Bool = false
    ) -> [Variable] {
        let keep = Set(targets.map(ObjectIdentifier.init))
        let found = propagate(from: output, upstream: upstream, createGraph: createGraph, keep: keep)
        var byNode: [ObjectIdentifier: Variable] = [:]
        for (node, gradient) in found { byNode[ObjectIdentifier(node)] = gradient }
        return targets.map { byNode[ObjectIdentifier($0)] ?? Variable(Tensor(zeros: $0.shape)) }
    }

    /// Runs the pullbacks in reverse topological order. Returns the gradients of the leaves
    /// (when `keep` is nil) or of the nodes in `keep`.
    static func propagate(
        from output: Variable, upstream: Tensor?, createGraph: Bool, keep: Set<ObjectIdentifier>?
    ) -> [(Variable, Variable)] {
        let seed = upstream ?? Tensor(repeating: 1, shape: output.shape)
        precondition(seed.shape == output.shape, "backward: upstream shape \(seed.shape) differs from output \(output.shape)")
        let order = topologicalOrder(from: output)
        return GradientRecording.$isDisabled.withValue(!createGraph) {
            var pending: [ObjectIdentifier: Variable] = [ObjectIdentifier(output): Variable(seed)]
            var results: [(Variable, Variable)] = []
            for node in order.reversed() {
                let identifier = ObjectIdentifier(node)
                guard let gradient = pending[identifier] else { continue }
                let wanted = keep.map { $0.contains(identifier) } ?? node.isLeaf
                if wanted { results.append((node, gradient)) }
                if !wanted || keep != nil { pending[identifier] = nil }
                guard let pullback = node.pullback else { continue }
                let inputGradients = pullback(BackwardContext(upstream: gradient, inputs: node.parents, output: node))
                for (parent, inputGradient) in zip(node.parents, inputGradients) {
                    guard parent.requiresGradient, let inputGradient else { continue }
                    precondition(
                        inputGradient.shape == parent.shape,
                        "pullback produced a gradient of shape \(inputGradient.shape) for an input of shape \(parent.shape)")
                    let parentIdentifier = ObjectIdentifier(parent)
                    if let existing = pending[parentIdentifier] {
                        pending[parentIdentifier] = existing + inputGradient
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
