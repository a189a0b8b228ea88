import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Hostile inputs and arguments (issue 16): each refused with a message naming what is wrong, or finished in
/// seconds — never a crash, a hang or an allocation that exhausts memory.
@Suite struct HostileInputTests {
  @Test func binaryAndEndlessInputsAreRefused() throws {
    let ws = Workspace(files: ["nul.csv": Array("id,name\na,A\u{0}b\nc,C\n".utf8)])
    let nul = try CLI.run(["info", "--contacts", "nul.csv"], cwd: ws.dir)
    #expect(nul.status == 1 && nul.stderr == "error: nul.csv:2: contains a NUL byte: binary data, not a text file\n")
    let zero = try CLI.run(["info", "--contacts", "/dev/zero"], cwd: ws.dir)
    #expect(zero.status == 1 && zero.stderr.contains("/dev/zero:1: contains a NUL byte"))
  }

  @Test func truncatedGzipIsRefused() throws {
    // 3,000 lines of an edge list, compressed, then cut in the middle of the stream.
    let text = (1...3_000).map { "\($0) \($0 + 1)\n" }.joined()
    let ws = Workspace(files: ["g.txt": Array(text.utf8)])
    let gz = Process()
    gz.executableURL = URL(fileURLWithPath: "/bin/sh")
    gz.arguments = ["-c", "gzip -c g.txt > whole.txt.gz && head -c 4000 whole.txt.gz > cut.txt.gz"]
    gz.currentDirectoryURL = ws.dir
    try gz.run(); gz.waitUntilExit()
    #expect(gz.terminationStatus == 0)
    let whole = try CLI.run(["info", "--graph", "whole.txt.gz", "--no-communities", "--format", "csv"], cwd: ws.dir)
    #expect(whole.status == 0 && whole.stdout.contains("people,total,3001\n"))
    let cut = try CLI.run(["info", "--graph", "cut.txt.gz", "--no-communities"], cwd: ws.dir)
    #expect(cut.status == 1 && cut.stderr.contains("cut.txt.gz: truncated gzip file"))
  }

  @Test func negativeAndHugeNumbersGetTheirOwnMessage() throws {
    let sample = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv"]
    let cases: [([String], String)] = [
      (["path"] + sample + ["--to", "NL-004", "--k", "-1"], "--k must be from 1 to 1,000."),
      (["path"] + sample + ["--to", "NL-004", "--k", "1000000"], "--k must be from 1 to 1,000."),
      (["path"] + sample + ["--to", "NL-004", "--max-hops", "1000000000"], "--max-hops must be from 1 to 10,000."),
      (["reach"] + sample + ["--from", "NL-004", "--runs", "10000000000"], "--runs must be from 1 to 1,000,000."),
      (["reach"] + sample + ["--best", "2", "--method", "imm", "--epsilon", "1e-9"], "--epsilon must be at least 0.01"),
      (["ties"] + sample + ["--strong-threshold", "-0.5"], "--strong-threshold must be between 0 and 1."),
      (["referrals"] + sample + ["--surveys", "datasets/sample/surveys.csv", "--samples", "10000000000"], "--samples must be from 1 to 10,000,000."),
    ]
    for (args, message) in cases {
      let r = try CLI.run(args, cwd: CLI.root)
      #expect(r.status == 1 && r.stderr.contains(message), "\(args.suffix(2)): \(r.stderr)")
    }
  }

  // A hub tied to 100,000 people, each with no other tie: every tie is a bridge and a local bridge of span inf.
  @Test func hubAndSpokesFinishInSeconds() throws {
    let text = (1...100_000).map { "0 \($0)\n" }.joined()
    let ws = Workspace(files: ["star.txt": Array(text.utf8)])
    let start = Date()
    let r = try CLI.run(["ties", "--graph", "star.txt", "--format", "csv"], cwd: ws.dir)
    #expect(r.status == 0)
    let rows = r.stdout.split(separator: "\n")
    #expect(rows.count == 100_001 && rows[1].hasSuffix(",true,true,inf"))
    #expect(Date().timeIntervalSince(start) < 30 * CLI.timeScale)   // minutes before the hub-aware searches
  }

  // A reports-to chain 1,000 deep under a 512 KB stack: the org layout builds it without recursion (the recursive
  // layout overflowed that stack at this depth, and the default 8 MB one at 10,000 levels).
  @Test func deepReportsToChainIsLaidOut() throws {
    let rows = (0..<1_000).map { i in "c\(i),Person \(i),Acme,\(i == 0 ? "" : "c\(i - 1)")" }
    let ws = Workspace(files: ["c.csv": Array(("id,name,account,reports_to\n" + rows.joined(separator: "\n") + "\n").utf8)])
    let r = try CLI.run(["-c", "ulimit -s 512 && exec \"$0\" map --contacts c.csv -o chain.dot", CLI.binary], cwd: ws.dir, executable: "/bin/sh")
    #expect(r.status == 0, "\(r.stderr)")
    let dot = try String(contentsOf: ws.dir.appendingPathComponent("chain.dot"), encoding: .utf8)
    #expect(dot.contains("Person 999"))
  }

  // An output that names an input (by any path) is refused and the input kept; a full disk or a closed stdout is
  // an error (exit 2), not a silent success.
  @Test func outputsNeverReplaceInputsAndWriteFailuresAreErrors() throws {
    let contacts = "id,name,account\na,A,X\nb,B,X\n"
    let ws = Workspace(files: ["c.csv": Array(contacts.utf8)])
    let same = try CLI.run(["info", "--contacts", "c.csv", "-o", "./c.csv"], cwd: ws.dir)
    #expect(same.status == 1 && same.stderr.contains("c.csv: cannot write: it is one of this run's inputs"))
    #expect(try String(contentsOf: ws.dir.appendingPathComponent("c.csv"), encoding: .utf8) == contacts)
    let full = try CLI.run(["-c", "exec \"$0\" info --contacts c.csv --format csv > /dev/full", CLI.binary], cwd: ws.dir, executable: "/bin/sh")
    #expect(full.status == 2 && full.stderr.contains("<stdout>: cannot write: No space left on device"))
    let closed = try CLI.run(["-c", "exec \"$0\" info --contacts c.csv --format csv >&-", CLI.binary], cwd: ws.dir, executable: "/bin/sh")
    #expect(closed.status == 2 && closed.stderr.contains("<stdout>: cannot write"))
  }

  // A replaced file keeps its mode; a link is written through; a 250-byte name (legal) is written; a temporary
  // left by a killed run (its pid gone) is swept by the next write, a live process's is left alone.
  @Test func outputsKeepModeLinksAndLongNamesAndSweepStaleTemporaries() throws {
    let ws = Workspace(files: ["c.csv": Array("id,name,account\na,A,X\nb,B,X\n".utf8)])
    let fm = FileManager.default
    func path(_ name: String) -> String { ws.dir.appendingPathComponent(name).path }
    _ = fm.createFile(atPath: path("s.csv"), contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600])
    try fm.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "s.csv")
    let stale = ".s.csv.tiemap-999999999-abcdef", live = ".s.csv.tiemap-1-abcdef"
    for t in [stale, live] { _ = fm.createFile(atPath: path(t), contents: Data("partial".utf8)) }
    let r = try CLI.run(["info", "--contacts", "c.csv", "--format", "csv", "-o", "link.csv"], cwd: ws.dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try fm.destinationOfSymbolicLink(atPath: path("link.csv")) == "s.csv")
    #expect(try String(contentsOfFile: path("s.csv"), encoding: .utf8).hasPrefix("section,"))
    #expect((try fm.attributesOfItem(atPath: path("s.csv"))[.posixPermissions] as? Int) == 0o600)
    #expect(!fm.fileExists(atPath: path(stale)) && fm.fileExists(atPath: path(live)))
    let long = String(repeating: "x", count: 246) + ".csv"
    let l = try CLI.run(["info", "--contacts", "c.csv", "--format", "csv", "-o", long], cwd: ws.dir)
    #expect(l.status == 0 && fm.fileExists(atPath: path(long)), "\(l.stderr)")
    #expect(try fm.contentsOfDirectory(atPath: ws.dir.path).filter { $0.contains(".tiemap-") } == [live])
  }

  // Names with entities, a noncharacter and ids with " > " and backslashes: the SVG is well-formed XML showing the
  // text as typed (U+FFFE as U+FFFD), and the path column splits back into the same ids.
  @Test func namesAndIdsAreEscapedForEveryOutput() throws {
    let contacts = "id,name,account,internal\nT1,Team,,true\na>b,AT&amp;T \u{FFFE} &#x1F600;,Acme,\nc\\d,C&D,Acme,\n"
    let ws = Workspace(files: ["c.csv": Array(contacts.utf8), "t.csv": Array("source,target\nT1,a>b\na>b,c\\d\n".utf8)])
    let path = try CLI.run(["path", "--contacts", "c.csv", "--ties", "t.csv", "--to", "c\\d", "--format", "csv"], cwd: ws.dir)
    #expect(path.status == 0 && path.stdout == "rank,reliability,hops,path\n1,1,2,T1 > a\\>b > c\\\\d\n")
    let map = try CLI.run(["map", "--contacts", "c.csv", "--ties", "t.csv", "-o", "m.svg"], cwd: ws.dir)
    #expect(map.status == 0)
    let svg = try Data(contentsOf: ws.dir.appendingPathComponent("m.svg"))
    let parser = XMLParser(data: svg)
    final class Texts: NSObject, XMLParserDelegate {
      var all: [String] = [], current = ""
      func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
      func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { all.append(current.trimmingCharacters(in: .whitespacesAndNewlines)) }
        current = ""
      }
    }
    let texts = Texts()
    parser.delegate = texts
    #expect(parser.parse(), "the SVG is not well-formed: \(String(describing: parser.parserError))")
    #expect(texts.all.contains("AT&amp;T \u{FFFD} &#x1F600;"), "\(texts.all)")
    #expect(texts.all.contains("C&D"))
  }

  // Hexadecimal, inf and nan are not numbers in a CRM export; an empty --measures is refused; an error quoting an
  // enormous header stays under 300 characters.
  @Test func valuesThatAreNotWhatTheySeem() throws {
    let longHeader = String(repeating: "x", count: 100_000)
    let ws = Workspace(files: [
      "hex.csv": Array("source,target,weight\na,b,0x10\n".utf8),
      "inf.txt": Array("a b inf\n".utf8),
      "ok.txt": Array("a b 1e3\nb c 2.5E-1\n".utf8),
      "long.csv": Array("\(longHeader),\(longHeader)\na,b\n".utf8),
    ])
    let hex = try CLI.run(["ties", "--graph", "hex.csv"], cwd: ws.dir)
    #expect(hex.status == 1 && hex.stderr == "error: hex.csv:2: weight \"0x10\" is not a number\n")
    let inf = try CLI.run(["ties", "--graph", "inf.txt"], cwd: ws.dir)
    #expect(inf.status == 1 && inf.stderr == "error: inf.txt:1: weight \"inf\" is not a number\n")
    let ok = try CLI.run(["ties", "--graph", "ok.txt", "--format", "csv"], cwd: ws.dir)
    #expect(ok.status == 0 && ok.stdout.contains("\na,b,1000,") && ok.stdout.contains("\nb,c,0.25,"))
    let none = try CLI.run(["metrics", "--graph", "ok.txt", "--measures", ""], cwd: ws.dir)
    #expect(none.status == 1 && none.stderr.contains("--measures needs at least one measure"))
    let long = try CLI.run(["info", "--contacts", "long.csv"], cwd: ws.dir)
    #expect(long.status == 1 && long.stderr.hasPrefix("error: long.csv") && long.stderr.count <= 320, "\(long.stderr.count) characters")
  }
}
