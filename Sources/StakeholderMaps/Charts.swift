import GraphFormats
import NetworkAnalysis
import SocialGraph

/// The account charts, as SVG: the proximity distribution, the proximity × influence matrix and the
/// power/interest grid. Each takes the account's contacts (our team excluded).
public enum Chart: String, Sendable, CaseIterable {
  case proximity, matrix, grid

  /// The chart for `options.account` (or every account) as a standalone SVG file.
  public func svg(graph g: SocialGraph, measures m: MapMeasures, account: String?) -> String {
    render(graph: g, measures: m, account: account).text()
  }

  /// The chart as SVG, PNG (192 dpi) or PDF (vector).
  public func render(graph g: SocialGraph, measures m: MapMeasures, account: String?, format: RenderFormat) throws -> [UInt8] {
    let doc = render(graph: g, measures: m, account: account)
    return try GraphvizRenderer.render(svgDrawing: doc.text(), width: doc.width, height: doc.height, format: format)
  }

  /// The chart laid out for one `target` page (`--fit`): the matrix's cells and the grid's quadrants sized to the
  /// page's area at their type sizes (the grid then lists fewer names, highest power first).
  public func page(graph g: SocialGraph, measures m: MapMeasures, account: String?, title: String?, target: FitTarget) throws -> FittedPage {
    let svg = render(graph: g, measures: m, account: account, area: target.area).text()
    let pages = try PageFit.pages(svg: svg, title: title ?? rawValue, target: target)
    guard pages.count == 1 else { throw FitError(description: "the \(rawValue) chart does not fit one \(target.rawValue) page at \(Int(PageFit.minimumType)) pt") }
    return pages[0]
  }

  func render(graph g: SocialGraph, measures m: MapMeasures, account: String?, area: (w: Double, h: Double)? = nil) -> SVGDocument {
    let contacts = Chart.contacts(of: g, account: account)
    let name = account ?? Chart.accountName(g)
    switch self {
    case .proximity: return Chart.proximityDistribution(g, m, contacts, name)
    case .matrix: return Chart.proximityInfluence(g, m, contacts, name, area: area)
    case .grid: return Chart.powerInterest(g, m, contacts, name, area: area)
    }
  }

  /// The account's contacts (every account's when nil), our team excluded, in person order.
  static func contacts(of g: SocialGraph, account: String?) -> [Int] {
    g.people.indices.filter { !g.people[$0].isInternal && (account == nil || g.people[$0].account == account) }
  }

  static func accountName(_ g: SocialGraph) -> String {
    let accounts = Set(g.people.filter { !$0.isInternal }.compactMap(\.account)).sorted()
    return accounts.count == 1 ? accounts[0] : "All accounts"
  }

  static let ink = "#212121", muted = "#616161", rule = "#E0E0E0"
  static let levels: [(Proximity?, String)] = [(.p1, "P1"), (.p2, "P2"), (.p3, "P3"), (.p4, "P4"), (nil, "Unknown")]

  static func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "–" : "\(Int((100 * Double(part) / Double(whole)).rounded()))%"
  }

  /// Contacts per proximity level: bars with count and share, and the covered share (P1–P2) in the subtitle.
  /// Proximity as the account analysis counts it (`MapMeasures.proximity`); the derived part of each bar is
  /// hatched and counted in its label.
  static func proximityDistribution(_ g: SocialGraph, _ m: MapMeasures, _ contacts: [Int], _ name: String) -> SVGDocument {
    var s = SVGDocument(width: 640, height: 380)
    let counts = levels.map { level in contacts.filter { m.proximity[$0] == level.0 }.count }
    let derivedCounts = levels.map { level in contacts.filter { m.proximity[$0] == level.0 && m.derived[$0] }.count }
    let total = contacts.count
    let covered = counts[0] + counts[1]
    let derivedTotal = derivedCounts.reduce(0, +)
    s.text("Proximity distribution", 24, 34, size: 18, bold: true)
    s.text("\(name): \(total) contacts · covered at P1–P2: \(covered) (\(percent(covered, total)))"
           + (derivedTotal > 0 ? " · \(derivedTotal) derived from ties and history (hatched)" : ""), 24, 56, size: 12, fill: muted)
    let (left, top, bottom, right) = (64.0, 84.0, 320.0, 616.0)
    let peak = max(1, counts.max() ?? 1)
    let step = niceStep(Double(peak) / 5)
    let axisMax = (Double(peak) / step).rounded(.up) * step
    var t = 0.0
    while t <= axisMax + 1e-9 {
      let y = bottom - (bottom - top) * t / axisMax
      s.line(left, y, right, y, stroke: rule)
      s.text(Cell.fixed(t, digits: 0), left - 8, y + 4, size: 11, anchor: .end, fill: muted)
      t += step
    }
    let slot = (right - left) / Double(levels.count)
    for (i, level) in levels.enumerated() {
      let h = (bottom - top) * Double(counts[i]) / axisMax
      let x = left + Double(i) * slot + slot * 0.18, w = slot * 0.64
      let fill = barFill(level.0)
      let outline = level.0 == .p4 || level.0 == nil ? "#616161" : fill
      s.rect(x, bottom - h, w, h, fill: fill, stroke: outline, dash: level.0 == .p4 || level.0 == nil,
             title: "\(level.1): \(counts[i]) contacts (\(percent(counts[i], total)))")
      if derivedCounts[i] > 0 {
        let dh = (bottom - top) * Double(derivedCounts[i]) / axisMax
        s.hatch(x, bottom - h, w, dh, title: "\(level.1): \(derivedCounts[i]) derived from ties and history")
      }
      s.text(derivedCounts[i] > 0 ? "\(counts[i]) (\(derivedCounts[i]) derived)" : "\(counts[i])", x + w / 2, bottom - h - 18,
             size: 13, bold: true, anchor: .middle)
      s.text(percent(counts[i], total), x + w / 2, bottom - h - 5, size: 11, anchor: .middle, fill: muted)
      s.text(level.1, x + w / 2, bottom + 18, size: 12, bold: true, anchor: .middle)
      s.text(caption(level.0), x + w / 2, bottom + 33, size: 10, anchor: .middle, fill: muted)
    }
    s.line(left, bottom, right, bottom, stroke: ink)
    return s
  }

  /// A bar's fill: the maps' proximity fill, except where that is white (P4, which the maps draw white with a
  /// dashed outline): a bar must show on the page, so P4 is a light grey-blue, not assessed a light grey, both
  /// with the dashed outline.
  static func barFill(_ p: Proximity?) -> String {
    switch p {
    case .p4: "#CFD8DC"
    case nil: "#E0E0E0"
    case let level?: StakeholderMap.proximityFill[level]!
    }
  }

  static func caption(_ p: Proximity?) -> String {
    switch p {
    case .p1: "close"
    case .p2: "regular"
    case .p3: "occasional"
    case .p4: "not covered"
    case nil: "not assessed"
    }
  }

  /// 1, 2 or 5 times a power of ten, at least `x`.
  static func niceStep(_ x: Double) -> Double {
    guard x > 0 else { return 1 }
    var p = 1.0
    while p * 10 <= x { p *= 10 }
    for m in [1.0, 2, 5, 10] where m * p >= x { return max(1, m * p) }
    return max(1, 10 * p)
  }

  /// Contacts by proximity (rows) and declared influence (columns), shaded by what the strategist acts on: the
  /// coverage gaps — influence 4–5 held at P3, P4 or not assessed — in orange, darker for more contacts and
  /// outlined; influential contacts already held (influence 4–5 at P1–P2) in green; every other cell in grey,
  /// light, as context. A legend says so; counts and totals in every cell.
  static func proximityInfluence(_ g: SocialGraph, _ m: MapMeasures, _ contacts: [Int], _ name: String,
                                 area: (w: Double, h: Double)? = nil) -> SVGDocument {
    let columns: [Int?] = [1, 2, 3, 4, 5, nil]
    var count = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: levels.count)
    for v in contacts {
      let p = g.people[v]
      let r = levels.firstIndex { $0.0 == m.proximity[v] }!
      let c = columns.firstIndex { $0 == p.influence } ?? columns.count - 1
      count[r][c] += 1
    }
    let cell = area.map { min(64, max(40, ($0.h - 180) / Double(levels.count + 1))) } ?? 64.0, left = 150.0, top = 110.0
    let subtitle = "\(name): \(contacts.count) contacts by how close we are (rows) and their declared influence (columns)"
    let legend = "gap to close: influence 4–5 at P3, P4 or not assessed (darker: more contacts)"
    let wide = max(TextMetrics.width(subtitle, size: 12), TextMetrics.width(legend, size: 11) + 24) + 48
    var s = SVGDocument(width: max(wide, left + cell * Double(columns.count + 1) + 40), height: top + cell * Double(levels.count + 1) + 94)
    s.text("Proximity × influence", 24, 34, size: 18, bold: true)
    s.text(subtitle, 24, 56, size: 12, fill: muted)
    s.text("declared influence →", left + cell * 3, top - 34, size: 11, anchor: .middle, fill: muted)
    let peak = max(1, count.flatMap { $0 }.max() ?? 1)
    let gapPeak = max(1, levels.indices.filter { levels[$0].0 == nil || levels[$0].0! >= .p3 }.flatMap { r in [3, 4].map { count[r][$0] } }.max() ?? 1)
    for (c, col) in columns.enumerated() {
      s.text(col.map { "\($0)" } ?? "?", left + cell * (Double(c) + 0.5), top - 10, size: 13, bold: true, anchor: .middle)
    }
    s.text("total", left + cell * (Double(columns.count) + 0.5), top - 10, size: 12, bold: true, anchor: .middle, fill: muted)
    for (r, level) in levels.enumerated() {
      let y = top + cell * Double(r)
      s.text(level.1, 24, y + cell / 2 - 2, size: 13, bold: true)
      s.text(caption(level.0), 24, y + cell / 2 + 13, size: 10, fill: muted)
      for c in columns.indices {
        let x = left + cell * Double(c)
        let k = count[r][c]
        let influential = (columns[c] ?? 0) >= 4
        let gap = (level.0 == nil || level.0! >= .p3) && influential && k > 0
        let held = !gap && influential && k > 0
        let shade = k == 0 ? "#FFFFFF" : gap ? blend(Double(k) / Double(gapPeak), from: (0xFF, 0xE0, 0xB2), to: (0xE6, 0x51, 0x00))
          : held ? "#C8E6C9" : blend(Double(k) / Double(peak), from: (0xF5, 0xF5, 0xF5), to: (0xBD, 0xBD, 0xBD))
        s.rect(x + 1, y + 1, cell - 2, cell - 2, fill: shade, stroke: gap ? StakeholderMap.bridgeColour : rule,
               strokeWidth: gap ? 3 : 1,
               title: "\(level.1), influence \(columns[c].map { "\($0)" } ?? "not declared"): \(k) contacts" + (gap ? " (coverage gap)" : ""))
        if k > 0 {
          s.text("\(k)", x + cell / 2, y + cell / 2 + 5, size: 15, bold: true, anchor: .middle,
                 fill: Contrast.text(on: shade))
        }
      }
      let rowTotal = count[r].reduce(0, +)
      s.text("\(rowTotal)", left + cell * (Double(columns.count) + 0.5), y + cell / 2 + 5, size: 13, anchor: .middle, fill: muted)
    }
    let yTotal = top + cell * Double(levels.count)
    s.text("total", 24, yTotal + cell / 2 + 4, size: 12, bold: true, fill: muted)
    for c in columns.indices {
      s.text("\(count.map { $0[c] }.reduce(0, +))", left + cell * (Double(c) + 0.5), yTotal + cell / 2 + 4, size: 13, anchor: .middle, fill: muted)
    }
    s.text("\(contacts.count)", left + cell * (Double(columns.count) + 0.5), yTotal + cell / 2 + 4, size: 13, bold: true, anchor: .middle)
    // The legend: what each shade means.
    let ly = yTotal + cell + 10
    s.rect(24, ly, 16, 16, fill: blend(0.7, from: (0xFF, 0xE0, 0xB2), to: (0xE6, 0x51, 0x00)), stroke: StakeholderMap.bridgeColour, strokeWidth: 3)
    s.text(legend, 48, ly + 13, size: 11, fill: ink)
    s.rect(24, ly + 24, 16, 16, fill: "#C8E6C9", stroke: rule)
    s.text("held: influence 4–5 at P1–P2", 48, ly + 37, size: 11, fill: muted)
    s.rect(250, ly + 24, 16, 16, fill: "#E0E0E0", stroke: rule)
    s.text("the rest (context)", 274, ly + 37, size: 11, fill: muted)
    return s
  }

  /// `from` → `to` by `t` in 0…1 (by default light blue → P1 blue, light enough at the low end to read black numbers).
  static func blend(_ t: Double, from: (Int, Int, Int) = (0xDE, 0xEB, 0xF7), to: (Int, Int, Int) = (0x08, 0x51, 0x9C)) -> String {
    let (r0, g0, b0) = from, (r1, g1, b1) = to
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
    let hex = Array("0123456789ABCDEF")
    return "#" + [mix(r0, r1), mix(g0, g1), mix(b0, b1)].map { String([hex[$0 >> 4], hex[$0 & 15]]) }.joined()
  }

  /// Mendelow's grid: four quadrants with their strategy and the names in each (highest power first).
  /// Quadrants of 380 × 380 pt with up to 21 names each; within `area` (a `--fit` page), quadrants of half its
  /// size, and as many names as they hold at the same type sizes.
  static func powerInterest(_ g: SocialGraph, _ m: MapMeasures, _ contacts: [Int], _ name: String,
                            area: (w: Double, h: Double)? = nil) -> SVGDocument {
    let pi = PowerInterest(graph: g, influence: m.influence, silent: m.silent)
    let (left, top) = (70.0, 96.0)
    let (width, size) = area.map { (max(200, ($0.w - left - 30) / 2), max(140, ($0.h - top - 80) / 2)) } ?? (380, 380)
    let perColumn = max(1, Int((size - 88 - (area == nil ? 42 : 16)) / 25) + 1), columns = width >= 300 ? 2 : 1
    var s = SVGDocument(width: left + 2 * width + 30, height: top + 2 * size + 80)
    s.text("Power / interest grid", 24, 34, size: 18, bold: true)
    s.text("\(name): power is declared influence (★ silent influencers count as high), interest is declared interest", 24, 56, size: 12, fill: muted)
    s.text("high ≥ 4 on the 1–5 scales (Mendelow 1991)", 24, 72, size: 12, fill: muted)
    let cells: [(Quadrant, Double, Double, String)] = [
      (.keepSatisfied, 0, 0, "#FFF3E0"), (.manageClosely, 1, 0, "#FDE0DD"), (.monitor, 0, 1, "#F5F5F5"), (.keepInformed, 1, 1, "#E3F2FD"),
    ]
    for (q, cx, cy, fill) in cells {
      let x = left + cx * width, y = top + cy * size
      s.rect(x + 2, y + 2, width - 4, size - 4, fill: fill, stroke: "#BDBDBD", rx: 6)
      let people = contacts.filter { pi.quadrant[$0] == q }.sorted {
        (pi.power[$0] ?? 0, m.influence[$0], -$0) > (pi.power[$1] ?? 0, m.influence[$1], -$1)
      }
      s.text("\(q.title) · \(people.count)", x + 14, y + 24, size: 14, bold: true)
      for (i, line) in TextMetrics.wrap(q.strategy, limit: Int(58 * width / 380)).prefix(2).enumerated() {
        s.text(line, x + 14, y + 42 + 14 * Double(i), size: 10.5, fill: muted)
      }
      let shown = people.prefix(columns * perColumn - (people.count > columns * perColumn ? 1 : 0))
      for (i, v) in shown.enumerated() {
        let col = Double(i / perColumn), row = Double(i % perColumn)
        let px = x + 14 + col * (width / 2 - 6), py = y + 88 + row * 25
        let p = g.people[v]
        let level = m.proximity[v]
        let chip = level.map { StakeholderMap.proximityFill[$0]! } ?? "#FFFFFF"
        s.rect(px, py - 11, 24, 15, fill: chip, stroke: "#757575", strokeWidth: 0.8, dash: level == .p4 || level == nil || m.derived[v], rx: 3)
        s.text(level?.label ?? "?", px + 12, py, size: 9, bold: true, anchor: .middle, fill: Contrast.text(on: chip))
        let label = clipped(p.displayName + (m.silent[v] ? " ★" : ""), width: width / Double(columns) - 46, size: 11)
        var tip = p.displayName
        if let t = p.title { tip += " — " + t }
        tip += " · power \(pi.power[v]!), interest \(pi.interest[v]!)"
        if let r = p.role { tip += " · " + r.engagementStrategy }
        s.text(label, px + 30, py, size: 11, fill: m.silent[v] ? StakeholderMap.silentColour : ink, title: tip)
      }
      if people.count > shown.count {
        let i = shown.count
        s.text("+ \(people.count - shown.count) more", x + 14 + Double(i / perColumn) * (width / 2 - 6) + 30,
               y + 88 + Double(i % perColumn) * 25, size: 11, fill: muted)
      }
    }
    // axes
    s.text("interest →", left + width, top + 2 * size + 26, size: 12, anchor: .middle, fill: muted)
    s.text("low", left + width / 2, top + 2 * size + 26, size: 11, anchor: .middle, fill: muted)
    s.text("high", left + 1.5 * width, top + 2 * size + 26, size: 11, anchor: .middle, fill: muted)
    s.text("high", left - 10, top + size / 2, size: 11, anchor: .end, fill: muted)
    s.text("low", left - 10, top + 1.5 * size, size: 11, anchor: .end, fill: muted)
    s.text("power ↑", left - 10, top + size + 4, size: 12, anchor: .end, fill: muted)
    let unplaced = contacts.filter { pi.quadrant[$0] == nil }.count
    if unplaced > 0 {
      s.text("Not placed: \(unplaced) contact\(unplaced == 1 ? "" : "s") without declared interest or influence.",
             left, top + 2 * size + 50, size: 11, fill: muted)
    }
    return s
  }

  /// `text` cut with an ellipsis to fit `width` points.
  static func clipped(_ text: String, width: Double, size: Double) -> String {
    guard TextMetrics.width(text, size: size) > width else { return text }
    var t = text
    while !t.isEmpty && TextMetrics.width(t + "…", size: size) > width { t.removeLast() }
    return t + "…"
  }
}
