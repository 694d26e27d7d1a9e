import Foundation
import SynthKitCore
import Testing

@Suite struct AtomicFileTests {
    @Test func writesAndReplaces() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.txt").path
        try AtomicFile.write(Data("first".utf8), to: path)
        try AtomicFile.write(Data("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    @Test func failureLeavesOldContentAndNoTemporaryFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.txt").path
        try AtomicFile.write(Data("keep".utf8), to: path)
        #expect(throws: SynthKitError.self) {
            try AtomicFile.write(to: path) { handle throws(SynthKitError) in
                try AtomicFile.append(Data("partial".utf8), to: handle, path: path)
                throw SynthKitError(.invalidInput, "stop halfway")
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    @Test func missingDirectoryIsAnIOError() {
        do {
            try AtomicFile.write(Data(), to: "/nonexistent-dir-\(UUID().uuidString)/x.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .io)
        }
    }
}
