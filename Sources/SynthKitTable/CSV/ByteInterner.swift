import Foundation

/// A dictionary from byte strings to dense `Int32` codes, hashing bytes in place.
///
/// The CSV reader interns every categorical cell through this table, so a cell costs one
/// hash and (usually) one `memcmp`, never a `String`. Distinct byte strings are stored once,
/// back to back, in an arena; codes are assigned in order of first appearance.
/// Open addressing with linear probing at load factor <= 1/2.
struct ByteInterner {
    /// The distinct byte strings, concatenated.
    private(set) var arena: [UInt8] = []
    /// Start of each distinct string in `arena`; one extra entry marks the end.
    private(set) var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var mask = 63

    /// How many distinct strings have been interned.
    var count: Int { offsets.count - 1 }

    /// The code of `count` bytes at `start`, and whether they were new.
    ///
    /// Complexity: expected O(count).
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, count length: Int) -> (code: Int32, isNew: Bool) {
        let hash = Self.hash(start, count: length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            let index = Int(code)
            if hashes[index] == hash {
                let levelStart = offsets[index]
                let levelLength = offsets[index + 1] - levelStart
                if levelLength == length {
                    let equal = arena.withUnsafeBufferPointer { arenaBuffer in
                        guard let arenaBase = arenaBuffer.baseAddress else { return length == 0 }
                        return memcmp(arenaBase + levelStart, start, length) == 0
                    }
                    if equal { return (code, false) }
                }
            }
            slot = (slot + 1) & mask
        }
        let code = Int32(count)
        arena.append(contentsOf: UnsafeBufferPointer(start: start, count: length))
        offsets.append(arena.count)
        hashes.append(hash)
        slots[slot] = code
        if count * 2 > slots.count { grow() }
        return (code, true)
    }

    /// The bytes of the string with code `code`.
    func bytes(of code: Int) -> ArraySlice<UInt8> {
        arena[offsets[code]..<offsets[code + 1]]
    }

    /// The interned strings as `String`s, in code order (the bytes are valid UTF-8 by then).
    func strings() -> [String] {
        (0..<count).map { String(decoding: bytes(of: $0), as: UTF8.self) }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for code in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }

    /// A 64-bit hash of bytes, eight at a time (multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 31
            index += 8
        }
        if index < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                word |= UInt64(start[index]) << shift
                shift += 8
                index += 1
            }
            state = (state ^ word) &* 0x94D0_49BB_1331_11EB
            state ^= state >> 29
        }
        state = (state ^ (state >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return state ^ (state >> 32)
    }
}
