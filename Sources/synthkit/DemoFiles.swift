import Foundation
import SynthKit

/// The files `synthkit demo` writes, inside one directory.
struct DemoFiles {
    /// The output directory.
    var directory: String

    var schema: String { path("schema.json") }
    var model: String { path("model.synth") }
    var train: String { path("train.csv") }
    var holdout: String { path("holdout.csv") }
    var synthetic: String { path("synthetic.csv") }
    var reportJSON: String { path("report.json") }
    var reportHTML: String { path("report.html") }

    private func path(_ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// "files in DIR:" and one line per file with its role.
    func listing() -> String {
        """
        files in \(directory)/:
          schema.json     inferred schema (edit it and pass it to `synthkit fit --schema`)
          model.synth     the fitted model (`synthkit inspect-model \(model)`)
          train.csv       the 80% the model learned from; holdout.csv the 20% it never saw
          synthetic.csv   synthetic rows
          report.html     the evaluation report (open it in a browser); report.json the same as data

        """
    }

    /// Creates `directory` (and parents) if needed.
    /// - Throws: `.io` when it cannot be created or is a file.
    static func createDirectory(_ directory: String) throws(SynthKitError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SynthKitError(.io, "exists and is not a directory", location: .init(file: directory))
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SynthKitError(.io, "cannot create the directory", location: .init(file: directory), underlying: error)
        }
    }
}
