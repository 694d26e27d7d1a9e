import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SynthKitCore
import SynthKitTable
import Testing
@testable import SynthKitEvaluation

@Suite("EvaluationReport HTML")
struct EvaluationReportHTMLTests {
    @Test("the page is self-contained, well-formed and has every section with its charts")
    func sections() throws {
        let real = try Population.table(count: 300, seed: 61)
        let synthetic = try Population.table(count: 300, seed: 62)
        let holdout = try Population.table(count: 150, seed: 63)
        let report = try Evaluator.evaluate(
            real: real, synthetic: synthetic, holdout: holdout, options: .init(target: "outcome", sensitive: "group"))
        let html = report.renderHTML()
        for id in ["scorecard", "warnings", "fidelity", "columns", "associations", "diversity", "utility", "detectability",
                   "privacy", "distances", "fairness", "sdmetrics-compatible"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5 + 3 + 2, "5 column charts, 3 heat maps, 2 DCR histograms")
        #expect(html.components(separatedBy: "<svg ").count == html.components(separatedBy: "</svg>").count)
        #expect(html.components(separatedBy: "<section ").count == html.components(separatedBy: "</section>").count)
        #expect(html.contains("none: empirical measurements only"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http"), "nothing loaded from outside")
        #expect(!html.contains("NaN"))
        // Parses as XML once the HTML-only prologue is removed: every tag closed, every entity known.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
            .replacingOccurrences(of: "<br>", with: "<br/>")
        let parser = XMLParser(data: Data(body.utf8))
        #expect(parser.parse(), "HTML is not well-formed: \(String(describing: parser.parserError))")
    }

    @Test("chart labels are escaped")
    func escaping() {
        let svg = SVGChart.bars(title: "<b>&", labels: ["a<b"], series: [.init(name: "real", color: "#000", values: [1])])
        #expect(svg.contains("&lt;b&gt;&amp;") && svg.contains("a&lt;b"))
        #expect(SVGChart.color(1) == "rgb(255,0,0)" && SVGChart.color(-1) == "rgb(0,0,255)" && SVGChart.color(0) == "rgb(255,255,255)")
    }
}
