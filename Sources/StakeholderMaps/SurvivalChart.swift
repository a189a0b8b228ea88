import GraphFormats
import NetworkAnalysis

/// The report's survival chart: Kaplan–Meier step curves of relationships (share not ruptured against days since
/// the first contact), all relationships with its 95 % band and one curve per proximity level.
enum SurvivalChart {
  static let colours = ["all": "#263238", "P1": StakeholderMap.proximityFill[.p1]!, "P2": StakeholderMap.proximityFill[.p2]!,
                        "P3": "#90A4AE", "P4": "#BDBDBD", "unknown": "#8D6E63"]

  static func svg(_ curves: [SurvivalCurve]) -> String {
    var s = SVGDocument(width: 560, height: 320)
    s.text("Relationships not yet ruptured (Kaplan–Meier)", 16, 24, size: 14, bold: true)
    let (left, top, bottom, right) = (48.0, 44.0, 246.0, 540.0)
    let maxDays = max(30, curves.flatMap(\.times).max() ?? 30)
    let step = Chart.niceStep(maxDays / 5)
    let high = (maxDays / step).rounded(.up) * step
    func x(_ t: Double) -> Double { left + (right - left) * t / high }
    func y(_ v: Double) -> Double { bottom - (bottom - top) * v }
    for k in 0...4 {
      let v = Double(k) / 4
      s.line(left, y(v), right, y(v), stroke: Chart.rule)
      s.text("\(k * 25) %", left - 6, y(v) + 4, size: 10, anchor: .end, fill: Chart.muted)
    }
    var t = 0.0
    while t <= high + 1e-9 {
      s.text("\(Int(t))", x(t), bottom + 16, size: 10, anchor: .middle, fill: Chart.muted)
      t += step
    }
    s.text("days since the first contact", (left + right) / 2, bottom + 32, size: 10, anchor: .middle, fill: Chart.muted)
    // The band of all relationships, as thin steps.
    if let all = curves.first {
      for i in all.times.indices.dropLast() {
        let (x0, x1) = (x(all.times[i]), x(all.times[i + 1]))
        s.rect(x0, y(all.upper[i]), max(0.5, x1 - x0), max(0.5, y(all.lower[i]) - y(all.upper[i])), fill: "#CFD8DC")
      }
    }
    for (k, c) in curves.enumerated() {
      let colour = colours[c.segment] ?? "#6D4C41"
      let width = k == 0 ? 2.6 : 1.8
      for i in c.times.indices {
        let end = i + 1 < c.times.count ? c.times[i + 1] : c.times[i]
        s.line(x(c.times[i]), y(c.survival[i]), x(end), y(c.survival[i]), stroke: colour, width: width)
        if i + 1 < c.times.count && c.survival[i + 1] != c.survival[i] {
          s.line(x(end), y(c.survival[i]), x(end), y(c.survival[i + 1]), stroke: colour, width: width)
        }
      }
      let lx = left + Double(k) * 78
      let median = c.median.map { "median \(Int($0)) days" } ?? "median not reached"
      s.rect(lx, 298, 10, 10, fill: colour, rx: 2, title: "\(c.segment): \(c.atRisk[0]) relationships, \(c.events.reduce(0, +)) ruptured, \(median)")
      s.text(c.segment, lx + 14, 307, size: 10, fill: Chart.ink)
    }
    return s.text(standalone: false)
  }
}
