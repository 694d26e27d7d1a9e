import Foundation
import SynthKitCore

/// One record's fields as byte ranges in the tokenizer's current buffer.
struct CSVRecord {
    /// Start offset of each field's content (after an opening quote).
    var starts: [Int] = []
    /// End offset (exclusive) of each field's content (before a closing quote).
    var ends: [Int] = []
    /// Per field: bit 0 quoted, bit 1 contains doubled quotes to unescape.
    var flags: [UInt8] = []
    /// How many fields the record has.
    var count = 0
    /// The 1-based line on which the record starts.
    var line = 0
    /// Byte offset of the record in the whole input.
    var byteOffset = 0
    /// Offset of the record's first byte in the buffer.
    var bufferStart = 0

    static let quoted: UInt8 = 1
    static let escaped: UInt8 = 2

    @inline(__always)
    mutating func append(start: Int, end: Int, flag: UInt8) {
        if count < starts.count {
            starts[count] = start
            ends[count] = end
            flags[count] = flag
        } else {
            starts.append(start)
            ends.append(end)
            flags.append(flag)
        }
        count += 1
    }
}

/// Receives complete records from a ``CSVTokenizer``.
protocol CSVRecordSink {
    /// Handles one record whose field offsets index `buffer`.
    mutating func accept(_ record: CSVRecord, buffer: UnsafePointer<UInt8>) throws(SynthKitError)
}

/// Splits RFC 4180 text into records and fields, chunk by chunk, without copying.
///
/// Fields are separated by the delimiter, records by LF, CRLF or a lone CR. A field that
/// starts with `"` is quoted: it ends at the next `"` not followed by another `"`, and may
/// contain delimiters, line breaks and doubled quotes. A `"` inside an unquoted field is
/// kept literally. Text between a closing quote and the next delimiter is an error.
///
/// The tokenizer only hands a record to its sink once it is complete, so a record cut by
/// the end of a chunk is re-read from its start with the next chunk.
struct CSVTokenizer {
    let delimiter: UInt8
    let file: String
    /// The 1-based line at the start of the unconsumed input.
    var line = 1
    /// Byte offset of the unconsumed input in the whole file.
    var consumedBytes = 0
    private var record = CSVRecord()

    init(delimiter: UInt8, file: String) {
        self.delimiter = delimiter
        self.file = file
    }

    /// Tokenizes the complete records in `buffer[start..<end]` and returns the offset where
    /// unconsumed input begins (the start of a cut record, or `end`).
    ///
    /// - Parameter isFinal: no more input follows, so a cut record is complete (or, inside a
    ///   quote, an error).
    /// - Complexity: O(bytes).
    mutating func tokenize<Sink: CSVRecordSink>(
        _ buffer: UnsafePointer<UInt8>, start: Int, end: Int, isFinal: Bool, sink: inout Sink
    ) throws(SynthKitError) -> Int {
        let quote = UInt8(ascii: "\"")
        let delimiter = self.delimiter
        var position = start
        while position < end {
            let recordStart = position
            var newlines = 0
            record.count = 0
            var complete = false
            fieldLoop: while true {
                if position < end && buffer[position] == quote {
                    let openingLine = line + newlines
                    var flag = CSVRecord.quoted
                    let contentStart = position + 1
                    var scan = contentStart
                    var contentEnd = -1
                    while scan < end {
                        guard let found = memchr(buffer + scan, Int32(quote), end - scan) else {
                            newlines += Self.countNewlines(buffer, from: scan, to: end)
                            scan = end
                            break
                        }
                        let quoteIndex = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                        newlines += Self.countNewlines(buffer, from: scan, to: quoteIndex)
                        if quoteIndex + 1 < end && buffer[quoteIndex + 1] == quote {
                            flag |= CSVRecord.escaped
                            scan = quoteIndex + 2
                            continue
                        }
                        if quoteIndex + 1 == end && !isFinal {
                            scan = end
                            break
                        }
                        contentEnd = quoteIndex
                        scan = quoteIndex + 1
                        break
                    }
                    if contentEnd < 0 {
                        if isFinal {
                            throw SynthKitError(
                                .invalidInput,
                                "a quoted field opened on this line is never closed; close it with \" or escape inner quotes as \"\"",
                                location: .init(file: file, line: openingLine, byteOffset: consumedBytes + (position - recordStart)))
                        }
                        return recordStart
                    }
                    record.append(start: contentStart, end: contentEnd, flag: flag)
                    position = scan
                    if position == end {
                        if !isFinal { return recordStart }
                        complete = true
                        break fieldLoop
                    }
                    let next = buffer[position]
                    if next == delimiter {
                        position += 1
                        continue fieldLoop
                    }
                    if next == 10 || next == 13 {
                        break fieldLoop
                    }
                    throw SynthKitError(
                        .invalidInput,
                        "unexpected text after the closing quote of field \(record.count); quote the whole field and write inner quotes as \"\"",
                        location: .init(file: file, line: line + newlines, byteOffset: consumedBytes + (position - recordStart)))
                }
                let fieldStart = position
                while position < end {
                    let byte = buffer[position]
                    if byte == delimiter || byte == 10 || byte == 13 { break }
                    position += 1
                }
                record.append(start: fieldStart, end: position, flag: 0)
                if position == end {
                    if !isFinal { return recordStart }
                    complete = true
                    break fieldLoop
                }
                if buffer[position] == delimiter {
                    position += 1
                    continue fieldLoop
                }
                break fieldLoop
            }
            if !complete {
                // At a line break: CRLF needs the LF, which may be in the next chunk.
                if buffer[position] == 13 {
                    if position + 1 == end && !isFinal { return recordStart }
                    position += (position + 1 < end && buffer[position + 1] == 10) ? 2 : 1
                } else {
                    position += 1
                }
            }
            record.line = line
            record.byteOffset = consumedBytes
            record.bufferStart = recordStart
            try sink.accept(record, buffer: buffer)
            line += newlines + (complete ? 0 : 1)
            consumedBytes += position - recordStart
        }
        return position
    }

    @inline(__always)
    private static func countNewlines(_ buffer: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var index = from
        while index < to {
            if buffer[index] == 10 { count += 1 }
            index += 1
        }
        return count
    }
}
