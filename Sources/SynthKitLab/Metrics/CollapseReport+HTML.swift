import SynthKitEvaluation
import SynthKitTable

extension CollapseReport {
    /// The metric families drawn per numerical column, with their chart titles.
    static let numericalCharts = [
        ("variance-ratio", "variance ratio"), ("tail-mass", "tail mass beyond real 1%/99%"),
        ("mean-drift", "mean drift (real SDs)"), ("wasserstein", "Wasserstein-1 to real (SDs)"),
    ]
    /// The metric families drawn per categorical column.
    static let categoricalCharts = [
        ("surviving-categories", "surviving categories"), ("rare-survival", "rare categories surviving"),
        ("gini-simpson", "Gini-Simpson diversity"),
    ]

    /// A self-contained HTML page: the summary sentences, then one small-multiple line chart per
    /// metric and column with one curve per workflow (medians across repeats; generation 0 is
    /// the real table, drawn as a dashed reference line). Inline SVG, no scripts.
    public func renderHTML() -> String {
        var html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>SynthKit model-collapse report</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
            .muted{color:#777}.charts{display:flex;flex-wrap:wrap;gap:.4em}.legend span{margin-right:1.2em}
            .summary{background:#eef3fb;border-left:4px solid #4c72b0;padding:.5em 1em}
            </style></head><body>
            <h1>Model collapse: \(HTMLText.escape(synthesizer))</h1>
            <p class="muted">\(generations) generations, \(rowsPerGeneration) rows per generation, \(repeats) repeats per workflow, seed \(seed)\(filteredWatermarked ? ", watermarked rows removed before each refit" : ""). Curves are medians across repeats: means hide collapse.</p>

            """
        html += "<p class=\"legend\">"
        for (index, workflow) in workflows.enumerated() {
            html += "<span style=\"color:\(Self.color(index))\">&#9632; \(HTMLText.escape(workflow.workflow))</span>"
        }
        html += "</p><h2>Summary</h2>"
        for workflow in workflows {
            html += "<div class=\"summary\"><b>\(HTMLText.escape(workflow.workflow))</b><ul>"
            for sentence in workflow.summary { html += "<li>\(HTMLText.escape(sentence))</li>" }
            html += "</ul></div>"
        }
        html += "<h2>Table</h2><div class=\"charts\">" + chart(key: "fidelity", title: "fidelity to real (KS/TV complement)")
        if let target, let utilityMetric {
            html += chart(key: "tstr", title: "TSTR \(utilityMetric) of \(target) (\(holdoutRows ?? 0) held-out real rows)")
        }
        html += "</div>"
        for column in numericalColumns {
            html += "<h2>\(HTMLText.escape(column))</h2><div class=\"charts\">"
            for (family, title) in Self.numericalCharts { html += chart(key: "\(family)/\(column)", title: title) }
            html += "</div>"
        }
        for column in categoricalColumns {
            html += "<h2>\(HTMLText.escape(column))</h2><div class=\"charts\">"
            for (family, title) in Self.categoricalCharts { html += chart(key: "\(family)/\(column)", title: title) }
            html += "</div>"
        }
        return html + "</body></html>\n"
    }

    /// One small multiple: every workflow's medians for `key`.
    func chart(key: String, title: String) -> String {
        let curves = workflows.enumerated().compactMap { index, workflow -> SVGChart.Curve? in
            guard let values = workflow.medians[key] else { return nil }
            return SVGChart.Curve(name: workflow.workflow, color: Self.color(index), values: values)
        }
        guard !curves.isEmpty else { return "" }
        return SVGChart.lines(title: title, xLabel: "generation", curves: curves, reference: curves[0].values.first)
    }

    /// The colour of workflow `index`.
    static func color(_ index: Int) -> String {
        SVGChart.curveColors[index % SVGChart.curveColors.count]
    }
}
