import Foundation

/// Read-only access to the process environment, kept in one place.
package enum ProcessEnvironment {
    /// The value of an environment variable, if set.
    package static func value(of name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// How many cores the process may use.
    package static var activeProcessorCount: Int {
        ProcessInfo.processInfo.activeProcessorCount
    }
}
