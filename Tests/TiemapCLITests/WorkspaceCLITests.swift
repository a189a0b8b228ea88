// `tiemap import` and `--workspace`: the sample stored as a snapshot reads back as the files it came from, so every
// command prints the same bytes (stdout and -o files) on the workspace as on the CSV files; importing it again
// changes nothing; a second, changed snapshot is read back as itself, and the first stays as it was.
import Foundation
import Testing

@Suite(.serialized) struct WorkspaceCLITests {
  static let files = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                      "--interactions", "datasets/sample/interactions.csv"]
  static let feedback = ["--surveys", "datasets/sample/surveys.csv", "--referrals", "datasets/sample/referrals.csv"]

  /// Every command, with the files it reads (`feedback`: it also takes surveys and referrals) and the -o file it writes.
  static let commands: [(args: [String], feedback: Bool, output: String?)] = [
    (["info"], false, nil), (["info", "--format", "json"], false, nil),
    (["metrics", "--format", "csv"], false, nil), (["metrics", "--kind", "advice", "--format", "csv"], false, nil),
    (["ties", "--format", "csv"], false, nil), (["ties", "--as-of", "2026-10-31", "--per-person", "--format", "csv"], false, nil),
    (["brokers", "--group-by", "department", "--format", "csv"], false, nil),
    (["path", "--from", "T01", "--to", "NL-001", "--format", "csv"], false, nil),
    (["reach", "--best", "3", "--format", "csv"], false, nil),
    (["account", "--format", "csv"], false, nil), (["account", "--account", "Northwind Logistics"], false, nil),
    (["trust", "--format", "csv"], false, nil), (["trust", "--audit", "--format", "csv"], false, nil),
    (["trust", "--as-of", "2026-10-31", "--format", "json"], false, nil),
    (["patterns", "--format", "csv"], false, nil), (["patterns", "--associations", "--format", "json"], false, nil),
    (["referrals", "--format", "csv"], true, nil),
    (["map", "-o", "OUT.svg"], false, "OUT.svg"), (["map", "--layout", "network", "-o", "OUT.svg"], false, "OUT.svg"),
    (["report", "-o", "OUT.html"], true, "OUT.html"),
    (["convert", "-o", "OUT.json", "--with-measures"], false, "OUT.json"),
    (["score", "-o", "OUT.csv"], false, "OUT.csv"), (["score", "--as-of", "2026-10-31", "--format", "jsonl"], false, nil),
  ]

  @Test func everyCommandPrintsTheSameBytesOnTheWorkspace() throws {
    let scratch = Workspace(files: [:])
    let ws = scratch.dir.appendingPathComponent("acme.tiemap").path
    let first = try CLI.run(["import", "--workspace", ws, "--as-of", "2026-10-31"] + Self.files + Self.feedback, cwd: CLI.root)
    #expect(first.status == 0 && first.stderr == "")
    #expect(first.stdout == "\(ws): snapshot of 2026-10-31 stored: people 0 kept, 151 added, 0 closed; ties 0 kept, 751 added, 0 closed; "
            + "interactions 0 kept, 1484 added, 0 closed; survey answers 0 kept, 100 added, 0 closed; referrals 0 kept, 9 added, 0 closed\n")
    let again = try CLI.run(["import", "--workspace", ws, "--as-of", "2026-10-31"] + Self.files + Self.feedback, cwd: CLI.root)
    #expect(again.status == 0 && again.stdout == "\(ws): the snapshot of 2026-10-31 is already there, the same: nothing changed\n")

    for (args, feedback, output) in Self.commands {
      func run(_ input: [String], _ name: String) throws -> (String, Data?) {
        let out = output.map { scratch.dir.appendingPathComponent(name + "-" + $0).path }
        let a = args.map { $0 == output ? out! : $0 }
        let r = try CLI.run(a + input, cwd: CLI.root)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return (r.stdout, try out.map { try Data(contentsOf: URL(fileURLWithPath: $0)) })
      }
      let onFiles = try run(Self.files + (feedback ? Self.feedback : []), "files")
      let onWorkspace = try run(["--workspace", ws], "workspace")
      #expect(onFiles.0 == onWorkspace.0, "\(args.joined(separator: " ")): stdout differs")
      #expect(onFiles.1 == onWorkspace.1, "\(args.joined(separator: " ")): \(output ?? "") differs")
      #expect(!onFiles.0.isEmpty || onFiles.1 != nil)
    }
  }

  @Test func snapshotsAreVersionedAndReadBackAsThemselves() throws {
    // March: three people; June: Bo's title changed, Cy left, Di joined, one interaction added.
    let scratch = Workspace(files: [
      "c1.csv": Array("id,name,title,account,role\na,Ann,CEO,Acme,decision_maker\nb,Bo,Buyer,Acme,\nc,Cy,Clerk,Acme,\n".utf8),
      "t1.csv": Array("source,target,weight\na,b,0.8\nb,c,0.5\n".utf8),
      "i1.csv": Array("date,person,points\n2026-03-01,a,2\n".utf8),
      "c2.csv": Array("id,name,title,account,role\na,Ann,CEO,Acme,decision_maker\nb,Bo,Head of Buying,Acme,\nd,Di,Analyst,Acme,\n".utf8),
      "t2.csv": Array("source,target,weight\na,b,0.8\nb,d,0.5\n".utf8),
      "i2.csv": Array("date,person,points\n2026-03-01,a,2\n2026-05-02,b,-1\n".utf8),
    ])
    let ws = scratch.dir.appendingPathComponent("w.tiemap").path
    func importing(_ k: Int, _ date: String) throws -> CLIResult {
      try CLI.run(["import", "--workspace", ws, "--as-of", date, "--contacts", "c\(k).csv", "--ties", "t\(k).csv", "--interactions", "i\(k).csv"],
                  cwd: scratch.dir)
    }
    #expect(try importing(1, "2026-03-31").status == 0)
    let june = try importing(2, "2026-06-30")
    #expect(june.stdout == "\(ws): snapshot of 2026-06-30 stored: people 1 kept, 2 added, 2 closed; ties 1 kept, 1 added, 1 closed; interactions 1 kept, 1 added, 0 closed\n")
    // Back in date order only; a different snapshot of a date already there is refused.
    let early = try importing(1, "2026-01-31")
    #expect(early.status == 1 && early.stderr == "error: \(ws): the latest snapshot is of 2026-06-30; snapshots are imported in date order (this one is of 2026-01-31)\n")
    let other = try importing(1, "2026-06-30")
    #expect(other.status == 1 && other.stderr.contains("a different snapshot of 2026-06-30 is already there"))
    // Each snapshot reads back as its own files.
    for (date, k) in [("2026-03-31", 1), ("2026-04-15", 1), ("2026-06-30", 2), ("2027-01-01", 2)] {
      let onFiles = try CLI.run(["account", "--format", "csv", "--contacts", "c\(k).csv", "--ties", "t\(k).csv", "--interactions", "i\(k).csv"], cwd: scratch.dir)
      let onWorkspace = try CLI.run(["account", "--format", "csv", "--workspace", ws, "--as-of", date], cwd: scratch.dir)
      #expect(onWorkspace.status == 0 && onWorkspace.stdout == onFiles.stdout, "\(date)")
    }
    // diff between two snapshots of the workspace: the same as between their files.
    for format in ["csv", "table"] {
      let onFiles = try CLI.run(["diff", "--format", format, "--old-contacts", "c1.csv", "--old-ties", "t1.csv", "--old-interactions", "i1.csv",
                                 "--new-contacts", "c2.csv", "--new-ties", "t2.csv", "--new-interactions", "i2.csv"], cwd: scratch.dir)
      let onWorkspace = try CLI.run(["diff", "--format", format, "--workspace", ws, "--from", "2026-03-31", "--to", "2026-06-30"], cwd: scratch.dir)
      #expect(onWorkspace.status == 0 && onWorkspace.stdout == onFiles.stdout && onFiles.stdout.contains("Head of Buying"), "\(format): \(onWorkspace.stderr)")
    }
    // history: per snapshot, the account rows `score --accounts-out` gives on that snapshot's files at its date.
    var expected = ""
    for (date, k) in [("2026-03-31", 1), ("2026-06-30", 2)] {
      let accounts = scratch.dir.appendingPathComponent("accounts-\(k).csv")
      let r = try CLI.run(["score", "--contacts", "c\(k).csv", "--ties", "t\(k).csv", "--interactions", "i\(k).csv", "--as-of", date,
                           "-o", "scored-\(k).csv", "--accounts-out", accounts.path], cwd: scratch.dir)
      #expect(r.status == 0, "\(r.stderr)")
      let lines = try String(contentsOf: accounts, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      if expected.isEmpty { expected = "as_of," + lines[0] + "\n" }
      for line in lines.dropFirst() where !line.isEmpty { expected += "\(date),\(line)\n" }
    }
    let history = try CLI.run(["history", "--workspace", ws, "--format", "csv"], cwd: scratch.dir)
    #expect(history.status == 0 && history.stdout == expected, "\(history.stderr)")
    #expect(expected.contains("2026-06-30,Acme,3,"))
    let one = try CLI.run(["history", "--workspace", ws, "--account", "acme", "--since", "2026-04-01", "--format", "csv"], cwd: scratch.dir)
    #expect(one.stdout.split(separator: "\n").count == 2 && one.stdout.contains("2026-06-30,Acme"))
    let before = try CLI.run(["info", "--workspace", ws, "--as-of", "2026-02-01"], cwd: scratch.dir)
    #expect(before.status == 1 && before.stderr == "error: \(ws): no snapshot on or before 2026-02-01 (the first is of 2026-03-31)\n")
    let both = try CLI.run(["info", "--workspace", ws, "--contacts", "c1.csv"], cwd: scratch.dir)
    #expect(both.status == 1 && both.stderr.contains("Give either --workspace FILE"))
    let missing = try CLI.run(["info", "--workspace", "nope.tiemap"], cwd: scratch.dir)
    #expect(missing.status == 1 && missing.stderr.contains("nope.tiemap: no workspace here"))
    let asOfAlone = try CLI.run(["info", "--contacts", "c1.csv", "--as-of", "2026-03-31"], cwd: scratch.dir)
    #expect(asOfAlone.status == 1 && asOfAlone.stderr.contains("--as-of picks a snapshot of a workspace"))
  }

  // alerts: a scenario with one case of each kind, the expected alerts written out by hand.
  @Test func alertsSayWhatNeedsAction() throws {
    let scratch = Workspace(files: [
      "c1.csv": Array("""
id,name,title,account,department,role,proximity,internal
T1,Sam Rep,Account Executive,,Sales,,,true
a,Ann Ortiz,CEO,Acme,Board,decision_maker,P1,
b,Bo Baker,Head of Sales,Acme,Sales,influencer,P1,
c,Cy Clerk,Clerk,Acme,Ops,end_user,P3,
d,Di Fox,CFO,Acme,Finance,decision_maker,P2,
e,Ed Lee,CTO,Beta,IT,decision_maker,P2,
f,Flo Grant,Analyst,Acme,Finance,end_user,P3,
g,Gil Ng,Engineer,Acme,Sales,end_user,P4,
h,Hal Ito,Engineer,Acme,Sales,end_user,P4,
""".utf8),
      "c2.csv": Array("""
id,name,title,account,department,role,proximity,internal
T1,Sam Rep,Account Executive,,Sales,,,true
b,Bo Baker,VP Sales,Acme,Sales,influencer,P1,
c,Cy Clerk,Clerk,Beta,Ops,end_user,P3,
d,Di Fox,CFO,Acme,Finance,influencer,P2,
e,Ed Lee,CTO,Beta,IT,decision_maker,P3,
f,Flo Grant,Analyst,Acme,Finance,end_user,P3,
g,Gil Ng,Engineer,Acme,Sales,end_user,P4,
h,Hal Ito,Engineer,Acme,Sales,end_user,P4,
""".utf8),
      "t.csv": Array("""
source,target,weight,kind
T1,a,0.9,relationship
T1,b,0.8,relationship
T1,c,0.5,relationship
T1,d,0.6,relationship
T1,e,0.6,relationship
T1,f,0.5,relationship
a,b,0.7,collaboration
b,g,0.5,collaboration
g,h,0.5,collaboration
""".utf8),
      "t2.csv": Array("""
source,target,weight,kind
T1,b,0.8,relationship
T1,c,0.5,relationship
T1,d,0.6,relationship
T1,e,0.6,relationship
T1,f,0.5,relationship
g,h,0.5,collaboration
""".utf8),
      "i.csv": Array("""
date,person,with,points
2026-01-01,b,T1,2
2026-03-20,d,T1,1
2026-06-20,d,T1,1
2026-03-25,e,T1,1
2026-06-25,e,T1,1
2026-03-01,f,T1,1
""".utf8),
      "i2.csv": Array("""
date,person,with,points
2026-01-01,b,T1,2
2026-03-20,d,T1,1
2026-06-20,d,T1,1
2026-03-25,e,T1,1
2026-06-25,e,T1,1
2026-05-01,e,T1,-40
2026-03-01,f,T1,1
2026-06-25,f,T1,-2
""".utf8),
    ])
    let ws = scratch.dir.appendingPathComponent("w.tiemap").path
    for (date, c, t, i) in [("2026-03-31", "c1.csv", "t.csv", "i.csv"), ("2026-06-30", "c2.csv", "t2.csv", "i2.csv")] {
      let r = try CLI.run(["import", "--workspace", ws, "--as-of", date, "--contacts", c, "--ties", t, "--interactions", i], cwd: scratch.dir)
      #expect(r.status == 0, "\(r.stderr)")
    }
    let alerts = try CLI.run(["alerts", "--workspace", ws, "--format", "csv"], cwd: scratch.dir)
    #expect(alerts.status == 0 && alerts.stderr == "")
    let expected = """
as_of,account,kind,person,name,reason,action
2026-06-30,Acme,decision_maker_left,a,Ann Ortiz,"decision maker in 2026-03-31, not in the export of 2026-06-30",Find who now makes their decisions and ask a contact we hold there for an introduction; re-map the account.
2026-06-30,Acme,role_changed,d,Di Fox,decision maker: role decision_maker → influencer,Check who now decides; re-plan the coverage of the decision circuit.
2026-06-30,Acme,title_changed,b,Bo Baker,champion (influencer held at P1): title Head of Sales → VP Sales,Re-qualify what they decide now; congratulate them.
2026-06-30,Acme,p1_silent,b,Bo Baker,"held at P1, last contact 180 days before 2026-06-30",Call or meet them before the relationship cools.
2026-06-30,Acme,trust_at_risk,f,Flo Grant,tolerance capital projected to cross the rupture threshold within the horizon,Plan positive touchpoints now and resolve the open incidents.
2026-06-30,Acme,only_tie_into_department_lost,a,Ann Ortiz,our only tie into Board is gone,Find a new way into Board: an introduction by a contact we hold in the account.
2026-06-30,Acme,only_tie_into_department_lost,c,Cy Clerk,our only tie into Ops is gone,Find a new way into Ops: an introduction by a contact we hold in the account.
2026-06-30,Acme,bridge_lost,g,Gil Ng,the tie Bo Baker – Gil Ng was the only link between a group of 2 and the rest of the account; it is gone,"Reach that group again: meet Gil Ng directly, or ask a contact we hold for an introduction."
2026-06-30,Beta,moved_to_tracked_account,c,Cy Clerk,"moved from Acme, an account we also track",A warm lead at Beta: they know us from Acme; ask for a meeting there.
2026-06-30,Beta,decision_circuit_coverage_fell,,,decision-circuit coverage 100 % → 0 %,Re-cover the decision makers and influencers not held at P1/P2.
2026-06-30,Beta,ruptured,e,Ed Lee,tolerance capital crossed the rupture threshold,"Repair first: a senior meeting to acknowledge the incidents, before any new proposal."
"""
    #expect(alerts.stdout == expected + "\n")
    // Dunbar's limit: 148 P1 contacts held in March, 149 in April.
    func held(_ n: Int) -> [UInt8] {
      Array((["id,name,account,proximity,owner,internal", "T1,Sam Rep,,,,true"] + (0..<n).map { "c\($0),Contact \($0),Big,P1,T1," })
        .joined(separator: "\n").utf8)
    }
    let dunbar = Workspace(files: ["c1.csv": held(148), "c2.csv": held(149)])
    let dw = dunbar.dir.appendingPathComponent("d.tiemap").path
    for (date, c) in [("2026-03-31", "c1.csv"), ("2026-04-30", "c2.csv")] {
      #expect(try CLI.run(["import", "--workspace", dw, "--as-of", date, "--contacts", c], cwd: dunbar.dir).status == 0)
    }
    let over = try CLI.run(["alerts", "--workspace", dw, "--format", "csv"], cwd: dunbar.dir)
    #expect(over.stdout == "as_of,account,kind,person,name,reason,action\n"
            + "2026-04-30,,owner_over_dunbar,T1,Sam Rep,\"holds 149 P1 contacts, past Dunbar's 148\",Hand some relationships over to a colleague before they fade.\n")
    let none = try CLI.run(["alerts", "--workspace", ws, "--since", "2026-07-01", "--format", "csv"], cwd: scratch.dir)
    #expect(none.status == 0 && none.stdout == "as_of,account,kind,person,name,reason,action\n")
  }

  // The sample as 12 monthly exports (tiemap-sample --snapshots 12, with planted changes in changes.csv) imports,
  // and history and alerts find what was planted: every alert about people leaving or changing role or title is a
  // planted change of that month, and every planted departure or role change of a decision maker is alerted.
  @Test func twelveMonthlySnapshotsEndToEnd() throws {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir.appendingPathComponent("snap").path
    let gen = try CLI.run(["--snapshots", "12", "-o", dir], executable: CLI.sampleBinary)
    #expect(gen.status == 0, "\(gen.stderr)")
    let months = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("20") }.sorted()
    #expect(months.count == 12)
    let ws = scratch.dir.appendingPathComponent("w.tiemap").path
    for m in months {
      let f = { (name: String) in "\(dir)/\(m)/\(name).csv" }
      let r = try CLI.run(["import", "--workspace", ws, "--as-of", m, "--contacts", f("contacts"), "--ties", f("ties"),
                           "--interactions", f("interactions"), "--surveys", f("surveys"), "--referrals", f("referrals")], cwd: scratch.dir)
      #expect(r.status == 0, "\(m): \(r.stderr)")
    }
    let history = try CLI.run(["history", "--workspace", ws, "--format", "csv"], cwd: scratch.dir)
    #expect(history.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(10)) } == months)
    let planted = try String(contentsOfFile: "\(dir)/changes.csv", encoding: .utf8).split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let alerts = try CLI.run(["alerts", "--workspace", ws, "--since", months[0], "--format", "csv"], cwd: scratch.dir)
    #expect(alerts.status == 0)
    let rows = alerts.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let peopleKinds: Set<String> = ["decision_maker_left", "champion_left", "role_changed", "title_changed", "moved_to_tracked_account"]
    for r in rows where peopleKinds.contains(r[2]) {
      #expect(planted.contains { $0[0] == r[0] && $0[1] == r[3] }, "alert \(r[2]) of \(r[3]) at \(r[0]) was not planted")
    }
    for c in planted where (c[4] == "left" && c[3] == "decision_maker") || (c[4] == "role" && (c[5] == "decision_maker" || c[6] == "decision_maker")) {
      let kind = c[4] == "left" ? "decision_maker_left" : "role_changed"
      #expect(rows.contains { $0[0] == c[0] && $0[2] == kind && $0[3] == c[1] }, "planted \(c[4]) of \(c[1]) at \(c[0]) not alerted")
    }
    #expect(planted.contains { $0[4] == "left" && $0[3] == "decision_maker" } && planted.contains { $0[4] == "role" })
    // The report from the workspace has the trend section: four line charts over the twelve snapshots.
    let html = scratch.dir.appendingPathComponent("r.html").path
    let report = try CLI.run(["report", "--workspace", ws, "-o", html], cwd: scratch.dir)
    #expect(report.status == 0, "\(report.stderr)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    let trend = try #require(page.range(of: "<section id=\"trend\">")).upperBound
    let section = page[trend...].prefix { _ in true }.components(separatedBy: "</section>")[0]
    #expect(section.contains("12 snapshots, \(months[0]) to \(months[11])") && section.components(separatedBy: "<figure>").count - 1 == 4)
  }
}
