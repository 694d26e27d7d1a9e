import SynthKitTable

extension SVGChart {
    /// One curve of a line chart.
    package struct Curve: Sendable {
        /// Legend text.
        package var name: String
        /// Stroke colour (CSS).
        package var color: String
        /// One value per x position (`0..<count`); non-finite values break the line.
        package var values: [Double]

        /// Creates a curve.
        package init(name: String, color: String, values: [Double]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    /// Distinct curve colours, in order.
    package static let curveColors = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]

    /// A small line chart of curves over x = 0, 1, …, with the y range fitted to the finite
    /// values (and `reference`, drawn dashed, when given). Used for small multiples.
    package static func lines(
        title: String, xLabel: String, curves: [Curve], reference: Double? = nil, width: Int = 300, height: Int = 190
    ) -> String {
        let left = 46.0, right = 8.0, top = 24.0, bottom = 30.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        var finite = curves.flatMap(\.values).filter(\.isFinite)
        if let reference { finite.append(reference) }
        var lowest = finite.min() ?? 0, highest = finite.max() ?? 1
        if highest - lowest < 1e-12 { lowest -= 0.5; highest += 0.5 }
        let pad = (highest - lowest) * 0.05
        lowest -= pad
        highest += pad
        let points = max(2, curves.map(\.values.count).max() ?? 2)
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(points - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - lowest) / (highest - lowest)) }
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"4\" y=\"14\" font-size=\"12\" font-weight=\"600\">\(HTMLText.escape(title))</text>"
        for step in 0...3 {
            let value = lowest + (highest - lowest) * Double(step) / 3
            svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(value)))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(y(value)))\" stroke=\"#e5e5e5\"/>"
            svg += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(y(value) + 4))\" font-size=\"9\" text-anchor=\"end\" fill=\"#555\">\(tickLabel(value))</text>"
        }
        svg += "<text x=\"\(fmt(left))\" y=\"\(height - 4)\" font-size=\"9\" fill=\"#555\">0</text>"
        svg += "<text x=\"\(fmt(left + plotWidth))\" y=\"\(height - 4)\" font-size=\"9\" text-anchor=\"end\" fill=\"#555\">\(points - 1)</text>"
        svg += "<text x=\"\(fmt(left + plotWidth / 2))\" y=\"\(height - 4)\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">\(HTMLText.escape(xLabel))</text>"
        if let reference {
            svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(reference)))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(y(reference)))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
        }
        for curve in curves {
            var path = ""
            var drawing = false
            for (index, value) in curve.values.enumerated() {
                guard value.isFinite else { drawing = false; continue }
                path += "\(drawing ? "L" : "M")\(fmt(x(index))),\(fmt(y(value))) "
                drawing = true
            }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(curve.color)\" stroke-width=\"1.6\"><title>\(HTMLText.escape(curve.name))</title></path>"
        }
        return svg + "</svg>"
    }

    /// A compact tick label with three significant figures.
    static func tickLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1000 { return NumberFormatting.fixed(value, places: 0) }
        if magnitude >= 1 { return NumberFormatting.fixed(value, places: 2) }
        if magnitude >= 0.01 { return NumberFormatting.fixed(value, places: 3) }
        return NumberFormatting.fixed(value, places: 5)
    }
}
