import NetworkAnalysis
import SocialGraph

/// Renders `tiemap info` in the three output formats.
public enum SummaryReport {
  /// Rows of (section, key, value) — the CSV form, and the source of the other two.
  static func entries(_ s: GraphSummary, _ g: SocialGraph) -> [(String, String, Cell)] {
    var e: [(String, String, Cell)] = [
      ("people", "total", .int(s.people)),
      ("people", "internal", .int(s.internalPeople)),
      ("ties", "total", .int(s.ties)),
    ]
    for k in s.kinds { e.append(("ties", k.kind.name, .int(k.ties))) }
    e.append(("ties", "self_loops", .int(s.selfLoops)))
    e.append(("ties", "derived_reports_to", .int(s.derivedReportsTo)))
    for k in s.kinds { e.append(("pairs", k.kind.name, .int(k.pairs))) }
    e.append(("pairs", "social", .int(s.socialPairs)))
    for k in s.kinds { e.append(("direction", k.kind.name, .text(k.directed ? "directed" : "undirected"))) }
    for k in s.kinds { e.append(("density", k.kind.name, .number(k.density, digits: 4))) }
    e.append(("network", "density", .number(s.density, digits: 4)))
    e.append(("network", "components", .int(s.components.count)))
    e.append(("network", "largest_component", .int(s.components.largest)))
    e.append(("network", "isolated", .int(s.components.isolated)))
    if let c = s.communities {
      e.append(("network", "communities", .int(c.count)))
      e.append(("network", "modularity", .number(c.modularity, digits: 4)))
    }
    for a in s.accounts { e.append(("accounts", a.name ?? "(no account)", .int(a.people))) }
    for r in s.roots { e.append(("reports_to_roots", g.people[Int(r.person)].id, .int(r.span))) }
    e.append(("reports_to", "cycles", .int(s.reportingCycles.count)))
    if s.interactions > 0 {
      e.append(("interactions", "total", .int(s.interactions)))
      e.append(("interactions", "first", s.firstInteraction.map { .text($0.description) } ?? .empty))
      e.append(("interactions", "last", s.lastInteraction.map { .text($0.description) } ?? .empty))
    }
    return e
  }

  public static func csv(_ s: GraphSummary, graph g: SocialGraph) -> String {
    CSVWriter.table(header: ["section", "key", "value"], rows: entries(s, g).map { [.text($0.0), .text($0.1), $0.2] })
  }

  public static func json(_ s: GraphSummary, graph g: SocialGraph) -> String {
    func person(_ v: NodeIndex) -> [(String, JSONValue)] {
      let p = g.people[Int(v)]
      return [("id", .string(p.id)), ("name", p.name.map { .string($0) } ?? .null), ("title", p.title.map { .string($0) } ?? .null)]
    }
    var doc: [(String, JSONValue)] = [
      ("people", .int(s.people)),
      ("internal", .int(s.internalPeople)),
      ("ties", .object([
        ("total", .int(s.ties)),
        ("self_loops", .int(s.selfLoops)),
        ("derived_reports_to", .int(s.derivedReportsTo)),
        ("by_kind", .array(s.kinds.map { .object([("kind", .string($0.kind.name)), ("ties", .int($0.ties)),
                                                   ("pairs", .int($0.pairs)), ("directed", .bool($0.directed)),
                                                   ("density", .number($0.density))]) })),
      ])),
      ("social_pairs", .int(s.socialPairs)),
      ("density", .number(s.density)),
      ("components", .object([("count", .int(s.components.count)), ("largest", .int(s.components.largest)),
                              ("isolated", .int(s.components.isolated))])),
      ("communities", s.communities.map { .object([("count", .int($0.count)), ("modularity", .number($0.modularity))]) } ?? .null),
      ("accounts", .array(s.accounts.map { .object([("name", $0.name.map { .string($0) } ?? .null),
                                                     ("people", .int($0.people)), ("departments", .int($0.departments))]) })),
      ("reports_to_roots", .array(s.roots.map { .object(person($0.person) + [("span", .int($0.span))]) })),
      ("reports_to_cycles", .array(s.reportingCycles.map { .array($0.map { .string(g.people[Int($0)].id) }) })),
    ]
    if s.interactions > 0 {
      doc.append(("interactions", .object([
        ("total", .int(s.interactions)),
        ("first", s.firstInteraction.map { .string($0.description) } ?? .null),
        ("last", s.lastInteraction.map { .string($0.description) } ?? .null),
      ])))
    }
    return JSONValue.object(doc).rendered()
  }

  /// The terminal form: a few aligned blocks.
  public static func table(_ s: GraphSummary, graph g: SocialGraph, title: String) -> String {
    var out = "\(TextTable.sanitize(title))\n\n"
    let team = s.internalPeople == 1 ? "1 member of our team" : "\(Cell.grouped(s.internalPeople)) members of our team"
    out += "People      \(Cell.grouped(s.people)) (\(team))\n"
    var tiesLine = "Ties        \(Cell.count(s.ties, "input tie")) → \(Cell.count(s.socialPairs, "connected pair")), density \(Cell.fixed(s.density, digits: 4)) (social view, undirected)"
    if s.selfLoops > 0 { tiesLine += ", \(Cell.count(s.selfLoops, "self-loop")) left out" }
    out += tiesLine + "\n"
    let c = s.components
    out += "Components  \(Cell.grouped(c.count)) (largest \(Cell.count(c.largest, "person", plural: "people")), \(Cell.grouped(c.isolated)) isolated)\n"
    if let m = s.communities {
      out += "Communities \(Cell.grouped(m.count)) (\(s.communityMethod == .louvain ? "Louvain" : "Leiden")), modularity \(Cell.fixed(m.modularity, digits: 3))\n"
    }
    if s.interactions > 0 {
      out += "History     \(Cell.count(s.interactions, "interaction")), \(s.firstInteraction!) → \(s.lastInteraction!)\n"
    }
    out += "\n"
    // A layer's density counts its own pairs: arcs over n (n − 1) when directed.
    out += TextTable.render(header: ["tie kind", "ties", "pairs", "direction", "density"], rows: s.kinds.map {
      [.text($0.kind.name), .int($0.ties), .int($0.pairs), .text($0.directed ? "directed" : "undirected"),
       .number($0.density, digits: 4)]
    })
    if s.derivedReportsTo > 0 {
      out += "(\(Cell.count(s.derivedReportsTo, "reports_to tie")) \(s.derivedReportsTo == 1 ? "comes" : "come") from the contacts' reports_to column)\n"
    }
    if !s.accounts.isEmpty && !(s.accounts.count == 1 && s.accounts[0].name == nil) {
      out += "\n" + TextTable.render(header: ["account", "people", "departments"], rows: s.accounts.prefix(25).map {
        [.text($0.name ?? "(no account)"), .int($0.people), .int($0.departments)]
      })
      if s.accounts.count > 25 { out += "… and \(s.accounts.count - 25) more accounts\n" }
    }
    if !s.roots.isEmpty {
      out += "\n" + TextTable.render(header: ["reports-to root", "title", "people below"], rows: s.roots.prefix(10).map {
        let p = g.people[Int($0.person)]
        return [.text(p.displayName), .text(p.title ?? ""), .int($0.span)]
      })
      if s.roots.count > 10 { out += "… and \(s.roots.count - 10) more roots\n" }
    }
    if !s.reportingCycles.isEmpty {
      out += "\nReporting cycles: \(s.reportingCycles.count)\n"
      for cyc in s.reportingCycles.prefix(5) {
        out += "  " + (cyc + [cyc[0]]).map { TextTable.sanitize(g.people[Int($0)].id) }.joined(separator: " → ") + "\n"
      }
    }
    return out
  }
}
