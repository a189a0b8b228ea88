// Hand-derived modularity values are worked out in the comments; fixture values come from NetworkX
// (scripts/oracle.py: modularity of the "position mod 4" partition, and what networkx.louvain_communities reaches).
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

private func twoTriangles() throws -> SocialGraph {
  //  a─b      e─f
  //   \│      │/       two triangles {a,b,c} and {d,e,f} joined by the bridge c─d
  //    c──────d
  var b = SocialGraphBuilder()
  for id in ["a", "b", "c", "d", "e", "f"] { try b.addPerson(Person(id: id)) }
  let k = b.kindIndex(for: .friendship)
  for (u, v) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
    try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: 1, kind: k, isDirected: false))
  }
  return try b.build()
}

@Suite struct CommunityTests {
  // m = 7; each triangle has L = 3 inside and K = 2+2+3 = 7: Q = 2 · (3/7 − (7/14)²) = 5/14.
  @Test func modularityByHand() throws {
    let g = try twoTriangles()
    #expect(abs(g.social.modularity(of: [0, 0, 0, 1, 1, 1], weighted: false) - 5.0 / 14.0) < 1e-12)
    #expect(abs(g.social.modularity(of: [0, 0, 0, 0, 0, 0], weighted: false)) < 1e-12)   // 7/7 − 1 = 0
  }

  @Test func louvainSplitsTheTwoTriangles() throws {
    let c = try twoTriangles().social.louvain(weighted: false)
    #expect(c.community == [0, 0, 0, 1, 1, 1])
    #expect(abs(c.modularity - 5.0 / 14.0) < 1e-12)
  }

  @Test func louvainIsDeterministicForASeed() throws {
    let f = Fixture.all.first { $0.dataset == "email-eu-core" }!
    let g = try f.graph()
    let a = g.social.louvain(weighted: false, seed: 7), b = g.social.louvain(weighted: false, seed: 7)
    #expect(a == b)
  }

  @Test(arguments: Fixture.all)
  func modularityMatchesNetworkXAndLouvainIsAsGood(_ f: Fixture) throws {
    let g = try f.graph()
    let position = Dictionary(uniqueKeysWithValues: f.ids.enumerated().map { ($1, $0) })
    let mod4 = g.people.map { position[$0.id]! % 4 }
    let q = g.social.modularity(of: mod4, weighted: f.weighted)
    #expect(abs(q - f.scalars["modularity_mod4"]!) < 1e-9, "\(f.testDescription)")
    let c = g.social.louvain(weighted: f.weighted)
    #expect(c.modularity >= f.scalars["louvain_modularity_networkx"]! - 0.02, "\(f.testDescription): \(c.modularity)")
    #expect(abs(c.modularity - g.social.modularity(of: c.community, weighted: f.weighted)) < 1e-12)
  }
}

/// igraph's Leiden modularity per fixture (scripts/oracle.py leiden: best of 5 seeds, run until stable).
private let leidenBar: [String: Double] = {
  let url = Fixture.root.appendingPathComponent("Tests/Fixtures/communities/leiden.json")
  let j = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  return (j["cases"] as! [String: NSNumber]).mapValues(\.doubleValue)
}()

/// Whether every community induces a connected subgraph of the view.
private func communitiesAreConnected(_ view: GraphView, _ community: [Int]) -> Bool {
  var seen = [Bool](repeating: false, count: view.nodeCount)
  var started = Set<Int>()
  for s in 0..<view.nodeCount where !seen[s] {
    guard started.insert(community[s]).inserted else { return false }   // a second piece of the same community
    seen[s] = true
    var stack = [s]
    while let u = stack.popLast() {
      for v in view.out.neighbors(NodeIndex(u)).map(Int.init) where !seen[v] && community[v] == community[u] {
        seen[v] = true; stack.append(v)
      }
    }
  }
  return true
}

@Suite struct LeidenTests {
  @Test func leidenSplitsTheTwoTriangles() throws {
    let c = try twoTriangles().social.leiden(weighted: false)
    #expect(c.community == [0, 0, 0, 1, 1, 1])
    #expect(abs(c.modularity - 5.0 / 14.0) < 1e-12)
  }

  /// Every community is connected (Traag et al. 2019, the point of Leiden), the modularity is at least igraph's
  /// Leiden's less 0.01 and at least NetworkX's Louvain's less 0.02, and it is what the modularity function says.
  @Test(arguments: Fixture.all)
  func leidenIsConnectedAndAsGoodAsIgraph(_ f: Fixture) throws {
    let g = try f.graph()
    let c = g.social.leiden(weighted: f.weighted)
    #expect(communitiesAreConnected(g.social, c.community), "\(f.testDescription)")
    let bar = try #require(leidenBar["\(f.dataset)-\(f.weighted ? "weighted" : "unweighted")"])
    #expect(c.modularity >= bar - 0.01, "\(f.testDescription): \(c.modularity) vs igraph \(bar)")
    #expect(c.modularity >= f.scalars["louvain_modularity_networkx"]! - 0.02, "\(f.testDescription)")
    #expect(abs(c.modularity - g.social.modularity(of: c.community, weighted: f.weighted)) < 1e-12)
    #expect(c == g.social.leiden(weighted: f.weighted))   // same seed, same partition
  }
}

@Suite struct InfluenceTests {
  @Test func percentileRanksAverageTies() {
    #expect(percentileRanks([10, 20, 20, 30]) == [0, 0.5, 0.5, 1])
    #expect(percentileRanks([.nan, 1]) == [0, 1])
    #expect(percentileRanks([5]) == [0.5])
  }

  // Star: the centre tops every measure, the leaves tie: centre 1, leaves the average rank (n−2)/2/(n−1).
  @Test func starCentreIsMostInfluential() throws {
    var b = SocialGraphBuilder()
    for i in 0..<5 { try b.addPerson(Person(id: "p\(i)", influence: i == 0 ? 1 : 3)) }
    let k = b.kindIndex(for: .advice)
    for i in 1..<5 { try b.addTie(Tie(source: Int32(i), target: 0, weight: 1, kind: k, isDirected: false)) }
    let g = try b.build()
    let m = g.social.personMeasures([.influence], weighted: false)
    let s = m.values[.influence]!
    #expect(s[0] == 1)
    for i in 1..<5 { #expect(abs(s[i] - 0.375) < 1e-12) }      // (0 + 3) / 2 / 4
    #expect(StructuralInfluence.level(1) == 5 && StructuralInfluence.level(0.375) == 2)
    // The centre: top tenth, declared 1 → silent influencer; the leaves (declared 3, score 0.375) are not.
    #expect(StructuralInfluence.silentInfluencers(score: s, graph: g) == [true, false, false, false, false])
  }
}
