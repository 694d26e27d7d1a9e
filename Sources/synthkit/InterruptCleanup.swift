import Dispatch
import Foundation
import Synchronization
import SynthKit

/// Removes temporary output files when the user interrupts a command (SIGINT, SIGTERM).
enum InterruptCleanup {
    private static let installed = Mutex<[any DispatchSourceSignal]>([])

    /// Installs the handlers once per process.
    static func install() {
        installed.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    TemporaryFiles.removeAll()
                    StandardStreams.writeError("synthkit: interrupted; no partial output was left behind")
                    exit(130)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
