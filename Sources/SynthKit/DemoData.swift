import Foundation
public import SynthKitCore

/// Finds the bundled demo table (UCI Adult, CC BY 4.0) without trapping.
///
/// `Bundle.module` traps on Linux when the resource bundle is not beside the binary, so this
/// looks in the places SwiftPM puts it and throws a clear error listing them otherwise.
public enum DemoData {
    /// The resource bundle's directory name, as SwiftPM names it (`<package>_<target>`).
    static let bundleName = "SynthKit_SynthKit.resources"

    /// The path of the bundled `adult.csv`.
    ///
    /// Looks, in order, at `$SYNTHKIT_DEMO_DATA` (a CSV path), the resource bundle beside the
    /// running executable, and the bundle beside the current directory's `.build` products.
    /// - Throws: ``SynthKitError/Code/notFound`` naming every place it looked.
    public static func adultCSVPath() throws(SynthKitError) -> String {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["SYNTHKIT_DEMO_DATA"] {
            candidates.append(override)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let executableDirectory = executable.deletingLastPathComponent()
        candidates.append(executableDirectory.appendingPathComponent("\(bundleName)/demo/adult.csv").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("\(bundleName)/demo/adult.csv").path)
        for configuration in ["release", "debug"] {
            candidates.append(".build/\(configuration)/\(bundleName)/demo/adult.csv")
        }
        for path in candidates where FileManager.default.isReadableFile(atPath: path) {
            return path
        }
        throw SynthKitError(
            .notFound,
            "the bundled demo table was not found; looked in: \(candidates.joined(separator: ", ")). "
                + "Run through `swift run synthkit demo`, or set SYNTHKIT_DEMO_DATA to a CSV path")
    }
}
