import SynthKitTable

extension EvaluationReport {
    /// A self-contained HTML page of the report: a scorecard with plain-language verdicts and
    /// holdout ceilings, warnings in words, one section per family, inline SVG charts (real vs
    /// synthetic per column, association heat maps, DCR distributions) and the SDMetrics-compatible
    /// numbers. Section ids: `scorecard`, `warnings`, `fidelity`, `columns`, `associations`,
    /// `diversity`, `utility`, `detectability`, `privacy`, `distances`, `fairness`,
    /// `sdmetrics-compatible`. All data text is escaped; the page loads nothing from the network and
    /// needs no JavaScript.
    public func renderHTML(title: String = "SynthKit evaluation") -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
        .scores{display:flex;gap:1em;flex-wrap:wrap}.score{padding:.8em 1.2em;border:1px solid #ccc;border-radius:8px}
        .score b{display:block;font-size:2.2em}.muted{color:#777}table{border-collapse:collapse;margin:1em 0}
        td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .card{border:1px solid #ccc;border-radius:8px;padding:.8em 1em;width:290px}.card b{font-size:1.9em}.cards{display:flex;flex-wrap:wrap;gap:.8em}
        .warn{background:#fff4e5;border-left:4px solid #e67e22;padding:.5em 1em}.charts{display:flex;flex-wrap:wrap;gap:.5em}
        .guarantee{background:#eef3fb;border-left:4px solid #4c72b0;padding:.5em 1em}
        </style></head><body>
        <h1>\(HTMLText.escape(title))</h1>
        <p class="muted">\(rows.real) real rows, \(rows.synthetic) synthetic rows\(rows.holdout.map { ", \($0) holdout rows" } ?? ""). SynthKit \(HTMLText.escape(synthkitVersion)).</p>

        """
        html += scorecardSection()
        html += warningsSection()
        html += familySection(id: "fidelity", heading: "Fidelity (SynthKit mode)", fidelity)
        html += columnChartsSection()
        html += associationSection()
        html += familySection(id: "diversity", heading: "Diversity", diversity)
        html += familySection(id: "utility", heading: "Utility", utility)
        html += familySection(id: "detectability", heading: "Detectability", detectability)
        html += familySection(id: "privacy", heading: "Privacy (empirical measurements, not a guarantee)", privacy)
        html += distanceChartsSection()
        html += privacySection()
        html += familySection(id: "fairness", heading: "Fairness", fairness)
        html += sdmetricsSection()
        html += "</body></html>\n"
        return html
    }

    /// The SDMetrics-compatible numbers of the foundation issue.
    private func sdmetricsSection() -> String {
        var html = """
        <section id="sdmetrics-compatible"><h2>Quality (SDMetrics-compatible)</h2>
        <p class="muted">Reproduces SDMetrics 0.32.0 QualityReport, quirks included: missing values are not assessed, and continuous columns in pairs are binned per table.</p>
        <div class="scores">

        """
        html += Self.scoreBox("Overall", sdmetricsCompatible.overall, reference: holdoutReference?.overall)
        html += Self.scoreBox("Column Shapes", sdmetricsCompatible.columnShapes, reference: holdoutReference?.columnShapes)
        html += Self.scoreBox("Column Pair Trends", sdmetricsCompatible.columnPairTrends, reference: holdoutReference?.columnPairTrends)
        html += "</div>\n"
        if holdoutReference != nil {
            html += "<p class=\"muted\">Small numbers: the same score for the real holdout against the training rows (the ceiling).</p>\n"
        }
        html += "<h3>Columns</h3>\n<table><tr><th>Column</th><th>Metric</th><th>Score</th><th>Note</th></tr>\n"
        for name in sdmetricsCompatible.columnOrder {
            guard let entry = sdmetricsCompatible.columns[name] else { continue }
            html += "<tr><td>\(HTMLText.escape(name))</td><td>\(HTMLText.escape(entry.metric))</td><td class=\"n\">\(Self.format(entry.score))</td><td>\(HTMLText.escape(entry.note ?? ""))</td></tr>\n"
        }
        html += "</table>\n<h3>Column pairs</h3>\n<table><tr><th>Columns</th><th>Metric</th><th>Score</th><th>Real ρ / V</th><th>Counts</th><th>Note</th></tr>\n"
        for pair in sdmetricsCompatible.pairs {
            let association = pair.realCorrelation ?? pair.realAssociation
            html += "<tr><td>\(HTMLText.escape(pair.columns.joined(separator: " × ")))</td><td>\(HTMLText.escape(pair.metric))</td>"
            html += "<td class=\"n\">\(Self.format(pair.score))</td><td class=\"n\">\(Self.format(association))</td>"
            html += "<td>\(pair.meetsThreshold ? "yes" : "no")</td><td>\(HTMLText.escape(pair.note ?? ""))</td></tr>\n"
        }
        html += "</table>\n"
        for note in sdmetricsCompatible.notes {
            html += "<p class=\"muted\">\(HTMLText.escape(note))</p>\n"
        }
        return html + "</section>\n"
    }

    private func privacySection() -> String {
        guard let privacy = privacyFigures else { return "" }
        var html = "<h3>DCR figures (SDMetrics Gower distance)</h3>\n<table>\n"
        html += "<tr><td>Exact copies of training rows</td><td class=\"n\">\(privacy.exactCopies) (\(Self.format(privacy.exactCopyShare * 100, digits: 2)) %)</td></tr>\n"
        html += "<tr><td>Median distance to closest training row</td><td class=\"n\">\(Self.format(privacy.dcrTrainMedian))</td></tr>\n"
        html += "<tr><td>Median distance to closest holdout row</td><td class=\"n\">\(Self.format(privacy.dcrHoldoutMedian))</td></tr>\n"
        html += "<tr><td>Share of synthetic rows closer to training than to holdout</td><td class=\"n\">\(Self.format(privacy.dcrShare))</td></tr>\n"
        html += "<tr><td>DCR overfitting protection (SDMetrics)</td><td class=\"n\">\(Self.format(privacy.dcrOverfittingProtection))</td></tr>\n"
        html += "</table>\n"
        for note in privacy.notes {
            html += "<p class=\"muted\">\(HTMLText.escape(note))</p>\n"
        }
        return html
    }

    static func scoreBox(_ label: String, _ value: Double?, reference: Double?) -> String {
        var html = "<div class=\"score\">\(HTMLText.escape(label))<b>\(format(value))</b>"
        if let reference { html += "<span class=\"muted\">holdout: \(format(reference))</span>" }
        return html + "</div>\n"
    }

    static func format(_ value: Double?, digits: Int = 3) -> String {
        guard let value else { return "–" }
        return NumberFormatting.fixed(value, places: digits)
    }
}

/// Escaping of text placed in HTML.
package enum HTMLText {
    /// `text` with `& < > " '` replaced by entities.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
