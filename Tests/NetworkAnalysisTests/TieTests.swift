// Per-tie parity with NetworkX (Tests/Fixtures/ties, scripts/oracle.py ties: networkx.bridges,
// networkx.local_bridges(with_span=True), networkx.common_neighbors, overlap by Onnela's formula); strength and
// strong-triadic-closure cases derived by hand in the comments.
import Foundation
import Testing
import GraphFormats
@testable import NetworkAnalysis
import SocialGraph

struct TieFixture: CustomTestStringConvertible, Sendable {
  let base: Fixture
  let rows: [(source: String, target: String, embeddedness: Int, overlap: Double, bridge: Bool, span: Double?)]
  var testDescription: String { base.testDescription }

  static let all: [TieFixture] = Fixture.all.map { f in
    let path = Fixture.root.appendingPathComponent("Tests/Fixtures/ties/\(f.dataset)-\(f.weighted ? "weighted" : "unweighted").json")
    let j = try! JSONSerialization.jsonObject(with: Data(contentsOf: path)) as! [String: Any]
    let rows = (j["ties"] as! [[String: Any]]).map { r -> (String, String, Int, Double, Bool, Double?) in
      let span: Double? = {
        if r["span"] is NSNull { return nil }
        if let s = r["span"] as? String { return s == "inf" ? .infinity : .nan }
        return (r["span"] as! NSNumber).doubleValue
      }()
      return (r["source"] as! String, r["target"] as! String, (r["embeddedness"] as! NSNumber).intValue,
              (r["overlap"] as? NSNumber)?.doubleValue ?? .nan, r["bridge"] as! Bool, span)
    }
    return TieFixture(base: f, rows: rows)
  }
}

@Suite struct TieParityTests {
  @Test(arguments: TieFixture.all)
  func tieMeasuresMatchNetworkX(_ f: TieFixture) throws {
    let g = try f.base.graph()
    let t = g.tieMeasures()
    #expect(f.rows.count == g.social.edgeCount)
    var bad = 0
    for r in f.rows {
      let e = try #require(g.social.edge(g.index(of: r.source)!, g.index(of: r.target)!))
      let spanOK: Bool = {
        switch (t.span[e], r.span) {
        case (nil, nil): return true
        case (let a?, let b?): return a == b || abs(a - b) <= 1e-9 * max(1, abs(b))
        default: return false
        }
      }()
      if t.neighbourhoods.embeddedness[e] != r.embeddedness || !(abs(t.neighbourhoods.overlap[e] - r.overlap) <= 1e-12 || (t.neighbourhoods.overlap[e].isNaN && r.overlap.isNaN))
        || t.isBridge[e] != r.bridge || !spanOK {
        bad += 1
        if bad <= 3 { Issue.record("\(f.testDescription) \(r.source)–\(r.target): got \(t.neighbourhoods.embeddedness[e]) \(t.neighbourhoods.overlap[e]) \(t.isBridge[e]) \(String(describing: t.span[e])), NetworkX \(r)") }
      }
    }
    #expect(bad == 0)
  }
}

@Suite struct TieStrengthTests {
  //  a ──advice 0.8 (a→b, since 2023-01-01, last 2024-01-01, 12 interactions)── b ──friendship 0.4── c
  // Dimensions: intensity 0.8 | 0.4; frequency 1 − e^(−12/12) | 0; recency 2^0 = 1 | 0 (as of 2024-01-01, the latest
  // date); duration 1 − e^(−(365/365.25)/3) | 0; reciprocity ½ (one way) | 1 (undirected). Multiplexity (one kind
  // per pair) and overlap (no shared contact) are the same for both ties, so they are dropped; the remaining
  // weights 0.30, 0.20, 0.15, 0.10, 0.10 are divided by their sum 0.85.
  @Test func strengthByHand() throws {
    var b = SocialGraphBuilder()
    for id in ["a", "b", "c"] { try b.addPerson(Person(id: id)) }
    let advice = b.kindIndex(for: .advice), friendship = b.kindIndex(for: .friendship)
    try b.addTie(Tie(source: 0, target: 1, weight: 0.8, kind: advice, isDirected: true, since: Day(iso: "2023-01-01"),
                     lastContact: Day(iso: "2024-01-01"), interactions: 12))
    try b.addTie(Tie(source: 1, target: 2, weight: 0.4, kind: friendship, isDirected: false))
    let g = try b.build()
    let t = g.tieMeasures()
    let ab = try #require(g.social.edge(0, 1)), bc = try #require(g.social.edge(1, 2))
    let duration: Double = 1 - exp(-(365.0 / 365.25) / 3.0)
    let frequency: Double = 1 - exp(-1.0)
    let sumAB: Double = 0.30 * 0.8 + 0.20 * frequency + 0.15 * 1.0 + 0.10 * duration + 0.10 * 0.5
    let expectedAB = sumAB / 0.85
    let expectedBC: Double = (0.30 * 0.4 + 0.10 * 1.0) / 0.85
    #expect(abs(t.strengths.strength[ab] - expectedAB) < 1e-12)
    #expect(abs(t.strengths.strength[bc] - expectedBC) < 1e-12)
    #expect(t.strengths.isStrong[ab] && !t.strengths.isStrong[bc])
    #expect(t.strengths.weights[.multiplexity] == 0 && t.strengths.weights[.structural] == 0)
    #expect(t.strengths.asOf?.description == "2024-01-01")
    // Both ties are bridges of this path, local bridges whose ends nothing else joins.
    #expect(t.isBridge == [true, true])
    #expect(t.span[ab] == .infinity)
  }

  // The two groups each bridge joins, against removing the tie and searching from its ends: every bridge of
  // every fixture, the far side exactly the far end's component without the tie, the component its union.
  @Test(arguments: TieFixture.all)
  func bridgeSplitsAreTheGroupsTheBridgeJoins(_ f: TieFixture) throws {
    let g = try f.base.graph(), v = g.social
    let (splits, order) = v.bridgeSplits()
    let isBridge = v.bridges()
    #expect(splits.map(\.edge) == isBridge.indices.filter { isBridge[$0] })
    #expect(Set(order).count == v.nodeCount)
    func reach(_ start: Int, without e: Int?) -> Set<Int> {
      var seen: Set<Int> = [start], queue = [start]
      while let u = queue.popLast() {
        for p in Int(v.out.offsets[u])..<Int(v.out.offsets[u + 1]) where Int(v.out.edgeIDs[p]) != e {
          let w = Int(v.out.targets[p])
          if seen.insert(w).inserted { queue.append(w) }
        }
      }
      return seen
    }
    for s in splits.prefix(25) {
      let side = Set(s.side.map { Int(order[$0]) }), all = Set(s.component.map { Int(order[$0]) })
      let (a, b) = (Int(v.edgeSources[s.edge]), Int(v.edgeTargets[s.edge]))
      let far = side.contains(a) ? a : b, near = far == a ? b : a
      #expect(reach(far, without: s.edge) == side && !side.contains(near))
      #expect(reach(near, without: nil) == all)
    }
  }

  //      b
  //     /│        a has strong ties to b, c, d; b–c is a weak tie; c and d, b and d are not tied.
  //    a─c        STC violations of a: (b, d) and (c, d) → 2. Nobody else has two strong ties.
  //     \
  //      d
  @Test func strongTriadicClosureByHand() throws {
    var b = SocialGraphBuilder()
    for id in ["a", "b", "c", "d"] { try b.addPerson(Person(id: id)) }
    let k = b.kindIndex(for: .friendship)
    for (u, v) in [(0, 1), (0, 2), (0, 3), (1, 2)] { try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: 1, kind: k, isDirected: false)) }
    let g = try b.build()
    let strong = (0..<g.social.edgeCount).map { !(g.social.edgeSources[$0] == 1 && g.social.edgeTargets[$0] == 2) }
    #expect(g.social.strongTriadicClosureViolations(isStrong: strong) == [2, 0, 0, 0])
  }

  // The triangle-listing count against the definition (every pair of strong ties, is the pair tied?) on seeded
  // random graphs dense enough for many triangles, with a hub.
  @Test(arguments: [11, 12, 13])
  func strongTriadicClosureEqualsPairByPair(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    var b = SocialGraphBuilder()
    let n = 60
    for i in 0..<n { try b.addPerson(Person(id: "p\(i)")) }
    let k = b.kindIndex(for: .friendship)
    for u in 0..<n { for v in (u + 1)..<n where u == 0 || rng.nextUnit() < 0.15 {
      try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: 1, kind: k, isDirected: false))
    } }
    let view = try b.build().social
    let strong = (0..<view.edgeCount).map { _ in rng.nextUnit() < 0.6 }
    var want = [Int](repeating: 0, count: n)
    for v in 0..<n {
      let s = view.out.slots(NodeIndex(v)).filter { strong[Int(view.out.edgeIDs[$0])] }.map { view.out.targets[$0] }
      for i in 0..<s.count { for j in (i + 1)..<max(i + 1, s.count) where view.out.slot(from: s[i], to: s[j]) == nil { want[v] += 1 } }
    }
    #expect(view.strongTriadicClosureViolations(isStrong: strong) == want)
    #expect(want.reduce(0, +) > 0)
  }
}

@Suite struct NaturalBreakTests {
  /// The cut of the sorted values with the least within-class sum of squares, by trying every one.
  static func bruteForce(_ values: [Double]) -> Double? {
    let x = values.sorted()
    var best: (ss: Double, split: Double)?
    for k in 1..<x.count where x[k - 1] < x[k] {
      func ss(_ part: ArraySlice<Double>) -> Double {
        let mean = part.reduce(0, +) / Double(part.count)
        return part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      }
      let total = ss(x[..<k]) + ss(x[k...])
      if best == nil || total <= best!.ss + 1e-12 { best = (total, (x[k - 1] + x[k]) / 2) }
    }
    return best?.split
  }

  @Test func twoClearGroupsSplitBetweenThem() {
    #expect(naturalBreak([0.62, 0.1, 0.15, 0.6, 0.12]) == (0.15 + 0.6) / 2)
    #expect(naturalBreak([0.3, 0.3, 0.3]) == nil)
    #expect(naturalBreak([0.7]) == nil)
    #expect(naturalBreak([0.2, 0.8]) == 0.5)
  }

  @Test func equalsTheBestOfEveryCut() {
    var rng = SplitMix64(seed: 2026)
    for trial in 0..<200 {
      let n = 2 + trial % 40
      let grain = trial % 3 == 0 ? 10.0 : 1000.0   // coarse values: many equal, cuts only between distinct ones
      let values = (0..<n).map { _ in Double(rng.next() % UInt64(grain)) / grain }
      #expect(naturalBreak(values) == Self.bruteForce(values), "trial \(trial): \(values)")
    }
  }

  @Test func eachAccountIsSplitOnItsOwn() throws {
    // Two accounts whose ties sit at different levels: each gets the split between its own two groups.
    var b = SocialGraphBuilder()
    for (id, account) in [("a1", "A"), ("a2", "A"), ("a3", "A"), ("a4", "A"), ("b1", "B"), ("b2", "B"), ("b3", "B"), ("b4", "B")] {
      _ = try b.addPerson(Person(id: id, name: id, account: account))
    }
    let kind = b.kindIndex(for: TieKind("relationship"))
    for (u, v) in [("a1", "a2"), ("a2", "a3"), ("a3", "a4"), ("b1", "b2"), ("b2", "b3"), ("b3", "b4")] {
      try b.addTie(Tie(source: b.index(of: u)!, target: b.index(of: v)!, weight: 1, kind: kind, isDirected: false))
    }
    let g = try b.build()
    let s = g.social
    var strength = [Double](repeating: 0, count: s.edgeCount)
    let levels = ["a1a2": 0.9, "a2a3": 0.8, "a3a4": 0.2, "b1b2": 0.3, "b2b3": 0.1, "b3b4": 0.1]
    for e in 0..<s.edgeCount {
      let key = g.people[Int(s.edgeSources[e])].id + g.people[Int(s.edgeTargets[e])].id
      strength[e] = try #require(levels[key], "\(key)")
    }
    let r = g.strongByAccount(strength: strength, fallback: 0.5)
    #expect(r.split["A"] == 0.5 && r.split["B"] == 0.2)
    #expect(r.isStrong.filter { $0 }.count == 3)   // a1–a2, a2–a3 and b1–b2, which a fixed 0.5 would call weak
  }
}
