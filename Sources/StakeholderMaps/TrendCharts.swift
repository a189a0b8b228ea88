import GraphFormats
import NetworkAnalysis
import SocialGraph

/// The report's trend section: small line charts over the snapshots of a workspace — contacts per proximity level,
/// the decision circuit's coverage, the mean tolerance capital, and the relationships at risk — each point with its
/// value in a tooltip.
enum TrendCharts {
  struct Series { var name: String; var colour: String; var values: [Double?] }

  static func svgs(_ points: [TrendPoint]) -> [String] {
    let levels: [(String, String)] = [("P1", StakeholderMap.proximityFill[.p1]!), ("P2", StakeholderMap.proximityFill[.p2]!),
                                      ("P3", "#90A4AE"), ("P4", "#BDBDBD")]
    let proximity = levels.enumerated().map { k, l in Series(name: l.0, colour: l.1, values: points.map { Double($0.proximity[k]) }) }
    return [
      chart("Contacts per proximity level", points, proximity, percent: false),
      chart("Decision circuit held at P1–P2", points, [Series(name: "coverage", colour: "#1565C0", values: points.map(\.coverage))], percent: true),
      chart("Mean tolerance capital", points, [Series(name: "mean balance", colour: "#2E7D32", values: points.map(\.meanTrustBalance))], percent: false),
      chart("Relationships at risk or ruptured", points,
            [Series(name: "at risk", colour: "#C62828", values: points.map { Double($0.trustAtRisk) }),
             Series(name: "single-threaded", colour: "#EF6C00", values: points.map { Double($0.singleThreaded) })], percent: false),
    ]
  }

  static func chart(_ title: String, _ points: [TrendPoint], _ series: [Series], percent: Bool) -> String {
    var s = SVGDocument(width: 420, height: 240)
    s.text(title, 16, 24, size: 14, bold: true)
    let (left, top, bottom, right) = (48.0, 44.0, 196.0, 404.0)
    let values = series.flatMap { $0.values.compactMap { $0 } }
    let low = min(0, values.min() ?? 0)
    var high = percent ? 1 : max(values.max() ?? 1, low + 1)
    let step = percent ? 0.25 : Chart.niceStep((high - low) / 4)
    if !percent { high = (high / step).rounded(.up) * step }
    func y(_ v: Double) -> Double { bottom - (bottom - top) * (v - low) / (high - low) }
    func x(_ i: Int) -> Double { points.count == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(points.count - 1) }
    func label(_ v: Double) -> String { percent ? "\(Int((100 * v).rounded())) %" : Cell.fixed(v, digits: v == v.rounded() ? 0 : 1) }
    var t = low
    while t <= high + 1e-9 {
      s.line(left, y(t), right, y(t), stroke: Chart.rule)
      s.text(label(t), left - 6, y(t) + 4, size: 10, anchor: .end, fill: Chart.muted)
      t += step
    }
    let every = max(1, (points.count + 5) / 6)
    for (i, p) in points.enumerated() where (i % every == 0 && points.count - 1 - i >= every) || i == points.count - 1 {
      s.text(String(p.day.description.prefix(7)), x(i), bottom + 16, size: 10, anchor: .middle, fill: Chart.muted)
    }
    for (k, line) in series.enumerated() {
      var previous: (Double, Double)?
      for (i, v) in line.values.enumerated() {
        guard let v else { previous = nil; continue }
        let point = (x(i), y(v))
        if let p = previous { s.line(p.0, p.1, point.0, point.1, stroke: line.colour, width: 2.2) }
        s.rect(point.0 - 3, point.1 - 3, 6, 6, fill: line.colour, rx: 3, title: "\(points[i].day): \(line.name) \(label(v))")
        previous = point
      }
      if series.count > 1 {
        let lx = left + Double(k) * 90
        s.rect(lx, 218, 10, 10, fill: line.colour, rx: 2)
        s.text(line.name, lx + 14, 227, size: 10, fill: Chart.ink)
      }
    }
    return s.text(standalone: false)
  }
}
