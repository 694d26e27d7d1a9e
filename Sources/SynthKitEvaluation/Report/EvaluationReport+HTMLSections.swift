import SynthKitTable

extension EvaluationReport {
    /// The families in scorecard order with their headings.
    var namedFamilies: [(id: String, name: String, family: FamilyReport?)] {
        [("fidelity", "Fidelity", fidelity), ("diversity", "Diversity", diversity), ("utility", "Utility", utility),
         ("detectability", "Detectability", detectability), ("privacy", "Privacy", privacy), ("fairness", "Fairness", fairness)]
    }

    /// One card per family: score, holdout ceiling, verdict.
    func scorecardSection() -> String {
        var html = "<section id=\"scorecard\"><h2>Scorecard</h2><div class=\"cards\">\n"
        for entry in namedFamilies {
            let family = entry.family ?? .notApplicable("not in this report")
            html += "<div class=\"card\"><a href=\"#\(entry.id)\">\(entry.name)</a><br><b>\(Self.format(family.score, digits: 2))</b>"
            if let ceiling = family.holdoutCeiling { html += " <span class=\"muted\">ceiling \(Self.format(ceiling, digits: 2))</span>" }
            html += "<p>\(HTMLText.escape(family.verdict))</p></div>\n"
        }
        html += "</div><p class=\"muted\">Scores are in [0, 1], higher is better. The ceiling is the same score for real holdout rows in place of the synthetic rows: what a fresh real sample achieves.</p></section>\n"
        return html
    }

    /// Warnings in words.
    func warningsSection() -> String {
        var html = "<section id=\"warnings\"><h2>Warnings</h2>\n"
        if warnings.isEmpty { return html + "<p>None.</p></section>\n" }
        for warning in warnings { html += "<p class=\"warn\">\(HTMLText.escape(warning))</p>\n" }
        return html + "</section>\n"
    }

    /// A family's verdict, notes and metrics table.
    func familySection(id: String, heading: String, _ family: FamilyReport?) -> String {
        var html = "<section id=\"\(id)\"><h2>\(HTMLText.escape(heading))</h2>\n"
        guard let family else { return html + "<p class=\"muted\">Not in this report.</p></section>\n" }
        html += "<p><b>\(HTMLText.escape(family.verdict))</b></p>\n"
        if let guarantee = family.guarantee {
            html += "<p class=\"guarantee\">Privacy guarantee: \(HTMLText.escape(guarantee.statement))"
            if let epsilon = guarantee.epsilon { html += " (ε = \(Self.format(epsilon)), δ = \(guarantee.delta.map { "\($0)" } ?? "–"), \(HTMLText.escape(guarantee.accountant ?? "")))" }
            html += "</p>\n"
        }
        if !family.metrics.isEmpty {
            html += "<table><tr><th>Metric</th><th>Synthetic</th><th>Reference</th><th>Detail</th></tr>\n"
            for metric in family.metrics {
                let detail = metric.breakdown.count <= 6
                    ? metric.breakdown.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.format($0.value))" }.joined(separator: ", ")
                    : "\(metric.breakdown.count) entries; lowest: " + metric.breakdown.sorted { $0.value < $1.value }.prefix(3).map { "\($0.key) \(Self.format($0.value))" }.joined(separator: ", ")
                html += "<tr><td>\(HTMLText.escape(metric.label))</td><td class=\"n\">\(Self.format(metric.score))</td><td class=\"n\">\(Self.format(metric.holdoutReference))</td><td>\(HTMLText.escape(detail))\(metric.notes.isEmpty ? "" : "<br><span class=\"muted\">\(HTMLText.escape(metric.notes.joined(separator: "; ")))</span>")</td></tr>\n"
            }
            html += "</table>\n"
        }
        for note in family.notes { html += "<p class=\"muted\">\(HTMLText.escape(note))</p>\n" }
        return html + "</section>\n"
    }

    /// Real vs synthetic histograms and category bars, one per column.
    func columnChartsSection() -> String {
        var html = "<section id=\"columns\"><h2>Columns: real vs synthetic</h2><div class=\"charts\">\n"
        for distribution in plots?.distributions ?? [] {
            html += SVGChart.bars(
                title: distribution.column, labels: distribution.labels,
                series: [.init(name: "real", color: SVGChart.realColor, values: distribution.real),
                         .init(name: "synthetic", color: SVGChart.syntheticColor, values: distribution.synthetic)]) + "\n"
        }
        return html + "</div></section>\n"
    }

    /// Association heat maps: real, synthetic, difference.
    func associationSection() -> String {
        var html = "<section id=\"associations\"><h2>Associations between columns</h2>\n"
        guard let matrix = plots?.associations else { return html + "<p class=\"muted\">Fewer than two comparable columns.</p></section>\n" }
        html += "<p class=\"muted\">Pearson correlation for two numeric columns, Cramér's V (real-edge bins) otherwise. Red positive, blue negative; the difference map shows synthetic − real.</p><div class=\"charts\">\n"
        html += SVGChart.heatMap(title: "Real", labels: matrix.columns, values: matrix.real) + "\n"
        html += SVGChart.heatMap(title: "Synthetic", labels: matrix.columns, values: matrix.synthetic) + "\n"
        html += SVGChart.heatMap(title: "Difference (synthetic − real)", labels: matrix.columns, values: zip(matrix.synthetic, matrix.real).map { $0 - $1 }) + "\n"
        return html + "</div></section>\n"
    }

    /// DCR distributions, training vs holdout.
    func distanceChartsSection() -> String {
        var html = "<section id=\"distances\"><h3>Distances to closest records</h3><p class=\"muted\">Share of synthetic rows per distance bin: to the training rows and to the holdout rows (equal-size references). Mass piled at 0 next to the training bars means copies or near-copies.</p><div class=\"charts\">\n"
        for histogram in plots?.distances ?? [] {
            var series: [SVGChart.Series] = [.init(name: "to training", color: SVGChart.syntheticColor, values: histogram.training)]
            if let holdout = histogram.holdout { series.append(.init(name: "to holdout", color: SVGChart.holdoutColor, values: holdout)) }
            let labels = histogram.edges.dropLast().map { NumberFormatting.fixed($0, places: 2) }
            html += SVGChart.bars(title: histogram.label, labels: Array(labels), series: series, width: 480) + "\n"
        }
        return html + "</div></section>\n"
    }
}
