// End to end on datasets/sample. Expected counts are derived here from the CSV files with a plain split
// (the sample has no quoted fields, which the first test checks), independently of Tiemap's readers.
import Foundation
import Testing

struct SampleFiles {
  let contacts: [[String: String]]
  let ties: [[String: String]]
  let interactions: [[String: String]]

  static func rows(_ name: String) throws -> (header: [String], rows: [[String: String]], raw: String) {
    let text = try String(contentsOf: CLI.root.appendingPathComponent("datasets/sample/\(name)"), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let rows = lines.map { line -> [String: String] in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      precondition(f.count == header.count, "sample row with quoted commas: \(line)")
      return Dictionary(uniqueKeysWithValues: zip(header, f))
    }
    return (header, rows, text)
  }

  init() throws {
    contacts = try Self.rows("contacts.csv").rows
    ties = try Self.rows("ties.csv").rows
    interactions = try Self.rows("interactions.csv").rows
  }

  static let args = ["info", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                     "--interactions", "datasets/sample/interactions.csv"]
}

@Suite struct SampleAccountTests {
  @Test func sampleIsLargeEnoughAndUnquoted() throws {
    for f in ["contacts.csv", "ties.csv", "interactions.csv"] {
      #expect(!(try SampleFiles.rows(f).raw.contains("\"")), "\(f) has quoted fields")
    }
    let s = try SampleFiles()
    let customers = s.contacts.filter { $0["internal"] != "true" }
    #expect(customers.count >= 140)
    #expect(Set(customers.compactMap { $0["department"] }).count >= 5)
    #expect(Set(customers.compactMap { $0["role"] }) == ["decision_maker", "influencer", "end_user", "gatekeeper", "technical_expert"])
    #expect(Set(customers.compactMap { $0["proximity"] }).isSuperset(of: ["P1", "P2", "P3", "P4"]))
    #expect((4...8).contains(s.contacts.count - customers.count))
    #expect(Set(s.ties.map { $0["kind"]! }).isSuperset(of: ["reports_to", "advice", "friendship", "collaboration", "relationship"]))
    let dates = s.interactions.map { $0["date"]! }.sorted()
    #expect(dates.first! <= "2025-06-01" && dates.last! >= "2026-09-01")   // 12–24 months of history
  }

  @Test func infoJSONMatchesTheFiles() throws {
    let s = try SampleFiles()
    let r = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(json["people"] as? Int == s.contacts.count)
    #expect(json["internal"] as? Int == s.contacts.filter { $0["internal"] == "true" }.count)
    // Reports-to ties: rows of ties.csv, plus contacts whose reports_to pair is not among them.
    let declared = Set(s.ties.filter { $0["kind"] == "reports_to" }.map { "\($0["source"]!)>\($0["target"]!)" })
    let derived = s.contacts.filter { !($0["reports_to"] ?? "").isEmpty && !declared.contains("\($0["id"]!)>\($0["reports_to"]!)") }.count
    let ties = json["ties"] as! [String: Any]
    #expect(ties["total"] as? Int == s.ties.count + derived)
    let byKind = Dictionary(uniqueKeysWithValues: (ties["by_kind"] as! [[String: Any]]).map { ($0["kind"] as! String, $0["ties"] as! Int) })
    var expectedKinds = Dictionary(grouping: s.ties, by: { $0["kind"]! }).mapValues(\.count)
    expectedKinds["reports_to", default: 0] += derived
    #expect(byKind == expectedKinds)
    let accounts = json["accounts"] as! [[String: Any]]
    let perAccount = Dictionary(grouping: s.contacts.filter { $0["internal"] != "true" }, by: { $0["account"]! }).mapValues(\.count)
    #expect(Dictionary(uniqueKeysWithValues: accounts.map { ($0["name"] as! String, $0["people"] as! Int) }) == perAccount)
    let roots = json["reports_to_roots"] as! [[String: Any]]
    let managers = Set(s.contacts.compactMap { $0["reports_to"] }.filter { !$0.isEmpty })
    let expectedRoots = s.contacts.filter { ($0["reports_to"] ?? "").isEmpty && managers.contains($0["id"]!) }.map { $0["id"]! }
    #expect(roots.map { $0["id"] as! String } == expectedRoots)
    let history = json["interactions"] as! [String: Any]
    #expect(history["total"] as? Int == s.interactions.count)
    #expect(history["first"] as? String == s.interactions.map { $0["date"]! }.min())
    // Distinct unordered pairs over all kinds: the social view.
    var pairs = Set<String>()
    for t in s.ties where t["source"] != t["target"] { pairs.insert([t["source"]!, t["target"]!].sorted().joined(separator: "|")) }
    for c in s.contacts where !(c["reports_to"] ?? "").isEmpty { pairs.insert([c["id"]!, c["reports_to"]!].sorted().joined(separator: "|")) }
    #expect(json["social_pairs"] as? Int == pairs.count)
    let n = Double(s.contacts.count)
    #expect(abs((json["density"] as! Double) - Double(pairs.count) / (n * (n - 1) / 2)) < 1e-12)
  }

  // info's modularity is that of the partition `tiemap metrics` writes (same search, same seed): recomputed
  // here from the community column by Newman's formula over the social pairs.
  @Test func infoModularityIsThatOfTheMetricsCommunities() throws {
    let info = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    let c = (try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any])["communities"] as! [String: Any]
    let metrics = try CLI.run(["metrics"] + SampleFiles.args.dropFirst() + ["--measures", "community", "--format", "csv"], cwd: CLI.root)
    let community = Dictionary(uniqueKeysWithValues: metrics.stdout.split(separator: "\n").dropFirst().map {
      let f = $0.split(separator: ","); return (String(f[0]), String(f[1]))
    })
    #expect(Set(community.values).count == c["count"] as? Int)
    let s = try SampleFiles()
    var pairs = Set<[String]>()
    for t in s.ties where t["source"] != t["target"] { pairs.insert([t["source"]!, t["target"]!].sorted()) }
    for p in s.contacts where !(p["reports_to"] ?? "").isEmpty { pairs.insert([p["id"]!, p["reports_to"]!].sorted()) }
    var degree: [String: Double] = [:]
    var inside = 0.0
    for p in pairs {
      degree[p[0], default: 0] += 1; degree[p[1], default: 0] += 1
      if community[p[0]] == community[p[1]] { inside += 1 }
    }
    let m = Double(pairs.count)
    var byCommunity: [String: Double] = [:]
    for (id, k) in degree { byCommunity[community[id]!, default: 0] += k }
    let q = inside / m - byCommunity.values.reduce(0) { $0 + ($1 / (2 * m)) * ($1 / (2 * m)) }
    #expect(abs((c["modularity"] as! Double) - q) < 1e-9)
    #expect(q > 0.4)
  }

  @Test func infoTableAndCSV() throws {
    let s = try SampleFiles()
    let table = try CLI.run(SampleFiles.args + ["--format", "table"], cwd: CLI.root)
    #expect(table.status == 0)
    let internalCount = s.contacts.filter { $0["internal"] == "true" }.count
    #expect(table.stdout.contains("People      \(s.contacts.count) (\(internalCount) members of our team)\n"))
    #expect(table.stdout.contains("Northwind Logistics"))
    let csv = try CLI.run(SampleFiles.args + ["--format", "csv"], cwd: CLI.root)
    #expect(csv.stdout.hasPrefix("section,key,value\npeople,total,\(s.contacts.count)\npeople,internal,\(internalCount)\n"))
  }

  @Test func outputFileIsWrittenAtomicallyAndMatchesStdout() throws {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir
    let path = dir.appendingPathComponent("summary.json").path
    let toFile = try CLI.run(SampleFiles.args + ["-o", path], cwd: CLI.root)
    #expect(toFile.status == 0 && toFile.stdout == "")
    let toStdout = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == toStdout.stdout)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["summary.json"])
    let bad = try CLI.run(SampleFiles.args + ["-o", dir.appendingPathComponent("no/such/dir.json").path], cwd: CLI.root)
    #expect(bad.status == 1)
    #expect(bad.stderr.hasSuffix("no/such/dir.json: cannot write: No such file or directory\n"))
  }

  @Test func sameInputSameBytes() throws {
    let a = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    let b = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
  }

  // --help lists exactly the subcommands that exist; none of DESIGN.md's later commands before they work.
  @Test func helpListsOnlyWorkingSubcommands() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    let section = r.stdout.components(separatedBy: "SUBCOMMANDS:")[1].components(separatedBy: "\n  See ")[0]
    let listed = section.split(separator: "\n").compactMap { line -> String? in
      let t = line.drop(while: { $0 == " " })
      guard line.hasPrefix("  "), !line.hasPrefix("    "), let w = t.split(separator: " ").first else { return nil }
      return String(w)
    }
    #expect(listed == ["info", "metrics", "ties", "brokers", "path", "reach", "referrals", "account", "trust", "patterns", "risk", "diff", "score", "map", "report", "convert", "import", "history", "alerts"])
  }
}
