// Real data at the door, through the command: a Windows-1252 or UTF-16 export gives the same JSON as its iconv
// copy (with one warning saying how it was read); workbooks are read as their CSV copies; classic network files
// convert to what NetworkX reads.
import Foundation
import Testing

@Suite struct DoorCLITests {
  static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures")

  /// `iconv -f FROM -t UTF-8 file > out`.
  static func iconv(_ from: String, _ file: URL, to out: URL) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", from, "-t", "UTF-8", file.path]
    FileManager.default.createFile(atPath: out.path, contents: nil)
    p.standardOutput = try FileHandle(forWritingTo: out)
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "iconv failed")
  }

  @Test(arguments: [("Contact-latin1.csv", "WINDOWS-1252", "not UTF-8 (line 2 is the first that is not): read as Windows-1252; pass --encoding to choose another"),
                    ("Contact-utf16.csv", "UTF-16", "read as UTF-16 (little-endian) (byte-order mark)")])
  func anEncodedExportConvertsAsItsIconvCopy(_ file: String, _ from: String, _ warning: String) throws {
    let ws = Workspace(files: [:])
    let original = Self.fixtures.appendingPathComponent("crm/salesforce/\(file)")
    let copy = ws.dir.appendingPathComponent("Contact-iconv.csv")
    try Self.iconv(from, original, to: copy)
    let a = try CLI.run(["convert", "--contacts", original.path, "--preset", "salesforce", "-o", ws.dir.appendingPathComponent("a.json").path])
    let b = try CLI.run(["convert", "--contacts", copy.path, "--preset", "salesforce", "-o", ws.dir.appendingPathComponent("b.json").path])
    #expect(a.status == 0 && b.status == 0)
    let ja = try Data(contentsOf: ws.dir.appendingPathComponent("a.json")), jb = try Data(contentsOf: ws.dir.appendingPathComponent("b.json"))
    #expect(ja == jb, "the same JSON, byte for byte")
    #expect(String(decoding: ja, as: UTF8.self).contains("Dana Ortíz"))
    #expect(a.stderr.contains("warning: \(original.path): \(warning)\n"))
    #expect(!b.stderr.contains("read as"))
    // Forced to UTF-8, the Windows-1252 file is refused at its first bad line.
    if from == "WINDOWS-1252" {
      let forced = try CLI.run(["info", "--contacts", original.path, "--preset", "salesforce", "--encoding", "utf-8"])
      #expect(forced.status == 1 && forced.stderr.contains(":2: invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)"))
    }
  }

  @Test func workbooksReadAsTheirCSVCopies() throws {
    let x = Self.fixtures.appendingPathComponent("xlsx"), s = CLI.root.appendingPathComponent("datasets/sample")
    let fromXLSX = try CLI.run(["account", "--contacts", x.appendingPathComponent("contacts.xlsx").path, "--ties", x.appendingPathComponent("ties.xlsx").path,
                                "--interactions", x.appendingPathComponent("interactions.xlsx").path, "--sheet", "History", "--format", "csv"])
    let fromCSV = try CLI.run(["account", "--contacts", s.appendingPathComponent("contacts.csv").path, "--ties", s.appendingPathComponent("ties.csv").path,
                               "--interactions", s.appendingPathComponent("interactions.csv").path, "--format", "csv"])
    #expect(fromXLSX.status == 0 && fromCSV.status == 0)
    #expect(fromXLSX.stdout == fromCSV.stdout && !fromXLSX.stdout.isEmpty)
    let wrong = try CLI.run(["info", "--interactions", x.appendingPathComponent("interactions.xlsx").path])
    #expect(wrong.status == 1 && wrong.stderr.contains("read sheet \"About\" (1 of 2: \"About\", \"History\"); choose another with --sheet"))
  }
}

/// Batch runs that explain themselves: a bad row of our team no longer takes its contacts with it; the rejects
/// summary groups causes and says what depended on them; every run ends with one summary line; --columns and the
/// strategy codes; --rejects on the other commands.
@Suite struct BatchRunCLITests {
  static let sample = CLI.root.appendingPathComponent("datasets/sample")

  /// The sample with two of our team's rows given a bad influence value.
  static func badTeam(_ ws: Workspace) throws -> URL {
    let text = try String(contentsOf: sample.appendingPathComponent("contacts.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for k in [1, 2] {   // T01 and T02: "…,,,,,,,true,…" → influence "high"
      var f = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      f[8] = "high"
      lines[k] = f.joined(separator: ",")
    }
    let url = ws.dir.appendingPathComponent("contacts.csv")
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func aBadTeamRowNoLongerTakesItsContactsWithIt() throws {
    let ws = Workspace(files: [:])
    let contacts = try Self.badTeam(ws)
    let rejects = ws.dir.appendingPathComponent("rejects.csv"), out = ws.dir.appendingPathComponent("scored.csv")
    let r = try CLI.run(["score", "--contacts", contacts.path, "--ties", Self.sample.appendingPathComponent("ties.csv").path,
                         "--interactions", Self.sample.appendingPathComponent("interactions.csv").path, "--as-of", "2026-10-31",
                         "--rejects", rejects.path, "-o", out.path])
    #expect(r.status == 3)
    let rows = csvDicts(try String(contentsOf: out, encoding: .utf8))
    #expect(rows.count == 145, "every customer contact is scored")
    let owned = Set(csvDicts(try String(contentsOf: contacts, encoding: .utf8)).filter { $0["owner"] == "T01" || $0["owner"] == "T02" }.map { $0["id"]! })
    #expect(!owned.isEmpty)
    #expect(Set(rows.filter { $0["input_flags"] == "owner_rejected" }.map { $0["id"]! }) == owned)
    #expect(rows.filter { !owned.contains($0["id"]!) }.allSatisfy { $0["input_flags"] == "" })
    let rejected = csvDicts(try String(contentsOf: rejects, encoding: .utf8))
    #expect(rejected.filter { $0["file"] == contacts.path }.map { $0["line"]! } == ["2", "3"])
    let ties = rejected.filter { $0["file"]!.hasSuffix("ties.csv") }
    #expect(!ties.isEmpty && ties.allSatisfy { $0["reason"]!.contains("was rejected (\(contacts.path):") })
    #expect(!rejected.contains { $0["file"]!.hasSuffix("interactions.csv") }, "their interactions are kept without them")
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("warning: \(rejected.count) rows rejected, written to \(rejects.path):"))
    #expect(lines.contains("warning:   \(contacts.path): 2 rows: influence \"…\" must be a whole number from 1 to 5 (first: line 2)"))
    #expect(lines.contains { $0.hasPrefix("warning:   \(Self.sample.appendingPathComponent("ties.csv").path): \(ties.count) rows name a rejected row (first: line ") })
    #expect(lines.contains("warning: \(owned.count) contacts of 1 account kept without their owner (a rejected row): flagged owner_rejected in input_flags"))
    #expect(lines.contains { $0.hasSuffix("interactions kept without their team member (a rejected row)") })
    #expect(lines.last?.hasPrefix("score: 145 contacts of 1 account scored, \(rejected.count) rows rejected, in ") == true)
  }

  @Test func summaryLineColumnsAndStrategyCodes() throws {
    let base = ["score", "--contacts", Self.sample.appendingPathComponent("contacts.csv").path,
                "--ties", Self.sample.appendingPathComponent("ties.csv").path, "--as-of", "2026-10-31"]
    let plain = try CLI.run(base)
    #expect(plain.status == 0)
    #expect(plain.stderr.hasPrefix("score: 145 contacts of 1 account scored, in ") && plain.stderr.hasSuffix(" s\n"))
    let quiet = try CLI.run(base + ["--quiet"])
    #expect(quiet.stderr.isEmpty && quiet.stdout == plain.stdout)
    let rows = csvDicts(plain.stdout)
    let codes = ["manage_closely": "engage_fully", "keep_satisfied": "meet_needs", "keep_informed": "inform_and_enlist", "monitor": "light_touch"]
    #expect(rows.allSatisfy { ($0["quadrant"]!.isEmpty && $0["strategy"]!.isEmpty) || codes[$0["quadrant"]!] == $0["strategy"] })
    #expect(Set(rows.map { $0["strategy"]! }).count >= 3)
    let chosen = try CLI.run(base + ["--columns", "id,strategy,risk", "--quiet"])
    let picked = csvRecords(chosen.stdout)
    #expect(picked[0] == ["id", "strategy", "risk"])
    #expect(picked.dropFirst().map { $0 } == rows.map { [$0["id"]!, $0["strategy"]!, $0["risk"]!] })
    let jsonl = try CLI.run(base + ["--columns", "risk,id", "--format", "jsonl", "--quiet"])
    #expect(jsonl.stdout.split(separator: "\n").first?.hasPrefix("{\"risk\":") == true)
    let wrong = try CLI.run(base + ["--columns", "id,colour"])
    #expect(wrong.status == 1 && wrong.stderr.contains("--columns: \"colour\" is not a score column"))
  }

  @Test func rejectsOnTheOtherCommands() throws {
    let ws = Workspace(files: [:])
    let contacts = try Self.badTeam(ws)
    let rejects = ws.dir.appendingPathComponent("rejects.csv")
    for command in [["account"], ["metrics"], ["trust"], ["info"]] {
      let r = try CLI.run(command + ["--contacts", contacts.path, "--ties", Self.sample.appendingPathComponent("ties.csv").path,
                                     "--interactions", Self.sample.appendingPathComponent("interactions.csv").path,
                                     "--rejects", rejects.path, "--format", "csv"])
      #expect(r.status == 3, "\(command): \(r.stderr)")
      #expect(!r.stdout.isEmpty, "\(command) wrote its output")
      let rejected = csvDicts(try String(contentsOf: rejects, encoding: .utf8))
      #expect(rejected.prefix(2).map { $0["line"]! } == ["2", "3"], "\(command)")
      #expect(r.stderr.contains("warning:   \(contacts.path): 2 rows: influence \"…\" must be a whole number from 1 to 5 (first: line 2)"))
    }
    // Without bad rows: the rejects file holds its header only, and the status is 0.
    let clean = try CLI.run(["info", "--contacts", Self.sample.appendingPathComponent("contacts.csv").path, "--rejects", rejects.path])
    let header = try String(contentsOf: rejects, encoding: .utf8)
    #expect(clean.status == 0 && header == "file,line,account,id,reason\n")
    let graph = try CLI.run(["info", "--graph", Self.sample.appendingPathComponent("ties.csv").path, "--rejects", rejects.path])
    #expect(graph.status == 1 && graph.stderr.contains("--rejects logs the bad rows of --contacts"))
  }
}
