import Foundation
/// The ancestry of one ledger entry: the entries that produced its inputs, recursively, and the
/// files no entry produced (declared real data, or unknown files).
public struct LedgerLineage: Codable, Sendable, Hashable {
    /// "Entry `parent` produced file `file`, which entry `child` read."
    public struct Edge: Codable, Sendable, Hashable {
        /// The producing entry.
        public var parent: Int64
        /// The consuming entry.
        public var child: Int64
        /// The file as the consumer named it.
        public var file: String
    }

    /// An input no recorded entry produced.
    public struct Source: Codable, Sendable, Hashable {
        /// The file record.
        public var file: LedgerArtifact
        /// The entry that read it.
        public var child: Int64
    }

    /// The entry whose ancestry this is.
    public var root: Int64
    /// The root and its ancestors, breadth first.
    public var entries: [LedgerEntry]
    /// Producer -> consumer links.
    public var edges: [Edge]
    /// Inputs with no producer.
    public var sources: [Source]

    /// An indented tree, root first: one line per entry or source file.
    public func renderText() -> String {
        var lines: [String] = []
        func visit(_ id: Int64, depth: Int) {
            guard let entry = entries.first(where: { $0.id == id }) else { return }
            lines.append(String(repeating: "  ", count: depth) + (depth > 0 ? "<- " : "") + Self.describe(entry))
            for edge in edges where edge.child == id { visit(edge.parent, depth: depth + 1) }
            for source in sources where source.child == id {
                lines.append(String(repeating: "  ", count: depth + 1) + "<- " + Self.describe(source.file))
            }
        }
        visit(root, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Graphviz `digraph`: entries as boxes, source files as ellipses, arrows from parent to child.
    public func renderDot() -> String {
        var lines = ["digraph lineage {", "  rankdir=LR;"]
        for entry in entries {
            lines.append("  e\(entry.id) [shape=box, label=\"\(Self.escape(Self.describe(entry)))\"];")
        }
        for (index, source) in sources.enumerated() {
            lines.append("  s\(index) [shape=ellipse, label=\"\(Self.escape(Self.describe(source.file)))\"];")
            lines.append("  s\(index) -> e\(source.child);")
        }
        for edge in edges {
            lines.append("  e\(edge.parent) -> e\(edge.child) [label=\"\(Self.escape(edge.file))\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "#3 sample [committed] -> synthetic.csv (synthetic, depth 1, share 1.0)".
    static func describe(_ entry: LedgerEntry) -> String {
        let outputs = entry.outputs.map { describe($0) }.joined(separator: ", ")
        let synthesizer = entry.synthesizer.map { " \($0)" } ?? ""
        return "#\(entry.id) \(entry.command)\(synthesizer) [\(entry.status.rawValue)]" + (outputs.isEmpty ? "" : " -> \(outputs)")
    }

    /// "data.csv (real, depth 0, share 0.0)".
    static func describe(_ artifact: LedgerArtifact) -> String {
        let depth = artifact.facts.generationDepth.map(String.init) ?? "unknown"
        let share = artifact.facts.syntheticShare.map(Ledger.format) ?? "unknown"
        return "\(artifact.path) (\(artifact.facts.origin.rawValue), depth \(depth), share \(share))"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
