import Foundation

/// Inline SVG charts for the report: a time series chart with shaded spans and event markers, and
/// a grouped bar chart. Pure text output, no scripts, no external resources.
enum SVGChart {
    /// One line of a time series chart.
    struct Line {
        var label: String
        var color: String
        var points: [SeriesPoint]
        var dashed = false
    }

    static let width = 860.0
    static let height = 240.0
    static let left = 70.0, right = 20.0, top = 16.0, bottom = 34.0

    /// A time series chart: `lines` over time, `spans` shaded (pauses), `markers` as vertical ticks
    /// (alarms), `band` as a horizontal dashed line (a limit).
    static func timeSeries(
        id: String, title: String, lines: [Line], spans: [ReportInterval] = [],
        markers: [Double] = [], band: (label: String, value: Double)? = nil
    ) -> String {
        let all = lines.flatMap(\.points).filter { $0.t.isFinite && $0.value.isFinite }
        guard !all.isEmpty else {
            return "<p class=\"empty\">\(escape(title)): no data.</p>"
        }
        var t0 = all.map(\.t).min()!, t1 = all.map(\.t).max()!
        for s in spans { t0 = min(t0, s.start); t1 = max(t1, s.end) }
        if t1 <= t0 { t1 = t0 + 1 }
        var v0 = all.map(\.value).min()!, v1 = all.map(\.value).max()!
        if let band { v0 = min(v0, band.value); v1 = max(v1, band.value) }
        if v1 <= v0 { v1 = v0 + max(1, abs(v0) * 0.01); v0 -= max(1, abs(v0) * 0.01) }
        let pad = (v1 - v0) * 0.05
        v0 -= pad
        v1 += pad
        let pw = width - left - right, ph = height - top - bottom
        func x(_ t: Double) -> Double { left + (t - t0) / (t1 - t0) * pw }
        func y(_ v: Double) -> Double { top + (1 - (v - v0) / (v1 - v0)) * ph }
        var s =
            "<svg id=\"\(escape(id))\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "role=\"img\" aria-label=\"\(escape(title))\">"
        s += "<title>\(escape(title))</title>"
        s += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(pw)\" height=\"\(ph)\" fill=\"#fbfbfd\" stroke=\"#ccc\"/>"
        for span in spans {
            let a = x(span.start), b = max(x(span.end), a + 1.5)
            s +=
                "<rect class=\"pause\" x=\"\(f(a))\" y=\"\(top)\" width=\"\(f(b - a))\" height=\"\(ph)\" "
                + "fill=\"#f4a261\" fill-opacity=\"0.35\"><title>paused: \(escape(span.label))</title></rect>"
        }
        for k in 0...4 {
            let v = v0 + (v1 - v0) * Double(k) / 4
            s += "<line x1=\"\(left)\" x2=\"\(left + pw)\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#eee\"/>"
            s += "<text x=\"\(left - 6)\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"tick\">\(short(v))</text>"
        }
        for k in 0...4 {
            let t = t0 + (t1 - t0) * Double(k) / 4
            s +=
                "<text x=\"\(f(x(t)))\" y=\"\(height - 12)\" text-anchor=\"middle\" class=\"tick\">\(duration(t))</text>"
        }
        if let band {
            s +=
                "<line class=\"band\" x1=\"\(left)\" x2=\"\(left + pw)\" y1=\"\(f(y(band.value)))\" "
                + "y2=\"\(f(y(band.value)))\" stroke=\"#2a9d8f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            s +=
                "<text x=\"\(left + pw - 4)\" y=\"\(f(y(band.value) - 4))\" text-anchor=\"end\" class=\"tick\" "
                + "fill=\"#2a9d8f\">\(escape(band.label))</text>"
        }
        for line in lines {
            let pts = line.points.filter { $0.t.isFinite && $0.value.isFinite }
            guard !pts.isEmpty else { continue }
            let path = pts.map { "\(f(x($0.t))),\(f(y($0.value)))" }.joined(separator: " ")
            s +=
                "<polyline class=\"series\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" "
                + (line.dashed ? "stroke-dasharray=\"5 3\" " : "") + "points=\"\(path)\"/>"
            if pts.count == 1 {
                s += "<circle cx=\"\(f(x(pts[0].t)))\" cy=\"\(f(y(pts[0].value)))\" r=\"3\" fill=\"\(line.color)\"/>"
            }
        }
        for m in markers where m.isFinite {
            s +=
                "<line class=\"alarm\" x1=\"\(f(x(m)))\" x2=\"\(f(x(m)))\" y1=\"\(top)\" y2=\"\(top + ph)\" "
                + "stroke=\"#d62828\" stroke-width=\"1.5\"><title>alarm at \(duration(m))</title></line>"
        }
        var lx = left + 8
        for line in lines {
            s += "<rect x=\"\(f(lx))\" y=\"\(top + 6)\" width=\"12\" height=\"4\" fill=\"\(line.color)\"/>"
            s += "<text x=\"\(f(lx + 16))\" y=\"\(top + 12)\" class=\"tick\">\(escape(line.label))</text>"
            lx += 30 + Double(line.label.count) * 6.5
        }
        s += "</svg>"
        return s
    }

    /// A grouped bar chart: for each category, one bar per value (`colors` and `legend` in order).
    static func bars(
        id: String, title: String, categories: [String], values: [[Double]], colors: [String],
        legend: [String]
    ) -> String {
        let maxValue = max(1, values.flatMap { $0 }.filter(\.isFinite).max() ?? 1)
        let rowH = 22.0, barH = 9.0, labelW = 190.0, chartW = width - labelW - 110
        let h = top + Double(categories.count) * rowH + 30
        var s =
            "<svg id=\"\(escape(id))\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(h))\" width=\"\(Int(width))\" height=\"\(Int(h))\" role=\"img\" "
            + "aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, name) in categories.enumerated() {
            let yy = top + Double(i) * rowH
            s +=
                "<text x=\"\(labelW - 8)\" y=\"\(f(yy + 13))\" text-anchor=\"end\" class=\"tick\">\(escape(name))</text>"
            for (j, v) in values[i].enumerated() {
                let w = v.isFinite ? max(0, v) / maxValue * chartW : 0
                let by = yy + Double(j) * (barH + 1)
                s +=
                    "<rect class=\"bar\" x=\"\(labelW)\" y=\"\(f(by))\" width=\"\(f(max(w, 0.5)))\" height=\"\(barH)\" "
                    + "fill=\"\(colors[j % colors.count])\"><title>\(escape(legend[j % legend.count])): "
                    + "\(usd(v))</title></rect>"
                s += "<text x=\"\(f(labelW + w + 4))\" y=\"\(f(by + 8))\" class=\"tick\">\(usd(v))</text>"
            }
        }
        var lx = labelW
        for (j, name) in legend.enumerated() {
            s +=
                "<rect x=\"\(f(lx))\" y=\"\(f(h - 18))\" width=\"12\" height=\"8\" fill=\"\(colors[j % colors.count])\"/>"
            s += "<text x=\"\(f(lx + 16))\" y=\"\(f(h - 10))\" class=\"tick\">\(escape(name))</text>"
            lx += 40 + Double(name.count) * 6.5
        }
        return s + "</svg>"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static func short(_ v: Double) -> String {
        let a = abs(v)
        if a >= 1e9 { return String(format: "%.2fB", v / 1e9) }
        if a >= 1e6 { return String(format: "%.2fM", v / 1e6) }
        if a >= 1e4 { return String(format: "%.1fk", v / 1e3) }
        if a >= 10 { return String(format: "%.1f", v) }
        return String(format: "%.4g", v)
    }

    static func usd(_ v: Double) -> String { v.isFinite ? "$" + short(v) : "–" }

    static func duration(_ t: Double) -> String {
        let a = abs(t)
        if a < 120 { return String(format: "%.0fs", t) }
        if a < 7200 { return String(format: "%.0fm", t / 60) }
        if a < 172_800 { return String(format: "%.1fh", t / 3600) }
        return String(format: "%.1fd", t / 86400)
    }

    /// Escapes text for HTML/SVG element content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
