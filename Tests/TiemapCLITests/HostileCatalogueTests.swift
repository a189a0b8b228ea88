import Foundation
import Testing

/// One case of the hostile-input catalogue (Tests/Fixtures/hostile/catalogue.txt, whose header gives the format).
struct HostileCase: CustomTestStringConvertible, Sendable {
  var id: String
  var command: String
  var expect: String
  var testDescription: String { id }

  static let folder = CLI.root.appendingPathComponent("Tests/Fixtures/hostile")

  /// The cases and the generated files (name, kind, size), in file order.
  static let catalogue: (cases: [HostileCase], generated: [(String, String, Int)]) = {
    let text = try! String(contentsOf: folder.appendingPathComponent("catalogue.txt"), encoding: .utf8)
    var cases: [HostileCase] = [], generated: [(String, String, Int)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
      if line.hasPrefix("gen ") {
        let parts = line.dropFirst(4).components(separatedBy: " = ")
        let spec = parts[1].split(separator: " ")
        generated.append((parts[0], String(spec[0]), Int(spec[1])!))
        continue
      }
      let fields = line.components(separatedBy: " | ")
      precondition(fields.count >= 4, "catalogue line is not ID | CLASS | COMMAND | EXPECT: \(line)")
      cases.append(HostileCase(id: fields[0], command: fields[2], expect: fields[3...].joined(separator: " | ")))
    }
    return (cases, generated)
  }()

  /// The large inputs, written once per test run into one folder that every case links to.
  static let generatedFolder: URL = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tiemap-hostile-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, kind, n) in catalogue.generated {
      precondition(FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(generate(kind, n).utf8)))
    }
    return dir
  }()

  static func generate(_ kind: String, _ n: Int) -> String {
    switch kind {
    case "star": return (1...n).map { "0 \($0)\n" }.joined()
    case "chain":
      return "id,name,account,reports_to\n" + (0..<n).map { "c\($0),Person \($0),Acme,\($0 == 0 ? "" : "c\($0 - 1)")\n" }.joined()
    case "flat":
      return "id,name,account,internal,owner\nT1,Rep,,true,\n" + (0..<n).map { "c\($0),C \($0),Acme,,\($0 % 10 == 0 ? "T1" : "")\n" }.joined()
    case "starties": return "source,target\n" + (1..<n).map { "c0,c\($0)\n" }.joined()
    case "widename": return "id,name,account,internal,owner\nT1,Rep,,true,\na,\(String(repeating: "N", count: n)),Acme,,T1\nb,Bo,Acme,,\n"
    case "header": return "id\(String(repeating: "x", count: n))\na\n"
    case "fields": return "id,name\na,\(Array(repeating: "v", count: n).joined(separator: ","))\n"
    default: preconditionFailure("unknown generated kind \(kind)")
    }
  }

  /// The command's words: split at spaces, "…" keeping spaces (and an empty word) together.
  var words: [String] {
    var out: [String] = [], word = "", quoted = false, started = false
    for ch in command {
      if ch == "\"" { quoted.toggle(); started = true; continue }
      if ch == " " && !quoted { if started || !word.isEmpty { out.append(word) }; word = ""; started = false; continue }
      word.append(ch)
    }
    if started || !word.isEmpty { out.append(word) }
    return out
  }
}

/// Every case of the catalogue, through the real binary (issue 16): the status and message it documents, never a
/// signal, in seconds, with short error lines.
@Suite struct HostileCatalogueTests {
  @Test func catalogueHoldsEveryClassAndEnoughCases() throws {
    let text = try String(contentsOf: HostileCase.folder.appendingPathComponent("catalogue.txt"), encoding: .utf8)
    for cls in ["crash", "hang", "silent acceptance", "escaping", "lost output", "messages", "limits", "accepted"] {
      #expect(text.contains(" | \(cls) | "), "no \(cls) case")
    }
    #expect(HostileCase.catalogue.cases.count >= 120)
    #expect(Set(HostileCase.catalogue.cases.map(\.id)).count == HostileCase.catalogue.cases.count, "duplicate case ids")
    // The documentation's table lists every case.
    let docs = try String(contentsOf: CLI.root.appendingPathComponent("docs/hostile-inputs.md"), encoding: .utf8)
    for c in HostileCase.catalogue.cases { #expect(docs.contains("| \(c.id) |"), "docs/hostile-inputs.md lacks \(c.id): run scripts/hostile_catalogue.py docs") }
  }

  @Test(arguments: HostileCase.catalogue.cases)
  func caseBehavesAsDocumented(_ c: HostileCase) throws {
    let ws = Workspace(files: [:])
    let fm = FileManager.default
    let files = HostileCase.folder.appendingPathComponent("files")
    for name in try fm.contentsOfDirectory(atPath: files.path) {
      try fm.createSymbolicLink(at: ws.dir.appendingPathComponent(name), withDestinationURL: files.appendingPathComponent(name))
    }
    try fm.createSymbolicLink(at: ws.dir.appendingPathComponent("files"), withDestinationURL: files)
    for (name, _, _) in HostileCase.catalogue.generated {
      try fm.createSymbolicLink(at: ws.dir.appendingPathComponent(name), withDestinationURL: HostileCase.generatedFolder.appendingPathComponent(name))
    }
    let start = Date()
    let r: CLIResult
    if c.command.hasPrefix("sh ") {
      r = try CLI.run(["-c", "TIEMAP=\"$0\"; \(c.command.dropFirst(3))", CLI.binary], cwd: ws.dir, executable: "/bin/sh")
    } else {
      r = try CLI.run(c.words, cwd: ws.dir)
    }
    let seconds = Date().timeIntervalSince(start)
    #expect(r.status <= 3, "ended by a signal or an unknown status \(r.status): \(r.stderr.prefix(300))")
    #expect(seconds < 30 * CLI.timeScale, "took \(seconds) s")   // debug build, cases in parallel: a hang shows as minutes
    for line in r.stderr.split(separator: "\n") { #expect(line.count <= 300, "error line of \(line.count) characters") }

    func unescaped(_ s: Substring) -> String { s.replacingOccurrences(of: "\\n", with: "\n") }
    let e = c.expect
    let status = Int32(String(e.prefix { $0.isNumber }))!
    let rest = e.drop { $0.isNumber }.drop { $0 == " " }
    #expect(r.status == status, "status \(r.status), stderr: \(r.stderr.prefix(300))")
    if rest.hasPrefix("= ") {
      #expect(r.stderr == "error: \(rest.dropFirst(2))\n")
    } else if rest.hasPrefix("~ ") {
      #expect(r.stderr.contains(unescaped(rest.dropFirst(2))), "stderr: \(r.stderr.prefix(300))")
    } else if rest.hasPrefix("> ") {
      #expect(r.stdout.contains(unescaped(rest.dropFirst(2))), "stdout: \(r.stdout.prefix(300))")
    } else if !rest.isEmpty {
      // FILE ~ TEXT or FILE !~ TEXT: the output file (read leniently: PNG and PDF are bytes).
      let negated = rest.contains(" !~ ")
      let parts = rest.components(separatedBy: negated ? " !~ " : " ~ ")
      let data = try Data(contentsOf: ws.dir.appendingPathComponent(parts[0]))
      let body = String(decoding: data, as: UTF8.self)
      let text = parts[1].replacingOccurrences(of: "\\n", with: "\n")
      #expect(body.contains(text) != negated, "\(parts[0]) \(negated ? "contains" : "lacks") \(text)")
    }
  }
}
