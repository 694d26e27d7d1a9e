public import SynthKitTensor

/// Base of every network component: owns parameters and child modules (MLX `Module`).
///
/// Parameters are found by reflection over stored properties — `Variable`, `Module`, optionals
/// and arrays of them — and named by dotted paths (`"blocks.0.linear.weight"`), as MLX's
/// `items()` and tinygrad's `get_state_dict` do. Paths are the keys of saved state, so they
/// are part of the file format: renaming a stored property changes them. Reflection runs when
/// an optimizer is built or state is saved, never per step.
///
/// Variables that require gradients are *parameters*; the others (batch-norm running
/// statistics) are *buffers*: saved and loaded, never optimised.
///
/// `Module` is a class because layers and optimizers share parameters by identity; it is not
/// `Sendable`. A fitted model stores ``state()`` (values) and rebuilds its modules to sample.
open class Module {
    /// Whether dropout and batch normalisation use their training behaviour.
    public private(set) var isTraining = true

    /// Creates a module in training mode.
    public init() {}

    /// Every variable (parameters and buffers) under its dotted path, in declaration order.
    public func namedVariables(prefix: String = "") -> [(path: String, variable: Variable)] {
        var result: [(path: String, variable: Variable)] = []
        forEachStoredProperty { label, value in
            Module.collect(value, path: prefix + label, into: &result)
        }
        return result
    }

    /// The trainable parameters (variables that require gradients) under their dotted paths.
    public func namedParameters(prefix: String = "") -> [(path: String, parameter: Variable)] {
        namedVariables(prefix: prefix).filter(\.variable.requiresGradient).map { ($0.path, $0.variable) }
    }

    /// The trainable parameters, in the order of ``namedParameters(prefix:)``.
    public var parameters: [Variable] { namedParameters().map(\.parameter) }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Turns training behaviour on or off for this module and every descendant (MLX `train(_:)`).
    public func setTraining(_ isTraining: Bool) {
        self.isTraining = isTraining
        for child in childModules() { child.setTraining(isTraining) }
    }

    /// Clears the accumulated gradient of every parameter.
    public func clearGradients() {
        for parameter in parameters { parameter.clearGradient() }
    }

    /// The direct child modules, in declaration order.
    public func childModules() -> [Module] {
        var result: [Module] = []
        forEachStoredProperty { _, value in Module.collectModules(value, into: &result) }
        return result
    }

    func forEachStoredProperty(_ body: (String, Any) -> Void) {
        var mirror: Mirror? = Mirror(reflecting: self)
        var levels: [Mirror] = []
        while let current = mirror {
            levels.append(current)
            mirror = current.superclassMirror
        }
        for level in levels.reversed() {
            for child in level.children {
                guard let label = child.label else { continue }
                body(label, child.value)
            }
        }
    }

    static func collect(_ value: Any, path: String, into result: inout [(path: String, variable: Variable)]) {
        if let variable = value as? Variable {
            result.append((path, variable))
        } else if let module = value as? Module {
            result.append(contentsOf: module.namedVariables(prefix: path + "."))
        } else {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if let wrapped = mirror.children.first { collect(wrapped.value, path: path, into: &result) }
            case .collection:
                for (index, element) in mirror.children.enumerated() {
                    collect(element.value, path: "\(path).\(index)", into: &result)
                }
            default:
                break
            }
        }
    }

    static func collectModules(_ value: Any, into result: inout [Module]) {
        if let module = value as? Module {
            result.append(module)
            return
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            for child in mirror.children { collectModules(child.value, into: &result) }
        }
    }
}

/// A module mapping one variable to another (MLX `UnaryLayer`, Swift for TensorFlow `Layer`).
public protocol Layer: Module {
    /// Applies the layer.
    func callAsFunction(_ input: Variable) -> Variable
}
