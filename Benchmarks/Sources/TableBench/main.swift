// TableBench: CSV parse and write throughput, peak memory of loading, pandas baseline.
//
// Run: cd Benchmarks && swift run -c release --scratch-path .build-table TableBench [--megabytes 100]
// Builds a ~100 MB CSV from the rows of ../shared/datasets/adult.csv (or the bundled demo copy)
// in a temporary directory, reads it with CSVReader, writes it back with CSVWriter, and, if
// ~/.cache/synthkit-anchors-venv/bin/python exists, times pandas.read_csv on the same file.
import Foundation
import SynthKit

func now() -> Double { Date().timeIntervalSinceReferenceDate }

func status(_ key: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        return (digits.first ?? 0) * 1024
    }
    return 0
}

func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

var megabytes = 100
if let index = CommandLine.arguments.firstIndex(of: "--megabytes"), index + 1 < CommandLine.arguments.count {
    megabytes = Int(CommandLine.arguments[index + 1]) ?? 100
}
let candidates = ["/work/shared/datasets/adult.csv", "../Sources/SynthKit/Resources/demo/adult.csv"]
guard let source = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
    let adult = FileManager.default.contents(atPath: source)
else {
    print("adult.csv not found in \(candidates)")
    exit(1)
}
let headerEnd = adult.firstIndex(of: 10).map { $0 + 1 } ?? 0
let body = adult[headerEnd...]
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tablebench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let path = directory.appendingPathComponent("adult-big.csv").path
FileManager.default.createFile(atPath: path, contents: nil)
let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
try handle.write(contentsOf: adult[..<headerEnd])
var size = headerEnd
while size < megabytes * 1_000_000 {
    try handle.write(contentsOf: body)
    size += body.count
}
try handle.close()
let megabytesOnDisk = Double(size) / 1e6
print("file: \(path) \(String(format: "%.1f", megabytesOnDisk)) MB from \(source)")

// Warm the page cache so every reader sees the same conditions.
_ = FileManager.default.contents(atPath: path).map { $0.count }

let reader = CSVReader()
let baselineResident = status("VmRSS")
resetPeakMemory()
var bestRead = Double.infinity
var table = Table.empty
var peak = 0
for iteration in 0..<3 {
    table = .empty
    let start = now()
    table = try reader.read(path: path)
    bestRead = min(bestRead, now() - start)
    if iteration == 0 { peak = status("VmHWM") }
}
let readSpeed = megabytesOnDisk / bestRead
print(String(format: "CSVReader.read: %.3f s best of 3, %.1f MB/s, %d rows x %d columns", bestRead, readSpeed, table.rowCount, table.columns.count))
print(String(format: "peak RSS while loading: %.1f MB (baseline %.1f MB) = %.2fx file size (%.2fx above baseline)",
    Double(peak) / 1e6, Double(baselineResident) / 1e6, Double(peak) / Double(size), Double(peak - baselineResident) / Double(size)))

let outputPath = directory.appendingPathComponent("written.csv").path
var bestWrite = Double.infinity
for _ in 0..<2 {
    let start = now()
    try CSVWriter().write(table, to: outputPath)
    bestWrite = min(bestWrite, now() - start)
}
let written = (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
print(String(format: "CSVWriter.write: %.3f s best of 2, %.1f MB/s of output (%.1f MB)", bestWrite, Double(written) / 1e6 / bestWrite, Double(written) / 1e6))

let python = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/synthkit-anchors-venv/bin/python").path
if FileManager.default.isExecutableFile(atPath: python) {
    let script = """
        import time, sys, pandas
        best = 1e9
        for _ in range(3):
            t = time.perf_counter(); frame = pandas.read_csv(sys.argv[1], na_values=['?']); best = min(best, time.perf_counter() - t)
        print(best, pandas.__version__)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
    if let seconds = output.first.flatMap({ Double($0) }) {
        let version = output.dropFirst().first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
        print(String(format: "pandas %@ read_csv (C engine): %.3f s best of 3, %.1f MB/s; SynthKit is %.2fx pandas", version, seconds, megabytesOnDisk / seconds, seconds / bestRead))
    }
} else {
    print("pandas baseline skipped: \(python) not found")
}

// Datetime parsing and formatting, 1M cells, on bytes.
let datetimeFormat = try DatetimeFormat("yyyy-MM-dd'T'HH:mm:ss")
let cellCount = 1_000_000
var cells: [UInt8] = []
var offsets: [Int] = [0]
for index in 0..<cellCount {
    datetimeFormat.format(Double(index) * 3_607.25, into: &cells)
    offsets.append(cells.count)
}
var checksum = 0.0
let parseStart = now()
cells.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { return }
    for index in 0..<cellCount {
        checksum += datetimeFormat.parse(base + offsets[index], count: offsets[index + 1] - offsets[index]) ?? .nan
    }
}
let parseSeconds = now() - parseStart
var formatted: [UInt8] = []
formatted.reserveCapacity(cells.count)
let formatStart = now()
for index in 0..<cellCount { datetimeFormat.format(Double(index) * 3_607.0, into: &formatted) }
let formatSeconds = now() - formatStart
print(String(format: "DatetimeFormat: parse %.1f M cells/s, format %.1f M cells/s (checksum %.0f)",
    Double(cellCount) / parseSeconds / 1e6, Double(cellCount) / formatSeconds / 1e6, checksum))

let inferStart = now()
let inferred = SchemaInference.infer(table: table)
print(String(format: "SchemaInference.infer on %d rows: %.3f s (%d columns)", table.rowCount, now() - inferStart, inferred.columns.count))
