// tiemap path, reach, referrals, trust and diff end to end: the DESIGN.md columns and keys, readable terminal
// forms, determinism, and every new reader's bad input with its file:line message (written here by hand).
import Foundation
import Testing

private let sample = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                      "--interactions", "datasets/sample/interactions.csv"]

private func object(_ r: CLIResult) throws -> [String: Any] {
  try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
}

//  A small account: our t1 knows a (0.75) and b (0.5); a–c 0.5, b–c 0.5, c–d 0.5; e is isolated.
private let contacts = "id,name,role,proximity,internal,account\nt1,Tess,,,true,\na,Ann,influencer,P1,false,X\nb,Bo,end_user,P2,false,X\n"
  + "c,Cy,decision_maker,P4,false,X\nd,Di,end_user,P4,false,X\ne,Ed,end_user,P4,false,X\n"
private let ties = "source,target,kind,weight\nt1,a,relationship,0.75\nt1,b,relationship,0.5\na,c,friendship,0.5\nb,c,advice,0.5\nc,d,friendship,0.5\n"

@Suite struct PathCLITests {
  //  Paths t1 → c: via a 0.75 · 0.5 = 0.375, via b 0.5 · 0.5 = 0.25 (weights are in (0, 1]: probabilities as given).
  @Test func pathsAsCSVJSONAndText() throws {
    let ws = Workspace(files: ["contacts.csv": Array(contacts.utf8), "ties.csv": Array(ties.utf8)])
    let base = ["path", "--contacts", "contacts.csv", "--ties", "ties.csv", "--to", "c"]
    let csv = try CLI.run(base + ["--format", "csv"], cwd: ws.dir)
    #expect(csv.status == 0 && csv.stderr.isEmpty)
    #expect(csv.stdout == "rank,reliability,hops,path\n1,0.375,2,t1 > a > c\n2,0.25,2,t1 > b > c\n")
    let j = try object(try CLI.run(base + ["--format", "json", "--k", "1"], cwd: ws.dir))
    let p = (j["paths"] as! [[String: Any]])[0]
    #expect(p["path"] as? String == "t1 > a > c" && p["hops"] as? Int == 2)
    let steps = p["steps"] as! [[String: Any]]
    #expect(steps.map { $0["id"] as! String } == ["t1", "a", "c"] && steps[2]["via_kind"] as? String == "friendship")
    let text = try CLI.run(base + ["--format", "table"], cwd: ws.dir)
    #expect(text.stdout.hasPrefix("1. reliability 0.375, 2 hops\n   Tess (our team) → Ann (P1, relationship 0.75) → Cy (decision maker, P4, friendship 0.50)\n"))
    // --avoid a leaves the b route; --max-hops 1 leaves none; --via-kind friendship leaves no way out of t1.
    #expect(try CLI.run(base + ["--avoid", "a", "--format", "csv"], cwd: ws.dir).stdout == "rank,reliability,hops,path\n1,0.25,2,t1 > b > c\n")
    #expect(try CLI.run(base + ["--max-hops", "1", "--format", "table"], cwd: ws.dir).stdout.hasPrefix("No introduction path to Cy"))
    #expect(try CLI.run(base + ["--via-kind", "friendship", "--format", "csv"], cwd: ws.dir).stdout == "rank,reliability,hops,path\n")
    let unknown = try CLI.run(base + ["--from", "zz"], cwd: ws.dir)
    #expect(unknown.status == 1 && unknown.stderr == "error: --from: no person with id or name 'zz'.\n")
    let kind = try CLI.run(base + ["--via-kind", "gossip"], cwd: ws.dir)
    #expect(kind.status == 1 && kind.stderr.hasPrefix("error: --via-kind: no ties of kind 'gossip'."))
  }
}

@Suite struct ReachCLITests {
  @Test func reachJSONHasDesignKeysAndIsDeterministic() throws {
    let args = ["reach"] + sample + ["--from", "NL-035", "--runs", "500", "--seed", "7", "--format", "json"]
    let a = try CLI.run(args, cwd: CLI.root), b = try CLI.run(args, cwd: CLI.root)
    #expect(a.status == 0 && a.stdout == b.stdout)
    let j = try object(a)
    for key in ["model", "runs", "seed", "expected_reach", "stderr", "people"] { #expect(j[key] != nil, "\(key)") }
    #expect(j["model"] as? String == "ic" && j["runs"] as? Int == 500 && j["seed"] as? Int == 7)
    let people = j["people"] as! [[String: Any]]
    #expect(people.contains { $0["id"] as? String == "NL-035" && $0["probability"] as? Double == 1 })
    // expected reach = Σ of the activation probabilities
    let sum = people.reduce(0) { $0 + ($1["probability"] as! Double) }
    #expect(abs(sum - (j["expected_reach"] as! Double)) < 1e-9)
    let other = try CLI.run(["reach"] + sample + ["--from", "NL-035", "--runs", "500", "--seed", "8", "--format", "json"], cwd: CLI.root)
    #expect(other.stdout != a.stdout)
  }

  /// The same bytes on one core as on all of them: runs are split into blocks derived from their number, each run
  /// draws from its own counters, and the per-block counts are integers added in block order.
  @Test func sameOutputWhateverTheThreads() throws {
    let args = ["reach"] + sample + ["--from", "NL-035", "NL-001", "--runs", "3000", "--probability", "wc", "--format", "json"]
    let all = try CLI.run(args, cwd: CLI.root)
    let one = try CLI.run(["-c", "0", CLI.binary] + args, cwd: CLI.root, executable: "/usr/bin/taskset")
    #expect(all.status == 0 && one.status == 0 && !all.stdout.isEmpty)
    #expect(all.stdout == one.stdout)
    let best = ["reach"] + sample + ["--best", "3", "--runs", "500", "--probability", "wc", "--format", "csv"]
    #expect(try CLI.run(best, cwd: CLI.root).stdout == CLI.run(["-c", "0", CLI.binary] + best, cwd: CLI.root, executable: "/usr/bin/taskset").stdout)
  }

  @Test func hopsAndBestSeeds() throws {
    let ws = Workspace(files: ["contacts.csv": Array(contacts.utf8), "ties.csv": Array(ties.utf8)])
    let base = ["reach", "--contacts", "contacts.csv", "--ties", "ties.csv"]
    let hops = try CLI.run(base + ["--from", "a", "--model", "hops", "--hops", "1", "--format", "csv"], cwd: ws.dir)
    #expect(hops.stdout == "id,probability\nt1,1\na,1\nc,1\n")
    // Everyone passes with probability 1: the best single seed reaches a's whole component (a, b, c, d, t1 minus
    // our team as candidates, still counted as reached): 5; e adds 1.
    let best = try CLI.run(base + ["--best", "2", "--probability", "1", "--runs", "20", "--format", "json"], cwd: ws.dir)
    let j = try object(best)
    let seeds = (j["seeds"] as! [[String: Any]]).map { $0["id"] as! String }
    #expect(seeds == ["a", "e"] && j["estimated_reach"] as? Double == 6 && j["expected_reach"] as? Double == 6)
    let circuit = try object(try CLI.run(base + ["--best", "1", "--targets", "decision-circuit", "--probability", "1", "--runs", "10",
                                                 "--format", "json"], cwd: ws.dir))
    #expect((circuit["targets"] as! [String]) == ["a", "c"] && circuit["estimated_reach"] as? Double == 2)
    let noCost = try CLI.run(base + ["--best", "1", "--budget", "10"], cwd: ws.dir)
    #expect(noCost.status == 1 && noCost.stderr.hasPrefix("error: --budget needs costs"))
    let costs = Workspace(files: ["contacts.csv": Array(contacts.utf8), "ties.csv": Array(ties.utf8),
                                  "costs.csv": Array("id,cost\na,50\nb,5\nc,5\nd,5\ne,5\nt1,1\n".utf8)])
    let budget = try object(try CLI.run(base + ["--best", "3", "--budget", "10", "--costs", "costs.csv", "--probability", "1",
                                                "--runs", "10", "--format", "json"], cwd: costs.dir))
    #expect((budget["seeds"] as! [[String: Any]]).map { $0["id"] as! String } == ["b", "e"] && budget["cost"] as? Double == 10)
    let badCost = Workspace(files: ["contacts.csv": Array(contacts.utf8), "costs.csv": Array("id,cost\na,-1\n".utf8)])
    let bad = try CLI.run(["reach", "--contacts", "contacts.csv", "--best", "1", "--budget", "5", "--costs", "costs.csv"], cwd: badCost.dir)
    #expect(bad.status == 1 && bad.stderr == "error: costs.csv:2: cost \"-1\" must not be negative\n")
  }

  @Test func usageErrors() throws {
    for (args, message) in [
      (["reach"] + sample, "error: Give --from ID… (who recommends us), or --best K to choose them.\n"),
      (["reach"] + sample + ["--from", "NL-001", "--best", "2"], "error: Give either --from ID… or --best K, not both.\n"),
      (["reach"] + sample + ["--from", "NL-001", "--probability", "2"], "error: The value '2' is invalid for '--probability <tie|wc|p>'\n"),
    ] {
      let r = try CLI.run(args, cwd: CLI.root)
      #expect(r.status == 1, "\(args)")
      #expect(r.stderr.hasPrefix(message.dropLast()), "\(r.stderr)")
    }
  }
}

@Suite struct ReferralCLITests {
  @Test func sampleReferralsJSON() throws {
    let r = try CLI.run(["referrals"] + sample + ["--surveys", "datasets/sample/surveys.csv", "--referrals", "datasets/sample/referrals.csv",
                                                  "--samples", "2000", "--format", "json"], cwd: CLI.root)
    #expect(r.status == 0 && r.stderr.isEmpty)
    let j = try object(r)
    // NPS recomputed from surveys.csv: each contact's latest answer.
    let lines = try String(contentsOf: CLI.root.appendingPathComponent("datasets/sample/surveys.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    var latest: [String: (String, Int)] = [:]
    for l in lines where latest[l[0]].map({ $0.0 <= l[2] }) ?? true { latest[l[0]] = (l[2], Int(l[1])!) }
    let promoters = latest.values.filter { $0.1 >= 9 }.count, detractors = latest.values.filter { $0.1 <= 6 }.count
    let nps = j["nps"] as! [String: Any]
    #expect(nps["responses"] as? Int == latest.count && nps["promoters"] as? Int == promoters && nps["detractors"] as? Int == detractors)
    #expect(abs((nps["nps"] as! Double) - 100 * Double(promoters - detractors) / Double(latest.count)) < 1e-9)
    let values = j["referral_value"] as! [[String: Any]]
    #expect(!values.isEmpty && values.allSatisfy { ($0["crv"] as! Double) <= ($0["net_value"] as! Double) })
    let prescribers = j["prescribers"] as! [[String: Any]]
    #expect(prescribers.first?["rank"] as? Int == 1)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String, file: String, text: String, message: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "score above 10", file: "surveys.csv", text: "person,score\na,11\n", message: "surveys.csv:2: score \"11\" must be a whole number from 0 to 10"),
    Case(name: "score not a number", file: "surveys.csv", text: "person,score\na,great\n", message: "surveys.csv:2: score \"great\" must be a whole number from 0 to 10"),
    Case(name: "survey of an unknown person", file: "surveys.csv", text: "person,score\nzz,9\n",
         message: "surveys.csv:2: person \"zz\" is not in contacts.csv (add the person there, or pass --allow-unknown to add unknown people)"),
    Case(name: "survey without score column", file: "surveys.csv", text: "person,date\na,2026-01-01\n",
         message: "surveys.csv:1: missing required column \"score\" (columns found: person, date)"),
    Case(name: "empty survey score", file: "surveys.csv", text: "person,score\na,\n", message: "surveys.csv:2: empty score (a survey row needs the 0–10 answer)"),
    Case(name: "referral value not a number", file: "referrals.csv", text: "referrer,referred,value\na,Acme,lots\n",
         message: "referrals.csv:2: value \"lots\" is not a number"),
    Case(name: "referral without referred", file: "referrals.csv", text: "referrer,referred,value\na,,100\n",
         message: "referrals.csv:2: empty referred (who was referred?)"),
    Case(name: "negative referral cost", file: "referrals.csv", text: "referrer,referred,value,cost\na,Acme,100,-3\n",
         message: "referrals.csv:2: cost \"-3\" must not be negative"),
    Case(name: "bad referral date", file: "referrals.csv", text: "referrer,referred,value,date\na,Acme,100,2026-02-30\n",
         message: "referrals.csv:2: date \"2026-02-30\" is not a date (YYYY-MM-DD)"),
  ]

  @Test(arguments: cases)
  func badSurveyOrReferralRow(_ c: Case) throws {
    let ws = Workspace(files: ["contacts.csv": Array("id,name\na,Ann\n".utf8), c.file: Array(c.text.utf8)])
    let option = c.file == "surveys.csv" ? "--surveys" : "--referrals"
    let r = try CLI.run(["referrals", "--contacts", "contacts.csv", option, c.file], cwd: ws.dir)
    #expect(r.status == 1 && r.stdout.isEmpty)
    #expect(r.stderr == "error: \(c.message)\n")
  }
}

@Suite struct TrustAndDiffCLITests {
  @Test func trustFromTheHistoryAlone() throws {
    let ws = Workspace(files: ["history.csv": Array("date,person,channel,points,cost,kind\n2026-01-01,a,meeting,2,100,\n2026-01-31,a,support_ticket,-4,50,cumulative\n2026-01-15,b,=HYPERLINK(1),1,0,\n".utf8)])
    let r = try CLI.run(["trust", "--interactions", "history.csv", "--format", "csv", "--timeline", "timeline.csv"], cwd: ws.dir)
    #expect(r.status == 0 && r.stderr.isEmpty)
    let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows[0] == ["id", "name", "account", "balance", "capital", "dip", "trend", "projected", "status", "last_contact", "interactions"])
    // a: C = 10 + 4 · (1 − 10/30) = 12.667, then −12: C 5.467, D 4.8 → balance 0.667, at risk.
    #expect(rows[1][0] == "a" && abs(Double(rows[1][3])! - 2.0 / 3.0) < 1e-9 && rows[1][8] == "at_risk")
    let timeline = try String(contentsOf: ws.dir.appendingPathComponent("timeline.csv"), encoding: .utf8)
    #expect(timeline.hasPrefix("date,id,channel,points,kind,change,capital,dip,balance\n2026-01-01,a,meeting,2,,"))
    #expect(timeline.contains(",b,'=HYPERLINK(1),1,"))   // formula neutralised
    let audit = try CLI.run(["trust", "--interactions", "history.csv", "--audit", "--format", "csv"], cwd: ws.dir)
    #expect(audit.stdout.hasPrefix("rank,channel,interactions,people,points,incidents,cost,points_per_cost,trust_change,trust_per_cost\n1,'=HYPERLINK(1),1,1,1,0,0,,"))
    let none = try CLI.run(["trust", "--contacts", "x.csv"], cwd: ws.dir)
    #expect(none.status == 1 && none.stderr.hasPrefix("error: tiemap trust needs --interactions FILE (the contact history).\n"))
  }

  @Test func diffOfTwoFolders() throws {
    let old = "id,name,title,role,proximity,account,internal\nt1,Tess,,,,,true\na,Ann,Analyst,influencer,P3,X,false\nb,Bo,,end_user,P4,X,false\n"
    let new = "id,name,title,role,proximity,account,internal\nt1,Tess,,,,,true\na,Ann,Head of Finance,influencer,P1,X,false\nc,Cy,,end_user,,X,false\n"
    let ws = Workspace(files: ["old-contacts.csv": Array(old.utf8), "new-contacts.csv": Array(new.utf8),
                               "new-ties.csv": Array("source,target,kind\nt1,a,relationship\n".utf8)])
    try FileManager.default.createDirectory(at: ws.dir.appendingPathComponent("old"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: ws.dir.appendingPathComponent("new"), withIntermediateDirectories: true)
    try Data(old.utf8).write(to: ws.dir.appendingPathComponent("old/contacts.csv"))
    try Data(new.utf8).write(to: ws.dir.appendingPathComponent("new/contacts.csv"))
    try Data("source,target,kind\nt1,a,relationship\n".utf8).write(to: ws.dir.appendingPathComponent("new/ties.csv"))
    let expected = """
      change,id,field,old,new
      arrived,c,,,
      left,b,,,
      changed,a,title,Analyst,Head of Finance
      changed,a,proximity,P3,P1
      tie_gained,a > t1,relationship,,1
      coverage,X,decision_circuit_covered,0/1,1/1
      coverage,X,P1,0,1
      coverage,X,P3,1,0

      """
    let folders = try CLI.run(["diff", "old", "new", "--format", "csv"], cwd: ws.dir)
    #expect(folders.status == 0 && folders.stdout == expected)
    let files = try CLI.run(["diff", "--old-contacts", "old-contacts.csv", "--new-contacts", "new-contacts.csv", "--new-ties", "new-ties.csv",
                             "--format", "csv"], cwd: ws.dir)
    #expect(files.stdout == expected)
    let same = try CLI.run(["diff", "old", "old", "--format", "table"], cwd: ws.dir)
    #expect(same.stdout == "No change.\n")
    let one = try CLI.run(["diff", "old"], cwd: ws.dir)
    #expect(one.status == 1 && one.stderr.hasPrefix("error: Give exactly two snapshot folders: OLD and NEW.\n"))
  }

  // One truth for proximity (issue 14): diff counts each account's proximity as account does, derived levels
  // included. Cy has no declared level: derived P4 without ties, and P1 in the new snapshot, with a strong tie to
  // our team and history this month. diff's counts equal account's proximity_counts for each snapshot (in the folder
  // test above Bo, declared P4, is replaced by Cy, derived P4, so P4 does not change); --no-derive
  // counts the declared levels only.
  @Test func diffCountsProximityAsAccountDoes() throws {
    let contacts = "id,name,role,proximity,account,internal\nt1,Tess,,,,true\na,Ann,influencer,P3,X,false\nc,Cy,decision_maker,,X,false\n"
    let ws = Workspace(files: ["old-contacts.csv": Array(contacts.utf8), "new-contacts.csv": Array(contacts.utf8),
                               "new-ties.csv": Array("source,target,weight\nt1,c,1\na,c,0.4\n".utf8),
                               "new-interactions.csv": Array("date,person,with,points\n2026-11-20,c,t1,1\n2026-11-25,c,t1,1\n".utf8)])
    let args = ["diff", "--old-contacts", "old-contacts.csv", "--new-contacts", "new-contacts.csv", "--new-ties", "new-ties.csv",
                "--new-interactions", "new-interactions.csv", "--format", "json"]
    let d = try CLI.run(args, cwd: ws.dir)
    #expect(d.status == 0, "\(d.stderr)")
    let diff = try #require(try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Any])
    let coverage = try #require((diff["coverage"] as? [[String: Any]])?.first)
    func accountCounts(_ extra: [String]) throws -> [String: Int] {
      let r = try CLI.run(["account", "--contacts", "new-contacts.csv", "--format", "json"] + extra, cwd: ws.dir)
      let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
      let a = try #require((doc["accounts"] as? [[String: Any]])?.first)
      return try #require(a["proximity_counts"] as? [String: Int])
    }
    let newCounts = try accountCounts(["--ties", "new-ties.csv", "--interactions", "new-interactions.csv"])
    let oldCounts = try accountCounts([])
    #expect(coverage["new_proximity"] as? [String: Int] == newCounts && coverage["old_proximity"] as? [String: Int] == oldCounts)
    // Cy is derived P4 (known, no tie to us) in the old snapshot and P1 (a strong, recent tie) in the new one.
    #expect(oldCounts["P4"] == 1 && newCounts["P1"] == 1 && newCounts["P4"] == 0, "\(oldCounts) → \(newCounts)")
    let declared = try CLI.run(args + ["--no-derive"], cwd: ws.dir)
    let plain = try #require(try JSONSerialization.jsonObject(with: Data(declared.stdout.utf8)) as? [String: Any])
    let c2 = try #require((plain["coverage"] as? [[String: Any]])?.first)
    #expect((c2["new_proximity"] as? [String: Int])?["unknown"] == 1)
  }
}
