import Foundation

/// Wall-clock timing helpers: best and median over repeated rounds.
enum Timing {
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) * 1e-9
    }

    /// CPU time of the calling thread in seconds: on a shared machine it counts only the time
    /// this thread ran, so it is steadier than wall time for single-threaded comparisons.
    static func threadCPUTime() -> Double {
        var value = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &value)
        return Double(value.tv_sec) + Double(value.tv_nsec) * 1e-9
    }

    /// Seconds per call: runs `body` in rounds of at least `minimumRoundSeconds`, returns the best
    /// and the median round's per-call time.
    static func measure(rounds: Int = 7, minimumRoundSeconds: Double = 0.2, _ body: () -> Void) -> (best: Double, median: Double) {
        body()
        var perCall: [Double] = []
        for _ in 0..<rounds {
            var calls = 0
            let start = now()
            var elapsed = 0.0
            repeat {
                body()
                calls += 1
                elapsed = now() - start
            } while elapsed < minimumRoundSeconds
            perCall.append(elapsed / Double(calls))
        }
        perCall.sort()
        return (perCall[0], perCall[perCall.count / 2])
    }
}
