// Hand-drawn graphs with their components and org charts derived in the comments; Krackhardt's reports-to
// tree facts (21 managers, #7 the CEO, 4 vice-presidents) come from its README in datasets/.
import Foundation
import Testing
import GraphFormats
@testable import NetworkAnalysis
import SocialGraph

private func graph(_ people: [(String, String?)], _ edges: [(String, String)] = [], directed: Bool = false) throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for (id, m) in people { try b.addPerson(Person(id: id, reportsTo: m)) }
  let k = b.kindIndex(for: .edge)
  for (u, v) in edges { try b.addTie(Tie(source: b.index(of: u)!, target: b.index(of: v)!, weight: 1, kind: k, isDirected: directed)) }
  return try b.build()
}

@Suite struct ConnectedComponentsTests {
  //  a─b─c   d─e   f      → 3 components of sizes 3, 2, 1; f isolated
  @Test func undirectedComponents() throws {
    let g = try graph(["a", "b", "c", "d", "e", "f"].map { ($0, nil) }, [("a", "b"), ("c", "b"), ("d", "e")])
    let c = g.social.connectedComponents()
    #expect(c.sizes == [3, 2, 1])
    #expect(Array(c.component) == [0, 0, 0, 1, 1, 2])
    #expect(c.largest == 3 && c.isolated == 1)
  }

  //  a→b←c   d→e : weakly connected components {a,b,c} and {d,e}
  @Test func directedViewsAreWeaklyConnected() throws {
    let g = try graph(["a", "b", "c", "d", "e"].map { ($0, nil) }, [("a", "b"), ("c", "b"), ("d", "e")], directed: true)
    #expect(g.layer(.edge)!.connectedComponents().sizes == [3, 2])
  }

  @Test func emptyGraphHasNoComponents() throws {
    #expect(try graph([]).social.connectedComponents().count == 0)
  }

  // Davis Southern Women (two-mode, connected) and Florentine marriages (15 families, connected without Pucci).
  @Test func classicsAreConnected() throws {
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("datasets/networkx-classics")
    for f in ["davis_southern_women.edges.csv", "florentine_families.edges.csv"] {
      let g = try InputLoader.loadGraph(shared.appendingPathComponent(f).path).graph
      #expect(g.social.connectedComponents().count == 1, "\(f)")
    }
  }
}

@Suite struct ReportsToHierarchyTests {
  //        ceo
  //       /   \
  //     vp1   vp2        x ↔ y (cycle), z → x (under the cycle), s → s (self-report), loner (no tie)
  //     / \
  //    m1  m2
  @Test func rootsSpansDepthsAndCycles() throws {
    let g = try graph([("ceo", nil), ("vp1", "ceo"), ("vp2", "ceo"), ("m1", "vp1"), ("m2", "vp1"),
                       ("x", "y"), ("y", "x"), ("z", "x"), ("s", "s"), ("loner", nil)])
    let h = g.reportsToHierarchy()
    #expect(h.roots == [0])
    #expect(h.rootSpans == [4])
    #expect(h.directReports == [2, 2, 0, 0, 0, 2, 1, 0, 1, 0])   // x: y and z
    #expect(h.depth == [0, 1, 1, 2, 2, -1, -1, -1, -1, 0])
    #expect(h.cycles == [[5, 6], [8]])
  }

  @Test func krackhardtIsOneTreeUnderTheCEO() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("datasets/krackhardt-hightech/Krack-High-Tec-edgelist-ReportsTo.txt").path
    var o = LoadOptions(); o.directed = true; o.skipZeroWeights = true
    let g = try InputLoader.loadGraph(path, options: o).graph
    // Rebuild as people with a reportsTo column from the arcs (ego → alter = ego reports to alter).
    let arcs = g.layer(.edge)!
    var manager = [String?](repeating: nil, count: g.count)
    for e in 0..<arcs.edgeCount { manager[Int(arcs.edgeSources[e])] = g.people[Int(arcs.edgeTargets[e])].id }
    let org = try graph(g.people.indices.map { (g.people[$0].id, manager[$0]) })
    let h = org.reportsToHierarchy()
    #expect(h.roots.map { org.people[Int($0)].id } == ["7"])
    #expect(h.rootSpans == [20])
    #expect(h.cycles.isEmpty)
    #expect(h.depth.filter { $0 == 1 }.count == 4)    // LEVEL 2: four vice-presidents
    #expect(h.depth.filter { $0 == 2 }.count == 16)   // LEVEL 3: sixteen managers
  }
}
