import Foundation
import SynthKitCore
import Testing

@Suite struct SHA256DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesFIPSVectors(input: String, expected: String) {
        #expect(SHA256Digest.hex(of: input) == expected)
    }

    @Test func streamingEqualsOneShot() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        var digest = SHA256Digest()
        digest.update(data.prefix(100))
        digest.update(data.dropFirst(100).prefix(333))
        digest.update(data.dropFirst(433))
        let streamed = digest.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(streamed == SHA256Digest.hex(of: data))
    }
}
