// Maps through the Graphviz C library: valid SVG/PNG/PDF, Graphviz errors as Swift errors, hostile names escaped
// in DOT, SVG and HTML labels, and the org layout's stacking of wide teams.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GraphFormats
import SocialGraph
import NetworkAnalysis
@testable import StakeholderMaps

/// A small account whose names try to break every format they pass through.
func hostileAccount() throws -> SocialGraph {
  var b = SocialGraphBuilder()
  let names = [
    "Ann \"The Boss\" O'Neil", "Back\\slash \\N \\G \\l", "<script>alert(1)</script>", "Tom & Jerry > Co",
    "Line\nbreak", "Zoë 😀 Łukasz", "王小明", "عبد الله", "]; n0 -> n1 [label=x",
  ]
  for (i, name) in names.enumerated() {
    try b.addPerson(Person(id: "c\(i)", name: name, title: "Title <\(i)> & \"co\"", account: "Acme <&>",
                           department: i < 4 ? "Ops & <IT>" : "Sales \"EU\"", reportsTo: i == 0 ? nil : "c0",
                           role: StakeholderRole.allCases[i % 5], proximity: Proximity.allCases[i % 4], influence: 1 + i % 5))
  }
  let k = b.kindIndex(for: .collaboration)
  for (s, t) in [(1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (7, 8), (3, 4)] {
    try b.addTie(Tie(source: Int32(s), target: Int32(t), weight: 0.5, kind: k, isDirected: false))
  }
  return try b.build()
}

/// The bundled sample account (datasets/sample), as `tiemap` reads it.
func sampleAccount() throws -> LoadedInput {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  func sample(_ f: String) -> String { root.appendingPathComponent("datasets/sample/\(f)").path }
  return try InputLoader.loadAccount(contacts: sample("contacts.csv"), ties: sample("ties.csv"), interactions: sample("interactions.csv"))
}

@Suite(.serialized) struct MapRenderingTests {
  @Test(arguments: MapLayout.allCases)
  func hostileNamesRenderToValidSVG(_ layout: MapLayout) throws {
    let g = try hostileAccount()
    var o = MapOptions(); o.layout = layout
    let (doc, engine) = StakeholderMap.document(graph: g, measures: MapMeasures(graph: g), options: o)
    let svg = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg)
    let text = String(decoding: svg, as: UTF8.self)
    // Valid XML, and no markup from a name survives as markup.
    let parser = XMLParser(data: Data(svg))
    #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
    #expect(!text.contains("<script"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(text.contains("Tom &amp; Jerry &gt; Co"))
    #expect(text.contains("王小明") && text.contains("عبد الله") && text.contains("Zoë 😀 Łukasz"))
    // Backslashes are literal, not Graphviz escapes (\N would print the node name "n1").
    #expect(text.contains("Back\\slash \\N \\G \\l"))
    // The DOT text has one box per person (id "p<index>"): the injected "] ; n0 -> n1" made no node or edge.
    let boxes = doc.text.split(separator: "\n").filter { $0.firstMatch(of: /id="p\d+"[,\]]/) != nil }
    #expect(boxes.count == g.count)
    // …and no extra edge: one edge statement per edge of the document (a quoted "n0 -> n1" stays inside its string).
    let edgeStatements = doc.text.split(separator: "\n").filter { $0.firstMatch(of: /^  n\d+ -> n\d+/) != nil }
    #expect(edgeStatements.count == doc.edges.count)
  }

  // A network map of people alone and in pairs, too large for neato, is placed as a grid (no force layout):
  // every person pinned, no two boxes overlapping, a pair side by side on one row, rows filled to about 3:2; a
  // map with a component of three, or one small enough for neato, is left to the force layout.
  @Test func flatMapsArePlacedAsAGrid() throws {
    func doc(_ n: Int, pairs: Int, triple: Bool = false) -> DOTDocument {
      var d = DOTDocument(directed: true)
      for _ in 0..<n { _ = d.addNode([("label", .text("x"))]) }
      for k in 0..<pairs { d.edges.append(.init(from: 2 * k, to: 2 * k + 1)) }
      if triple { d.edges.append(.init(from: 1, to: 2)) }
      return d
    }
    var sizes: [(width: Double, height: Double)] = []
    for i in 0..<1_000 { sizes.append((width: 60 + Double(i % 7) * 10, height: 30 + Double(i % 3) * 6)) }
    let placed = try #require(StakeholderMap.smallComponentGrid(doc(1_000, pairs: 50), sizes: sizes, legend: (200, 300)))
    var points: [(x: Double, y: Double)] = []
    for p in placed.people {
      #expect(p.hasSuffix("!"))
      let xy = p.dropLast().split(separator: ",").map { Double($0)! }
      points.append((x: xy[0], y: xy[1]))
    }
    for i in 0..<points.count {
      for j in (i + 1)..<points.count {
        let dx = abs(points[i].x - points[j].x), dy = abs(points[i].y - points[j].y)
        #expect(dx >= (sizes[i].width + sizes[j].width) / 2 || dy >= (sizes[i].height + sizes[j].height) / 2, "\(i) and \(j) overlap")
      }
    }
    for k in 0..<50 { #expect(points[2 * k].y == points[2 * k + 1].y && points[2 * k].x < points[2 * k + 1].x) }
    let xs = points.map { $0.x }, ys = points.map { $0.y }
    let width: Double = xs.max()! - xs.min()!, height: Double = ys.max()! - ys.min()!
    let ratio = width / height
    #expect(ratio > 1.1 && ratio < 2.2, "\(width) × \(height)")
    #expect(StakeholderMap.smallComponentGrid(doc(1_000, pairs: 50, triple: true), sizes: sizes, legend: (200, 300)) == nil)
    #expect(StakeholderMap.smallComponentGrid(doc(400, pairs: 0), sizes: sizes, legend: (200, 300)) == nil)
  }

  @Test func quotingEscapesEverythingGraphvizWouldInterpret() {
    #expect(DOTValue.quoted("a\"b\\c\nd\u{7}e", attribute: "label") == "\"a\\\"b\\\\c\\nde\"")
    // A tooltip is unescaped twice by Graphviz: four backslashes for one.
    #expect(DOTValue.quoted("b\\c", attribute: "tooltip") == "\"b\\\\\\\\c\"")
    // Left-justified text: the same escaping, then Graphviz's \l line end.
    var left = DOTDocument(directed: false)
    _ = left.addNode([("label", .leftText("a\"b"))])
    #expect(left.text.contains("label=\"a\\\"b\\l\""))
    var h = HTMLLabel()
    h.text("<b>&\"x\"\n\\N")
    #expect(h.markup == "&lt;b&gt;&amp;&quot;x&quot;<br/>\\\\N")
  }

  @Test func pngAndPdfAreRealFiles() throws {
    let g = try hostileAccount()
    let (doc, engine) = StakeholderMap.document(graph: g, measures: MapMeasures(graph: g), options: MapOptions())
    let png = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .png)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let pdf = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .pdf)
    #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
  }

  @Test func graphvizErrorsAreSwiftErrors() {
    let e = #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "digraph { a -> }", engine: .dot, format: .svg) }
    #expect(e?.call == "agmemread")
    #expect(e?.description.contains("syntax error") == true)
    // The renderer still works after an error.
    #expect((try? GraphvizRenderer.render(dot: "digraph { a -> b }", engine: .dot, format: .svg))?.isEmpty == false)
  }

  // Twenty leaf reports under one manager: two hanging columns of 10 under a bus, not one row of 20.
  @Test func wideTeamsAreStacked() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "boss", name: "Boss", account: "A", department: "D"))
    for i in 0..<20 { try b.addPerson(Person(id: "r\(i)", name: "Report \(i)", account: "A", department: "D", reportsTo: "boss")) }
    let g = try b.build()
    let m = MapMeasures(graph: g)
    let shown = Array(0..<g.count)
    let place = StakeholderMap.orgPlacement(shown, shown.map { StakeholderMap.personLabel($0, g, m) }, g, MapOptions(),
                                            legend: ([], 10, 10))
    let xs = Set(place.centres[1...].map { $0!.x })
    #expect(xs.count == 2)                                          // two columns
    for x in xs { #expect(place.centres[1...].filter { $0!.x == x }.count == 10) }
    #expect(place.connectors.count == 20 && place.connectors.allSatisfy { $0.manager == 0 })
    let (doc, engine) = StakeholderMap.document(graph: g, measures: m, options: MapOptions())
    let svg = String(decoding: try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg), as: UTF8.self)
    let width = svg.firstMatch(of: /<svg width="(\d+)pt"/).map { Int($0.1)! } ?? .max
    #expect(width < 700, "org map is \(width) pt wide")   // 20 side by side would be ~1,700 pt
  }

  // The sample account's org chart: everyone placed, no two boxes (or a box and a frame title) overlap, every
  // connector is made of horizontal and vertical runs, and the drawing fits a 1920-pixel screen at 100 %
  // (1,440 pt at 96 px per inch).
  @Test func sampleOrgChartFitsAScreenWithoutOverlaps() throws {
    let loaded = try sampleAccount()
    let g = loaded.graph
    let m = MapMeasures(graph: g, interactions: loaded.interactions)
    let o = MapOptions()
    let shown = StakeholderMap.people(g, o)
    let labels = shown.map { StakeholderMap.personLabel($0, g, m) }
    let legend = StakeholderMap.legend(o, m)
    let place = StakeholderMap.orgPlacement(shown, labels, g, o, legend: legend)
    #expect(shown.count == g.count && place.centres.allSatisfy { $0 != nil })
    var boxes = shown.indices.map { k in
      (place.centres[k]!.x - labels[k].width / 2, place.centres[k]!.y - labels[k].height / 2,
       place.centres[k]!.x + labels[k].width / 2, place.centres[k]!.y + labels[k].height / 2)
    }
    for (text, left) in place.frameLabels {
      boxes.append((left.x, left.y - 7, left.x + TextMetrics.width(text, size: 11, bold: true), left.y + 7))
    }
    if let c = place.extraCentre { boxes.append((c.x - legend.width / 2, c.y - legend.height / 2, c.x + legend.width / 2, c.y + legend.height / 2)) }
    var overlaps: [String] = []
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let (a, b) = (boxes[i], boxes[j])
        if a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3 { overlaps.append("\(i)–\(j)") }
      }
    }
    #expect(overlaps.isEmpty, "overlapping boxes: \(overlaps.prefix(10))")
    for c in place.connectors {
      for (p, q) in zip(c.points, c.points.dropFirst()) { #expect(p.x == q.x || p.y == q.y) }
    }
    #expect(place.connectors.count == shown.filter { g.manager(of: NodeIndex($0)) != nil }.count)
    let (doc, engine) = StakeholderMap.document(graph: g, measures: m, options: o)
    let svg = String(decoding: try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg), as: UTF8.self)
    let width = svg.firstMatch(of: /<svg width="(\d+)pt"/).map { Int($0.1)! } ?? .max
    #expect(width <= 1_440, "org map is \(width) pt wide")
  }

  // A reports-to cycle (a → b → c → a) with a report hanging off it: everyone is still placed.
  @Test func reportsToCyclesAreCutNotDropped() {
    let layout = OrgChartLayout(sizes: Array(repeating: .init(width: 50, height: 20), count: 4), manager: [1, 2, 0, 0],
                                group: Array(repeating: "D", count: 4), isTeam: Array(repeating: false, count: 4))
    let place = layout.placement()
    #expect(place.centres.allSatisfy { $0 != nil })
    #expect(place.connectors.count == 3)
  }
}

// The report and the charts with hostile names: no markup or script from a name survives, the embedded data is
// valid JSON that cannot close its script element, and the charts are well-formed SVG.
@Suite(.serialized) struct ReportTests {
  /// For the customer: no internal section, no raw centrality (tables and cards), roles in words; --sections keeps
  /// only those asked for (the maps always).
  @Test func customerAudienceAndSections() throws {
    let loaded = try sampleAccount()
    func sections(_ html: String) -> [String] {
      html.components(separatedBy: "<section id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
    var r = ReportOptions()
    r.audience = .customer
    let customer = try HTMLReport.render(graph: loaded.graph, interactions: loaded.interactions, report: r)
    let internalView = try HTMLReport.render(graph: loaded.graph, interactions: loaded.interactions)
    #expect(Set(sections(internalView)).isSuperset(of: ["threads", "trust", "owners"]))
    #expect(Set(sections(customer)).isDisjoint(with: ReportOptions.internalSections))
    #expect(sections(customer).contains("maps") && sections(customer).contains("next"))
    #expect(!customer.contains(">PageRank</th>") && !customer.contains(">Betweenness</th>") && !customer.contains(">Constraint</th>"))
    #expect(!customer.contains("\"decision_maker\"") && customer.contains("\"betweenness\":null,\"pagerank\":null"))
    #expect(internalView.contains(">PageRank</th>"))
    #expect(customer.contains("<td>Decision maker</td>") && internalView.contains("<td>decision_maker</td>"))
    r = ReportOptions()
    r.sections = ["summary", "next"]
    #expect(sections(try HTMLReport.render(graph: loaded.graph, interactions: loaded.interactions, report: r)) == ["summary", "maps", "next"])
  }

  /// The summary cards agree in number with their counts: one relationship at risk, not "1 relationships".
  @Test func summaryCardsSayOneAndMany() throws {
    let loaded = try sampleAccount()
    let html = try HTMLReport.render(graph: loaded.graph, interactions: loaded.interactions)
    let cards = html.components(separatedBy: "<div class=\"card\"><b>").dropFirst().map { card -> (Int, String) in
      let value = Int(card.prefix { $0.isNumber }) ?? -1
      let label = card.components(separatedBy: "<span>")[1].components(separatedBy: "</span>")[0]
      return (value, label)
    }
    #expect(cards.count >= 6)
    for (value, label) in cards where value >= 0 {
      let first = String(label.split(separator: " ")[0])
      if value == 1 { #expect(!["contacts", "relationships", "influencers", "communities", "people"].contains(first), "\(value) \(label)") }
    }
    #expect(cards.contains { $0 == (1, "relationship at risk (tolerance capital)") })
    // The title block dates the report and names our team.
    let last = loaded.interactions.map(\.date).max()!
    let team = loaded.graph.people.filter(\.isInternal).map(\.displayName).sorted().joined(separator: ", ")
    #expect(html.contains("<p class=\"sub\">Relational capital report · as of \(last) (the latest interaction) · our team: \(team)</p>"))
  }

  @Test func hostileNamesStayTextInTheReport() throws {
    let g = try hostileAccount()
    let html = try HTMLReport.render(graph: g)
    // Exactly our two script elements (the data block and the page script); no name opened a third.
    #expect(html.components(separatedBy: "<script").count - 1 == 2)
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Tom &amp; Jerry &gt; Co"))
    #expect(html.contains("王小明") && html.contains("عبد الله") && html.contains("Zoë 😀 Łukasz"))
    // The data block: valid JSON, with < > & as \u escapes, and every name back intact once parsed.
    let start = try #require(html.range(of: "<script type=\"application/json\" id=\"people-data\">"))
    let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
    let json = String(html[start.upperBound..<end.lowerBound])
    #expect(!json.contains("<") && !json.contains(">"))
    let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
    let names = Set(data.values.compactMap { $0["name"] as? String })
    #expect(names.isSuperset(of: g.people.map(\.displayName)))
    // No request outside the file: only fragment and data: references.
    #expect(html.firstMatch(of: /(src|href)="(?!#|data:)/) == nil)
    for chart in Chart.allCases {
      let svg = chart.svg(graph: g, measures: MapMeasures(graph: g), account: nil)
      #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(chart) chart is not well-formed")
      #expect(!svg.contains("<script"))
    }
  }

  @Test func jsonStringsCannotCloseTheScript() {
    #expect(HTMLReport.jsonString("</script><b>\"&\\\u{2028}\n") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\\"\\u0026\\\\\\u2028\\n\"")
  }

  // The proximity distribution counts each level from the people, and the grid places everyone with power and
  // interest in exactly one quadrant.
  @Test func chartsCountEveryContactOnce() throws {
    let g = try hostileAccount()
    let m = MapMeasures(graph: g)
    let svg = Chart.proximity.svg(graph: g, measures: m, account: nil)
    for level in Proximity.allCases {
      let n = g.people.filter { $0.proximity == level }.count
      #expect(svg.contains("<title>\(level.label): \(n) contacts"))
    }
    let pi = PowerInterest(graph: g, influence: m.influence, silent: m.silent)
    for v in g.people.indices {
      #expect((pi.quadrant[v] != nil) == (g.people[v].interest != nil && pi.power[v] != nil))
    }
  }

  /// The network map past its tie budget draws exactly our team's ties, strong ties and the marked bridges, and
  /// says so; bridges marked are the widest `bridgesMarked`, never a tie to someone with no other tie.
  @Test func networkMapThinsPastItsBudgetAndMarksFewBridges() throws {
    let loaded = try sampleAccount()
    let g = loaded.graph
    let m = MapMeasures(graph: g, interactions: loaded.interactions)
    var o = MapOptions(); o.layout = .network; o.tieBudget = 100; o.bridgesMarked = 5
    let shown = [Bool](repeating: true, count: g.count)
    let ties = MapTies(g, m, shown: shown, options: o)
    let s = g.social
    let candidates = (0..<s.edgeCount).filter { e in
      let (a, b) = (s.edgeSources[e], s.edgeTargets[e])
      return g.manager(of: a) != b && g.manager(of: b) != a
    }
    let team = { (e: Int) in g.people[Int(s.edgeSources[e])].isInternal || g.people[Int(s.edgeTargets[e])].isInternal }
    #expect(candidates.count > 100)
    #expect(ties.drawn == candidates.filter { team($0) || m.strong[$0] || ties.marked.contains($0) })
    #expect(ties.marked.count == 5)
    for e in ties.marked {
      #expect(m.ties.isBridge[e] || m.ties.span[e] != nil)
      #expect(min(s.out.degree(s.edgeSources[e]), s.out.degree(s.edgeTargets[e])) > 1)
    }
    // The widest: no unmarked bridge has a larger span than a marked one.
    let span = { (e: Int) in m.ties.span[e] ?? (m.ties.isBridge[e] ? .infinity : 0) }
    let narrowestMarked = ties.marked.map(span).min()!
    let ranked = MapTies.rankedBridges(candidates, g, m)
    #expect(ranked.dropFirst(5).allSatisfy { span($0) <= narrowestMarked })
    #expect(ties.note.joined(separator: " ").contains("Showing \(ties.drawn.count) of \(candidates.count) ties"))
    // Under budget: every tie, no note.
    o.tieBudget = 10_000
    let all = MapTies(g, m, shown: shown, options: o)
    #expect(all.drawn == candidates && all.note.isEmpty)
  }

  /// WCAG 2.1 AA: text on every fill the maps and charts use contrasts at least 4.5:1 (white on P2 was 3.4:1).
  /// Reference values from the W3C definition: black on white 21:1, white on #4292C6 3.4:1.
  /// The matrix shades what the strategist acts on: the gap cells (influence 4–5 at P3, P4 or not assessed) in the
  /// orange scale and only they; every bar of the proximity chart shows on white; every text names the one font.
  @Test func chartsShadeTheGapsAndUseOneFont() throws {
    let loaded = try sampleAccount()
    let g = loaded.graph
    let m = MapMeasures(graph: g, interactions: loaded.interactions)
    let matrix = Chart.matrix.svg(graph: g, measures: m, account: nil)
    let cells = matrix.split(separator: "\n").filter { $0.hasPrefix("<rect") && $0.contains("<title>") }
    let gapCells = cells.filter { $0.contains("(coverage gap)") }
    #expect(!gapCells.isEmpty)
    func fill(_ line: Substring) -> String { String(line.split(separator: "fill=\"")[1].prefix(7)) }
    func orange(_ hex: String) -> Bool {   // red well above blue: the orange scale
      let v = Int(hex.dropFirst(), radix: 16)!
      return (v >> 16) - (v & 0xFF) > 60
    }
    #expect(gapCells.allSatisfy { orange(fill($0)) })
    #expect(cells.filter { !$0.contains("(coverage gap)") }.allSatisfy { !orange(fill($0)) })
    // The cell with the most contacts is not a gap here, and is not darker than the darkest gap.
    let proximity = Chart.proximity.svg(graph: g, measures: m, account: nil)
    let bars = proximity.split(separator: "\n").filter { $0.hasPrefix("<rect") && $0.contains(" contacts (") }
    #expect(bars.count == 5 && bars.allSatisfy { fill($0) != "#FFFFFF" && fill($0) != "#FFFFFF\"" })
    for svg in [matrix, proximity, Chart.grid.svg(graph: g, measures: m, account: nil)] {
      let texts = svg.split(separator: "\n").filter { $0.hasPrefix("<text") }
      #expect(!texts.isEmpty && texts.allSatisfy { $0.contains("font-family=\"'Liberation Sans',") })
    }
    let map = String(decoding: try StakeholderMap.render(graph: g, measures: m, options: MapOptions(), format: .svg), as: UTF8.self)
    let families = Set(map.split(separator: "font-family=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
    #expect(families == ["Liberation Sans,Helvetica,Arial,sans-serif"])
    #expect(map.contains("font-weight=\"bold\""), "the weight apart, for a viewer without the font")
  }

  /// The network map keys its community colours: a row per colour used, the counts adding up to everyone.
  @Test func networkMapKeysItsCommunities() throws {
    let loaded = try sampleAccount()
    let m = MapMeasures(graph: loaded.graph, interactions: loaded.interactions)
    let key = StakeholderMap.communityKey(m)
    let communities = Set(m.community).count
    #expect(key.count == min(communities, StakeholderMap.communityColours.count))
    let counted = key.map { Int($0.text.split(separator: ":")[1].split(separator: " ")[0])! }.reduce(0, +)
    #expect(counted == m.community.count)
    var o = MapOptions()
    o.layout = .network
    let svg = String(decoding: try StakeholderMap.render(graph: loaded.graph, measures: m, options: o, format: .svg), as: UTF8.self)
    for row in key { #expect(svg.contains(row.text)) }
    // Numbered as metrics numbers them: community 0 first, with its own head count.
    #expect(key.first?.text == "community 0: \(m.community.filter { $0 == 0 }.count) people")
  }

  @Test func textOnEveryFillMeetsWCAGAA() {
    #expect(abs(Contrast.ratio("#000000", "#FFFFFF") - 21) < 1e-9)
    #expect(abs(Contrast.ratio("#FFFFFF", "#4292C6") - 3.4) < 0.05)
    let fills = Array(StakeholderMap.proximityFill.values) + [StakeholderMap.teamFill] + (0...20).map { Chart.blend(Double($0) / 20) }
    for fill in fills {
      #expect(Contrast.ratio(Contrast.text(on: fill), fill) >= 4.5, "\(fill)")
    }
    // The sample's boxes: each label's colour on its own fill.
    let g = try! hostileAccount()
    let m = MapMeasures(graph: g)
    for v in 0..<g.count {
      let label = StakeholderMap.personLabel(v, g, m)
      #expect(Contrast.ratio(label.colour, StakeholderMap.fill(of: v, g, m)) >= 4.5)
    }
  }

  /// Charts come as PNG (twice Graphviz's 96 dpi: a 640-pt chart is about 1,707 px wide) and as one-page vector
  /// PDF the size of the chart, not only SVG; the hostile names go through them too.
  @Test func chartsRenderToPNGAndPDF() throws {
    let g = try hostileAccount()
    let m = MapMeasures(graph: g)
    for chart in Chart.allCases {
      let doc = chart.render(graph: g, measures: m, account: nil)
      let png = try chart.render(graph: g, measures: m, account: nil, format: .png)
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(chart)")
      let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
      #expect(abs(Double(width) - doc.width * 96 / 72 * 2) <= 3, "\(chart): \(width) px for \(doc.width) pt")
      #expect(abs(Double(height) - doc.height * 96 / 72 * 2) <= 3)
      let pdf = try chart.render(graph: g, measures: m, account: nil, format: .pdf)
      let text = String(decoding: pdf, as: UTF8.self)
      #expect(pdf.starts(with: Array("%PDF".utf8)) && text.contains("/Type /Page") && !text.contains("/Type /Pages\n/Count 2"))
    }
  }

  /// A map past the cap is refused with what to do; one of several accounts at once, or past 1,000 people, is
  /// drawn with a warning; one account of the sample's size is fine.
  @Test func giantMapsAreRefusedAndLargeOnesWarned() throws {
    func graph(people n: Int, accounts: Int) throws -> SocialGraph {
      var b = SocialGraphBuilder()
      for i in 0..<n { try b.addPerson(Person(id: "c\(i)", account: "A\(i % accounts)")) }
      return try b.build()
    }
    let huge = try graph(people: MapSizeCheck.refuseAbove + 1, accounts: 3)
    guard case .refuse(let why) = MapSizeCheck(graph: huge, options: MapOptions()) else { Issue.record("not refused"); return }
    #expect(why.contains("10001 people") && why.contains("3 accounts") && why.contains("--account"))
    var one = MapOptions(); one.account = "A1"
    #expect(MapSizeCheck(graph: huge, options: one) == .warn("the map shows 3334 people; its text will need zooming to read."))
    let two = try graph(people: 40, accounts: 2)
    #expect(MapSizeCheck(graph: two, options: MapOptions())
            == .warn("the map holds 2 accounts at once: pass --account NAME to draw one."))
    #expect(MapSizeCheck(graph: try graph(people: 150, accounts: 1), options: MapOptions()) == .fine)
  }

  /// `--collapse-below`: on a 5,000-person account (a seeded random reports-to tree, 8 levels deep) folded below
  /// level 2, everyone is either shown or counted in exactly one summary box, every decision maker and influencer
  /// is shown with the chain above them, no two boxes overlap and every box hangs from its manager.
  @Test func collapsedFiveThousandPersonOrgChart() throws {
    var rng = SplitMix64(seed: 14)
    var b = SocialGraphBuilder()
    var depth = [0]
    try b.addPerson(Person(id: "p0", name: "Top", account: "Big", department: "Board", role: .decisionMaker, proximity: .p2))
    for i in 1..<5_000 {
      var boss = Int(rng.next() % UInt64(i))
      while depth[boss] >= 7 { boss = Int(rng.next() % UInt64(i)) }
      depth.append(depth[boss] + 1)
      let role: StakeholderRole = rng.next() % 40 == 0 ? .decisionMaker : rng.next() % 25 == 0 ? .influencer : .endUser
      try b.addPerson(Person(id: "p\(i)", name: "Person \(i)", account: "Big", department: "D\(i % 9)", reportsTo: "p\(boss)",
                             role: role, proximity: Proximity(rawValue: 1 + Int(rng.next() % 4))))
    }
    let g = try b.build()
    let m = MapMeasures(graph: g)
    var o = MapOptions(); o.collapseBelow = 2
    let shown = StakeholderMap.people(g, o)
    let c = OrgCollapse(shown: shown, graph: g, measures: m, below: 2)
    #expect(c.kept.count + c.summaries.reduce(0) { $0 + $1.people } == shown.count)
    #expect(c.summaries.allSatisfy { $0.proximity.reduce(0, +) == $0.people })
    let kept = Set(c.kept)
    for v in shown where g.people[v].isInDecisionCircuit || depth[v] <= 2 {
      #expect(kept.contains(v))
      if let boss = g.manager(of: NodeIndex(v)) { #expect(kept.contains(Int(boss))) }
    }
    #expect(c.kept.count < shown.count / 2)
    let labels = c.kept.map { StakeholderMap.personLabel($0, g, m) }
    let summaries = c.summaries.indices.map { (manager: c.summaries[$0].manager, size: StakeholderMap.summarySize(c.lines($0))) }
    let legend = StakeholderMap.legend(o, m)
    let place = StakeholderMap.orgPlacement(c.kept, labels, g, o, legend: legend, summaries: summaries)
    let sizes = labels.map { ($0.width, $0.height) } + summaries.map { ($0.size.width, $0.size.height) }
    #expect(place.centres.count == sizes.count && place.centres.allSatisfy { $0 != nil })
    // Overlaps by a sweep over x (boxes sorted by left edge).
    let boxes = sizes.indices.map { k in
      (place.centres[k]!.x - sizes[k].0 / 2, place.centres[k]!.y - sizes[k].1 / 2, place.centres[k]!.x + sizes[k].0 / 2, place.centres[k]!.y + sizes[k].1 / 2)
    }.sorted { $0.0 < $1.0 }
    var overlaps = 0
    for i in boxes.indices {
      var j = i + 1
      while j < boxes.count && boxes[j].0 < boxes[i].2 {
        if boxes[i].1 < boxes[j].3 && boxes[j].1 < boxes[i].3 { overlaps += 1 }
        j += 1
      }
    }
    #expect(overlaps == 0)
    #expect(place.connectors.count == c.kept.filter { g.manager(of: NodeIndex($0)) != nil }.count + c.summaries.count)
  }

  /// No clipped text: on the sample's org map (and the hostile names), every line of every box is no wider than
  /// the room its shape has at that line's height (an ellipse narrows towards its top and bottom, a hexagon's cut
  /// corners take half its width at the edges), as the drawing places the lines.
  @Test func everyLabelFitsItsShape() throws {
    let loaded = try sampleAccount()
    var checked = 0
    for g in [loaded.graph, try hostileAccount()] {
      let m = MapMeasures(graph: g, interactions: g.count == loaded.graph.count ? loaded.interactions : [])
      for v in 0..<g.count {
        let label = StakeholderMap.personLabel(v, g, m)
        let (shape, _) = StakeholderMap.shape(g.people[v])
        let ring = g.people[v].role == .decisionMaker ? 8.0 : 0
        var top = label.lines.reduce(0) { $0 + $1.size * 1.2 } / 2
        for line in label.lines {
          let h = line.size * 1.2
          let room = ShapeFit.room(shape: shape, width: label.width - ring, height: label.height - ring, lineCentre: top - h / 2, size: line.size)
          #expect(TextMetrics.width(line.text, size: line.size, bold: line.bold) <= room + 1e-9, "\(line.text) in a \(shape)")
          top -= h
          checked += 1
        }
      }
    }
    #expect(checked > 400)
  }
}

@Suite struct PageFitTests {
  @Test func cutsFallInGapsBetweenBoxesWhenThereAreSome() {
    // Boxes 35–45 and 70–90 (padded by 2): cuts at 33 and 68, each page at most 40 long.
    #expect(SVGDrawing.cuts(length: 100, page: 40, blocked: [(35, 45), (70, 90)]) == [0, 33, 68, 100])
    // A box across the whole second half of a page: cut straight at the page's end.
    #expect(SVGDrawing.cuts(length: 100, page: 40, blocked: [(10, 39)]) == [0, 40, 80, 100])
    #expect(SVGDrawing.cuts(length: 30, page: 40, blocked: [(10, 20)]) == [0, 30])
  }

  @Test func numbersOfPathsAndPoints() {
    #expect(SVGDrawing.numbers(in: "M962,-3132.2C1e3,5 -.5 4-2") == [962, -3132.2, 1000, 5, -0.5, 4, -2])
  }

  @Test func aSmallDrawingTakesOnePageScaledToIt() throws {
    let svg = """
      <svg width="400pt" height="200pt" viewBox="0.00 0.00 400.00 200.00"><g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 196)">
      <g id="node1" class="node"><polygon points="0,0 100,0 100,-50 0,-50"/><text x="50" y="-20" font-size="8.00">A</text></g></g></svg>
      """
    let pages = try PageFit.pages(svg: svg, title: "t", target: .slide)
    #expect(pages.count == 1 && pages[0].scale == 2 && pages[0].width == 960)
    // At 4 pt text, a 2,000-pt-tall drawing needs 9/4 scale: parts of at most (540 − 48 − 18) / 2.25 pt of it.
    let tall = svg.replacingOccurrences(of: "height=\"200pt\"", with: "height=\"2000pt\"").replacingOccurrences(of: "400.00 200.00", with: "400.00 2000.00")
      .replacingOccurrences(of: "8.00", with: "4.00")
    let parts = try PageFit.pages(svg: tall, title: "t", target: .slide)
    #expect(parts.allSatisfy { abs($0.scale - 2.25 * (1 + 1e-4)) < 1e-12 })
    #expect(parts.count == 1, "only the part with a box is kept")
    #expect(parts[0].title == "t")
  }
}

@Suite struct TieClassTests {
  // The maps split strong from weak at the account's natural break, and the legend says where.
  @Test func sampleTiesSplitAtTheAccountsNaturalBreak() throws {
    let loaded = try sampleAccount()
    let g = loaded.graph
    let m = MapMeasures(graph: g, interactions: loaded.interactions)
    let strength = m.ties.strengths.strength
    // Every cut tried by hand: the one with the least within-class sum of squares.
    let x = strength.sorted()
    var best = (ss: Double.infinity, split: 0.0)
    for k in 1..<x.count where x[k - 1] < x[k] {
      func ss(_ p: ArraySlice<Double>) -> Double { let mu = p.reduce(0, +) / Double(p.count); return p.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } }
      let total = ss(x[..<k]) + ss(x[k...])
      if total <= best.ss + 1e-12 { best = (total, (x[k - 1] + x[k]) / 2) }
    }
    let account = try #require(Set(g.people.filter { !$0.isInternal }.compactMap(\.account)).first)
    #expect(abs(m.splits[account]! - best.split) < 1e-12)
    let strong = m.strong.filter { $0 }.count
    let fixed = strength.filter { $0 >= 0.5 }.count
    #expect(strong > fixed, "the natural break marks more ties strong (\(strong)) than the fixed 0.5 (\(fixed))")
    #expect(strong * 3 < strength.count, "strong stays the minority: \(strong) of \(strength.count)")
    let o = MapOptions()
    #expect(StakeholderMap.legendLines(o, m).contains("(weak: below \(Cell.fixed(m.splits[account]!, digits: 2)), the account's natural break)"))
    // The network map dashes exactly the drawn ties below the split.
    var n = MapOptions(); n.layout = .network
    let doc = StakeholderMap.document(graph: g, measures: m, options: n).0.text
    let social = doc.split(separator: "\n").filter { $0.contains("id=\"t") && $0.contains(" -> ") }
    #expect(social.count > g.social.edgeCount / 2)
    for line in social {
      let ends = try #require(line.firstMatch(of: /id="t(\d+)-(\d+)"/))
      let e = try #require(g.social.edge(NodeIndex(ends.1)!, NodeIndex(ends.2)!))
      #expect(line.contains("style=\"dashed\"") == !m.strong[e], "\(line)")
    }
  }
}

@Suite struct CommunityFieldTests {
  // The network map's communities as colour fields: one halo per member of a community of three or more, in the
  // community's colour, centred on the member's box, all under the first tie and person.
  @Test func sampleNetworkMapHasAFieldPerCommunity() throws {
    let loaded = try sampleAccount()
    let g = loaded.graph
    let m = MapMeasures(graph: g, interactions: loaded.interactions)
    var o = MapOptions(); o.layout = .network
    let svg = String(decoding: try StakeholderMap.render(graph: g, measures: m, options: o, format: .svg), as: UTF8.self)
    let group = try #require(svg.range(of: "<g class=\"community-fields\" opacity=\"0.16\">"))
    let firstElement = try #require(svg.range(of: "class=\"edge\"") ?? svg.range(of: "class=\"node\""))
    #expect(group.lowerBound < firstElement.lowerBound, "the fields are drawn under the map")
    let fields = svg[group.upperBound...].prefix { _ in true }.split(separator: "</g>", maxSplits: 1)[0]
    let rects = fields.matches(of: /<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" rx="[0-9.]+" fill="(#[0-9A-F]+)"\/>/)
    var size: [Int: Int] = [:]
    for c in m.community where c >= 0 { size[c, default: 0] += 1 }
    let members = g.people.indices.filter { m.community[$0] >= 0 && size[m.community[$0]]! >= 3 }
      .sorted { (m.community[$0], $0) < (m.community[$1], $1) }
    #expect(rects.count == members.count && members.count > g.count / 2)
    // Each halo in its member's community colour, around the member's node (its centre inside the node's box).
    let d = try SVGDrawing(svg)
    let boxes = Dictionary(uniqueKeysWithValues: d.nodes.map { ($0.id, $0.box) })
    for (r, v) in zip(rects, members) {
      #expect(String(r.5) == StakeholderMap.communityColours[m.community[v] % StakeholderMap.communityColours.count])
      let box = try #require(boxes["p\(v)"])
      let (x0, y0) = d.graphPoint(box.x0, box.y0), (x1, y1) = d.graphPoint(box.x1, box.y1)
      let (cx, cy) = (Double(r.1)! + Double(r.3)! / 2, Double(r.2)! + Double(r.4)! / 2)
      #expect(abs(cx - (x0 + x1) / 2) < 0.05 && abs(cy - (y0 + y1) / 2) < 0.05, "person \(v)")
    }
  }
}
