public import Foundation

/// Writes files so that readers see either the old content or the whole new content.
///
/// Data goes to a hidden temporary file in the destination's directory, is flushed to disk,
/// and is renamed over the destination (rename is atomic within a file system). On any failure
/// the temporary file is removed and the destination is untouched.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: ``SynthKitError`` with code `.io` naming the path.
    public static func write(_ data: Data, to path: String) throws(SynthKitError) {
        try write(to: path) { handle throws(SynthKitError) in
            try append(data, to: handle, path: path)
        }
    }

    /// Streams content to `path` atomically: `produce` writes through the handle it is given.
    ///
    /// Use this for outputs too large to hold in memory (millions of sampled rows).
    public static func write(
        to path: String, _ produce: (FileHandle) throws(SynthKitError) -> Void
    ) throws(SynthKitError) {
        let destination = URL(fileURLWithPath: path)
        let directory = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw SynthKitError(
                .io, "the directory '\(directory.path)' does not exist; create it first",
                location: .init(file: path))
        }
        let temporary = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        )
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw SynthKitError(.io, "cannot create a file in '\(directory.path)'", location: .init(file: path))
        }
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        do throws(SynthKitError) {
            let handle: FileHandle
            do {
                handle = try FileHandle(forWritingTo: temporary)
            } catch {
                throw SynthKitError(.io, "cannot open '\(temporary.path)' for writing", underlying: error)
            }
            do {
                try produce(handle)
                try handle.synchronize()
                try handle.close()
            } catch let error as SynthKitError {
                try? handle.close()
                throw error
            } catch {
                try? handle.close()
                throw SynthKitError(.io, "cannot write '\(path)'", location: .init(file: path), underlying: error)
            }
            if rename(temporary.path, destination.path) != 0 {
                throw SynthKitError(
                    .io, "cannot move the finished file into place: \(String(cString: strerror(errno)))",
                    location: .init(file: path))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Appends bytes through a handle, converting failures to `.io` errors.
    public static func append(_ data: Data, to handle: FileHandle, path: String) throws(SynthKitError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw SynthKitError(.io, "cannot write '\(path)'", location: .init(file: path), underlying: error)
        }
    }
}
