import GraphFormats
import NetworkAnalysis
import SocialGraph

/// How a stakeholder map is laid out.
public enum MapLayout: String, Sendable, CaseIterable {
  /// The reports-to hierarchy, top-down, departments as clusters, wide teams stacked (dot).
  case org
  /// The social ties, communities as colour groups (sfdp, or neato for small maps).
  case network
}

/// What a map shows and how.
public struct MapOptions: Sendable {
  public var layout: MapLayout = .org
  /// Only this account's contacts (our team is always kept).
  public var account: String?
  /// An ego map: this person and everyone within `depth` ties.
  public var focus: NodeIndex?
  public var depth = 1
  /// Leaf reports stacked per column under their manager in the org layout.
  public var stackColumn = 10
  /// The org layout wraps sub-teams onto a new row past this width (points; the legend comes on top of it).
  public var maxWidth = 1_150.0
  /// Draw social ties on the org map too (only bridges and strong ties across departments, to keep it readable).
  public var socialTiesOnOrg = true
  /// The network map draws every tie up to this many; beyond, only our team's ties, strong ties and the marked
  /// bridges (and says on the map how many it left out).
  public var tieBudget = 600
  /// Bridges and local bridges marked in orange: the widest this many (`MapTies.rankedBridges`).
  public var bridgesMarked = 10
  /// Org map: fold everyone below this level of the reports-to tree (the top is level 0) into one summary box
  /// per manager, decision makers and influencers kept (`OrgCollapse`).
  public var collapseBelow: Int?
  /// Only this department's contacts (a page of `--page-by department`; our team is left to the overview).
  public var department: String?
  public var title: String?
  public init() {}
}

/// The measures a map encodes, computed once from the graph.
public struct MapMeasures: Sendable {
  public var influence: [Double]
  public var silent: [Bool]
  public var community: [Int]
  public var ties: TieMeasures
  /// The person measures behind the maps' cards and the report's tables (degree, betweenness, PageRank,
  /// constraint; influence needs the path sweep and PageRank anyway, so these come at almost no extra cost).
  public var person: PersonMeasures

  /// Each person's proximity as the account analysis counts it (`AccountEvidence`: declared, else derived from
  /// our team's ties and the history), and whether it was derived: every map, chart and the report show these,
  /// so their counts are the ones `tiemap account` gives.
  public var proximity: [Proximity?]
  public var derived: [Bool]
  /// What the account analysis needs of these measures (the report runs it on them).
  public var evidence: AccountEvidence
  /// Our team members' initials, by person (`StakeholderMap.teamInitials`).
  var teamInitials: [Int: String]
  /// Strong or weak, per tie of the social view, as the maps draw it: by each account's natural break
  /// (`SocialGraph.strongByAccount`), so that the split separates that account's ties; `splits` by account.
  public var strong: [Bool]
  public var splits: [String: Double]

  public init(graph g: SocialGraph, interactions: [Interaction] = [], options: AccountOptions = AccountOptions()) {
    let m = g.social.personMeasures([.influence, .community, .degree, .betweenness, .pagerank, .constraint], weighted: false)
    person = m
    influence = m.column(.influence)
    community = m.column(.community).map { $0.isNaN ? -1 : Int($0) }
    silent = StructuralInfluence.silentInfluencers(score: influence, graph: g)
    ties = g.tieMeasures(interactions: interactions)
    evidence = AccountEvidence(graph: g, interactions: interactions, options: options, influence: influence, silent: silent, ties: ties)
    proximity = evidence.proximity
    derived = [Bool](repeating: false, count: g.count)
    for d in evidence.derived { derived[Int(d.person)] = true }
    teamInitials = StakeholderMap.teamInitials(g)
    (strong, splits) = g.strongByAccount(strength: ties.strengths.strength, fallback: TieStrengthModel().strongThreshold)
  }

  /// The legend's line on weak ties: the split, when one account's ties are on the map.
  var weakTieLine: String {
    let customer = splits.filter { !$0.key.isEmpty }
    guard customer.count <= 1, let t = customer.first?.value ?? splits[""] else { return "(weak: below each account's natural break)" }
    return "(weak: below \(Cell.fixed(t, digits: 2)), the account's natural break)"
  }

  /// A person's proximity as a badge: "P2", "P4 derived", "P unknown" (nobody assessed it and nothing shows it).
  public func proximityBadge(_ v: Int) -> String {
    guard let p = proximity[v] else { return "P unknown" }
    return derived[v] ? "\(p.label) derived" : p.label
  }
}

/// Turns a `SocialGraph` and its measures into a Graphviz document: the visual encoding of Tiemap's maps.
///
/// - role → shape (decision maker: double box; influencer: ellipse; end user: rounded box; gatekeeper: hexagon;
///   technical expert: component); our team: dark boxes.
/// - proximity P1–P4 → fill, a colour-blind-safe blue scale from P1 (dark) to P3 (light); P4 is white with a dashed
///   outline ("not covered"); unknown proximity is white with a dotted outline.
/// - declared influence 1–5 → the size of the name; silent influencers get a ★ badge and an orange outline.
/// - tie strength → line width; weak ties (below the account's natural break, `MapMeasures.strong`) dashed; bridges and local bridges orange; reports-to lines dark grey
///   arrows, distinct from social ties (grey, no arrow).
public enum StakeholderMap {
  /// The one font family of every map, chart, page and deck: Liberation Sans (metric-compatible with Helvetica and
  /// Arial, so the layout's text widths hold; Debian's fonts-liberation, which `scripts/setup.sh` installs).
  public static let fontFamily = "Liberation Sans"
  /// The same in CSS and SVG, with fallbacks for a machine without it.
  public static let cssFontFamily = "'Liberation Sans', Helvetica, Arial, sans-serif"
  /// The maps' font as Graphviz takes it: the PostScript name Helvetica (bold: Helvetica-Bold), whose metrics
  /// Graphviz knows and which fontconfig resolves to Liberation Sans for PNG and PDF; in SVG, where Graphviz writes
  /// `Helvetica,sans-Serif` with the weight apart, `GraphvizRenderer` names Liberation Sans first.
  static let graphvizFont = "Helvetica"

  public static let proximityFill: [Proximity: String] = [.p1: "#08519C", .p2: "#4292C6", .p3: "#C6DBEF", .p4: "#FFFFFF"]
  static let bridgeColour = "#E66101"
  static let silentColour = "#E66101"
  static let teamFill = "#252525"
  /// Okabe & Ito (2008) colour-blind-safe qualitative palette, for communities, without its two oranges (orange
  /// already means silent influencer and bridge on these maps).
  static let communityColours = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

  /// The map drawn: laid out and rendered by Graphviz; a network map gets its community fields
  /// (`CommunityFields`) on the SVG, which librsvg and cairo then turn into PNG (at Graphviz's 96 dpi) or PDF.
  public static func render(graph g: SocialGraph, measures m: MapMeasures, options o: MapOptions, format: RenderFormat) throws -> [UInt8] {
    let (doc, engine) = document(graph: g, measures: m, options: o)
    guard o.layout == .network else { return try GraphvizRenderer.render(dot: doc.text, engine: engine, format: format) }
    let svg = String(decoding: try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg), as: UTF8.self)
    let fielded = Array(try CommunityFields.draw(on: svg, community: m.community, colours: communityColours).utf8)
    switch format {
    case .svg: return fielded
    case .png: return try PDFPages.png(fielded, pixelsPerPoint: 96.0 / 72)
    case .pdf: return try PDFPages.render([fielded])
    }
  }

  /// The document and the engine to lay it out with.
  public static func document(graph g: SocialGraph, measures m: MapMeasures, options o: MapOptions) -> (DOTDocument, LayoutEngine) {
    let collapse = o.layout == .org && o.focus == nil ? o.collapseBelow.map { OrgCollapse(shown: people(g, o), graph: g, measures: m, below: $0) } : nil
    let shown = collapse?.kept ?? people(g, o)
    var doc = DOTDocument(directed: true)
    let title = o.title ?? defaultTitle(g, o)
    var base: [(String, DOTValue)] = [
      ("label", .text(title)), ("labelloc", .keyword("t")), ("fontname", .keyword(graphvizFont)), ("fontsize", .number(20)),
      ("bgcolor", .keyword("white")), ("pad", .number(0.3)), ("charset", .keyword("UTF-8")),
    ]
    // Org: positions come from OrgChartLayout; Graphviz draws them as given and routes only the social ties.
    // Network: the engine and its attributes are chosen once the map is built (a flat map is placed as a grid).
    if o.layout == .org { base += [("splines", .keyword("curved")), ("outputorder", .keyword("edgesfirst"))] }
    doc.graphAttributes = base
    doc.nodeDefaults = [("fontname", .keyword(graphvizFont)), ("fontsize", .number(10)), ("style", .keyword("filled")),
                        ("margin", .keyword("0.08,0.04"))]
    doc.edgeDefaults = [("arrowsize", .number(0.6)), ("color", .keyword("#9E9E9E"))]

    var node = [Int](repeating: -1, count: g.count)
    let labels = shown.map { personLabel($0, g, m) }
    if o.layout == .org {
      orgChart(shown, labels, g, m, o, collapse: collapse, into: &doc, node: &node)
    } else {
      for (k, v) in shown.enumerated() { node[v] = doc.addNode([("label", .html(labels[k].html))] + attributes(of: v, g, m, o)) }
      // Reports-to lines.
      let reportsLine: [(String, DOTValue)] = [("color", .keyword("#424242")), ("penwidth", .number(1.2)), ("arrowhead", .keyword("none"))]
      for v in shown {
        if let boss = g.manager(of: NodeIndex(v)), node[Int(boss)] >= 0 {
          doc.edges.append(.init(from: node[Int(boss)], to: node[v], attributes: reportsLine + [("id", .text("r\(boss)-\(v)"))]))
        }
      }
    }

    // Social ties: on the network map all of them up to the tie budget, else what matters (our team's ties,
    // strong ties, the marked bridges); on the org map only the marked bridges and strong ties between people in
    // different departments (the ones a strategist acts on), without moving the hierarchy.
    let s = g.social
    let ties = MapTies(g, m, shown: node.map { $0 >= 0 }, options: o)
    for e in ties.drawn {
      let (a, b) = (Int(s.edgeSources[e]), Int(s.edgeTargets[e]))
      let strength = m.ties.strengths.strength[e]
      let strong = m.strong[e]
      let bridging = ties.marked.contains(e)
      var attrs: [(String, DOTValue)] = [("dir", .keyword("none")), ("penwidth", .number(0.6 + 3 * strength))]
      if !strong { attrs.append(("style", .keyword("dashed"))) }
      if bridging { attrs.append(("color", .keyword(bridgeColour))) }
      var tip = "\(g.people[a].displayName) – \(g.people[b].displayName): strength \(Cell.fixed(strength, digits: 2))"
      if m.ties.isBridge[e] { tip += ", bridge" } else if m.ties.span[e] != nil { tip += ", local bridge" }
      attrs.append(("tooltip", .text(tip)))
      attrs.append(("id", .text("t\(a)-\(b)")))   // the report's script highlights a person's ties by these ids
      doc.edges.append(.init(from: node[a], to: node[b], attributes: attrs))
    }
    guard o.layout == .network else { return (doc, .nop2) }
    let key = legend(o, m, note: ties.note)
    if let placed = smallComponentGrid(doc, sizes: labels.map { ($0.width, $0.height) }, legend: (key.width, key.height)) {
      // Only small components: the grid is the whole layout, drawn as placed (no force layout, no overlap
      // removal — which for 3,000 unconnected people took sfdp's prism 10 s).
      for (i, p) in placed.people.enumerated() { doc.nodes[i].attributes.append(("pos", .text(p))) }
      doc.addNode(key.attributes + [("pos", .text(placed.legend))], cluster: nil)
      doc.graphAttributes += [("splines", .keyword("false")), ("outputorder", .keyword("edgesfirst"))]
      return (doc, .nop2)
    }
    let plan = NetworkLayoutPlan(people: shown.count)
    doc.graphAttributes += plan.attributes
    gridSmallComponents(&doc)
    doc.addNode(key.attributes, cluster: nil)
    return (doc, plan.engine)
  }

  /// The network map's components: each node's component (its first node) and the components' sizes.
  static func components(_ doc: DOTDocument) -> (root: [Int], size: [Int]) {
    let n = doc.nodes.count
    var parent = Array(0..<n)
    func root(_ v: Int) -> Int {
      var v = v
      while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
      return v
    }
    for e in doc.edges { let (a, b) = (root(e.from), root(e.to)); if a != b { parent[max(a, b)] = min(a, b) } }
    let roots = (0..<n).map(root)
    var size = [Int](repeating: 0, count: n)
    for r in roots { size[r] += 1 }
    return (roots, size)
  }

  /// When a network map too large for neato (`NetworkLayoutPlan.neatoUpTo`) has only people alone and pairs (a
  /// flat account), it is a grid and needs no force layout: positions (points, pinned) for every node — a pair
  /// side by side in one cell, cells in rows of about 3:2 overall, in node order, each row as tall as the tallest
  /// person (`sizes`: the label estimates, with room for their error) — and for the legend, right of the grid.
  /// Nil when the map is small or a larger component needs the force layout.
  /// - Complexity: O(n + m α(n)).
  static func smallComponentGrid(_ doc: DOTDocument, sizes: [(width: Double, height: Double)],
                                 legend: (width: Double, height: Double)) -> (people: [String], legend: String)? {
    let n = doc.nodes.count
    guard n > NetworkLayoutPlan.neatoUpTo else { return nil }
    let (root, size) = components(doc)
    guard size.allSatisfy({ $0 <= 2 }) else { return nil }
    let gap = 24.0, slack = 1.15
    var members: [Int: [Int]] = [:]
    for v in 0..<n { members[root[v], default: []].append(v) }
    let cells = (0..<n).filter { root[$0] == $0 }
    let widths = cells.map { c in members[c]!.reduce(0) { $0 + sizes[$1].width * slack } + gap * Double(members[c]!.count - 1) }
    let cellHeight = (0..<n).map { sizes[$0].height * slack }.max() ?? 0
    // Rows filled left to right up to a width that makes the grid about 3:2 (landscape), like words in a line.
    let area = widths.reduce(0) { $0 + ($1 + gap) } * (cellHeight + gap)
    let rowWidth = max((area * 1.5).squareRoot(), widths.max() ?? 0)
    func fixed(_ x: Double, _ y: Double) -> String { "\(Cell.fixed(x, digits: 1)),\(Cell.fixed(y, digits: 1))!" }
    var people = [String](repeating: "", count: n)
    var x = 0.0, y = 0.0, widest = 0.0
    for (c, w) in zip(cells, widths) {
      if x > 0 && x + w > rowWidth { x = 0; y -= cellHeight + gap }
      for v in members[c]! {
        let vw = sizes[v].width * slack
        people[v] = fixed(x + vw / 2, y)
        x += vw + gap
      }
      widest = max(widest, x)
    }
    return (people, fixed(widest + legend.width / 2, -legend.height / 2 + cellHeight / 2))
  }

  /// Ties the map's small components (people with no drawn tie, pairs, up to `smallComponent` people) into one
  /// grid by invisible edges. Graphviz lays each component out apart and then packs them, which is quadratic in
  /// their number: 1,000 people without a tie took sfdp 11 s and 3,000 took 93 s, 1.5 s once in one grid. Big
  /// components keep their own layout. Deterministic: representatives in node order.
  static let smallComponent = 4
  static func gridSmallComponents(_ doc: inout DOTDocument) {
    let (root, size) = components(doc)
    let n = doc.nodes.count
    let cells = (0..<n).filter { root[$0] == $0 && size[$0] <= smallComponent }   // each small component's first node
    guard cells.count > 1 else { return }
    let width = Int(Double(cells.count).squareRoot().rounded(.up))
    let invisible: [(String, DOTValue)] = [("style", .keyword("invis")), ("dir", .keyword("none"))]
    for (k, v) in cells.enumerated() {
      if (k + 1) % width != 0, k + 1 < cells.count { doc.edges.append(.init(from: v, to: cells[k + 1], attributes: invisible)) }
      if k + width < cells.count { doc.edges.append(.init(from: v, to: cells[k + width], attributes: invisible)) }
    }
  }

  /// The people on the map: the account's contacts and our team, or one person's neighbourhood.
  static func people(_ g: SocialGraph, _ o: MapOptions) -> [Int] {
    if let f = o.focus {
      var dist = [Int](repeating: -1, count: g.count)
      dist[Int(f)] = 0
      var queue = [Int(f)], head = 0
      while head < queue.count {
        let v = queue[head]; head += 1
        guard dist[v] < o.depth else { continue }
        for slot in g.social.out.slots(NodeIndex(v)) {
          let w = Int(g.social.out.targets[slot])
          if dist[w] < 0 { dist[w] = dist[v] + 1; queue.append(w) }
        }
      }
      return queue.sorted()
    }
    return g.people.indices.filter { v in
      let p = g.people[v]
      if let d = o.department { return !p.isInternal && (o.account == nil || p.account == o.account) && (p.department ?? "No department") == d }
      return p.isInternal || o.account == nil || p.account == o.account
    }
  }

  static func defaultTitle(_ g: SocialGraph, _ o: MapOptions) -> String {
    if let d = o.department {
      let name = o.account ?? Chart.accountName(g)
      return "\(name) · \(d): organisation and relationship coverage"
    }
    if let f = o.focus { return "\(g.people[Int(f)].displayName): \(o.depth == 1 ? "direct ties" : "ties within \(o.depth) steps")" }
    let accounts = Set(g.people.filter { !$0.isInternal }.compactMap(\.account)).sorted()
    let name = o.account ?? (accounts.count == 1 ? accounts[0] : "All accounts")
    return o.layout == .org ? "\(name): organisation and relationship coverage" : "\(name): relationship network"
  }

  /// A person's box text: name (size by declared influence), title (wrapped), and a badge (P-level · role
  /// initials · ★), with the size it needs.
  struct PersonLabel {
    /// The text as lines with their style: the org chart places them itself, the network map as one HTML label.
    var lines: [(text: String, size: Double, bold: Bool)] = []
    var colour = "#000000"
    var width = 0.0, height = 0.0

    var html: HTMLLabel {
      var h = HTMLLabel()
      for (i, line) in lines.enumerated() {
        if i > 0 { h.tag("<br/>") }
        h.font(color: colour, pointSize: line.size)
        if line.bold { h.tag("<b>") }
        h.text(line.text)
        if line.bold { h.tag("</b>") }
        h.tag("</font>")
      }
      return h
    }
  }

  static func personLabel(_ v: Int, _ g: SocialGraph, _ m: MapMeasures) -> PersonLabel {
    let p = g.people[v]
    var l = PersonLabel()
    l.colour = Contrast.text(on: fill(of: v, g, m))
    l.lines = [(p.displayName, 10 + 1.5 * Double((p.influence ?? 1) - 1), true)]
    if let t = p.title, !t.isEmpty { l.lines += TextMetrics.wrap(t, limit: 28).map { ($0, 8.5, false) } }
    var badge: [String] = []
    if p.isInternal { badge.append("our team · \(m.teamInitials[v] ?? "")") } else { badge.append(m.proximityBadge(v)) }
    if let r = p.role { badge.append(r.initials) }
    if !p.isInternal, let holder = holder(of: v, g, m) { badge.append("↔ \(m.teamInitials[holder] ?? "")") }
    if m.silent[v] { badge.append("★ silent influencer") }
    l.lines.append((badge.joined(separator: " · "), 8, false))
    let block = l.lines.reduce(0) { $0 + $1.size * 1.2 }
    // Room for the shape around the text: taller for shapes whose corners are cut, then exactly as wide as the
    // widest line needs at its height inside the shape (`ShapeFit`), so no text is clipped.
    let (shape, _) = shape(p)
    let ring = p.role == .decisionMaker ? 8.0 : 0   // the double outline
    let tall: Double = switch shape { case "ellipse": 1.4; case "hexagon": 1.15; default: 1 }
    l.height = block * tall + 10 + ring
    var top = block / 2
    var width = 0.0
    for line in l.lines {
      let h = line.size * 1.2
      let text = TextMetrics.width(line.text, size: line.size, bold: line.bold)
      width = max(width, ShapeFit.width(for: text, shape: shape, height: l.height - ring, lineCentre: top - h / 2, size: line.size))
      top -= h
    }
    l.width = width + ring
    return l
  }

  /// Who on our team holds the relationship with `v`: the declared owner when they are on our team, else the
  /// team member with the strongest tie to `v` (nil when nobody on our team is tied to them).
  static func holder(of v: Int, _ g: SocialGraph, _ m: MapMeasures) -> Int? {
    if let o = g.people[v].owner, let i = g.index(of: o), g.people[Int(i)].isInternal { return Int(i) }
    return g.strongestTeamTie(of: NodeIndex(v), strength: m.ties.strengths.strength).map { Int($0.member) }
  }

  /// Our team members' initials, as the badges of the contacts they hold show them ("Bruno Moreau" → "BM"); a
  /// second member with the same initials gets a number ("BM2"), in person order, so each mark names one person.
  static func teamInitials(_ g: SocialGraph) -> [Int: String] {
    var seen: [String: Int] = [:]
    var out: [Int: String] = [:]
    for v in g.people.indices where g.people[v].isInternal {
      let words = g.people[v].displayName.split(whereSeparator: { $0 == " " || $0 == "-" })
      let base = String(words.prefix(3).compactMap(\.first)).uppercased()
      seen[base, default: 0] += 1
      out[v] = seen[base]! == 1 ? base : "\(base)\(seen[base]!)"
    }
    return out
  }

  /// A person's box fill: our team's dark grey, else the proximity colour (white when unknown).
  static func fill(of v: Int, _ g: SocialGraph, _ m: MapMeasures) -> String {
    g.people[v].isInternal ? teamFill : m.proximity[v].map { proximityFill[$0]! } ?? "#FFFFFF"
  }

  /// A person's box without its text (the network map adds the HTML label; the org chart draws the text itself).
  static func attributes(of v: Int, _ g: SocialGraph, _ m: MapMeasures, _ o: MapOptions) -> [(String, DOTValue)] {
    let p = g.people[v]
    var a: [(String, DOTValue)] = [("id", .text("p\(v)"))]
    let (shape, extra) = shape(p)
    a.append(("shape", .keyword(shape)))
    var style = ["filled"] + extra
    if p.isInternal {
      a.append(("fillcolor", .keyword(teamFill)))
    } else {
      let level = m.proximity[v]
      a.append(("fillcolor", .keyword(fill(of: v, g, m))))
      if level == .p4 { style.append("dashed") }
      if level == nil { style.append("dotted") }
    }
    a.append(("style", .keyword(style.joined(separator: ","))))
    if p.role == .decisionMaker { a.append(("peripheries", .number(2))) }
    if m.silent[v] {
      a += [("color", .keyword(silentColour)), ("penwidth", .number(3))]
    } else if o.layout == .network {
      a += [("color", .keyword(communityColours[m.community[v] % communityColours.count])), ("penwidth", .number(2.2))]
    } else {
      a.append(("color", .keyword("#616161")))
    }
    var tip = p.displayName
    if let t = p.title { tip += "\n" + t }
    if let d = p.department { tip += "\n" + d }
    tip += "\ninfluence score \(Cell.fixed(m.influence[v], digits: 2))"
    a.append(("tooltip", .text(tip)))
    return a
  }

  /// Where everyone goes on the org chart (boxes in `shown` order).
  /// Where everyone goes on the org chart (boxes in `shown` order, then the summary boxes of `summaries`, each
  /// under the box of `manager`, a position in `shown`).
  static func orgPlacement(_ shown: [Int], _ labels: [PersonLabel], _ g: SocialGraph, _ o: MapOptions,
                           legend: (attributes: [(String, DOTValue)], width: Double, height: Double),
                           summaries: [(manager: Int, size: OrgChartLayout.Size)] = []) -> OrgChartLayout.Placement {
    var position = [Int](repeating: -1, count: g.count)
    for (k, v) in shown.enumerated() { position[v] = k }
    let groups = shown.map { g.people[$0].isInternal ? "Our team" : (g.people[$0].department ?? "No department") }
    let layout = OrgChartLayout(
      sizes: labels.map { .init(width: $0.width, height: $0.height) } + summaries.map(\.size),
      manager: shown.map { v in g.manager(of: NodeIndex(v)).flatMap { position[Int($0)] >= 0 ? position[Int($0)] : nil } }
        + summaries.map { Optional($0.manager) },
      group: groups + summaries.map { groups[$0.manager] },
      isTeam: shown.map { g.people[$0].isInternal } + summaries.map { _ in false },
      stackColumn: o.stackColumn, maxWidth: o.maxWidth, extra: .init(width: legend.width, height: legend.height))
    return layout.placement()
  }

  /// The size of a summary box for `lines` (bold first line at 10 pt, then 8.5 pt).
  static func summarySize(_ lines: [String]) -> OrgChartLayout.Size {
    let w = max(TextMetrics.width(lines[0], size: 10, bold: true), lines.dropFirst().map { TextMetrics.width($0, size: 8.5) }.max() ?? 0)
    return .init(width: w + 30, height: 12 + 10 * 1.2 + Double(lines.count - 1) * 8.5 * 1.2)
  }

  /// The org chart: positions from `OrgChartLayout`, department frames drawn first (under everything), then
  /// people at their pinned places, then the reports-to connectors as the exact polylines of the layout.
  static func orgChart(_ shown: [Int], _ labels: [PersonLabel], _ g: SocialGraph, _ m: MapMeasures, _ o: MapOptions,
                       collapse: OrgCollapse? = nil, into doc: inout DOTDocument, node: inout [Int]) {
    let legendBox = legend(o, m)
    let summaryLines = (0..<(collapse?.summaries.count ?? 0)).map { collapse!.lines($0) }
    let summaries = zip(collapse?.summaries ?? [], summaryLines).map { (manager: $0.0.manager, size: summarySize($0.1)) }
    let place = orgPlacement(shown, labels, g, o, legend: legendBox, summaries: summaries)
    func pos(_ p: OrgChartLayout.Point) -> String { "\(Cell.fixed(p.x, digits: 1)),\(Cell.fixed(p.y, digits: 1))" }
    let inch = 72.0
    for f in place.frames {
      // Outlines only: edges are drawn first (under the people), so a filled frame would hide them.
      doc.addNode([("label", .text("")), ("shape", .keyword("box")), ("style", .keyword(f.team ? "rounded,bold" : "rounded")),
                   ("color", .keyword(f.team ? "#424242" : "#9E9E9E")),
                   ("fixedsize", .keyword("true")), ("width", .number((f.maxX - f.minX) / inch)),
                   ("height", .number((f.maxY - f.minY) / inch)),
                   ("pos", .text(pos(.init(x: (f.minX + f.maxX) / 2, y: (f.minY + f.maxY) / 2)) + "!"))])
    }
    // Plain-text labels only: Graphviz 2.42 leaks every HTML label it parses (htmlparse and the pango markup
    // path, ~0.45 kB per label per render, measured with valgrind), which a process rendering maps again and
    // again would pile up. The org chart places its text itself, so it needs none.
    func textNode(_ text: String, at p: OrgChartLayout.Point, width w: Double, height h: Double, size: Double, bold: Bool,
                  colour: String, id: String? = nil, leftAligned: Bool = false) {
      var a: [(String, DOTValue)] = [("label", leftAligned ? .leftText(text) : .text(text)), ("shape", .keyword("plaintext")), ("style", .keyword("solid")),
                                     ("fontname", .keyword(bold ? graphvizFont + "-Bold" : graphvizFont)), ("fontsize", .number(size)),
                                     ("fontcolor", .keyword(colour)), ("fixedsize", .keyword("true")), ("margin", .keyword("0")),
                                     ("width", .number(w / inch)), ("height", .number(h / inch)), ("pos", .text(pos(p) + "!"))]
      if let id { a.append(("id", .text(id))) }
      doc.addNode(a)
    }
    for (text, left) in place.frameLabels {
      let w = TextMetrics.width(text, size: 11, bold: true) + 4
      textNode(text, at: .init(x: left.x + w / 2, y: left.y), width: w, height: 14, size: 11, bold: true, colour: "#424242")
    }
    for (k, v) in shown.enumerated() {
      guard let c = place.centres[k] else { continue }
      node[v] = doc.addNode(attributes(of: v, g, m, o) + [
        ("label", .text("")), ("width", .number(labels[k].width / inch)), ("height", .number(labels[k].height / inch)),
        ("fixedsize", .keyword("true")), ("pos", .text(pos(c) + "!"))])
      // the text, line by line from the top of the block, centred on the box (y grows upwards here)
      let block = labels[k].lines.reduce(0) { $0 + $1.size * 1.2 }
      var y = c.y + block / 2
      for (i, line) in labels[k].lines.enumerated() {
        let h = line.size * 1.2
        textNode(line.text, at: .init(x: c.x, y: y - h / 2), width: labels[k].width - 6, height: h, size: line.size,
                 bold: line.bold, colour: labels[k].colour, id: "p\(v)-\(i)")
        y -= h
      }
    }
    // Summary boxes of folded teams (dashed, white), after the people; their node ids follow `shown`'s.
    var summaryNode: [Int] = []
    for (i, lines) in summaryLines.enumerated() {
      let k = shown.count + i
      guard let c = place.centres[k] else { summaryNode.append(-1); continue }
      let size = summaries[i].size
      let folded = collapse!.summaries[i]
      summaryNode.append(doc.addNode([
        ("label", .text("")), ("shape", .keyword("box")), ("style", .keyword("rounded,dashed,filled")), ("fillcolor", .keyword("#FAFAFA")),
        ("color", .keyword("#757575")), ("width", .number(size.width / inch)), ("height", .number(size.height / inch)),
        ("fixedsize", .keyword("true")), ("pos", .text(pos(c) + "!")), ("id", .text("s\(i)")),
        ("tooltip", .text("\(folded.people) people below level \(o.collapseBelow ?? 0) under \(g.people[shown[folded.manager]].displayName)"))]))
      var y = c.y + (size.height - 12) / 2
      for (j, line) in lines.enumerated() {
        let (sz, bold) = j == 0 ? (10.0, true) : (8.5, false)
        textNode(line, at: .init(x: c.x, y: y - sz * 0.6), width: size.width - 6, height: sz * 1.2, size: sz, bold: bold, colour: "#212121")
        y -= sz * 1.2
      }
    }
    func boxNode(_ k: Int) -> Int { k < shown.count ? node[shown[k]] : summaryNode[k - shown.count] }
    if let c = place.extraCentre {
      // The legend from plain nodes too: a frame, the swatches and one text node per line.
      let (w, h) = (legendBox.width, legendBox.height)
      let (left, top) = (c.x - w / 2, c.y + h / 2)
      doc.addNode([("label", .text("")), ("shape", .keyword("box")), ("style", .keyword("solid")), ("color", .keyword("#757575")),
                   ("fixedsize", .keyword("true")), ("width", .number(w / inch)), ("height", .number(h / inch)),
                   ("pos", .text(pos(c) + "!")), ("id", .text("legend"))])
      textNode("Legend", at: .init(x: c.x, y: top - 12), width: w - 8, height: 16, size: 12, bold: true, colour: "#212121")
      var y = top - 34
      for (fill, text, dashed) in legendSwatches {
        doc.addNode([("label", .text("")), ("shape", .keyword("box")), ("style", .keyword(dashed ? "filled,dashed" : "filled")),
                     ("fillcolor", .keyword(fill)), ("color", .keyword("#616161")), ("fixedsize", .keyword("true")),
                     ("width", .number(26 / inch)), ("height", .number(14 / inch)), ("pos", .text(pos(.init(x: left + 22, y: y)) + "!"))])
        textNode(text, at: .init(x: left + 44 + (w - 52) / 2, y: y), width: w - 52, height: 14, size: 11, bold: false,
                 colour: "#212121", leftAligned: true)
        y -= 22
      }
      y -= 2
      for line in legendLines(o, m) {
        textNode(line, at: .init(x: left + 14 + (w - 22) / 2, y: y), width: w - 22, height: 13.5, size: 11, bold: false,
                 colour: line.hasPrefix("orange") ? silentColour : "#212121", leftAligned: true)
        y -= 13.5
      }
    }
    for c in place.connectors {
      // A polyline as a cubic B-spline: each segment p → q as the control points p, q, q.
      var points = [c.points[0]]
      for q in c.points.dropFirst() { points += [points[points.count - 1], q, q] }
      let report = c.report < shown.count ? g.people[shown[c.report]].displayName : "\(collapse!.summaries[c.report - shown.count].people) people"
      doc.edges.append(.init(from: boxNode(c.manager), to: boxNode(c.report), attributes: [
        ("color", .keyword("#424242")), ("penwidth", .number(1.2)), ("arrowhead", .keyword("none")),
        ("pos", .text(points.map(pos).joined(separator: " "))),
        ("tooltip", .text("\(report) report\(c.report < shown.count ? "s" : "") to \(g.people[shown[c.manager]].displayName)")),
        ("id", .text(c.report < shown.count ? "r\(shown[c.manager])-\(shown[c.report])" : "r\(shown[c.manager])-s\(c.report - shown.count)"))]))
    }
  }

  static func shape(_ p: Person) -> (String, [String]) {
    if p.isInternal { return ("box", ["rounded"]) }
    switch p.role {
    case .decisionMaker: return ("box", [])
    case .influencer: return ("ellipse", [])
    case .endUser: return ("box", ["rounded"])
    case .gatekeeper: return ("hexagon", [])
    case .technicalExpert: return ("component", [])
    case nil: return ("box", ["rounded"])
    }
  }

  /// What the legend says, once for both of its drawings (an HTML table on the network map, positioned plain
  /// nodes on the org chart): the fill swatches, then one line per other encoding.
  static let legendSwatches: [(fill: String, text: String, dashed: Bool)] = [
    (proximityFill[.p1]!, "P1 close relationship", false), (proximityFill[.p2]!, "P2 regular contact", false),
    (proximityFill[.p3]!, "P3 known, occasional", false), (proximityFill[.p4]!, "P4 not covered", true), (teamFill, "our team", false),
  ]

  static func legendLines(_ o: MapOptions, _ m: MapMeasures) -> [String] {
    ["double box: decision maker · ellipse: influencer", "rounded: end user · hexagon: gatekeeper", "component: technical expert",
     "badge: proximity · role (DM decision maker,", "IN influencer, EU end user, GK gatekeeper,", "TE technical expert); derived: from ties and history",
     "↔ BM: held by our team member BM (owner,", "else the strongest tie; team boxes show initials)",
     "larger name: higher declared influence", "orange outline ★: silent influencer", "dark line: reports to · grey: social tie",
     "wider: stronger · dashed: weak tie", m.weakTieLine, "orange line: one of the \(o.bridgesMarked) widest bridges"]
      + (o.layout == .network ? ["outline and field colour: community"] : [])
  }

  /// The key of the network map's community colours: one row per colour, the communities in the order of their
  /// numbers (as `metrics` and `convert` number them, from 0), with how many people each holds; communities past the
  /// palette's six share its colours, and their row says which.
  static func communityKey(_ m: MapMeasures) -> [(colour: String, text: String)] {
    var sizes: [Int: Int] = [:]
    for c in m.community { sizes[c, default: 0] += 1 }
    let order = sizes.keys.sorted()
    var rows: [(String, String)] = []
    for (k, c) in order.enumerated() where k < communityColours.count {
      let more = stride(from: k + communityColours.count, to: order.count, by: communityColours.count).map { order[$0] }
      let people = sizes[c]! + more.reduce(0) { $0 + sizes[$1]! }
      let label = more.isEmpty ? "community \(c): \(people) \(people == 1 ? "person" : "people")"
        : "communities \(([c] + more).map { "\($0)" }.joined(separator: ", ")): \(people) people"
      rows.append((communityColours[c % communityColours.count], label))
    }
    return rows
  }

  /// The legend as one HTML table node, with the size the org layout reserves for it (11 pt: a title row and
  /// the swatch rows, then the text lines and a line of margin; the widest line sets the width).
  static func legend(_ o: MapOptions, _ m: MapMeasures, note: [String] = []) -> (attributes: [(String, DOTValue)], width: Double, height: Double) {
    let lines = legendLines(o, m) + note
    var l = HTMLLabel()
    l.tag("<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\" bgcolor=\"#FFFFFF\">")
    l.tag("<tr><td colspan=\"2\"><b>Legend</b></td></tr>")
    for (fill, text, _) in legendSwatches {
      l.tag("<tr><td bgcolor=\""); l.text(fill); l.tag("\" width=\"18\"></td><td align=\"left\">"); l.text(text); l.tag("</td></tr>")
    }
    // The network map's communities: each colour with what it stands for (the largest first).
    let keyed = o.layout == .network ? communityKey(m) : []
    for (colour, text) in keyed {
      l.tag("<tr><td bgcolor=\""); l.text(colour); l.tag("\" width=\"18\"></td><td align=\"left\">"); l.text(text); l.tag("</td></tr>")
    }
    l.tag("<tr><td colspan=\"2\" align=\"left\">")
    for line in lines {
      if line.hasPrefix("orange"), let colon = line.firstIndex(of: ":") {
        l.tag("<font color=\"#E66101\">"); l.text(String(line[..<colon])); l.tag("</font>"); l.text(String(line[colon...]))
      } else {
        l.text(line)
      }
      l.tag("<br align=\"left\"/>")
    }
    l.tag("</td></tr></table>")
    let width = (lines.map { TextMetrics.width($0, size: 11) }.max() ?? 0) * 1.1 + 36   // room for the estimate's error
    let height = Double(1 + legendSwatches.count + keyed.count) * 22 + Double(lines.count + 1) * 13.5 + 10
    return ([("label", .html(l)), ("shape", .keyword("plain")), ("style", .keyword("solid")), ("id", .text("legend")),
             ("fontsize", .number(11))], width, height)
  }
}

extension StakeholderRole {
  /// Two-letter badge: DM, IN, EU, GK, TE.
  var initials: String {
    switch self {
    case .decisionMaker: return "DM"
    case .influencer: return "IN"
    case .endUser: return "EU"
    case .gatekeeper: return "GK"
    case .technicalExpert: return "TE"
    }
  }
}
