// One truth for proximity: `account`'s counts (declared, else derived from our team's ties and the history) are
// the counts of the proximity chart, the proximity × influence matrix, the org map's badges and the report, on
// the sample — which has contacts whose proximity is derived, so a chart counting declared levels only fails.
import Foundation
import Testing

@Suite struct ProximityConsistencyTests {
  static let input = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                      "--interactions", "datasets/sample/interactions.csv"]
  static let levels = ["P1", "P2", "P3", "P4", "unknown"]

  static func matches(_ pattern: String, in text: String) throws -> [[String]] {
    let re = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
      (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
  }

  @Test func everyOutputCountsProximityAsTheAccountDoes() throws {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir
    defer { try? FileManager.default.removeItem(at: dir) }
    func out(_ f: String) -> String { dir.appendingPathComponent(f).path }
    func run(_ args: [String]) throws -> String {
      let r = try CLI.run(args, cwd: CLI.root)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      return r.stdout
    }

    // account: the reference.
    let json = try JSONSerialization.jsonObject(with: Data(try run(["account"] + Self.input + ["--format", "json"]).utf8)) as! [String: Any]
    let account = (json["accounts"] as! [[String: Any]])[0]
    let counts = account["proximity_counts"] as! [String: Int]
    let expected = Self.levels.map { counts[$0]! }
    let derived = (json["derived_proximity"] as! [Any]).count
    #expect(derived > 0)   // the sample exercises derived proximity

    // The proximity chart: one bar label per level, "83 (5 derived)".
    _ = try run(["map"] + Self.input + ["--chart", "proximity", "-o", out("p.svg")])
    let bars = try Self.matches(##"font-size="13\.0" font-weight="bold" text-anchor="middle" fill="#212121">(\d+)( \((\d+) derived\))?<"##,
                                in: String(contentsOfFile: out("p.svg"), encoding: .utf8))
    #expect(bars.map { Int($0[0])! } == expected)
    #expect(bars.compactMap { Int($0[2]) }.reduce(0, +) == derived)

    // The matrix: its cells, summed per proximity row.
    _ = try run(["map"] + Self.input + ["--chart", "matrix", "-o", out("m.svg")])
    let cells = try Self.matches(#"<title>(P[1-4]|Unknown), influence [^:]+: (\d+) contacts"#,
                                 in: String(contentsOfFile: out("m.svg"), encoding: .utf8))
    let rows = ["P1", "P2", "P3", "P4", "Unknown"].map { level in cells.filter { $0[0] == level }.reduce(0) { $0 + Int($1[1])! } }
    #expect(rows == expected)

    // The org map: one badge per contact, derived ones marked as derived.
    _ = try run(["map"] + Self.input + ["-o", out("org.svg")])
    let badges = try Self.matches(#">(P[1-4]|P unknown)( derived)?(?: · [^<]*)?</text>"#,
                                  in: String(contentsOfFile: out("org.svg"), encoding: .utf8))
    let perLevel = ["P1", "P2", "P3", "P4", "P unknown"].map { l in badges.filter { $0[0] == l }.count }
    #expect(perLevel == expected)
    #expect(badges.filter { $0[1] == " derived" }.count == derived)

    // The report: the people it lists, and the charts it holds.
    _ = try run(["report"] + Self.input + ["-o", out("r.html")])
    let html = try String(contentsOfFile: out("r.html"), encoding: .utf8)
    let people = try Self.matches(#""proximity":"(P[1-4]|unknown)( \(derived\))?""#, in: html)
    #expect(Self.levels.map { l in people.filter { $0[0] == l }.count } == expected)
    let chart = try #require(html.range(of: "Proximity distribution").map { start in
      String(html[start.lowerBound..<html[start.lowerBound...].range(of: "</svg>")!.lowerBound])
    })
    let reportBars = try Self.matches(##"font-size="13\.0" font-weight="bold" text-anchor="middle" fill="#212121">(\d+)( \((\d+) derived\))?<"##, in: chart)
    #expect(reportBars.map { Int($0[0])! } == expected)
  }
}
