import Foundation
import Testing

/// What a user notices before any number (issue 15, point 11): a misspelt command, names typed loosely, an
/// `-o` extension that disagrees with the format, options a command does not use, plurals, defaults in --help.
@Suite struct MannersTests {
  static let sample = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv"]

  @Test func misspeltCommandGetsASuggestion() throws {
    for (typed, meant) in [("mtrics", "metrics"), ("rep", "report"), ("Tie", "ties"), ("scroe", "score")] {
      let r = try CLI.run([typed], cwd: CLI.root)
      #expect(r.status == 1 && r.stderr.hasPrefix("error: '\(typed)' is not a tiemap command. Did you mean '\(meant)'?\n"), "\(typed): \(r.stderr)")
    }
    let none = try CLI.run(["xyzzy"], cwd: CLI.root)
    #expect(none.status == 1 && !none.stderr.contains("Did you mean") && none.stderr.contains("Commands: info, metrics"))
  }

  @Test func accountAndPeopleByLooserNames() throws {
    let exact = try CLI.run(["account"] + Self.sample + ["--account", "Northwind Logistics", "--format", "csv"], cwd: CLI.root)
    let loose = try CLI.run(["account"] + Self.sample + ["--account", "NORTHWIND logistics", "--format", "csv"], cwd: CLI.root)
    #expect(exact.status == 0 && loose.stdout == exact.stdout)
    let missing = try CLI.run(["account"] + Self.sample + ["--account", "Southwind"], cwd: CLI.root)
    #expect(missing.status == 1 && missing.stderr.contains("no contact in account 'Southwind'. Accounts here: Northwind Logistics."))
    // NL-053's name, as the contacts file spells it, in another case: the same paths as by id.
    let contacts = try String(contentsOfFile: CLI.root.appendingPathComponent("datasets/sample/contacts.csv").path, encoding: .utf8)
    let row = try #require(contacts.split(separator: "\n").first { $0.hasPrefix("NL-053,") })
    let name = String(row.split(separator: ",")[1])
    let byID = try CLI.run(["path"] + Self.sample + ["--to", "NL-053", "--format", "csv"], cwd: CLI.root)
    let byName = try CLI.run(["path"] + Self.sample + ["--to", name.uppercased(), "--format", "csv"], cwd: CLI.root)
    #expect(byID.status == 0 && byName.stdout == byID.stdout && byID.stdout.contains("NL-053"))
    let nobody = try CLI.run(["path"] + Self.sample + ["--to", "Nobody Here"], cwd: CLI.root)
    #expect(nobody.status == 1 && nobody.stderr.contains("--to: no person with id or name 'Nobody Here'."))
  }

  @Test func outputExtensionMustMatchTheFormat() throws {
    let ws = Workspace(files: [:])
    let docx = try CLI.run(["info"] + Self.sample + ["-o", ws.dir.appendingPathComponent("x.docx").path], cwd: CLI.root)
    #expect(docx.status == 1 && docx.stderr.contains("tables are written as .csv, .xlsx (an Excel workbook), .json or .txt"))
    let clash = try CLI.run(["info"] + Self.sample + ["-o", ws.dir.appendingPathComponent("x.JSON").path, "--format", "csv"], cwd: CLI.root)
    #expect(clash.status == 1 && clash.stderr.contains("asks for json but --format is csv"))
    let upper = ws.dir.appendingPathComponent("x.JSON").path
    let ok = try CLI.run(["info"] + Self.sample + ["-o", upper], cwd: CLI.root)
    let written = try String(contentsOfFile: upper, encoding: .utf8)
    #expect(ok.status == 0 && written.hasPrefix("{"))
    #expect(try CLI.run(["info"] + Self.sample + ["-o", "/dev/null", "--format", "csv"], cwd: CLI.root).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: ws.dir.path) == ["x.JSON"])
  }

  @Test func optionsACommandDoesNotUse() throws {
    let info = try CLI.run(["info", "--help"], cwd: CLI.root)
    #expect(!info.stdout.contains("--surveys") && !info.stdout.contains("--referrals"))
    let report = try CLI.run(["report", "--help"], cwd: CLI.root)
    #expect(report.stdout.contains("--surveys") && report.stdout.contains("--referrals"))
    let refused = try CLI.run(["info"] + Self.sample + ["--surveys", "datasets/sample/surveys.csv"], cwd: CLI.root)
    #expect(refused.status == 1 && refused.stderr.contains("--surveys"))
    let metrics = try CLI.run(["metrics"] + Self.sample + ["--interactions", "datasets/sample/interactions.csv", "--measures", "degree"], cwd: CLI.root)
    #expect(metrics.status == 0 && metrics.stderr.contains("metrics does not use the contact history"))
    let reach = try CLI.run(["reach", "--help"], cwd: CLI.root)
    #expect(reach.stdout.contains("(default: tie)") && !reach.stdout.contains("ProbabilityOption"))
  }

  // One tie: "1 input tie → 1 connected pair".
  @Test func plurals() throws {
    let ws = Workspace(files: ["g.txt": Array("a b\n".utf8)])
    let r = try CLI.run(["info", "--graph", "g.txt", "--format", "table", "--no-communities"], cwd: ws.dir)
    #expect(r.stdout.contains("1 input tie → 1 connected pair,"))
    #expect(r.stdout.contains("largest 2 people"))
  }
}
