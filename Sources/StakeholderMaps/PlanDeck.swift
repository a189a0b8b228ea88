import GraphFormats
import NetworkAnalysis
import SocialGraph

/// The account plan as a deck (`tiemap report -o plan.pptx`): what a strategist takes to the meeting, in the
/// findings of the HTML report, on 16:9 slides.
///
/// 1. **The account**: the key figures as a native table — contacts and departments, coverage at P1–P2, the
///    decision circuit held, silent influencers, relationships at risk, our team (by name), the date of the latest
///    interaction.
/// 2. **The organisation**: the org map's slide pages (`PageFit.map`, by department when one slide does not hold it).
/// 3. **Coverage**: the three charts (proximity, proximity × influence, power/interest), one a slide.
/// 4. **Next relationships to build** and **coverage gaps**: native tables of the report's rows in plain words
///    (roles as words, the introduction to ask for), twelve rows a slide.
/// - Complexity: that of the report's analysis and of the maps' layout.
public enum PlanDeck {
  /// Rows of a native table on one slide.
  public static let rowsPerSlide = 12

  public static func slides(graph g: SocialGraph, interactions: [Interaction], surveys: [SurveyResponse] = [],
                            referrals: [Referral] = [], account: String?,
                            options: AccountFindingsOptions = AccountFindingsOptions()) throws -> [PPTXWriter.Slide] {
    let (m, _, grid, f) = try HTMLReport.analysed(graph: g, interactions: interactions, surveys: surveys, referrals: referrals,
                                                  account: account, options: options)
    let name = account ?? Chart.accountName(g)
    var slides: [PPTXWriter.Slide] = []

    // 1. The account.
    let team = g.people.filter(\.isInternal).map(\.displayName).sorted()
    var figures: [[String]] = [["", name]]
    figures.append(["Contacts", "\(count(f.contacts.count, "contact")) in \(count(f.departments, "department"))"])
    figures.append(["Held at P1–P2", "\(count(f.covered, "contact")) (\(Chart.percent(f.covered, f.contacts.count)))"])
    figures.append(["Decision makers and influencers held", "\(f.decisionCircuitCovered) of \(f.decisionCircuit)"])
    figures.append(["Silent influencers", "\(f.silentInfluencers.count)"])
    if f.trustAssessed > 0 { figures.append(["Relationships at risk", "\(f.atRisk.count)"]) }
    figures.append(["Our team", team.prefix(8).joined(separator: ", ") + (team.count > 8 ? ", and \(team.count - 8) more" : "")])
    if let last = interactions.map(\.date).max() { figures.append(["Latest interaction", last.description]) }
    slides.append(PPTXWriter.Slide(title: "\(name): account plan", table: figures, tableTextSize: 16))

    // 2. The organisation.
    var o = MapOptions()
    o.account = account
    o.layout = .org
    for page in try PageFit.map(graph: g, measures: m, options: o, target: .slide, byDepartment: true) {
      slides.append(try picture(page))
    }

    // 3. Coverage.
    let chartTitles: [Chart: String] = [.proximity: "Where we stand: contacts by proximity (P1–P4)",
                                        .matrix: "Proximity × influence: the gaps to close",
                                        .grid: "Power and interest: how to engage each contact"]
    for chart in Chart.allCases {
      slides.append(try picture(try chart.page(graph: g, measures: m, account: account, title: chartTitles[chart], target: .slide)))
    }

    // 4. What to do next.
    func role(_ v: Int) -> String { g.people[v].role.map { $0.label.prefix(1).uppercased() + $0.label.dropFirst() } ?? "" }
    func proximity(_ v: Int) -> String { m.evidence.proximity[v]?.label ?? "not assessed" }
    func names(_ path: IntroductionPath?) -> String {
      path.map { $0.people.map { g.people[Int($0)].displayName }.joined(separator: " → ") } ?? "no path from our team yet"
    }
    let next = f.recommendations.map { r -> [String] in
      let v = Int(r.person)
      return [g.people[v].displayName, g.people[v].title ?? "", role(v), proximity(v), r.reasons.joined(separator: "; "), names(r.path)]
    }
    slides += tables("Next relationships to build", ["Name", "Title", "Role", "Proximity", "Why", "Introduction to ask for"], next)
    let gaps = f.coverageGaps.map(Int.init).map { v -> [String] in
      [g.people[v].displayName, g.people[v].title ?? "", role(v), proximity(v), grid.quadrant[v]?.title ?? "",
       g.people[v].role?.engagementStrategy ?? ""]
    }
    slides += tables("Coverage gaps", ["Name", "Title", "Role", "Proximity", "Quadrant", "What they need"], gaps)
    return slides
  }

  /// A fitted page as a slide: its title as text, the page (less that title) as the picture.
  public static func picture(_ page: FittedPage) throws -> PPTXWriter.Slide {
    let svg = Array(page.svgWithoutTitle.utf8)
    return PPTXWriter.Slide(title: page.title, picture: PPTXWriter.Picture(png: try PDFPages.png(svg, pixelsPerPoint: 2), svg: svg,
                                                                            width: page.width, height: page.height))
  }

  /// A table over as many slides as it needs (`rowsPerSlide` rows each, the header on every one); one slide
  /// saying "None." when it has no row.
  static func tables(_ title: String, _ header: [String], _ rows: [[String]]) -> [PPTXWriter.Slide] {
    guard !rows.isEmpty else { return [PPTXWriter.Slide(title: title, table: [["None."]])] }
    let parts = stride(from: 0, to: rows.count, by: rowsPerSlide).map { Array(rows[$0..<min($0 + rowsPerSlide, rows.count)]) }
    return parts.enumerated().map { k, part in
      PPTXWriter.Slide(title: parts.count == 1 ? title : "\(title) · \(k + 1) of \(parts.count)", table: [header] + part)
    }
  }

  /// `1 contact`, `12 contacts`.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
