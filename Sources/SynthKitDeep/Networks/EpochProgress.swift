import SynthKitCore

/// Reports one line per training epoch: the losses, the elapsed time and an estimate of the
/// time left (elapsed / epochs done × epochs remaining).
struct EpochProgress {
    let total: Int
    let reporter: (any ProgressReporter)?
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant

    init(total: Int, reporter: (any ProgressReporter)?) {
        self.total = total
        self.reporter = reporter
        start = clock.now
    }

    func epochFinished(_ epoch: Int, losses: KeyValuePairs<String, Double>) {
        guard let reporter else { return }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let done = epoch + 1
        let left = seconds / Double(done) * Double(total - done)
        let lossText = losses.map { "\($0.key) \(Self.format($0.value, places: 4))" }.joined(separator: ", ")
        reporter.report(
            stage: "epoch \(done)/\(total): \(lossText), \(Self.format(seconds, places: 1)) s elapsed, about \(Self.format(left, places: 1)) s left",
            fraction: Double(done) / Double(max(total, 1)))
    }

    static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return "\(rounded)"
    }
}
