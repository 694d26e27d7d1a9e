import SynthKitCore
public import SynthKitTensor

/// The saved variables of a module, keyed by dotted path (a versioned, Codable value).
public struct ModuleState: Codable, Sendable, Equatable {
    /// The format name written into files.
    public static let formatName = "synthkit-module-state"
    /// The newest format version this build reads and writes.
    public static let currentFormatVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// The version the state was written with.
    public var formatVersion: Int
    /// Every variable (parameters and buffers) by dotted path.
    public var tensors: [String: Tensor]

    /// State holding `tensors`.
    public init(tensors: [String: Tensor]) {
        self.format = Self.formatName
        self.formatVersion = Self.currentFormatVersion
        self.tensors = tensors
    }
}

extension Module {
    /// A snapshot of every variable's value, keyed by dotted path.
    public func state() -> ModuleState {
        var tensors: [String: Tensor] = [:]
        for (path, variable) in namedVariables() { tensors[path] = variable.value }
        return ModuleState(tensors: tensors)
    }

    /// Replaces every variable's value from `state`.
    ///
    /// - Throws: `SynthKitError` (`.unsupported` for another format or a newer version,
    ///   `.corruptArchive` otherwise) listing every missing path, unexpected path and shape
    ///   mismatch at once; nothing is changed when it throws.
    public func loadState(_ state: ModuleState) throws {
        guard state.format == ModuleState.formatName else {
            throw SynthKitError(.corruptArchive, "expected module state format '\(ModuleState.formatName)', found '\(state.format)'",
                location: SynthKitError.Location(field: "format"))
        }
        guard state.formatVersion <= ModuleState.currentFormatVersion else {
            throw SynthKitError(.unsupported, "module state format version \(state.formatVersion) is newer than this build reads (\(ModuleState.currentFormatVersion)); upgrade SynthKit",
                location: SynthKitError.Location(field: "formatVersion"))
        }
        let variables = namedVariables()
        var problems: [SynthKitError] = []
        for (path, variable) in variables {
            guard let tensor = state.tensors[path] else {
                problems.append(SynthKitError(.corruptArchive, "missing tensor '\(path)' (shape \(variable.shape))",
                    location: SynthKitError.Location(field: "tensors.\(path)")))
                continue
            }
            if tensor.shape != variable.shape {
                problems.append(SynthKitError(.corruptArchive, "tensor '\(path)' has shape \(tensor.shape) but the module expects \(variable.shape)",
                    location: SynthKitError.Location(field: "tensors.\(path)")))
            }
        }
        let known = Set(variables.map(\.path))
        for path in state.tensors.keys.sorted() where !known.contains(path) {
            problems.append(SynthKitError(.corruptArchive, "unexpected tensor '\(path)' that the module does not have",
                location: SynthKitError.Location(field: "tensors.\(path)")))
        }
        if !problems.isEmpty { throw SynthKitError.collecting(problems) }
        for (path, variable) in variables {
            if let tensor = state.tensors[path] { variable.value = tensor }
        }
    }
}
