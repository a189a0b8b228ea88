// patterns and risk on the churn sample (tiemap-sample --churn --accounts 8, seed 2026): the planted truth comes
// out, and the values equal the reference packages' (scripts/history_fixtures.py, Tests/Fixtures/history).
import Foundation
import Testing

@Suite(.serialized) struct HistoryCLITests {
  static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures/history")

  /// The churn sample in a scratch folder.
  static func churnSample() throws -> (scratch: Workspace, dir: String) {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir.appendingPathComponent("churn").path
    let gen = try CLI.run(["--churn", "--accounts", "8", "-o", dir], executable: CLI.sampleBinary)
    #expect(gen.status == 0, "\(gen.stderr)")
    return (scratch, dir)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  // The two planted patterns (ChurnProcess) are the top two; the windows are the fixture's, and every pattern's
  // counts in episodes and controls equal the PyPI prefixspan package's on them.
  @Test func patternsFindThePlantedTruthAndEqualPrefixspan() throws {
    let (scratch, dir) = try Self.churnSample()
    let seq = scratch.dir.appendingPathComponent("seq.csv").path
    let r = try CLI.run(["patterns", "--contacts", "\(dir)/contacts.csv", "--interactions", "\(dir)/interactions.csv",
                         "--sequences", seq, "--format", "json"])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    #expect(try String(contentsOfFile: seq, encoding: .utf8)
            == String(contentsOf: Self.fixtures.appendingPathComponent("sequences.csv"), encoding: .utf8))
    let got = try Self.json(r.stdout)
    let rows = try #require(got["patterns"] as? [[String: Any]])
    #expect(rows.prefix(2).map { $0["pattern"] as? String } == ["delivery_incident:- → gap>60d", "billing_dispute:- → billing_dispute:-"])
    let expected = try Self.json(String(contentsOf: Self.fixtures.appendingPathComponent("patterns.json"), encoding: .utf8))
    #expect(got["episodes"] as? Int == expected["episodes"] as? Int && got["controls"] as? Int == expected["controls"] as? Int)
    let want = try #require(expected["patterns"] as? [[String: Any]]).map {
      (($0["pattern"] as! [String]).joined(separator: " → "), $0["episodes"] as! Int, $0["controls"] as! Int)
    }
    let have = rows.map { ($0["pattern"] as! String, $0["episodes"] as! Int, $0["controls"] as! Int) }
    #expect(have.count == want.count)
    #expect(have.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1) \($0.2)" } == want.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1) \($0.2)" })
    // The contact-months' channels are the fixture's (which efficient-apriori was run on).
    let baskets = scratch.dir.appendingPathComponent("b.csv").path
    let a = try CLI.run(["patterns", "--associations", "--contacts", "\(dir)/contacts.csv", "--interactions", "\(dir)/interactions.csv",
                         "--baskets", baskets, "--format", "json"])
    #expect(a.status == 0, "\(a.stderr)")
    #expect(try String(contentsOfFile: baskets, encoding: .utf8) == String(contentsOf: Self.fixtures.appendingPathComponent("baskets.csv"), encoding: .utf8))
    let sets = try #require(try Self.json(a.stdout)["itemsets"] as? [[String: Any]])
    #expect(sets.first?["channels"] as? String == "email" && sets.allSatisfy { ($0["support"] as! Double) >= 0.02 })
    // Lift as documented, from the counts.
    let (e, c) = (Double(got["episodes"] as! Int), Double(got["controls"] as! Int))
    for row in rows {
      let lift = ((Double(row["episodes"] as! Int) + 1) / (e + 2)) / ((Double(row["controls"] as! Int) + 1) / (c + 2))
      #expect(abs((row["lift"] as! Double) - lift) < 1e-3)
    }
  }
}

extension HistoryCLITests {
  // risk on the churn sample: the person-period table and the durations are the fixture's (which statsmodels and
  // lifelines were run on), the printed coefficients are the fit's, and the model fitted before the split ranks
  // the contacts who rupture in the 90 days after it above the others: AUC ≥ 0.75.
  @Test func riskRanksTheLaterRupturesFirst() throws {
    let (scratch, dir) = try Self.churnSample()
    let periods = scratch.dir.appendingPathComponent("p.csv").path, durations = scratch.dir.appendingPathComponent("d.csv").path
    let survival = scratch.dir.appendingPathComponent("s.csv").path
    let r = try CLI.run(["risk", "--contacts", "\(dir)/contacts.csv", "--interactions", "\(dir)/interactions.csv",
                         "--periods", periods, "--durations", durations, "--survival", survival, "--format", "json"])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    for (mine, name) in [(periods, "periods.csv"), (durations, "durations.csv")] {
      #expect(try String(contentsOfFile: mine, encoding: .utf8) == String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8), "\(name)")
    }
    let got = try Self.json(r.stdout)
    let model = try #require(got["model"] as? [String: Any]), evaluation = try #require(got["evaluation"] as? [String: Any])
    let logit = try Self.json(String(contentsOf: Self.fixtures.appendingPathComponent("logit.json"), encoding: .utf8))
    let coefficients = try #require(model["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["feature"] as! String } == logit["features"] as! [String])
    for (row, b) in zip(coefficients, logit["coefficients"] as! [Double]) { #expect(abs((row["coefficient"] as! Double) - b) < 1e-6 * max(1, abs(b))) }
    let auc = try #require(evaluation["auc"] as? Double)
    #expect(auc >= 0.75, "AUC \(auc)")
    #expect((evaluation["ruptures"] as! Int) > 10 && (evaluation["contacts"] as! Int) > 300)
    // What the generator plants raises the risk: incidents, silence and both patterns.
    for f in ["incidents_transient", "log_days_since_contact", "pattern: delivery_incident:- → gap>60d", "pattern: billing_dispute:- → billing_dispute:-"] {
      #expect((coefficients.first { $0["feature"] as? String == f }?["coefficient"] as? Double ?? 0) > 0, "\(f)")
    }
    // Contacts by risk, highest first, with risk = 1 − (1 − hazard)^3 for 90 days of 30-day periods.
    let contacts = try #require(got["contacts"] as? [[String: Any]])
    let risks = contacts.map { $0["risk"] as! Double }
    #expect(risks == risks.sorted(by: >) && !risks.isEmpty)
    for c in contacts.prefix(20) {
      let h = c["hazard"] as! Double
      #expect(abs((c["risk"] as! Double) - (1 - pow(1 - h, 3))) < 1e-3)
    }
    let curves = try String(contentsOfFile: survival, encoding: .utf8).split(separator: "\n")
    #expect(curves.first == "segment,days,at_risk,events,censored,survival,lower,upper" && curves.dropFirst().contains { $0.hasPrefix("P1,") })
  }
}

extension HistoryCLITests {
  // The churn sample in a workspace (its churned outcomes kept): patterns and risk print the same bytes as on its files.
  @Test func patternsAndRiskOnAWorkspace() throws {
    let (scratch, dir) = try Self.churnSample()
    let files = ["--contacts", "\(dir)/contacts.csv", "--ties", "\(dir)/ties.csv", "--interactions", "\(dir)/interactions.csv"]
    let ws = scratch.dir.appendingPathComponent("w.tiemap").path
    let imported = try CLI.run(["import", "--workspace", ws, "--as-of", "2026-10-31"] + files)
    #expect(imported.status == 0, "\(imported.stderr)")
    for args in [["patterns", "--format", "json"], ["risk", "--format", "json"], ["risk", "--horizon", "60", "--format", "csv"]] {
      let a = try CLI.run(args + files), b = try CLI.run(args + ["--workspace", ws])
      #expect(a.status == 0 && b.status == 0, "\(args): \(a.stderr) \(b.stderr)")
      #expect(a.stdout == b.stdout && !a.stdout.isEmpty, "\(args)")
    }
  }

  // Bad options and histories get a clear message and exit 1.
  @Test func badRequestsAreRefused() throws {
    let scratch = Workspace(files: ["i.csv": Array("date,person,points\n2026-01-01,a,1\n2026-03-01,a,-1\n".utf8)])
    let cases: [([String], String)] = [
      (["risk", "--interactions", "i.csv"], "is too short for a split"),
      (["risk", "--interactions", "i.csv", "--horizon", "0d"], "--horizon '0d' must be 1 to 3,650 days"),
      (["risk", "--interactions", "i.csv", "--split", "2026-13-01"], "--split '2026-13-01' is not a date"),
      (["patterns", "--interactions", "i.csv", "--min-support", "0"], "--min-support must be a share in (0, 1]"),
      (["patterns", "--interactions", "i.csv", "--gaps", "30,x"], "--gaps '30,x' must be day counts"),
      (["patterns", "--interactions", "i.csv", "--ruptures", "some"], "--ruptures must be churned, tolerance or both"),
      (["patterns", "--interactions", "i.csv", "--baskets", "b.csv"], "--baskets goes with --associations"),
      (["patterns"], "Missing input: give --contacts FILE"),
    ]
    for (args, message) in cases {
      let r = try CLI.run(args, cwd: scratch.dir)
      #expect(r.status == 1 && r.stderr.contains(message), "\(args): \(r.stderr)")
    }
    // No rupture: patterns reports none (empty table), not an error.
    let none = try CLI.run(["patterns", "--interactions", "i.csv", "--format", "csv"], cwd: scratch.dir)
    #expect(none.status == 0 && none.stdout == "rank,pattern,length,episodes,controls,support,control_support,confidence,lift\n")
  }
}

extension HistoryCLITests {
  // The report of a history with ruptures has the Relationship history section: the survival chart with a curve
  // per proximity level and the planted pattern first; with too few ruptures (the bundled sample: 2), it says so.
  @Test func reportShowsTheRelationshipHistory() throws {
    let (scratch, dir) = try Self.churnSample()
    let html = scratch.dir.appendingPathComponent("r.html").path
    let r = try CLI.run(["report", "--contacts", "\(dir)/contacts.csv", "--ties", "\(dir)/ties.csv", "--interactions", "\(dir)/interactions.csv",
                         "--account", "Northwind Logistics", "-o", html])
    #expect(r.status == 0, "\(r.stderr)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    let section = try #require(page.components(separatedBy: "<section id=\"history\">").dropFirst().first?.components(separatedBy: "</section>").first)
    #expect(section.contains("Relationships not yet ruptured (Kaplan–Meier)") && section.contains("<svg"))
    for level in ["all", "P1", "P2"] { #expect(section.contains(">\(level)</text>"), "\(level)") }
    let rows = section.components(separatedBy: "<tr>").dropFirst(2)
    #expect(rows.count >= 1 && rows.count <= 8)
    let sample = scratch.dir.appendingPathComponent("s.html").path
    let s = try CLI.run(["report", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                         "--interactions", "datasets/sample/interactions.csv", "-o", sample], cwd: CLI.root)
    #expect(s.status == 0)
    #expect(try String(contentsOfFile: sample, encoding: .utf8).contains("2 rupture episodes: too few to tell which sequences precede a rupture (10 or more are needed)."))
  }
}
