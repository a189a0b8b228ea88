// `tiemap account` on datasets/sample, every number recomputed here from the CSV files (plain split, as
// SampleAccountTests): proximity counts and the derived levels, the proximity × influence matrix, the grid's
// quadrants, decision-circuit coverage, single threads, owners against Dunbar's limit, warm reach, departure
// impact and the recommendations' gains (an O(n²) Dijkstra on −ln p over weights combined by README's rules). The
// structural influence and silent-influencer flags come from the JSON (their own parity tests are in
// NetworkAnalysisTests). Plus an account where one owner holds more than 148 P1 contacts.
import Foundation
import Testing

private func json(_ r: CLIResult) throws -> [String: Any] {
  try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
}

/// Our best introduction reliability to everyone (0 when unreachable), from `starts` with their own reliability,
/// without `excluded`: Dijkstra by array scan on −ln p.
private func reliabilities(_ p: [[Int: Double]], starts: [(Int, Double)], excluded: Int? = nil) -> [Double] {
  let n = p.count
  var best = [Double](repeating: 0, count: n), done = [Bool](repeating: false, count: n)
  for (s, r) in starts where s != excluded { best[s] = max(best[s], r) }
  while let u = (0..<n).filter({ !done[$0] && best[$0] > 0 && $0 != excluded }).max(by: { best[$0] < best[$1] }) {
    done[u] = true
    for (v, q) in p[u] where v != excluded && !done[v] { best[v] = max(best[v], best[u] * q) }
  }
  return best
}

@Suite struct AccountCLITests {
  static let args = ["account", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                     "--interactions", "datasets/sample/interactions.csv", "--format", "json"]

  @Test func sampleAccountFromFirstPrinciples() throws {
    let r = try CLI.run(Self.args, cwd: CLI.root)
    #expect(r.status == 0 && r.stderr.isEmpty)
    let j = try json(r)
    let account = (j["accounts"] as! [[String: Any]])[0]
    let s = try SampleFiles()
    let ids = s.contacts.map { $0["id"]! }
    let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    let team = Set(s.contacts.filter { $0["internal"] == "true" }.map { $0["id"]! })
    let contacts = s.contacts.filter { $0["internal"] != "true" }
    #expect(account["name"] as? String == "Northwind Logistics" && account["people"] as? Int == contacts.count)

    // Proximity: declared, else derived. Blank ones here have no tie to our team and no interaction: P4.
    let tiedToTeam = Set(s.ties.flatMap { t -> [String] in
      team.contains(t["source"]!) ? [t["target"]!] : team.contains(t["target"]!) ? [t["source"]!] : []
    })
    let met = Set(s.interactions.map { $0["person"]! })
    var proximity: [String: String] = [:]
    for c in contacts {
      let id = c["id"]!
      if let p = c["proximity"], !p.isEmpty { proximity[id] = p; continue }
      #expect(!tiedToTeam.contains(id) && !met.contains(id), "\(id): the derivation rule below needs no tie and no history")
      proximity[id] = "P4"
    }
    let levels = ["P1", "P2", "P3", "P4", "unknown"]
    let counts = account["proximity_counts"] as! [String: Int]
    for l in levels { #expect(counts[l] == contacts.filter { (proximity[$0["id"]!] ?? "unknown") == l }.count, "\(l)") }
    let derived = (j["derived_proximity"] as! [[String: Any]]).map { $0["id"] as! String }
    #expect(Set(derived) == Set(contacts.filter { ($0["proximity"] ?? "").isEmpty }.map { $0["id"]! }))
    #expect(derived.count == 5)

    // Matrix: rows P1…P4, unknown; columns influence 1…5, unknown.
    let matrix = (account["matrix"] as! [String: Any])["counts"] as! [[Int]]
    for (ri, l) in levels.enumerated() {
      for (ci, i) in ["1", "2", "3", "4", "5", ""].enumerated() {
        let want = contacts.filter { (proximity[$0["id"]!] ?? "unknown") == l && ($0["influence"] ?? "") == i }.count
        #expect(matrix[ri][ci] == want, "matrix \(l) × \(i)")
      }
    }

    // Grid: power = declared influence, raised to 4 for silent influencers; interest declared; 4–5 high.
    let risks = account["risks"] as! [String: Any]
    let silent = Set((risks["silent_influencers"] as! [[String: Any]]).map { $0["id"] as! String })
    #expect(!silent.isEmpty)
    let grid = account["grid"] as! [String: Any]
    var quadrants: [String: Int] = [:]
    for c in contacts {
      let power = max(Int(c["influence"]!)!, silent.contains(c["id"]!) ? 4 : 0), interest = Int(c["interest"]!)!
      let q = power >= 4 ? (interest >= 4 ? "manage_closely" : "keep_satisfied") : (interest >= 4 ? "keep_informed" : "monitor")
      quadrants[q, default: 0] += 1
    }
    #expect(grid["counts"] as! [String: Int] == quadrants.merging(["unplaced": 0]) { a, _ in a })

    // Coverage: decision makers and influencers at P1/P2.
    let circuit = contacts.filter { $0["role"] == "decision_maker" || $0["role"] == "influencer" }
    let covered = circuit.filter { ["P1", "P2"].contains(proximity[$0["id"]!]) }
    let coverage = account["coverage"] as! [String: Any]
    #expect(coverage["decision_circuit"] as? Int == circuit.count && coverage["covered"] as? Int == covered.count)
    #expect(abs((coverage["share"] as! Double) - Double(covered.count) / Double(circuit.count)) < 1e-12)
    #expect(coverage["decision_makers"] as? Int == circuit.filter { $0["role"] == "decision_maker" }.count)
    #expect(coverage["decision_makers_covered"] as? Int == covered.filter { $0["role"] == "decision_maker" }.count)
    #expect(Set((coverage["uncovered"] as! [[String: Any]]).map { $0["id"] as! String })
            == Set(circuit.map { $0["id"]! }).subtracting(covered.map { $0["id"]! }))
    // Threads: our team members tied to the contact (any tie) or owning them.
    func threads(_ id: String) -> Set<String> {
      var t = Set(s.ties.compactMap { x -> String? in
        x["source"] == id && team.contains(x["target"]!) ? x["target"] : x["target"] == id && team.contains(x["source"]!) ? x["source"] : nil
      })
      if let o = s.contacts[index[id]!]["owner"], !o.isEmpty { t.insert(o) }
      return t
    }
    let single = (risks["single_threaded"] as! [[String: Any]]).map { $0["id"] as! String }
    #expect(Set(single) == Set(circuit.map { $0["id"]! }.filter { threads($0).count == 1 }))
    #expect(Set(coverage["team_members"] as! [String]) == Set(contacts.flatMap { threads($0["id"]!) }))
    #expect(risks["single_threaded_account"] as? Bool == false)

    // Owners: P1 contacts each owns, against 148.
    for o in j["owners"] as! [[String: Any]] {
      let id = o["id"] as! String
      let p1 = contacts.filter { $0["owner"] == id && proximity[$0["id"]!] == "P1" }.count
      #expect(o["p1"] as? Int == p1 && o["over_dunbar"] as? Bool == false && o["contacts"] as? Int == contacts.filter { $0["owner"] == id }.count)
    }

    // Warm reach: combined weights (parallel ties of a kind sum; a directed kind's reciprocated pair counts once
    // with the larger weight; kinds add up), probability = weight / largest weight.
    let directedKinds = Set(s.ties.filter { $0["directed"] == "true" }.map { $0["kind"]! })
    var layers: [String: [String: Double]] = [:]   // kind → "a b" (ordered when directed) → weight
    for t in s.ties {
      let (a, b, k) = (t["source"]!, t["target"]!, t["kind"]!)
      let key = directedKinds.contains(k) || a < b ? "\(a) \(b)" : "\(b) \(a)"
      layers[k, default: [:]][key, default: 0] += Double(t["weight"]!)!
    }
    var social: [String: Double] = [:]
    for (k, pairs) in layers {
      for (key, w) in pairs {
        let f = key.split(separator: " ").map(String.init)
        let (a, b) = (min(f[0], f[1]), max(f[0], f[1]))
        if directedKinds.contains(k) {
          guard f[0] == a || pairs["\(a) \(b)"] == nil else { continue }   // a reciprocated pair once, from "a b"
          social["\(a) \(b)", default: 0] += max(w, pairs["\(f[1]) \(f[0])"] ?? 0)
        } else {
          social["\(a) \(b)", default: 0] += w
        }
      }
    }
    let largest = social.values.max()!
    var p = [[Int: Double]](repeating: [:], count: ids.count)
    for (key, w) in social {
      let f = key.split(separator: " ").map { index[String($0)]! }
      p[f[0]][f[1]] = w / largest; p[f[1]][f[0]] = w / largest
    }
    let teamStarts = team.map { (index[$0]!, 1.0) }
    let base = reliabilities(p, starts: teamStarts)
    let contactIndex = contacts.map { index[$0["id"]!]! }
    let warm = contactIndex.reduce(0) { $0 + base[$1] }
    #expect(abs((coverage["warm_reach"] as! Double) - warm) < 1e-9)
    let departures = risks["departure_impact"] as! [[String: Any]]
    #expect(departures.count == contacts.count)
    for d in departures.prefix(12) {
      let v = index[d["id"] as! String]!
      let without = reliabilities(p, starts: teamStarts, excluded: v)
      let after = contactIndex.filter { $0 != v }.reduce(0) { $0 + without[$1] }
      #expect(abs((d["reach_lost"] as! Double) - (warm - after)) < 1e-9, "\(ids[v])")
      #expect(d["cut_off"] as? Int == contactIndex.filter { $0 != v && base[$0] > 0 && without[$0] == 0 }.count)
      let inCircuit = circuit.contains { $0["id"] == ids[v] } && ["P1", "P2"].contains(proximity[ids[v]])
      #expect(d["coverage_lost"] as? Int == (inCircuit ? 1 : 0))
    }
    #expect(zip(departures, departures.dropFirst()).allSatisfy { ($0["reach_lost"] as! Double) >= ($1["reach_lost"] as! Double) })

    // Recommendations: only contacts not at P1/P2; gains from an extra start at 0.85; priority by the formula.
    let recommendations = account["recommendations"] as! [[String: Any]]
    #expect(recommendations.count == 10)
    let scale = account["largest_reach_gain"] as! Double
    var previous = Double.infinity
    for rec in recommendations {
      let id = rec["id"] as! String, c = s.contacts[index[id]!]
      #expect(!["P1", "P2"].contains(proximity[id]))
      let with = reliabilities(p, starts: teamStarts + [(index[id]!, 0.85)])
      let gain = contactIndex.reduce(0) { $0 + with[$1] } - warm
      #expect(abs((rec["reach_gain"] as! Double) - gain) < 1e-9, "\(id)")
      #expect(gain <= scale + 1e-12)
      let roleWeight = ["decision_maker": 1.0, "influencer": 0.85, "gatekeeper": 0.7, "technical_expert": 0.6, "end_user": 0.4][c["role"]!]!
      let gap = proximity[id] == "P3" ? 0.6 : 1.0
      let structural = rec["structural_influence"] as! Double
      let priority = roleWeight * gap * (0.5 * Double(c["influence"]!)! / 5 + 0.3 * structural + 0.2 * gain / scale)
      #expect(abs((rec["priority"] as! Double) - priority) < 1e-9, "\(id)")
      #expect(priority <= previous)
      previous = priority
      if ["decision_maker", "influencer"].contains(c["role"]!) {
        #expect(abs((rec["coverage_after"] as! Double) - Double(covered.count + 1) / Double(circuit.count)) < 1e-12)
      }
      // The path starts with one of our team and ends at the contact.
      let path = (rec["path"] as! String).components(separatedBy: " > ")
      #expect(team.contains(path.first!) && path.last == id)
    }
  }

  //  Big Co: owner T1 holds 150 P1 contacts (over Dunbar's 148), owner T2 exactly 148 (not over), T3 none.
  @Test func ownerOverDunbarsLimit() throws {
    var lines = ["id,name,account,role,proximity,influence,interest,owner,internal", "T1,Ann,,,,,,,true", "T2,Bob,,,,,,,true", "T3,Cy,,,,,,,true"]
    for i in 0..<150 { lines.append("A\(i),Contact A\(i),Big Co,end_user,P1,2,2,T1,false") }
    for i in 0..<148 { lines.append("B\(i),Contact B\(i),Big Co,end_user,P1,2,2,T2,false") }
    for i in 0..<20 { lines.append("C\(i),Contact C\(i),Big Co,influencer,P3,4,4,T2,false") }
    let ws = Workspace(files: ["contacts.csv": Array((lines.joined(separator: "\n") + "\n").utf8)])
    let r = try CLI.run(["account", "--contacts", "contacts.csv", "--format", "json"], cwd: ws.dir)
    #expect(r.status == 0, "\(r.stderr)")
    let j = try json(r)
    let owners = Dictionary(uniqueKeysWithValues: (j["owners"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
    #expect(owners["T1"]?["p1"] as? Int == 150 && owners["T1"]?["over_dunbar"] as? Bool == true)
    #expect(owners["T2"]?["p1"] as? Int == 148 && owners["T2"]?["over_dunbar"] as? Bool == false)
    #expect(owners["T2"]?["contacts"] as? Int == 168 && owners["T3"]?["p1"] as? Int == 0)
    let account = (j["accounts"] as! [[String: Any]])[0]
    #expect((account["proximity_counts"] as! [String: Int]) == ["P1": 298, "P2": 0, "P3": 20, "P4": 0, "unknown": 0])
    let coverage = account["coverage"] as! [String: Any]
    #expect(coverage["decision_circuit"] as? Int == 20 && coverage["covered"] as? Int == 0)
    // No ties at all: every influencer is threaded through their owner only, T2.
    #expect(((account["risks"] as! [String: Any])["single_threaded"] as! [Any]).count == 20)
    // The terminal report flags the owner.
    let text = try CLI.run(["account", "--contacts", "contacts.csv", "--format", "table"], cwd: ws.dir)
    #expect(text.stdout.contains("Ann") && text.stdout.contains("OVER"))
    let lower = try CLI.run(["account", "--contacts", "contacts.csv", "--dunbar-limit", "200", "--format", "json"], cwd: ws.dir)
    #expect(!(try json(lower)["owners"] as! [[String: Any]]).contains { $0["over_dunbar"] as? Bool == true })
  }
}
