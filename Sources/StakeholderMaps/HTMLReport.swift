import GraphFormats
import NetworkAnalysis
import SocialGraph

/// `tiemap report`: one self-contained HTML file — summary, the org and network maps (inline SVG from Graphviz),
/// the three charts, and the tables a strategist acts on. No external request: CSS, SVG, data and script are
/// inline. Without scripts it is a static page (maps with native tooltips, plain tables); with them the maps pan
/// and zoom, hovering a person shows their card, a search box finds people, clicking a person highlights their
/// ties, and tables sort by column.
///
/// Every piece of user text goes through `Escape.markup` (HTML) or `jsonString` (the data block, which also
/// escapes `<`, `>` and `&` so no name can close the script element).
/// What a report shows, and for whom (`report --audience`, `--sections`).
public struct ReportOptions: Sendable {
  public enum Audience: String, Sendable, CaseIterable {
    /// Our own team: every section, the analyst's columns and tokens.
    case `internal`
    /// The customer's executive: no internal section (owners against Dunbar's limit, single threads, relationships
    /// at risk, the relationship history), no raw centralities, roles and proximity in words.
    case customer
  }
  public var audience = Audience.internal
  /// The sections to show (by id), nil: every one the audience sees. The maps are always shown.
  public var sections: Set<String>?
  public init() {}

  /// Every section, in the page's order.
  public static let allSections = ["summary", "trend", "charts", "influencers", "silent", "brokers", "gaps", "next", "threads",
                                   "departures", "trust", "prescribers", "owners", "history"]
  /// The sections only our own team sees.
  public static let internalSections: Set<String> = ["threads", "trust", "owners", "history"]

  /// Whether the page shows section `id`.
  public func shows(_ id: String) -> Bool {
    if audience == .customer && Self.internalSections.contains(id) { return false }
    return sections?.contains(id) ?? true
  }
}

public enum HTMLReport {
  /// The report of `account` (nil: every contact): the measures the maps use, the account analysis on them and
  /// the findings the tables list (`SocialGraph.accountFindings`), then the page.
  public static func render(graph g: SocialGraph, interactions: [Interaction] = [], surveys: [SurveyResponse] = [],
                            referrals: [Referral] = [], account: String? = nil,
                            options: AccountFindingsOptions = AccountFindingsOptions(), trend: [TrendPoint] = [],
                            report: ReportOptions = ReportOptions()) throws -> String {
    let r = try analysed(graph: g, interactions: interactions, surveys: surveys, referrals: referrals, account: account, options: options)
    let history = g.relationshipHistory(interactions, account: account)
    return try render(graph: g, measures: r.measures, grid: r.grid, findings: r.findings, analysis: r.analysis, account: account,
                      trend: trend, history: history, asOf: interactions.map(\.date).max(), report: report)
  }

  /// What the report (and the plan's deck, `PlanDeck`) show: the maps' measures, where we stand (`tiemap account`,
  /// on those measures), the power/interest grid and the account's findings.
  public static func analysed(graph g: SocialGraph, interactions: [Interaction], surveys: [SurveyResponse], referrals: [Referral],
                              account: String?, options: AccountFindingsOptions) throws
    -> (measures: MapMeasures, analysis: AccountAnalysis, grid: PowerInterest, findings: AccountFindings) {
    let m = MapMeasures(graph: g, interactions: interactions)
    let analysis = g.accountAnalysis(interactions: interactions, evidence: m.evidence, account: account)
    let grid = PowerInterest(graph: g, influence: m.influence, silent: m.silent)
    let findings = try g.accountFindings(account: account, analysis: analysis, evidence: m.evidence, influence: m.influence,
                                         silent: m.silent, community: m.community, ties: m.ties, grid: grid,
                                         interactions: interactions, surveys: surveys, referrals: referrals, options: options)
    return (m, analysis, grid, findings)
  }

  /// The page from finished results: it lays out the maps and formats the findings, and computes nothing else.
  public static func render(graph g: SocialGraph, measures m: MapMeasures, grid pi: PowerInterest, findings f: AccountFindings,
                            analysis: AccountAnalysis, account: String?, trend: [TrendPoint] = [],
                            history: RelationshipHistory? = nil, asOf: Day? = nil,
                            report: ReportOptions = ReportOptions()) throws -> String {
    let customer = report.audience == .customer
    let evidence = m.evidence
    var o = MapOptions()
    o.account = account
    let name = account ?? Chart.accountName(g)

    o.layout = .org
    let orgSVG = inlineSVG(try StakeholderMap.render(graph: g, measures: m, options: o, format: .svg))
    o.layout = .network
    let netSVG = inlineSVG(try StakeholderMap.render(graph: g, measures: m, options: o, format: .svg))

    let shown = Set(StakeholderMap.people(g, o))

    var h = ""
    func esc(_ s: String) -> String { Escape.markup(s) }
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
    h += "<title>\(esc(name)) — relational capital report</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
    // The title block: the account, the date the history runs to, our team.
    let team = g.people.filter(\.isInternal).map(\.displayName).sorted()
    var sub = "Relational capital report"
    if let asOf { sub += " · as of \(asOf) (the latest interaction)" }
    if !team.isEmpty { sub += " · our team: " + team.joined(separator: ", ") }
    h += "<header><h1>\(esc(name))</h1><p class=\"sub\">\(esc(sub))</p></header>\n"

    // Summary cards, from the account analysis (its accounts hold exactly these contacts).
    if report.shows("summary") {
    h += "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">\n"
    /// `noun` for `n` of them: `contact`, `contacts`; `person`, `people`.
    func word(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }
    for (value, label) in [("\(f.contacts.count)", "\(word(f.contacts.count, "contact", "contacts")) in \(f.departments) \(word(f.departments, "department", "departments"))"),
                           ("\(f.teamMembers)", word(f.teamMembers, "person in our team", "people in our team")),
                           ("\(f.covered) (\(Chart.percent(f.covered, f.contacts.count)))", word(f.covered, "contact covered at P1–P2", "contacts covered at P1–P2")),
                           ("\(f.decisionCircuitCovered) of \(f.decisionCircuit)", "decision makers and influencers at P1–P2"),
                           ("\(f.silentInfluencers.count)", word(f.silentInfluencers.count, "silent influencer", "silent influencers")),
                           ("\(f.communities)", word(f.communities, "community in the network", "communities in the network"))]
                          + (f.trustAssessed == 0 || customer ? [] : [("\(f.atRisk.count)", word(f.atRisk.count, "relationship at risk (tolerance capital)", "relationships at risk (tolerance capital)"))]) {
      h += "<div class=\"card\"><b>\(esc(value))</b><span>\(esc(label))</span></div>\n"
    }
    h += "</div></section>\n"
    }

    // Trend over the snapshots of a workspace (two or more).
    if trend.count >= 2 && report.shows("trend") {
      h += "<section id=\"trend\"><h2>Trend</h2><p class=\"note\">\(esc("\(trend.count) snapshots, \(trend.first!.day) to \(trend.last!.day), each analysed at its date (tiemap history)."))</p><div class=\"charts\">\n"
      for svg in TrendCharts.svgs(trend) { h += "<figure>\(svg)</figure>\n" }
      h += "</div></section>\n"
    }

    // Maps
    h += "<section id=\"maps\"><h2>Stakeholder map</h2>\n"
    h += "<div class=\"toolbar noprint\"><input id=\"search\" type=\"search\" placeholder=\"Find a person…\" aria-label=\"Find a person\" list=\"people\">"
    h += "<datalist id=\"people\">" + shown.sorted().map { "<option value=\"\(esc(g.people[$0].displayName))\">" }.joined() + "</datalist>"
    h += "<button data-view=\"org\" class=\"on\">Organisation</button><button data-view=\"net\">Network</button>"
    h += "<button data-zoom=\"1.25\" aria-label=\"Zoom in\">+</button><button data-zoom=\"0.8\" aria-label=\"Zoom out\">−</button>"
    h += "<button data-zoom=\"0\">Fit</button><span class=\"hint\">Drag to pan, wheel to zoom, click a person to highlight their ties.</span></div>\n"
    h += "<div class=\"map\" id=\"map-org\">\(orgSVG)</div>\n<div class=\"map alt\" id=\"map-net\">\(netSVG)</div>\n"
    h += "<div id=\"card\" class=\"personcard\" hidden></div></section>\n"

    // Charts
    if report.shows("charts") {
      h += "<section id=\"charts\"><h2>Coverage</h2><div class=\"charts\">\n"
      for chart in Chart.allCases {
        h += "<figure>" + chart.render(graph: g, measures: m, account: account).text(standalone: false) + "</figure>\n"
      }
      h += "</div></section>\n"
    }

    // Tables
    func table(_ id: String, _ title: String, _ note: String, _ header: [String], _ rows: [[TableCell]]) {
      guard report.shows(id) else { return }
      h += "<section id=\"\(id)\"><h2>\(esc(title))</h2><p class=\"note\">\(esc(note))</p>\n"
      guard !rows.isEmpty else { h += "<p class=\"empty\">None.</p></section>\n"; return }
      h += "<table class=\"sortable\"><thead><tr>" + header.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead><tbody>\n"
      for r in rows {
        h += "<tr>" + r.map { c in c.isNumber ? "<td class=\"num\" data-v=\"\(c.sortKey)\">\(esc(c.text))</td>" : "<td>\(esc(c.text))</td>" }.joined() + "</tr>\n"
      }
      h += "</tbody></table></section>\n"
    }
    let derived = Set(evidence.derived.map { Int($0.person) })
    func proximity(_ v: Int) -> String {
      guard let level = evidence.proximity[v] else { return customer ? "not assessed" : "" }
      if customer { return "\(level.label) \(Chart.caption(level))" }
      return derived.contains(v) ? "\(level.label) (derived)" : level.label
    }
    func person(_ v: Int) -> [TableCell] {
      let p = g.people[v]
      let role = customer ? (p.role.map { $0.label.prefix(1).uppercased() + $0.label.dropFirst() } ?? "") : (p.role?.rawValue ?? "")
      return [.text(p.displayName), .text(p.title ?? ""), .text(p.department ?? ""), .text(role), .text(proximity(v))]
    }
    // The customer sees influence as a score, not the centralities behind it.
    table("influencers", "Top influencers", customer ? "Who carries the most weight in the network of people, whatever their title." : "Highest structural influence (PageRank, betweenness, eigenvector, effective size; percentile ranks).",
          ["Name", "Title", "Department", "Role", "Proximity", "Declared influence", "Structural influence"] + (customer ? [] : ["Betweenness", "PageRank"]),
          f.topInfluencers.map(Int.init).map { v in
            person(v) + [.number(Double(g.people[v].influence ?? 0), digits: 0, blankIfZero: true), .number(m.influence[v], digits: 2)]
              + (customer ? [] : [.number(m.person.column(.betweenness)[v], digits: 4), .number(m.person.column(.pagerank)[v], digits: 4)])
          })
    table("silent", "Silent influencers", "Top tenth of structural influence, declared influence 1–2: meet them before they block or carry a deal.",
          ["Name", "Title", "Department", "Role", "Proximity", "Declared influence", "Structural influence"] + (customer ? [] : ["Constraint"]),
          f.silentInfluencers.map(Int.init).map { v in
            person(v) + [.number(Double(g.people[v].influence ?? 0), digits: 0, blankIfZero: true), .number(m.influence[v], digits: 2)]
              + (customer ? [] : [.number(m.person.column(.constraint)[v], digits: 3)])
          })
    table("brokers", "Weak-tie brokers", "Weak ties into other departments (Granovetter): who carries news and introductions between groups.",
          ["Name", "Title", "Department", "Role", "Proximity", "Weak ties out", "Departments reached", "Local bridges"],
          f.brokers.map { b in
            person(Int(b.person)) + [.number(Double(b.weakBridgingTies), digits: 0), .number(Double(b.groupsReached), digits: 0),
                                     .number(Double(b.localBridges), digits: 0)]
          })
    table("gaps", "Coverage gaps", "Decision makers, influencers, influence 4–5 and silent influencers held at P3, P4 or not assessed; the quadrant says how to engage.",
          ["Name", "Title", "Department", "Role", "Proximity", "Power", "Quadrant", "What they need"],
          f.coverageGaps.map(Int.init).map { v in
            person(v) + [.number(Double(pi.power[v] ?? 0), digits: 0, blankIfZero: true), .text(pi.quadrant[v]?.title ?? ""),
                         .text(g.people[v].role?.engagementStrategy ?? "")]
          })

    func names(_ path: IntroductionPath?) -> String {
      path.map { $0.people.map { g.people[Int($0)].displayName }.joined(separator: " → ") } ?? "no path from our team yet"
    }
    table("next", "Next relationships to build", "Contacts not held at P1/P2, by priority = role weight × proximity gap × (declared and structural influence, warm reach gained); each with the introduction to ask for.",
          ["Name", "Title", "Department", "Role", "Proximity", "Priority", "Why", "Introduction", "Reliability", "Reach gain"],
          f.recommendations.map { r in
            let v = Int(r.person)
            return person(v) + [.number(r.priority, digits: 3), .text(r.reasons.joined(separator: "; ")), .text(names(r.path)),
                                .number(r.path?.reliability ?? .nan, digits: 3), .number(r.reachGain, digits: 2)]
          })
    table("threads", "Single-threaded relationships", "Decision makers and influencers only one member of our team holds: one departure on either side and the thread is cut.",
          ["Name", "Title", "Department", "Role", "Proximity", "Held only by"],
          f.singleThreaded.map { person(Int($0.person)) + [.text(g.people[Int($0.teamMember)].displayName)] })
    table("departures", "Departure impact", "What we lose if they leave: warm reach (Σ of our best introduction reliability over the account) and contacts cut off.",
          ["Name", "Title", "Department", "Role", "Proximity", "Warm reach lost", "Cut off", "Decision circuit lost"],
          f.departures.map { d in
            person(Int(d.person)) + [.number(d.reachLost, digits: 2), .number(Double(d.cutOff), digits: 0), .number(Double(d.coverageLost), digits: 0)]
          })
    if f.trustAssessed > 0 {
      table("trust", "Relationships at risk", "Tolerance capital (Kaufman): ruptured below 0, at risk within 5 of it now or in 30 days without contact.",
            ["Name", "Title", "Department", "Role", "Proximity", "Status", "Balance", "Trend (90 days)", "Last contact"],
            f.atRisk.map { a in
              person(Int(a.person)) + [.text(a.status == .atRisk ? "at risk" : a.status.rawValue), .number(a.state.balance, digits: 1),
                                       .number(a.trend, digits: 1), .text(a.lastContact.description)]
            })
    }
    if let r = f.referrals {
      let npsText = r.nps.overall.score.map { "NPS \(GraphFormats.Cell.fixed($0, digits: 0)) from \(r.nps.overall.responses) answers" } ?? "no survey answers"
      table("prescribers", "Expert prescribers", "\(npsText). Ranked by 0.4 · answer/10 + 0.3 · percentile of Customer Referral Value (\(Cell.fixed(r.options.discountRate * 100, digits: 0)) % discount) + 0.3 · percentile of referral reach.",
            ["Name", "Title", "Department", "Role", "Proximity", "Answer", "Referral value", "Reach", "Score"],
            f.prescribers.map { e in
              person(Int(e.person)) + [.number(Double(e.score ?? -1), digits: 0).blankIfNegative, .number(e.crv, digits: 0, blankIfZero: true),
                                       .number(e.reach, digits: 1), .number(e.prescriberScore, digits: 3)]
            })
    }
    table("owners", "Owners and Dunbar's limit", "P1 relationships each member of our team holds, against Dunbar's 148 stable relationships.",
          ["Owner", "Title", "Department", "P1 contacts", "Contacts owned", "Over the limit"],
          analysis.owners.map { o in
            Array(person(Int(o.person)).prefix(3)) + [.number(Double(o.p1), digits: 0), .number(Double(o.contacts), digits: 0),
                                                      .text(o.overDunbar ? "yes" : "no")]
          })

    // What the contact history teaches (tiemap patterns, tiemap risk's survival curves).
    if let r = history, report.shows("history") {
      h += "<section id=\"history\"><h2>Relationship history</h2><p class=\"note\">\(esc("\(r.ruptures) of \(r.relationships) relationships ruptured (a churned outcome, or tolerance capital below the threshold). Survival by proximity level, with the 95 % band of all; then the sequences found most often in the \(r.patterns.history.options.windowDays) days before a rupture, against time-matched controls (tiemap patterns)."))</p>\n"
      h += "<figure>\(SurvivalChart.svg(r.curves))</figure>\n"
      let top = r.patterns.patterns.prefix(8)
      if !r.patternsShown {
        h += "<p class=\"empty\">\(esc("\(r.patterns.episodes) rupture episode\(r.patterns.episodes == 1 ? "" : "s"): too few to tell which sequences precede a rupture (\(r.minEpisodes) or more are needed)."))</p>\n"
      } else if top.isEmpty {
        h += "<p class=\"empty\">No pattern in at least \(Int((r.patterns.options.minSupport * 100).rounded())) % of the \(r.patterns.episodes) episodes.</p>\n"
      } else {
        h += "<table class=\"sortable\"><thead><tr>" + ["Pattern", "Episodes", "Controls", "Support", "Lift"].map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
        for p in top {
          let cells: [TableCell] = [.text(r.patterns.text(p)), .number(Double(p.episodes), digits: 0), .number(Double(p.controls), digits: 0),
                                    .number(p.support, digits: 3), .number(p.lift, digits: 2)]
          h += "<tr>" + cells.map { c in c.isNumber ? "<td class=\"num\" data-v=\"\(c.sortKey)\">\(esc(c.text))</td>" : "<td>\(esc(c.text))</td>" }.joined() + "</tr>\n"
        }
        h += "</tbody></table>\n"
      }
      h += "</section>\n"
    }

    // Data for the cards: one entry per person on the maps.
    h += "<script type=\"application/json\" id=\"people-data\">{"
    h += shown.sorted().map { v in
      let p = g.people[v]
      var fields: [(String, String)] = [("name", jsonString(p.displayName)), ("title", jsonString(p.title ?? "")),
                                        ("department", jsonString(p.department ?? "")),
                                        ("role", jsonString((customer ? p.role.map { $0.label } : p.role?.rawValue) ?? (p.isInternal ? "our team" : ""))),
                                        ("proximity", jsonString(p.isInternal ? "" : (proximity(v).isEmpty ? "unknown" : proximity(v))))]
      fields.append(("influence", p.influence.map { "\($0)" } ?? "null"))
      fields.append(("structural", Cell.fixed(m.influence[v], digits: 3)))
      // The customer's cards leave the raw centralities out (null: no row).
      fields.append(("betweenness", customer ? "null" : Cell.fixed(m.person.column(.betweenness)[v], digits: 4)))
      fields.append(("pagerank", customer ? "null" : Cell.fixed(m.person.column(.pagerank)[v], digits: 4)))
      fields.append(("degree", Cell.fixed(m.person.column(.degree)[v], digits: 0)))
      fields.append(("silent", m.silent[v] ? "true" : "false"))
      fields.append(("quadrant", jsonString(pi.quadrant[v]?.title ?? "")))
      // Everyone they have a tie with on the maps (the social view), so that a click lights them all up, also on
      // the org map, which draws only the reporting lines.
      let tied = g.social.out.neighbors(NodeIndex(v)).map(Int.init).filter { shown.contains($0) && $0 != v }
      fields.append(("ties", "[" + Set(tied).sorted().map(String.init).joined(separator: ",") + "]"))
      return "\"p\(v)\":{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }.joined(separator: ",")
    h += "}</script>\n<script>\n\(script)</script>\n</body>\n</html>\n"
    return h
  }

  /// Graphviz's SVG without the XML declaration, DOCTYPE and comments, ready to inline in HTML.
  static func inlineSVG(_ bytes: [UInt8]) -> String {
    func find(_ needle: String, from: Int) -> Int? {
      let n = Array(needle.utf8)
      guard bytes.count >= n.count else { return nil }
      var i = from
      while i + n.count <= bytes.count {
        if bytes[i..<i + n.count].elementsEqual(n) { return i }
        i += 1
      }
      return nil
    }
    guard var i = find("<svg", from: 0) else { return "" }
    var out: [UInt8] = []
    while let c = find("<!--", from: i) {
      out += bytes[i..<c]
      guard let e = find("-->", from: c + 4) else { i = bytes.count; break }
      i = e + 3
    }
    out += bytes[i...]
    return String(decoding: out, as: UTF8.self)
  }

  /// A JSON string literal that is also safe inside an HTML script element (`Escape.json`).
  static func jsonString(_ s: String) -> String { Escape.json(s) }

  /// A table cell: text, or a number shown with `digits` decimals and sorted by value.
  enum TableCell {
    case text(String)
    case value(Double, String)

    static func number(_ x: Double, digits: Int, blankIfZero: Bool = false) -> TableCell {
      if x.isNaN || (blankIfZero && x == 0) { return .value(-.infinity, "") }
      return .value(x, GraphFormats.Cell.fixed(x, digits: digits))
    }
    var isNumber: Bool { if case .value = self { true } else { false } }
    /// Blank for a negative number (a placeholder for "none").
    var blankIfNegative: TableCell { if case .value(let x, _) = self, x < 0 { return .value(-.infinity, "") }; return self }
    var text: String {
      switch self {
      case .text(let s): s
      case .value(_, let s): s
      }
    }
    var sortKey: String {
      if case .value(let x, _) = self { return x.isFinite ? GraphFormats.Cell.fixed(x, digits: 6) : "-1e300" }
      return ""
    }
  }

  static let css = """
    :root { --ink: #212121; --muted: #616161; --line: #E0E0E0; --accent: #08519C; --warn: #E66101; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1280px; padding: 24px 32px 64px; font: 15px/1.45 "Liberation Sans", Helvetica, Arial, sans-serif; color: var(--ink); }
    header h1 { margin: 0; font-size: 28px; } .sub { margin: 2px 0 0; color: var(--muted); }
    h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
    .card b { display: block; font-size: 24px; color: var(--accent); } .card span { color: var(--muted); font-size: 13px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
    .toolbar input { flex: 0 1 260px; padding: 6px 8px; border: 1px solid #BDBDBD; border-radius: 6px; font: inherit; }
    .toolbar button { padding: 6px 12px; border: 1px solid #BDBDBD; background: #FFF; border-radius: 6px; font: inherit; cursor: pointer; }
    .toolbar button.on { background: var(--accent); color: #FFF; border-color: var(--accent); }
    .hint { color: var(--muted); font-size: 13px; }
    .map { border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 80vh; background: #FFF; }
    .map svg { display: block; }
    .js .map { overflow: hidden; height: 78vh; cursor: grab; } .js .map svg { width: 100%; height: 100%; }
    .js .map.alt { display: none; } .js .map.alt.on { display: block; } .js .map.off { display: none; }
    .map g.node { cursor: pointer; }
    .map.focus g.node, .map.focus g.edge { opacity: 0.18; } .map.focus g.node.hit, .map.focus g.edge.hit { opacity: 1; }
    .map g.node.found polygon, .map g.node.found ellipse, .map g.node.found path { stroke: var(--warn); stroke-width: 5px; }
    .personcard { position: fixed; z-index: 10; max-width: 320px; background: #FFF; border: 1px solid #BDBDBD; border-radius: 8px;
                  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; font-size: 13px; pointer-events: none; }
    .personcard h3 { margin: 0 0 2px; font-size: 15px; } .personcard p { margin: 0 0 6px; color: var(--muted); }
    .personcard table { border-collapse: collapse; } .personcard td { padding: 1px 8px 1px 0; }
    .charts { display: flex; flex-wrap: wrap; gap: 16px; } .charts figure { margin: 0; max-width: 100%; overflow-x: auto; }
    .note { color: var(--muted); margin: 0 0 8px; } .empty { color: var(--muted); }
    table.sortable { border-collapse: collapse; width: 100%; font-size: 14px; }
    table.sortable th, table.sortable td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.sortable th { background: #F5F5F5; position: sticky; top: 0; } .js table.sortable th { cursor: pointer; user-select: none; }
    .js table.sortable th[aria-sort=ascending]::after { content: " ▲"; } .js table.sortable th[aria-sort=descending]::after { content: " ▼"; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    @media print {
      /* Every map whole, scaled to one page (the script shows each map's whole drawing before printing), both
         maps printed, no scrollbars, a page per section. */
      body { max-width: none; padding: 0; } .noprint, .personcard { display: none !important; }
      .map, .js .map { max-height: none; height: auto; overflow: visible; border: 0; cursor: auto; }
      .map svg, .js .map svg { width: 100%; height: auto; max-height: 24cm; }
      .js .map.alt, .js .map.off { display: block; }
      section { break-before: page; } section#summary { break-before: auto; }
      .map { break-inside: avoid; } .map + .map { break-before: page; }
      .charts figure { overflow: visible; break-inside: avoid; }
      table.sortable th { position: static; } table.sortable tr { break-inside: avoid; }
    }

    """

  static let script = """
    (function () {
      'use strict';
      document.documentElement.classList.add('js');
      var people = JSON.parse(document.getElementById('people-data').textContent);
      var card = document.getElementById('card');
      var views = { org: document.getElementById('map-org'), net: document.getElementById('map-net') };
      var current = 'org';

      // Pan and zoom by rewriting each map's viewBox.
      function setup(map) {
        var svg = map.querySelector('svg');
        if (!svg) return;
        var base = svg.viewBox.baseVal;
        var home = { x: base.x, y: base.y, w: base.width, h: base.height };
        svg.removeAttribute('width'); svg.removeAttribute('height');
        svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
        var box = { x: home.x, y: home.y, w: home.w, h: home.h };
        function apply() { svg.setAttribute('viewBox', box.x + ' ' + box.y + ' ' + box.w + ' ' + box.h); }
        map.fit = function () {
          // Fit the width, so a tall org chart opens readable at the top rather than as a thumbnail.
          var r = map.getBoundingClientRect();
          box.w = home.w; box.h = r.width > 0 ? home.w * r.height / r.width : home.h; box.x = home.x; box.y = home.y; apply();
        };
        // Printing shows the whole drawing; the screen view comes back after.
        window.addEventListener('beforeprint', function () {
          svg.setAttribute('viewBox', home.x + ' ' + home.y + ' ' + home.w + ' ' + home.h);
        });
        window.addEventListener('afterprint', function () { apply(); });
        map.zoom = function (f, cx, cy) {
          var r = svg.getBoundingClientRect();
          var px = cx === undefined ? 0.5 : (cx - r.left) / r.width, py = cy === undefined ? 0.5 : (cy - r.top) / r.height;
          var nw = box.w / f, nh = box.h / f;
          box.x += (box.w - nw) * px; box.y += (box.h - nh) * py; box.w = nw; box.h = nh; apply();
        };
        // The element's centre in the drawing's own coordinates: its box is in its group's, which Graphviz moves
        // (translate), so it is taken through the element's and the drawing's screen transforms.
        map.centreOf = function (el) {
          var b = el.getBBox();
          var m = svg.getScreenCTM().inverse().multiply(el.getScreenCTM());
          var p = svg.createSVGPoint(); p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
          return p.matrixTransform(m);
        };
        map.centre = function (el) {
          var c = map.centreOf(el);
          box.x = c.x - box.w / 2; box.y = c.y - box.h / 2; apply();
          // Where it landed on the screen, measured apart from the arithmetic above (check-report reads it).
          var r = el.getBoundingClientRect(), v = svg.getBoundingClientRect();
          var x = r.left + r.width / 2, y = r.top + r.height / 2;
          map.setAttribute('data-centred', v.width > 0 && x >= v.left && x <= v.right && y >= v.top && y <= v.bottom ? 'inside' : 'outside');
        };
        map.addEventListener('wheel', function (e) { e.preventDefault(); map.zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY); }, { passive: false });
        var drag = null;
        map.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY, bx: box.x, by: box.y, moved: false }; });
        window.addEventListener('pointermove', function (e) {
          if (!drag) return;
          var r = svg.getBoundingClientRect(), s = box.w / r.width;
          if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) drag.moved = true;
          box.x = drag.bx - (e.clientX - drag.x) * s; box.y = drag.by - (e.clientY - drag.y) * s; apply();
        });
        window.addEventListener('pointerup', function () { setTimeout(function () { drag = null; }, 0); });
        map.isDrag = function () { return drag && drag.moved; };

        // Cards on hover, ties on click.
        // A person is a box (id p12) and, on the org chart, its text lines (p12-0, p12-1…).
        map.querySelectorAll('g.node').forEach(function (n) {
          var id = n.id.split('-')[0], p = people[id];
          if (!p) return;
          n.querySelectorAll('title').forEach(function (t) { t.remove(); });
          n.querySelectorAll('a').forEach(function (a) { a.removeAttribute('xlink:title'); a.removeAttribute('title'); });
          n.addEventListener('mouseenter', function (e) { show(p, e); });
          n.addEventListener('mousemove', function (e) { place(e); });
          n.addEventListener('mouseleave', function () { card.hidden = true; });
          n.addEventListener('click', function (e) { if (!map.isDrag()) { e.preventDefault(); highlight(map, id); } });
        });
        map.addEventListener('click', function (e) { if (!e.target.closest('g.node') && !map.isDrag()) highlight(map, null); });
        map.fit();
      }

      function text(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
      function show(p, e) {
        var rows = [['Proximity', p.proximity], ['Role', p.role], ['Declared influence', p.influence === null ? '' : p.influence],
                    ['Structural influence', p.structural], ['Betweenness', p.betweenness], ['PageRank', p.pagerank],
                    ['Ties', p.degree], ['Quadrant', p.quadrant]];
        card.innerHTML = '<h3>' + text(p.name) + (p.silent ? ' ★' : '') + '</h3><p>' + text(p.title) +
          (p.department ? ' · ' + text(p.department) : '') + '</p>' + (p.silent ? '<p><b>Silent influencer</b></p>' : '') +
          '<table>' + rows.filter(function (r) { return r[1] !== '' && r[1] !== null; })
            .map(function (r) { return '<tr><td>' + r[0] + '</td><td><b>' + text(String(r[1])) + '</b></td></tr>'; }).join('') + '</table>';
        card.hidden = false; place(e);
      }
      function place(e) {
        var x = e.clientX + 16, y = e.clientY + 16;
        if (x + card.offsetWidth > window.innerWidth) x = e.clientX - card.offsetWidth - 16;
        if (y + card.offsetHeight > window.innerHeight) y = e.clientY - card.offsetHeight - 16;
        card.style.left = x + 'px'; card.style.top = y + 'px';
      }
      function highlight(map, id) {
        map.querySelectorAll('.hit').forEach(function (el) { el.classList.remove('hit'); });
        if (!id) { map.classList.remove('focus'); return; }
        var v = id.slice(1);
        map.classList.add('focus');
        function mark(w) { map.querySelectorAll('[id="p' + w + '"], [id^="p' + w + '-"]').forEach(function (n) { n.classList.add('hit'); }); }
        mark(v);
        (people[id] && people[id].ties || []).forEach(function (w) { mark(String(w)); });
        map.querySelectorAll('g.edge').forEach(function (e) {
          var ends = e.id.slice(1).split('-');
          if (ends[0] === v || ends[1] === v) {
            e.classList.add('hit');
            ends.forEach(mark);
          }
        });
      }

      Object.keys(views).forEach(function (k) { if (views[k]) setup(views[k]); });
      views.net.classList.add('alt');
      document.querySelectorAll('[data-view]').forEach(function (b) {
        b.addEventListener('click', function () {
          current = b.getAttribute('data-view');
          document.querySelectorAll('[data-view]').forEach(function (o) { o.classList.toggle('on', o === b); });
          views.org.classList.toggle('off', current !== 'org');
          views.net.classList.toggle('on', current === 'net');
          views[current].fit();
        });
      });
      document.querySelectorAll('[data-zoom]').forEach(function (b) {
        b.addEventListener('click', function () {
          var f = parseFloat(b.getAttribute('data-zoom'));
          if (f === 0) views[current].fit(); else views[current].zoom(f);
        });
      });
      var search = document.getElementById('search');
      search.addEventListener('change', find);
      search.addEventListener('keydown', function (e) { if (e.key === 'Enter') find(); });
      function find() {
        var q = search.value.trim().toLowerCase();
        var map = views[current];
        map.querySelectorAll('.found').forEach(function (n) { n.classList.remove('found'); });
        if (!q) return;
        var ids = Object.keys(people).filter(function (id) { return people[id].name.toLowerCase().indexOf(q) >= 0; });
        ids.forEach(function (id) { var n = map.querySelector('[id="' + id + '"]'); if (n) n.classList.add('found'); });
        var first = ids.length ? map.querySelector('[id="' + ids[0] + '"]') : null;
        if (first) { map.centre(first); highlight(map, ids[0]); }
      }
      // A link to a person: #find=NAME (and &view=net for the network map) opens the report on them.
      var wanted = /[#&]find=([^&]+)/.exec(location.hash), view = /[#&]view=(org|net)/.exec(location.hash);
      if (view) document.querySelector('[data-view="' + view[1] + '"]').click();
      if (wanted) { search.value = decodeURIComponent(wanted[1]); find(); }

      // Sortable tables: click a header; numbers sort by value, text alphabetically.
      document.querySelectorAll('table.sortable').forEach(function (table) {
        table.querySelectorAll('th').forEach(function (th, col) {
          th.addEventListener('click', function () {
            var asc = th.getAttribute('aria-sort') !== 'ascending';
            table.querySelectorAll('th').forEach(function (o) { o.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
            var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col], y = b.cells[col], r;
              if (x.hasAttribute('data-v')) r = parseFloat(x.getAttribute('data-v')) - parseFloat(y.getAttribute('data-v'));
              else r = x.textContent.localeCompare(y.textContent);
              return asc ? r : -r;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
      });
      // Reached only when everything above ran: `make check-report` looks for it.
      document.documentElement.setAttribute('data-ready', '1');
    })();

    """
}
