// Gould–Fernandez raw counts against an independent enumeration in scripts/oracle.py (Tests/Fixtures/brokerage:
// Krackhardt advice by department, email-Eu-core by department, karate's ties both ways by faction), plus a
// hand-drawn case.
import Foundation
import Testing
import GraphFormats
@testable import NetworkAnalysis
import SocialGraph

struct BrokerageFixture: CustomTestStringConvertible, Sendable {
  let name: String, source: String, directed: Bool
  let ids: [String], groups: [String], roles: [String: [Int]]
  var testDescription: String { name }

  static let all: [BrokerageFixture] = {
    let dir = Fixture.root.appendingPathComponent("Tests/Fixtures/brokerage")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    return files.map { f in
      let j = try! JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(f))) as! [String: Any]
      return BrokerageFixture(name: j["dataset"] as! String, source: j["source"] as! String, directed: j["directed_input"] as! Bool,
                              ids: j["ids"] as! [String], groups: j["groups"] as! [String],
                              roles: (j["roles"] as! [String: [Int]]))
    }
  }()
}

@Suite struct BrokerageTests {
  @Test func fixturesArePresent() { #expect(BrokerageFixture.all.map(\.name) == ["email-eu-core", "karate", "krackhardt-advice"]) }

  @Test(arguments: BrokerageFixture.all)
  func rolesMatchEnumeration(_ f: BrokerageFixture) throws {
    var o = LoadOptions()
    o.directed = f.directed
    o.skipZeroWeights = f.source.contains("Krack")
    let g = try InputLoader.loadGraph(Fixture.root.appendingPathComponent(f.source).path, options: o).graph
    var names: [String: Int] = [:]
    var group = [Int](repeating: -1, count: g.count)
    for (i, id) in f.ids.enumerated() {
      let v = Int(g.index(of: id)!)
      group[v] = names[f.groups[i]] ?? { names[f.groups[i]] = names.count; return names.count - 1 }()
    }
    let view = f.directed ? g.layer(.edge)! : g.social
    let r = view.brokerageRoles(group: group)
    for (role, got) in [("coordinator", r.coordinator), ("itinerant", r.itinerant), ("gatekeeper", r.gatekeeper),
                        ("representative", r.representative), ("liaison", r.liaison)] {
      let want = f.roles[role]!
      let mismatches = f.ids.indices.filter { got[Int(g.index(of: f.ids[$0])!)] != want[$0] }
      #expect(mismatches.isEmpty, "\(f.name) \(role): \(mismatches.count) people differ")
    }
    #expect(r.total.reduce(0, +) > 0)
  }

  //  a (sales) → v (ops) → b (ops): gatekeeper for v;  c (ops) → v → d (it): representative;
  //  a → v → d: liaison (three groups); c → v → b: coordinator; a → c does not exist; c → b exists, closing c → v → b.
  @Test func rolesByHand() throws {
    var b = SocialGraphBuilder()
    for id in ["a", "v", "b", "c", "d"] { try b.addPerson(Person(id: id)) }
    let k = b.kindIndex(for: .advice)
    for (s, t) in [(0, 1), (1, 2), (3, 1), (1, 4), (3, 2)] { try b.addTie(Tie(source: Int32(s), target: Int32(t), weight: 1, kind: k, isDirected: true)) }
    let g = try b.build()
    // groups: a sales 0, v ops 1, b ops 1, c ops 1, d it 2
    let r = g.layer(.advice)!.brokerageRoles(group: [0, 1, 1, 1, 2])
    // v's open paths: a→v→b (gatekeeper), a→v→d (liaison), c→v→d (representative); c→v→b is closed by c→b.
    #expect(r.gatekeeper[1] == 1 && r.liaison[1] == 1 && r.representative[1] == 1 && r.coordinator[1] == 0 && r.itinerant[1] == 0)
    #expect(r.total == [0, 3, 0, 0, 0])
  }
}
