/// The version of SynthKit, written into model files, manifests and the ledger.
public enum SynthKitVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
