import Foundation

/// The temporary files that are being written right now, so an interrupt handler can delete
/// them before the process exits (nothing half-written is left behind on Ctrl-C).
public enum TemporaryFiles {
    private static let registry = Registry()

    /// Records a temporary file that is being written.
    static func register(_ path: String) { registry.insert(path) }

    /// Forgets a temporary file (it was renamed into place or removed).
    static func unregister(_ path: String) { registry.remove(path) }

    /// Deletes every registered temporary file; safe to call from a signal-handling queue.
    public static func removeAll() {
        for path in registry.drain() { unlink(path) }
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []

        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
        func drain() -> [String] {
            lock.withLock {
                let all = Array(paths)
                paths.removeAll()
                return all
            }
        }
    }
}
