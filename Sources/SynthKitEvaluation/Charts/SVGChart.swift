import SynthKitTable

/// A small writer of inline SVG charts for the HTML report: grouped bar charts (real vs
/// synthetic distributions, distance histograms) and heat maps (association matrices). The
/// output is plain SVG text with escaped labels, no scripts and no external references.
package enum SVGChart {
    /// One series of a bar chart.
    struct Series {
        /// Legend text.
        var name: String
        /// Fill colour (CSS).
        var color: String
        /// One value per label.
        var values: [Double]
    }

    /// Colours used by the report.
    static let realColor = "#4c72b0"
    static let syntheticColor = "#dd8452"
    static let holdoutColor = "#55a868"

    /// A grouped bar chart with one group per label; labels are rotated when there are many.
    static func bars(title: String, labels: [String], series: [Series], width: Int = 440, height: Int = 240) -> String {
        let left = 44.0, right = 8.0, top = 40.0
        let rotated = labels.count > 6 || labels.contains { $0.count > 8 }
        let bottom = rotated ? 70.0 : 34.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let largest = max(series.flatMap(\.values).max() ?? 0, 1e-12)
        let groupWidth = plotWidth / Double(max(1, labels.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"\(left)\" y=\"16\" font-size=\"13\" font-weight=\"600\">\(HTMLText.escape(title))</text>"
        for step in 0...4 {
            let value = largest * Double(step) / 4
            let y = top + plotHeight * (1 - Double(step) / 4)
            svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(y))\" stroke=\"#e5e5e5\"/>"
            svg += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(y + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(axisLabel(value))</text>"
        }
        for (groupIndex, label) in labels.enumerated() {
            let groupLeft = left + groupWidth * Double(groupIndex) + groupWidth * 0.1
            for (seriesIndex, entry) in series.enumerated() where groupIndex < entry.values.count {
                let value = entry.values[groupIndex]
                let barHeight = plotHeight * value / largest
                svg += "<rect x=\"\(fmt(groupLeft + barWidth * Double(seriesIndex)))\" y=\"\(fmt(top + plotHeight - barHeight))\" width=\"\(fmt(max(barWidth - 0.5, 0.5)))\" height=\"\(fmt(barHeight))\" fill=\"\(entry.color)\"><title>\(HTMLText.escape(entry.name)) \(HTMLText.escape(label)): \(axisLabel(value))</title></rect>"
            }
            let x = left + groupWidth * (Double(groupIndex) + 0.5)
            let shown = label.count > 14 ? String(label.prefix(13)) + "…" : label
            if rotated {
                svg += "<text transform=\"translate(\(fmt(x + 3)),\(fmt(top + plotHeight + 8))) rotate(-55)\" font-size=\"9\" text-anchor=\"end\" fill=\"#333\">\(HTMLText.escape(shown))</text>"
            } else {
                svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(top + plotHeight + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">\(HTMLText.escape(shown))</text>"
            }
        }
        var legendX = Double(width) - right
        for entry in series.reversed() {
            legendX -= Double(entry.name.count) * 6.5 + 22
            svg += "<rect x=\"\(fmt(legendX))\" y=\"21\" width=\"10\" height=\"10\" fill=\"\(entry.color)\"/>"
            svg += "<text x=\"\(fmt(legendX + 13))\" y=\"30\" font-size=\"11\">\(HTMLText.escape(entry.name))</text>"
        }
        return svg + "</svg>"
    }

    /// A heat map of a square row-major matrix with values in [−1, 1] (blue negative, red positive).
    static func heatMap(title: String, labels: [String], values: [Double], cell: Int = 22) -> String {
        let count = labels.count
        precondition(values.count == count * count, "heat map needs \(count * count) values, got \(values.count)")
        let margin = 92
        let size = margin + cell * count + 8
        var svg = "<svg width=\"\(size)\" height=\"\(size + 20)\" viewBox=\"0 0 \(size) \(size + 20)\" role=\"img\">"
        svg += "<title>\(HTMLText.escape(title))</title><text x=\"4\" y=\"15\" font-size=\"13\" font-weight=\"600\">\(HTMLText.escape(title))</text>"
        let top = margin + 20
        for (index, label) in labels.enumerated() {
            let shown = HTMLText.escape(label.count > 13 ? String(label.prefix(12)) + "…" : label)
            svg += "<text x=\"\(margin - 4)\" y=\"\(top + cell * index + cell / 2 + 4)\" font-size=\"10\" text-anchor=\"end\">\(shown)</text>"
            svg += "<text transform=\"translate(\(margin + cell * index + cell / 2 + 4),\(top - 4)) rotate(-60)\" font-size=\"10\">\(shown)</text>"
        }
        for row in 0..<count {
            for column in 0..<count {
                let value = values[row * count + column]
                svg += "<rect x=\"\(margin + cell * column)\" y=\"\(top + cell * row)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(color(value))\"><title>\(HTMLText.escape(labels[row])) × \(HTMLText.escape(labels[column])): \(NumberFormatting.fixed(value, places: 3))</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    /// A diverging colour for v ∈ [−1, 1]: white at 0, red for positive, blue for negative.
    static func color(_ value: Double) -> String {
        let clamped = max(-1, min(1, value.isFinite ? value : 0))
        let fade = Int((1 - abs(clamped)) * 255)
        return clamped >= 0 ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),255)"
    }

    static func fmt(_ value: Double) -> String { NumberFormatting.fixed(value, places: 1) }

    static func axisLabel(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value < 0.01 { return NumberFormatting.fixed(value, places: 4) }
        return NumberFormatting.fixed(value, places: value < 1 ? 2 : 1)
    }
}
