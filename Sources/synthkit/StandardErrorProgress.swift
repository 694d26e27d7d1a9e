import Foundation
import Synchronization
import SynthKit

/// Prints progress to standard error: one line per stage, with elapsed seconds.
final class StandardErrorProgress: ProgressReporter {
    private let start = Date()
    private let lastStage = Mutex<String?>(nil)

    func report(stage: String, fraction: Double?) {
        let elapsed = String(format: "%6.1fs", Date().timeIntervalSince(start))
        let changed = lastStage.withLock { last -> Bool in
            defer { last = stage }
            return last != stage
        }
        if let fraction {
            StandardStreams.writeError("[\(elapsed)] \(stage) \(Int((fraction * 100).rounded()))%")
        } else if changed {
            StandardStreams.writeError("[\(elapsed)] \(stage)")
        }
    }
}
