import GraphFormats
import NetworkAnalysis
import SocialGraph

/// `--page-by department`: the org map as pages — first an overview of the departments (head count, coverage by
/// proximity, our team's holders, and the social ties between departments as lines as wide as their number),
/// then one org chart per department in order of size (largest first, ties by name). Each page is a Graphviz
/// document with its engine; `Pages.svg` renders them, `PDFPages` binds them.
public enum DepartmentPages {
  public struct Page: Sendable {
    public var title: String
    public var document: DOTDocument
    public var engine: LayoutEngine
  }

  /// The departments of the map's contacts, largest first.
  public static func departments(_ g: SocialGraph, options o: MapOptions) -> [(name: String, people: [Int])] {
    var members: [String: [Int]] = [:]
    for v in StakeholderMap.people(g, o) where !g.people[v].isInternal {
      members[g.people[v].department ?? "No department", default: []].append(v)
    }
    return members.map { ($0.key, $0.value) }.sorted { ($1.people.count, $0.name) < ($0.people.count, $1.name) }
  }

  public static func pages(graph g: SocialGraph, measures m: MapMeasures, options: MapOptions) -> [Page] {
    var o = options
    o.layout = .org
    let departments = departments(g, options: o)
    var pages = [Page(title: "Overview", document: overview(g, m, o, departments), engine: .neato)]
    for d in departments {
      var page = o
      page.department = d.name
      let (doc, engine) = StakeholderMap.document(graph: g, measures: m, options: page)
      pages.append(Page(title: d.name, document: doc, engine: engine))
    }
    return pages
  }

  /// One box per department (name, head count, P1–P4 and coverage at P1–P2, who on our team holds most of it),
  /// and a line between two departments for the social ties between their people, labelled with their number.
  static func overview(_ g: SocialGraph, _ m: MapMeasures, _ o: MapOptions, _ departments: [(name: String, people: [Int])]) -> DOTDocument {
    var doc = DOTDocument(directed: false)
    let name = o.account ?? Chart.accountName(g)
    var title = HTMLLabel()
    title.font(color: "#212121", pointSize: 20); title.text("\(name): departments and the ties between them"); title.tag("</font><br/>")
    title.font(color: "#616161", pointSize: 12)
    title.text("Fill: covered at P1–P2 — half or more blue, a fifth or more light blue, less white. Lines: social ties between departments, as wide as their number.")
    title.tag("</font>")
    doc.graphAttributes = [("label", .html(title)), ("labelloc", .keyword("t")),
                           ("fontname", .keyword(StakeholderMap.graphvizFont)), ("fontsize", .number(20)), ("bgcolor", .keyword("white")),
                           ("pad", .number(0.4)), ("overlap", .keyword("prism")), ("sep", .keyword("+24")),
                           ("splines", .keyword("true")), ("mode", .keyword("major")), ("start", .keyword("2026")),
                           ("charset", .keyword("UTF-8")), ("outputorder", .keyword("edgesfirst"))]
    doc.nodeDefaults = [("fontname", .keyword(StakeholderMap.graphvizFont)), ("fontsize", .number(12)), ("shape", .keyword("box")),
                        ("style", .keyword("rounded,filled")), ("margin", .keyword("0.2,0.1"))]
    doc.edgeDefaults = [("color", .keyword("#9E9E9E")), ("fontname", .keyword(StakeholderMap.graphvizFont)), ("fontsize", .number(11))]
    var departmentOf = [Int](repeating: -1, count: g.count)
    for (k, d) in departments.enumerated() {
      for v in d.people { departmentOf[v] = k }
      var counts = [0, 0, 0, 0, 0]
      for v in d.people { counts[m.proximity[v].map { $0.rawValue - 1 } ?? 4] += 1 }
      let covered = counts[0] + counts[1]
      var holders: [Int: Int] = [:]
      for v in d.people { if let h = StakeholderMap.holder(of: v, g, m) { holders[h, default: 0] += 1 } }
      let top = holders.max { ($0.value, $1.key) < ($1.value, $0.key) }
      let levels = ["P1", "P2", "P3", "P4", "unknown"]
      var lines = ["\(d.name)", "\(d.people.count) people · covered at P1–P2: \(covered) (\(Chart.percent(covered, d.people.count)))",
                   zip(levels, counts).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: " · ")]
      if let top { lines.append("held most by \(g.people[top.key].displayName) (\(top.value))") }
      let fill = covered * 2 >= d.people.count ? StakeholderMap.proximityFill[.p2]! : covered * 5 >= d.people.count ? StakeholderMap.proximityFill[.p3]! : "#FFFFFF"
      var label = HTMLLabel()
      for (i, line) in lines.enumerated() {
        if i > 0 { label.tag("<br/>") }
        label.font(color: Contrast.text(on: fill), pointSize: i == 0 ? 16 : 11)
        if i == 0 { label.tag("<b>") }
        label.text(line)
        if i == 0 { label.tag("</b>") }
        label.tag("</font>")
      }
      doc.addNode([("label", .html(label)), ("fillcolor", .keyword(fill)), ("color", .keyword("#616161")), ("id", .text("d\(k)"))])
    }
    // Ties between departments, counted once per pair.
    let s = g.social
    var between: [Int: Int] = [:]
    for e in 0..<s.edgeCount {
      let (a, b) = (departmentOf[Int(s.edgeSources[e])], departmentOf[Int(s.edgeTargets[e])])
      guard a >= 0, b >= 0, a != b else { continue }
      between[min(a, b) * departments.count + max(a, b), default: 0] += 1
    }
    let widest = max(1, between.values.max() ?? 1)
    for key in between.keys.sorted() {
      let (a, b) = (key / departments.count, key % departments.count)
      let n = between[key]!
      doc.edges.append(.init(from: a, to: b, attributes: [("penwidth", .number(1 + 5 * Double(n) / Double(widest))),
                                                          ("label", .text("\(n)")), ("len", .number(2.2)),
                                                          ("tooltip", .text("\(departments[a].name) – \(departments[b].name): \(n) ties"))]))
    }
    return doc
  }
}
