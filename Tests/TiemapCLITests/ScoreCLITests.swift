// `tiemap score`: every column on the sample equals what `account` (JSON and CSV), `metrics` (influence) and
// `trust` give; on a generated 50-account portfolio, each account's rows (in `score` and in `account`) equal a run
// on that account's own files alone (cut here by AccountPartition's rules, written independently); shards 1/1, 3
// and 7 together are the whole run; JSON lines input gives the whole run's rows; one bad row stops a strict run
// with its file:line and is the only row missing from a --rejects run (exit 3); formula cells are neutralised;
// the progress bar shows on a terminal only.
import Foundation
import Testing

/// RFC 4180 records of `text` (quotes, doubled quotes, newlines inside quotes).
func csvRecords(_ text: String) -> [[String]] {
  var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, i = text.unicodeScalars.startIndex
  let s = text.unicodeScalars
  while i < s.endIndex {
    let c = s[i]
    if quoted {
      if c == "\"" {
        let n = s.index(after: i)
        if n < s.endIndex && s[n] == "\"" { field.unicodeScalars.append("\""); i = n } else { quoted = false }
      } else { field.unicodeScalars.append(c) }
    } else if c == "\"" { quoted = true }
    else if c == "," { row.append(field); field = "" }
    else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
    else { field.unicodeScalars.append(c) }
    i = s.index(after: i)
  }
  if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
  return rows
}

/// A CSV file as header-keyed rows.
func csvDicts(_ text: String) -> [[String: String]] {
  let r = csvRecords(text)
  guard let header = r.first else { return [] }
  return r.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// The generated portfolio of these tests (50 accounts, 1,500 contacts), made once per run with tiemap-sample.
enum Portfolio {
  static let dir: URL = {
    // Inside .build (never committed, cleaned with it) rather than one more folder in /tmp per run.
    let d = CLI.root.appendingPathComponent(".build/test-portfolio")
    try? FileManager.default.removeItem(at: d)
    let gen = CLI.sampleBinary
    let p = Process()
    p.executableURL = URL(fileURLWithPath: gen)
    p.arguments = ["--contacts", "1500", "--accounts", "50", "--seed", "7", "-o", d.path]
    p.standardOutput = FileHandle.nullDevice
    try! p.run(); p.waitUntilExit()
    precondition(p.terminationStatus == 0, "tiemap-sample failed: build it with `swift build` (make test does)")
    return d
  }()
  static func path(_ f: String) -> String { dir.appendingPathComponent(f).path }
  static var inputs: [String] {
    ["--contacts", path("contacts.csv"), "--ties", path("ties.csv"), "--interactions", path("interactions.csv")]
  }
  static let asOf = "2026-10-31"
}

/// The lines of a CSV file (header first), kept as text; records never span lines in these files.
private func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

@Suite(.serialized) struct ScoreCLITests {
  static let sample = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                       "--interactions", "datasets/sample/interactions.csv"]

  @Test func sampleColumnsEqualAccountMetricsAndTrust() throws {
    let asOf = "2026-10-31"
    let score = try CLI.run(["score"] + Self.sample + ["--as-of", asOf, "--strategy", "text"], cwd: CLI.root)
    #expect(score.status == 0, "\(score.stderr)")
    let rows = csvDicts(score.stdout)
    #expect(rows.count == 145)
    let account = csvDicts(try CLI.run(["account"] + Self.sample + ["--format", "csv"], cwd: CLI.root).stdout)
    let metrics = csvDicts(try CLI.run(["metrics"] + Self.sample + ["--format", "csv", "--measures", "influence"], cwd: CLI.root).stdout)
    let trust = csvDicts(try CLI.run(["trust"] + Self.sample + ["--format", "csv", "--as-of", asOf], cwd: CLI.root).stdout)
    let accJSON = try JSONSerialization.jsonObject(with: Data(try CLI.run(["account"] + Self.sample + ["--format", "json"], cwd: CLI.root).stdout.utf8)) as! [String: Any]
    let grid = ((accJSON["accounts"] as! [[String: Any]])[0]["grid"] as! [String: Any])["contacts"] as! [[String: Any]]
    let strategyOf = Dictionary(uniqueKeysWithValues: grid.map { ($0["id"] as! String, $0["strategy"] as? String ?? "") })
    let accountOf = Dictionary(uniqueKeysWithValues: account.map { ($0["id"]!, $0) })
    let influenceOf = Dictionary(uniqueKeysWithValues: metrics.map { ($0["id"]!, $0["influence"]!) })
    let trustOf = Dictionary(uniqueKeysWithValues: trust.map { ($0["id"]!, $0) })
    // Input order: the contacts file's order, team members left out.
    let contactIDs = csvDicts(try String(contentsOfFile: CLI.root.appendingPathComponent("datasets/sample/contacts.csv").path, encoding: .utf8))
      .filter { $0["internal"] != "true" }.map { $0["id"]! }
    #expect(rows.map { $0["id"]! } == contactIDs)
    var risks = 0
    for r in rows {
      let id = r["id"]!, a = accountOf[id]!
      for (s, k) in [("proximity", "proximity"), ("proximity_source", "proximity_source"), ("quadrant", "quadrant"),
                     ("covered", "covered"), ("single_threaded", "single_threaded"), ("silent_influencer", "silent_influencer"),
                     ("reach_lost", "reach_lost"), ("priority", "priority"), ("interest", "interest"),
                     ("declared_influence", "influence"), ("role", "role"), ("name", "name"), ("account", "account")] {
        #expect(r[s] == a[k], "\(id) \(s)")
      }
      #expect(r["structural_influence"] == influenceOf[id], "\(id) influence")
      #expect(r["strategy"] == strategyOf[id], "\(id) strategy")
      #expect(r["trust_balance"] == (trustOf[id]?["balance"] ?? ""), "\(id) trust")
      #expect(r["trust_status"] == (trustOf[id]?["status"] ?? ""), "\(id) status")
      // priority: empty exactly for contacts held at P1/P2.
      #expect(r["priority"]!.isEmpty == (r["covered"] == "true"), "\(id) priority")
      if let t = trustOf[id] {
        let last = t["last_contact"]!
        let days = (try #require(dayNumber(asOf))) - (try #require(dayNumber(last)))
        #expect(r["last_contact_days"] == String(days), "\(id) days")
      } else { #expect(r["last_contact_days"] == "") }
      let flags = Set(r["risk"]!.split(separator: ";").map(String.init))
      #expect(flags.contains("uncovered_decision_maker") == (r["role"] == "decision_maker" && r["covered"] == "false"), "\(id)")
      #expect(flags.contains("trust_at_risk") == (r["trust_status"] == "at_risk"), "\(id)")
      #expect(flags.contains("single_threaded_decision_maker") == (r["single_threaded"] == "true" && r["role"] == "decision_maker"), "\(id)")
      risks += flags.count
    }
    #expect(risks > 0)
  }

  @Test func accountsSummary() throws {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir
    let out = dir.appendingPathComponent("accounts.csv").path
    let r = try CLI.run(["score"] + Self.sample + ["--as-of", "2026-10-31", "--accounts-out", out, "--buying-group",
                                                   "decision_maker=2,influencer=30"], cwd: CLI.root)
    #expect(r.status == 0, "\(r.stderr.prefix(4_000))")   // under make sanitize, the report
    let a = csvDicts(try String(contentsOfFile: out, encoding: .utf8))
    #expect(a.count == 1)
    let rows = csvDicts(r.stdout)
    let held = rows.filter { $0["covered"] == "true" }
    // Counts from the contact rows themselves.
    for (k, p) in [("p1", "P1"), ("p2", "P2"), ("p3", "P3"), ("p4", "P4")] {
      #expect(a[0][k] == String(rows.filter { $0["proximity"] == p }.count), "\(k)")
    }
    #expect(a[0]["people"] == "145")
    #expect(a[0]["single_threaded"] == String(rows.filter { $0["single_threaded"] == "true" }.count))
    #expect(a[0]["silent_influencers"] == String(rows.filter { $0["silent_influencer"] == "true" }.count))
    let dm = min(2, held.filter { $0["role"] == "decision_maker" }.count), inf = min(30, held.filter { $0["role"] == "influencer" }.count)
    #expect(abs(Double(a[0]["buying_group_completeness"]!)! - Double(dm + inf) / 32) < 1e-12)
    #expect(a[0]["missing_roles"]!.contains("influencer=\(30 - inf)"))
    let balances = rows.compactMap { Double($0["trust_balance"]!) }
    #expect(abs(Double(a[0]["mean_trust_balance"]!)! - balances.reduce(0, +) / Double(balances.count)) < 1e-9)
  }

  /// Account k's own files, cut by AccountPartition's rules: its contacts and the engaged team members (input
  /// order), the ties among them, its history.
  static func ownFiles(_ account: String, contacts: String, ties: String, history: String) -> [String: [UInt8]] {
    let c = lines(contacts), t = lines(ties), h = lines(history)
    let cHead = csvRecords(c[0] + "\n")[0], tHead = csvRecords(t[0] + "\n")[0], hHead = csvRecords(h[0] + "\n")[0]
    func col(_ head: [String], _ name: String) -> Int { head.firstIndex(of: name)! }
    let (iID, iAcc, iInt, iOwner) = (col(cHead, "id"), col(cHead, "account"), col(cHead, "internal"), col(cHead, "owner"))
    let cRows = c.dropFirst().map { csvRecords($0 + "\n")[0] }
    let team = Set(cRows.filter { $0[iInt] == "true" }.map { $0[iID] })
    let mine = Set(cRows.filter { $0[iInt] != "true" && $0[iAcc] == account }.map { $0[iID] })
    var engaged = Set(cRows.filter { mine.contains($0[iID]) }.map { $0[iOwner] }.filter { team.contains($0) })
    let (iS, iT) = (col(tHead, "source"), col(tHead, "target"))
    let tRows = t.dropFirst().map { ($0, csvRecords($0 + "\n")[0]) }
    for (_, r) in tRows {
      if mine.contains(r[iS]) && team.contains(r[iT]) { engaged.insert(r[iT]) }
      if mine.contains(r[iT]) && team.contains(r[iS]) { engaged.insert(r[iS]) }
    }
    let (iP, iW) = (col(hHead, "person"), col(hHead, "with"))
    let hRows = h.dropFirst().map { ($0, csvRecords($0 + "\n")[0]) }.filter { mine.contains($0.1[iP]) }
    for (_, r) in hRows where team.contains(r[iW]) { engaged.insert(r[iW]) }
    let people = mine.union(engaged)
    let keptContacts = c.dropFirst().filter { people.contains(csvRecords($0 + "\n")[0][iID]) }
    let keptTies = tRows.filter { (_, r) in
      let (s, d) = (r[iS], r[iT])
      if mine.contains(s) && mine.contains(d) { return true }                       // inside the account
      if mine.contains(s) && team.contains(d) || mine.contains(d) && team.contains(s) { return true }   // our team's ties in
      return engaged.contains(s) && engaged.contains(d)                             // the engaged team together
    }
    func text(_ head: String, _ rows: [String]) -> [UInt8] { Array(([head] + rows).joined(separator: "\n").utf8) + [0x0A] }
    return ["contacts.csv": text(c[0], Array(keptContacts)), "ties.csv": text(t[0], keptTies.map(\.0)),
            "interactions.csv": text(h[0], hRows.map(\.0))]
  }

  @Test func eachAccountEqualsItsOwnFiles() throws {
    let whole = try CLI.run(["score"] + Portfolio.inputs + ["--as-of", Portfolio.asOf])
    #expect(whole.status == 0, "\(whole.stderr)")
    let wholeAccount = try CLI.run(["account"] + Portfolio.inputs + ["--format", "csv"])
    #expect(wholeAccount.status == 0)
    let (c, t, h) = (try String(contentsOfFile: Portfolio.path("contacts.csv"), encoding: .utf8),
                     try String(contentsOfFile: Portfolio.path("ties.csv"), encoding: .utf8),
                     try String(contentsOfFile: Portfolio.path("interactions.csv"), encoding: .utf8))
    let scored = lines(whole.stdout), accountRows = lines(wholeAccount.stdout)
    let names = Array(Set(csvDicts(whole.stdout).map { $0["account"]! })).sorted()
    #expect(names.count == 50)
    for name in names {
      let ws = Workspace(files: Self.ownFiles(name, contacts: c, ties: t, history: h))
      let args = ["--contacts", "contacts.csv", "--ties", "ties.csv", "--interactions", "interactions.csv"]
      let own = try CLI.run(["score"] + args + ["--as-of", Portfolio.asOf], cwd: ws.dir)
      #expect(own.status == 0, "\(name): \(own.stderr)")
      let mine = scored.dropFirst().filter { csvRecords($0 + "\n")[0][2] == name }
      #expect(Array(lines(own.stdout).dropFirst()) == mine, "score rows of \(name)")
      let ownAccount = try CLI.run(["account"] + args + ["--format", "csv"], cwd: ws.dir)
      let mineAccount = accountRows.dropFirst().filter { csvRecords($0 + "\n")[0][2] == name }
      #expect(Array(lines(ownAccount.stdout).dropFirst()) == mineAccount, "account rows of \(name)")
    }
  }

  @Test func shardsTogetherAreTheWholeRun() throws {
    let whole = try CLI.run(["score"] + Portfolio.inputs + ["--as-of", Portfolio.asOf])
    let all = lines(whole.stdout)
    let one = try CLI.run(["score"] + Portfolio.inputs + ["--as-of", Portfolio.asOf, "--shard", "1/1"])
    #expect(one.stdout == whole.stdout)
    for n in [3, 7] {
      var rows: [String] = []
      for k in 1...n {
        let r = try CLI.run(["score"] + Portfolio.inputs + ["--as-of", Portfolio.asOf, "--shard", "\(k)/\(n)"])
        #expect(r.status == 0)
        let l = lines(r.stdout)
        #expect(l.first == all.first)
        rows += l.dropFirst()
      }
      // The shards partition the rows: same multiset, and merged back in input order they are the whole run.
      #expect(rows.count == all.count - 1)
      #expect(Set(rows) == Set(all.dropFirst()))
      let order = Dictionary(uniqueKeysWithValues: all.dropFirst().enumerated().map { ($1, $0) })
      #expect(rows.sorted { order[$0]! < order[$1]! } == Array(all.dropFirst()))
    }
  }

  @Test func jsonLinesInputGivesTheWholeRunsRows() throws {
    let whole = try CLI.run(["score"] + Portfolio.inputs + ["--as-of", Portfolio.asOf, "--format", "jsonl"])
    #expect(whole.status == 0)
    let (c, t, h) = (try String(contentsOfFile: Portfolio.path("contacts.csv"), encoding: .utf8),
                     try String(contentsOfFile: Portfolio.path("ties.csv"), encoding: .utf8),
                     try String(contentsOfFile: Portfolio.path("interactions.csv"), encoding: .utf8))
    let names = Array(Set(csvDicts(c).filter { $0["internal"] != "true" }.map { $0["account"]! })).sorted()
    var input = ""
    for name in names.prefix(12) {
      let f = Self.ownFiles(name, contacts: c, ties: t, history: h)
      func objects(_ file: String) -> [[String: String]] { csvDicts(String(decoding: f[file]!, as: UTF8.self)) }
      let line: [String: Any] = ["account": name, "contacts": objects("contacts.csv"), "ties": objects("ties.csv"),
                                 "interactions": objects("interactions.csv")]
      input += String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self) + "\n"
    }
    let ws = Workspace(files: ["accounts.jsonl": Array(input.utf8)])
    let r = try CLI.run(["score", "--input", "jsonl", "--format", "jsonl", "--as-of", Portfolio.asOf],
                        stdin: ws.dir.appendingPathComponent("accounts.jsonl"))
    #expect(r.status == 0, "\(r.stderr)")
    let got = lines(r.stdout)
    let want = lines(whole.stdout).filter { l in names.prefix(12).contains { l.contains("\"account\":\"\($0)\"") } }
    #expect(got.count == want.count && got.count > 0)
    #expect(Set(got) == Set(want))
    // A line that is not an account: strict stops with its line number.
    let bad = Workspace(files: ["in.jsonl": Array("{\"account\": \"X\", \"contacts\": 3}\n".utf8)])
    let e = try CLI.run(["score", "--input", "jsonl", "--as-of", Portfolio.asOf], stdin: bad.dir.appendingPathComponent("in.jsonl"))
    #expect(e.status == 1)
    #expect(e.stderr == "error: <stdin>:1: \"contacts\" must be an array of objects\n")
  }

  @Test func oneBadRowStrictAndWithRejects() throws {
    var c = try String(contentsOfFile: Portfolio.path("contacts.csv"), encoding: .utf8)
    var l = lines(c)
    let target = 700
    var fields = csvRecords(l[target] + "\n")[0]
    let head = csvRecords(l[0] + "\n")[0]
    fields[head.firstIndex(of: "proximity")!] = "P9"
    let badID = fields[0]
    l[target] = fields.joined(separator: ",")
    c = l.joined(separator: "\n") + "\n"
    let ws = Workspace(files: ["contacts.csv": Array(c.utf8),
                               "ties.csv": Array(try String(contentsOfFile: Portfolio.path("ties.csv"), encoding: .utf8).utf8),
                               "interactions.csv": Array(try String(contentsOfFile: Portfolio.path("interactions.csv"), encoding: .utf8).utf8)])
    let args = ["score", "--contacts", "contacts.csv", "--ties", "ties.csv", "--interactions", "interactions.csv", "--as-of", Portfolio.asOf]
    let strict = try CLI.run(args + ["-o", "scored.csv"], cwd: ws.dir)
    #expect(strict.status == 1)
    #expect(strict.stderr == "error: contacts.csv:\(target + 1): proximity \"P9\" must be P1, P2, P3 or P4 (or 1 to 4)\n")
    #expect(!FileManager.default.fileExists(atPath: ws.dir.appendingPathComponent("scored.csv").path))
    let lenient = try CLI.run(args + ["-o", "scored.csv", "--rejects", "rejects.csv"], cwd: ws.dir)
    #expect(lenient.status == 3)
    let scored = csvDicts(try String(contentsOf: ws.dir.appendingPathComponent("scored.csv"), encoding: .utf8))
    let rejects = csvDicts(try String(contentsOf: ws.dir.appendingPathComponent("rejects.csv"), encoding: .utf8))
    let contactRows = csvDicts(c).filter { $0["internal"] != "true" }
    let rejectedContacts = rejects.filter { $0["file"] == "contacts.csv" }
    // Every contact row is scored or rejected, and only the bad one (and rows naming it) is rejected.
    #expect(scored.count + rejectedContacts.count == contactRows.count)
    #expect(rejectedContacts.map { $0["id"]! } == [badID])
    #expect(rejectedContacts[0]["line"] == String(target + 1))
    #expect(!scored.contains { $0["id"] == badID })
    #expect(rejects.filter { $0["file"] != "contacts.csv" }.allSatisfy { $0["reason"]!.contains("\"\(badID)\" was rejected (contacts.csv:\(target + 1))") })
  }

  @Test func formulaCellsNeutralisedNumbersNot() throws {
    let contacts = "id,name,account,role,proximity,internal\nT1,Team,,,,true\n=cmd,=HYPERLINK(\"x\"),-5 Corp,influencer,P2,false\nb,-5,-5 Corp,end_user,P3,false\n"
    let ties = "source,target,kind,weight\nT1,=cmd,relationship,0.8\n=cmd,b,friendship,0.5\n"
    let ws = Workspace(files: ["contacts.csv": Array(contacts.utf8), "ties.csv": Array(ties.utf8)])
    let r = try CLI.run(["score", "--contacts", "contacts.csv", "--ties", "ties.csv"], cwd: ws.dir)
    #expect(r.status == 0, "\(r.stderr)")
    let rows = csvRecords(r.stdout)
    #expect(rows[1][0] == "'=cmd" && rows[1][1] == "'=HYPERLINK(\"x\")" && rows[1][2] == "'-5 Corp")
    #expect(rows[2][1] == "-5")   // a real number stays a number
  }

  @Test func progressBarOnATerminalOnly() throws {
    let cmd = ([CLI.binary, "score"] + Portfolio.inputs + ["-o", "/dev/null"]).joined(separator: " ")
    let tty = try CLI.run(["-qec", cmd, "/dev/null"], executable: "/usr/bin/script")
    #expect(tty.status == 0)
    #expect(tty.stdout.contains("scoring") && tty.stdout.contains("50/50 accounts") && tty.stdout.contains("contacts/s"))
    let plain = try CLI.run(["score"] + Portfolio.inputs + ["-o", "/dev/null"])
    // No progress bar off a terminal: only the run's one summary line (a cron log records what ran).
    #expect(plain.stderr.hasPrefix("score: 1,500 contacts of 50 accounts scored, in ") && plain.stderr.split(separator: "\n").count == 1)
    #expect(!plain.stderr.contains("accounts/s") && !plain.stderr.contains("\r"))
  }
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (Hinnant's days_from_civil), for the tests' own arithmetic.
func dayNumber(_ s: String) -> Int? {
  let p = s.prefix(10).split(separator: "-").compactMap { Int($0) }
  guard p.count == 3 else { return nil }
  let (y0, m, d) = (p[0], p[1], p[2])
  let y = m <= 2 ? y0 - 1 : y0
  let era = (y >= 0 ? y : y - 399) / 400
  let yoe = y - era * 400
  let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
  let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
  return era * 146_097 + doe - 719_468
}
