import Foundation
import SynthKitCore
#if canImport(Glibc)
import Glibc
#endif

/// Feeds a file or a memory buffer through a ``CSVTokenizer`` in chunks.
enum CSVStream {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Streams the file at `path` into `sink`, `options.chunkSize` bytes at a time.
    static func stream<Sink: CSVRecordSink>(
        path: String, options: CSVOptions, sink: inout Sink
    ) throws(SynthKitError) {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw SynthKitError(.notFound, "no such file; check the path", location: .init(file: path))
            }
            throw SynthKitError(.io, "cannot open the file: \(String(cString: strerror(code)))", location: .init(file: path))
        }
        defer { close(descriptor) }
        var capacity = max(options.chunkSize, 64)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var tokenizer = CSVTokenizer(delimiter: options.delimiter, file: path)
        var filled = 0
        var endOfFile = false
        var first = true
        while true {
            let readCount = Glibc.read(descriptor, buffer + filled, capacity - filled)
            if readCount < 0 {
                if errno == EINTR { continue }
                throw SynthKitError(.io, "cannot read the file: \(String(cString: strerror(errno)))", location: .init(file: path))
            }
            if readCount == 0 { endOfFile = true }
            filled += readCount
            var start = 0
            if first {
                if filled < 3 && !endOfFile { continue }
                first = false
                if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                    start = 3
                    tokenizer.consumedBytes = 3
                }
            }
            let consumed = try tokenizer.tokenize(buffer, start: start, end: filled, isFinal: endOfFile, sink: &sink)
            if endOfFile { return }
            let remainder = filled - consumed
            if remainder > 0 && consumed > 0 { memmove(buffer, buffer + consumed, remainder) }
            filled = remainder
            if filled == capacity {
                // One record is larger than the buffer: grow it.
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
        }
    }

    /// Streams bytes held in memory into `sink`.
    static func stream<Sink: CSVRecordSink>(
        data: Data, name: String, options: CSVOptions, sink: inout Sink
    ) throws(SynthKitError) {
        var tokenizer = CSVTokenizer(delimiter: options.delimiter, file: name)
        let result: Result<Void, SynthKitError> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .success(()) }
            var start = 0
            if raw.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
                start = 3
                tokenizer.consumedBytes = 3
            }
            do throws(SynthKitError) {
                _ = try tokenizer.tokenize(base, start: start, end: raw.count, isFinal: true, sink: &sink)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}
