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
  public var stackColumn = 8
  /// Draw social ties on the org map too (only the strong ones and the bridges, to keep it readable).
  public var socialTiesOnOrg = true
  public var title: String?
  public init() {}
}

/// The measures a map encodes, computed once from the graph.
public struct MapMeasures: Sendable {
  public var influence: [Double]
  public var silent: [Bool]
  public var community: [Int]
  public var ties: TieMeasures

  public init(graph g: SocialGraph, interactions: [Interaction] = []) {
    let m = g.social.personMeasures([.influence, .community], weighted: false)
    influence = m.values[.influence]!
    community = m.values[.community]!.map { Int($0) }
    silent = StructuralInfluence.silentInfluencers(score: influence, graph: g)
    ties = g.tieMeasures(interactions: interactions)
  }
}

/// Turns a `SocialGraph` and its measures into a Graphviz document: the visual encoding of Tiemap's maps.
///
/// - role → shape (decision maker: double box; influencer: ellipse; end user: rounded box; gatekeeper: hexagon;
///   technical expert: component); our team: dark boxes.
/// - proximity P1–P4 → fill, a colour-blind-safe blue scale from P1 (dark) to P3 (light); P4 is white with a dashed
///   outline ("not covered"); unknown proximity is white with a dotted outline.
/// - declared influence 1–5 → the size of the name; silent influencers get a ★ badge and an orange outline.
/// - tie strength → line width; weak ties dashed; bridges and local bridges orange; reports-to lines dark grey
///   arrows, distinct from social ties (grey, no arrow).
public enum StakeholderMap {
  public static let proximityFill: [Proximity: String] = [.p1: "#08519C", .p2: "#4292C6", .p3: "#C6DBEF", .p4: "#FFFFFF"]
  static let bridgeColour = "#E66101"
  static let silentColour = "#E66101"
  static let teamFill = "#252525"
  /// Okabe & Ito (2008) colour-blind-safe qualitative palette, for communities, without its two oranges (orange
  /// already means silent influencer and bridge on these maps).
  static let communityColours = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

  /// The document and the engine to lay it out with.
  public static func document(graph g: SocialGraph, measures m: MapMeasures, options o: MapOptions) -> (DOTDocument, LayoutEngine) {
    let shown = people(g, o)
    var doc = DOTDocument(directed: true)
    let title = o.title ?? defaultTitle(g, o)
    var base: [(String, DOTValue)] = [
      ("label", .text(title)), ("labelloc", .keyword("t")), ("fontname", .keyword("Helvetica")), ("fontsize", .number(20)),
      ("bgcolor", .keyword("white")), ("pad", .number(0.3)), ("charset", .keyword("UTF-8")),
    ]
    let engine: LayoutEngine
    switch o.layout {
    case .org:
      engine = .dot
      base += [("rankdir", .keyword("TB")), ("nodesep", .number(0.25)), ("ranksep", .number(0.45)),
               ("newrank", .keyword("true")), ("splines", .keyword("polyline"))]
    case .network:
      engine = shown.count > 400 ? .sfdp : .neato
      base += [("overlap", .keyword("prism")), ("sep", .keyword("+8")), ("splines", .keyword("true")),
               ("outputorder", .keyword("edgesfirst"))]
      if engine == .neato { base += [("mode", .keyword("major")), ("start", .keyword("2026"))] }
    }
    doc.graphAttributes = base
    doc.nodeDefaults = [("fontname", .keyword("Helvetica")), ("fontsize", .number(10)), ("style", .keyword("filled")),
                        ("margin", .keyword("0.08,0.04"))]
    doc.edgeDefaults = [("arrowsize", .number(0.6)), ("color", .keyword("#9E9E9E"))]

    // Clusters: departments (org layout only; neato and sfdp ignore clusters).
    var clusterOf: [String: Int] = [:]
    var node = [Int](repeating: -1, count: g.count)
    for v in shown {
      let p = g.people[v]
      var cluster: Int?
      if o.layout == .org {
        let name = p.isInternal ? "Our team" : (p.department ?? "No department")
        cluster = clusterOf[name] ?? {
          let c = doc.addCluster([("label", .text(name)), ("style", .keyword("rounded,filled")), ("color", .keyword("#BDBDBD")),
                                  ("fillcolor", .keyword(p.isInternal ? "#F2F2F2" : "#FAFAFA")), ("fontname", .keyword("Helvetica-Bold")),
                                  ("fontsize", .number(12)), ("labeljust", .keyword("l"))])
          clusterOf[name] = c
          return c
        }()
      }
      node[v] = doc.addNode(attributes(of: v, g, m, o), cluster: cluster)
    }

    // Reports-to lines (and, in the org layout, the stacking of leaf reports).
    var reports = [[Int]](repeating: [], count: g.count)
    for v in shown { if let boss = g.manager(of: NodeIndex(v)), node[Int(boss)] >= 0 { reports[Int(boss)].append(v) } }
    let reportsLine: [(String, DOTValue)] = [("color", .keyword("#424242")), ("penwidth", .number(1.2)), ("arrowhead", .keyword("none"))]
    for boss in shown where !reports[boss].isEmpty {
      let kids = reports[boss]
      let leaves = o.layout == .org ? kids.filter { reports[$0].isEmpty } : []
      let managers = o.layout == .org ? kids.filter { !reports[$0].isEmpty } : kids
      for k in managers { doc.edges.append(.init(from: node[boss], to: node[k], attributes: reportsLine)) }
      if leaves.count < 3 {
        for k in leaves { doc.edges.append(.init(from: node[boss], to: node[k], attributes: reportsLine)) }
        continue
      }
      // Org-chart stacking: leaves in columns of `stackColumn` under their manager, each column a chain of
      // invisible edges; the visible line from the manager does not push ranks.
      let columns = stride(from: 0, to: leaves.count, by: o.stackColumn).map { Array(leaves[$0..<min($0 + o.stackColumn, leaves.count)]) }
      for column in columns {
        doc.edges.append(.init(from: node[boss], to: node[column[0]], attributes: reportsLine))
        for (a, b) in zip(column, column.dropFirst()) {
          doc.edges.append(.init(from: node[a], to: node[b], attributes: [("style", .keyword("invis")), ("weight", .number(10))]))
          doc.edges.append(.init(from: node[boss], to: node[b], attributes: reportsLine + [("constraint", .keyword("false"))]))
        }
      }
    }

    // Social ties: all of them on the network map; on the org map only strong ties and bridges between people in
    // different departments (the ones a strategist acts on), without moving the hierarchy.
    let s = g.social
    for e in 0..<s.edgeCount {
      let (a, b) = (Int(s.edgeSources[e]), Int(s.edgeTargets[e]))
      guard node[a] >= 0, node[b] >= 0 else { continue }
      if g.manager(of: NodeIndex(a)) == NodeIndex(b) || g.manager(of: NodeIndex(b)) == NodeIndex(a) { continue }  // drawn above
      let strength = m.ties.strengths.strength[e]
      let strong = m.ties.strengths.isStrong[e]
      let bridging = m.ties.isBridge[e] || m.ties.span[e] != nil
      if o.layout == .org {
        guard o.socialTiesOnOrg, bridging || (strong && g.people[a].department != g.people[b].department) else { continue }
      }
      var attrs: [(String, DOTValue)] = [("dir", .keyword("none")), ("penwidth", .number(0.6 + 3 * strength))]
      if !strong { attrs.append(("style", .keyword("dashed"))) }
      if bridging { attrs.append(("color", .keyword(bridgeColour))) }
      if o.layout == .org { attrs.append(("constraint", .keyword("false"))) }
      var tip = "\(g.people[a].displayName) – \(g.people[b].displayName): strength \(Cell.fixed(strength, digits: 2))"
      if m.ties.isBridge[e] { tip += ", bridge" } else if m.ties.span[e] != nil { tip += ", local bridge" }
      attrs.append(("tooltip", .text(tip)))
      doc.edges.append(.init(from: node[a], to: node[b], attributes: attrs))
    }
    doc.addNode(legend(o), cluster: nil)
    return (doc, engine)
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
      return p.isInternal || o.account == nil || p.account == o.account
    }
  }

  static func defaultTitle(_ g: SocialGraph, _ o: MapOptions) -> String {
    if let f = o.focus { return "\(g.people[Int(f)].displayName): \(o.depth == 1 ? "direct ties" : "ties within \(o.depth) steps")" }
    let accounts = Set(g.people.filter { !$0.isInternal }.compactMap(\.account)).sorted()
    let name = o.account ?? (accounts.count == 1 ? accounts[0] : "All accounts")
    return o.layout == .org ? "\(name): organisation and relationship coverage" : "\(name): relationship network"
  }

  /// A person's box: name (size by declared influence), title, and a badge (P-level · role initials · ★).
  static func attributes(of v: Int, _ g: SocialGraph, _ m: MapMeasures, _ o: MapOptions) -> [(String, DOTValue)] {
    let p = g.people[v]
    var label = HTMLLabel()
    let nameSize = 10 + 1.5 * Double((p.influence ?? 1) - 1)
    let textColour = p.isInternal || p.proximity == .p1 || p.proximity == .p2 ? "#FFFFFF" : "#000000"
    label.font(color: textColour, pointSize: nameSize)
    label.tag("<b>"); label.text(p.displayName); label.tag("</b>")
    label.tag("</font>")
    if let t = p.title, !t.isEmpty {
      label.tag("<br/>"); label.font(color: textColour, pointSize: 8.5); label.text(t); label.tag("</font>")
    }
    var badge: [String] = []
    if p.isInternal { badge.append("our team") } else { badge.append(p.proximity?.label ?? "P?") }
    if let r = p.role { badge.append(r.initials) }
    if m.silent[v] { badge.append("★ silent influencer") }
    label.tag("<br/>"); label.font(color: textColour, pointSize: 8); label.text(badge.joined(separator: " · ")); label.tag("</font>")

    var a: [(String, DOTValue)] = [("label", .html(label)), ("id", .text("p\(v)"))]
    let (shape, extra) = shape(p)
    a.append(("shape", .keyword(shape)))
    var style = ["filled"] + extra
    if p.isInternal {
      a.append(("fillcolor", .keyword(teamFill)))
    } else {
      a.append(("fillcolor", .keyword(p.proximity.map { proximityFill[$0]! } ?? "#FFFFFF")))
      if p.proximity == .p4 { style.append("dashed") }
      if p.proximity == nil { style.append("dotted") }
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

  /// The legend: one HTML table node explaining every encoding.
  static func legend(_ o: MapOptions) -> [(String, DOTValue)] {
    var l = HTMLLabel()
    l.tag("<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\" bgcolor=\"#FFFFFF\">")
    l.tag("<tr><td colspan=\"2\"><b>Legend</b></td></tr>")
    for (p, text) in [(Proximity.p1, "P1 close relationship"), (.p2, "P2 regular contact"), (.p3, "P3 known, occasional"), (.p4, "P4 not covered")] {
      l.tag("<tr><td bgcolor=\""); l.text(proximityFill[p]!); l.tag("\" width=\"18\"></td><td align=\"left\">"); l.text(text); l.tag("</td></tr>")
    }
    l.tag("<tr><td bgcolor=\"#252525\"></td><td align=\"left\">our team</td></tr>")
    l.tag("<tr><td colspan=\"2\" align=\"left\">double box: decision maker · ellipse: influencer<br align=\"left\"/>")
    l.tag("rounded: end user · hexagon: gatekeeper<br align=\"left\"/>component: technical expert<br align=\"left\"/>")
    l.tag("larger name: higher declared influence<br align=\"left\"/>")
    l.tag("<font color=\"#E66101\">orange outline ★</font>: silent influencer<br align=\"left\"/>")
    l.tag("dark line: reports to · grey: social tie<br align=\"left\"/>wider: stronger · dashed: weak tie<br align=\"left\"/>")
    l.tag("<font color=\"#E66101\">orange line</font>: bridge or local bridge<br align=\"left\"/>")
    if o.layout == .network { l.tag("outline colour: community<br align=\"left\"/>") }
    l.tag("</td></tr></table>")
    return [("label", .html(l)), ("shape", .keyword("plain")), ("style", .keyword("solid")), ("id", .text("legend"))]
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
