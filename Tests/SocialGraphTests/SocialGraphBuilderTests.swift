// Expected values in this file are derived by hand from the small graphs drawn in each test.
import Testing
@testable import SocialGraph

/// Builds a graph from (source, target, weight, kind, directed) rows over people "a", "b", "c", …
func makeGraph(_ people: [String], _ rows: [(String, String, Double, TieKind, Bool)],
               configure: (inout SocialGraphBuilder) throws -> Void = { _ in }) throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for p in people { try b.addPerson(Person(id: p)) }
  try configure(&b)
  for (s, t, w, k, d) in rows {
    let kind = b.kindIndex(for: k)
    try b.addTie(Tie(source: b.index(of: s)!, target: b.index(of: t)!, weight: w, kind: kind, isDirected: d))
  }
  return try b.build()
}

@Suite struct SocialGraphBuilderTests {
  @Test func emptyGraph() throws {
    let g = try SocialGraphBuilder().build()
    #expect(g.count == 0)
    #expect(g.social.edgeCount == 0)
    #expect(g.social.invariantViolation() == nil)
    #expect(g.social.density == 0)
  }

  @Test func isolatedPeopleHaveEmptyRows() throws {
    let g = try makeGraph(["a", "b", "c"], [])
    #expect(g.social.out.offsets == [0, 0, 0, 0])
    #expect(g.social.invariantViolation() == nil)
  }

  //   a ── b ── c      (friendship, undirected)
  //        │
  //        d
  @Test func undirectedCSRRowsAreSortedAndSymmetric() throws {
    let g = try makeGraph(["a", "b", "c", "d"], [("c", "b", 1, .friendship, false), ("a", "b", 2, .friendship, false),
                                                 ("b", "d", 3, .friendship, false)])
    let s = g.social
    #expect(s.invariantViolation() == nil)
    #expect(Array(s.out.neighbors(1)) == [0, 2, 3])
    #expect(Array(s.out.neighbors(0)) == [1])
    #expect(s.edgeCount == 3)
    #expect(Array(s.edgeSources) == [0, 1, 1])
    #expect(Array(s.edgeTargets) == [1, 2, 3])
    #expect(Array(s.edgeWeights) == [2, 1, 3])
    #expect(s.degree(1) == 3)
    #expect(s.density == 3.0 / 6.0)
  }

  // Two rows of the same kind between the same pair sum (2 + 3 = 5), in either order.
  @Test func parallelTiesOfOneKindSum() throws {
    let g = try makeGraph(["a", "b"], [("a", "b", 2, .interaction, false), ("b", "a", 3, .interaction, false)])
    let layer = try #require(g.layer(.interaction))
    #expect(layer.edgeCount == 1)
    #expect(layer.edgeWeights[0] == 5)
    #expect(layer.edgeTieCounts[0] == 2)
    #expect(g.social.edgeWeights[0] == 5)
    #expect(g.social.edgeTieCounts[0] == 2)
    #expect(layer.invariantViolation() == nil)
  }

  // Advice a→b 0.8 and friendship a–b 0.6: one social edge of weight 1.4 and multiplexity 2.
  @Test func kindsSumInTheSocialViewWithMultiplexity() throws {
    let g = try makeGraph(["a", "b", "c"], [("a", "b", 0.8, .advice, true), ("a", "b", 0.6, .friendship, false),
                                            ("b", "c", 0.5, .friendship, false)])
    #expect(g.kinds == [.advice, .friendship])
    #expect(g.layer(.advice)!.isDirected)
    #expect(!g.layer(.friendship)!.isDirected)
    let s = g.social
    #expect(s.edgeCount == 2)
    let ab = try #require(s.edge(0, 1))
    #expect(abs(s.edgeWeights[ab] - 1.4) < 1e-12)
    #expect(s.edgeMultiplexity[ab] == 2)
    #expect(s.edgeMultiplexity[try #require(s.edge(1, 2))] == 1)
    #expect(s.invariantViolation() == nil)
  }

  // Advice a→b 0.4 and b→a 0.9: two arcs in the layer, one social edge with the larger weight 0.9.
  @Test func reciprocatedArcsCountOnceWithTheLargerWeight() throws {
    let g = try makeGraph(["a", "b", "c"], [("a", "b", 0.4, .advice, true), ("b", "a", 0.9, .advice, true),
                                            ("c", "a", 0.7, .advice, true)])
    let advice = try #require(g.layer(.advice))
    #expect(advice.edgeCount == 3)
    #expect(advice.invariantViolation() == nil)
    #expect(Array(advice.out.neighbors(0)) == [1])
    #expect(Array(advice.inbound.neighbors(0)) == [1, 2])
    #expect(advice.density == 3.0 / 6.0)
    let s = g.social
    #expect(s.edgeCount == 2)
    #expect(s.edgeWeights[try #require(s.edge(0, 1))] == 0.9)
    #expect(s.edgeTieCounts[try #require(s.edge(0, 1))] == 2)
    #expect(s.edgeWeights[try #require(s.edge(0, 2))] == 0.7)
    #expect(s.invariantViolation() == nil)
  }

  // An undirected row in a directed layer counts in both directions.
  @Test func undirectedRowInDirectedLayer() throws {
    let g = try makeGraph(["a", "b", "c"], [("a", "b", 1, .advice, true), ("b", "c", 2, .advice, false)])
    let advice = try #require(g.layer(.advice))
    #expect(advice.isDirected)
    #expect(advice.edgeCount == 3)
    #expect(advice.edge(2, 1) != nil && advice.edge(1, 2) != nil)
    #expect(advice.edge(1, 0) == nil)
  }

  @Test func selfLoopsAreKeptButLeftOutOfViews() throws {
    let g = try makeGraph(["a", "b"], [("a", "a", 1, .edge, false), ("a", "b", 1, .edge, false)])
    #expect(g.ties.count == 2)
    #expect(g.selfLoopCount == 1)
    #expect(g.social.edgeCount == 1)
    #expect(g.layer(.edge)!.edgeCount == 1)
    #expect(g.social.invariantViolation() == nil)
  }

  // b reports to a (column); the ties also hold c → a as reports_to: no double count; b → a is derived.
  @Test func reportsToColumnAddsTiesOnce() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "a"))
    try b.addPerson(Person(id: "b", reportsTo: "a"))
    try b.addPerson(Person(id: "c", reportsTo: "a"))
    let k = b.kindIndex(for: .reportsTo)
    try b.addTie(Tie(source: 2, target: 0, weight: 1, kind: k, isDirected: true))
    let g = try b.build()
    #expect(g.derivedReportsToCount == 1)
    #expect(g.ties.count == 2)
    let r = try #require(g.layer(.reportsTo))
    #expect(r.isDirected && r.edgeCount == 2)
    #expect(r.edge(1, 0) != nil && r.edge(2, 0) != nil)
    #expect(g.manager(of: 1) == 0 && g.manager(of: 0) == nil)
  }

  @Test func builderRejectsBadInput() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "a"))
    #expect(throws: SocialGraphError.duplicateID("a")) { try b.addPerson(Person(id: "a")) }
    #expect(throws: SocialGraphError.emptyID) { try b.addPerson(Person(id: "")) }
    let k = b.kindIndex(for: .edge)
    for w in [0, -1, Double.nan, .infinity] {
      let e = #expect(throws: SocialGraphError.self) {
        try b.addTie(Tie(source: 0, target: 0, weight: w, kind: k, isDirected: false))
      }
      #expect(e?.description == "weight \(w) must be a finite number > 0")
    }
    #expect(b.tieCount == 0)
    #expect(throws: SocialGraphError.unknownPerson(5)) { try b.addTie(Tie(source: 0, target: 5, weight: 1, kind: k, isDirected: false)) }
    var c = SocialGraphBuilder()
    try c.addPerson(Person(id: "x", reportsTo: "nobody"))
    #expect(throws: SocialGraphError.unknownManager(person: "x", manager: "nobody")) { try c.build() }
  }

  @Test(arguments: [false, true])
  func randomGraphsKeepInvariants(directed: Bool) throws {
    // Seeded random multigraphs with parallel ties, both directions and self-loops: the views keep every
    // invariant, and the layer's total weight equals the sum of the non-loop rows.
    var state: UInt64 = directed ? 7 : 11
    func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
    let n = 40
    var rows: [(String, String, Double, TieKind, Bool)] = []
    var expected = 0.0
    for _ in 0..<300 {
      let u = next(n), v = next(n), w = Double(next(9) + 1) / 4
      rows.append(("p\(u)", "p\(v)", w, .advice, directed))
      if u != v { expected += w }
    }
    let g = try makeGraph((0..<n).map { "p\($0)" }, rows)
    let layer = try #require(g.layer(.advice))
    #expect(layer.invariantViolation() == nil)
    #expect(g.social.invariantViolation() == nil)
    #expect(abs(layer.edgeWeights.reduce(0, +) - expected) < 1e-9)
    #expect(layer.edgeTieCounts.reduce(0, +) == Int32(rows.filter { $0.0 != $0.1 }.count))
  }
}

@Suite struct ValueTypeTests {
  @Test func dayRoundTripsAndValidates() {
    #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
    #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
    #expect(Day(iso: "2024-02-29")?.description == "2024-02-29")
    #expect(Day(iso: "2025-02-29") == nil)
    #expect(Day(iso: "2025-13-01") == nil)
    #expect(Day(iso: "2025-1-01") == nil)
    #expect(Day(iso: "2025-06-30T12:00:00Z")?.description == "2025-06-30")
    #expect(Day(unixSeconds: 1_082_040_961).description == "2004-04-15")
    #expect(Day(unixSeconds: -1).description == "1969-12-31")
    for d in stride(from: -719_162, through: 2_932_896, by: 997) {   // 0001-01-01 … 9999-12-31
      let day = Day(daysSinceEpoch: Int32(d))
      let (y, m, dd) = day.components
      #expect(Day(year: y, month: m, day: dd) == day)
    }
  }

  @Test func proximityAndRoleParsing() {
    #expect(Proximity(parsing: "P1") == .p1)
    #expect(Proximity(parsing: " p4 ") == .p4)
    #expect(Proximity(parsing: "3") == .p3)
    #expect(Proximity(parsing: "P5") == nil)
    #expect(Proximity(parsing: "P12") == nil)
    #expect(StakeholderRole(parsing: "Decision Maker") == .decisionMaker)
    #expect(StakeholderRole(parsing: "technical-expert") == .technicalExpert)
    #expect(StakeholderRole(parsing: "boss") == nil)
    #expect(TieKind("Reports To") == .reportsTo)
    #expect(TieKind(" advice ").name == "advice")
  }
}
