// Every person measure on the graphs where algorithms break: no people, one person, two people and one tie, an
// isolated person beside a pair, a self-loop, and directed × weighted. Expected values are derived by hand in the
// comments, following NetworkX's conventions (closeness and harmonic 0 for the unreached, betweenness normalised,
// PageRank's dangling mass spread evenly, NaN where Burt's measures are undefined).
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

private func graph(_ n: Int, _ ties: [(Int32, Int32, Double)], directed: Bool = false) throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for i in 0..<n { try b.addPerson(Person(id: "v\(i)")) }
  let k = b.kindIndex(for: directed ? .advice : .friendship)
  for (s, t, w) in ties { try b.addTie(Tie(source: s, target: t, weight: w, kind: k, isDirected: directed)) }
  return try b.build()
}

private func close(_ a: [Double], _ b: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(a.count == b.count, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
  for (x, y) in zip(a, b) {
    #expect((x.isNaN && y.isNaN) || abs(x - y) <= 1e-12, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
  }
}

@Suite struct EdgeCaseTests {
  // A chain's eigenvalues are 2cos(kπ/(n+1)): for 2,000 people the power iteration's ratio is within 10⁻⁶ of 1,
  // so it stops at its cap and says so (personMeasures turns that into a note, which metrics prints as a warning);
  // a triangle converges and gets no note (issue 16: no silent approximation).
  @Test func eigenvectorSaysWhenItDidNotConverge() throws {
    let chain = try graph(2_000, (0..<1_999).map { (Int32($0), Int32($0 + 1), 1) })
    let e = chain.social.eigenvectorIteration(weighted: false, maxIterations: 300)
    #expect(!e.converged && e.iterations == 300 && e.change > 1e-13)
    let triangle = try graph(3, [(0, 1, 1), (1, 2, 1), (0, 2, 1)])
    let t = triangle.social.eigenvectorIteration(weighted: false)
    #expect(t.converged && t.iterations < 100)
    close(t.values, [Double](repeating: 1 / 3.0.squareRoot(), count: 3), "triangle")
    #expect(triangle.social.personMeasures([.eigenvector], weighted: false).notes.isEmpty)
  }

  // Pendant folding (ShortestPathSweep.run): the sweep from everyone skips people with one tie and counts their
  // host's sweep for them. Checked against the same sweep run from every source explicitly (no folding) on a
  // graph with every case: a hub with pendants, a pendant on a pendant's host of degree 2 (a path's end), a pair
  // tied only to each other, an isolated person, a self-loop on a host, and a triangle with a tail. Weighted with
  // one length (2: every tie weight 0.5) folds too; with two lengths it must not, and gives the same values.
  @Test(arguments: [(false, 1.0), (true, 0.5), (true, -1)])
  func pendantFoldingIsTheFullSweep(weighted: Bool, weight: Double) throws {
    var ties: [(Int32, Int32, Double)] = (1...6).map { (0, Int32($0), 1) }          // hub 0, pendants 1…6
    ties += [(0, 7, 1), (7, 8, 1), (8, 9, 1)]                                       // a tail 0–7–8–9
    ties += [(10, 11, 1)]                                                           // a pair
    ties += [(13, 13, 1), (13, 14, 1), (13, 0, 1)]                                  // self-loop on a host, pendant 14
    ties += [(15, 16, 1), (16, 17, 1), (15, 17, 1), (17, 18, 1), (15, 0, 1)]        // triangle with tail 18
    let w = ties.enumerated().map { i, t in (t.0, t.1, weight > 0 ? weight : (i % 2 == 0 ? 1 : 3)) }
    let v = try graph(19, w).social                                                 // 12 isolated
    let sweep = ShortestPathSweep(forward: v.out, backward: v.inbound, weighted: weighted)
    let folded = sweep.run(betweenness: true)
    let full = sweep.run(betweenness: true, sources: (0..<19).map(Int32.init))
    close(folded.betweenness, full.betweenness, "betweenness")
    close(folded.distanceSum, full.distanceSum, "distance sums")
    close(folded.harmonicSum, full.harmonicSum, "harmonic sums")
    #expect(folded.reached == full.reached)
    #expect(full.betweenness[0] > 0 && full.reached[1] == 16 && full.reached[11] == 2)
    #expect((ShortestPathSweep.PendantFold(v.out, lengths: weighted ? v.out.weights.map { 1 / $0 } : [])?.sources.count ?? 19) == (weight > 0 ? 9 : 19))   // 10 pendants: 1…6, 9, 11, 14, 18
  }

  // The 64-source lane sweep (LaneSweep.swift) against the one-source BFS, on random graphs with pendants, isolated
  // people and several components: one batch, a partial last batch, a directed view, sampled sources, and a view
  // of 300 (parallel blocks of batches). Below 256 people both sum every source's dependencies in one block, so the
  // values are equal bit for bit; at 300 the blocks group the sources differently and the sums agree to rounding.
  @Test(arguments: [(40, false, false), (130, false, false), (150, true, false), (130, false, true), (300, false, false)])
  func laneSweepIsTheOneSourceSweep(n: Int, directed: Bool, sampled: Bool) throws {
    var rng = SplitMix64(seed: UInt64(n))
    var ties: [(Int32, Int32, Double)] = []
    let core = n - n / 10   // the rest: pendants on random people, and a few isolated
    for _ in 0..<(3 * core) {
      let (a, b) = (Int32(rng.next() % UInt64(core)), Int32(rng.next() % UInt64(core)))
      if a != b { ties.append((a, b, 1)) }
    }
    for p in core..<(n - 3) { ties.append((Int32(p), Int32(rng.next() % UInt64(core / 4)), 1)) }
    let v = try graph(n, ties, directed: directed).social
    var lanes = ShortestPathSweep(forward: v.out, backward: v.inbound, weighted: false)
    var single = lanes
    single.allowLanes = false
    lanes.allowLanes = true
    let sources: [Int32]? = sampled ? (0..<Int32(n)).filter { $0 % 3 == 1 } : nil
    let a = lanes.run(betweenness: true, sources: sources), b = single.run(betweenness: true, sources: sources)
    #expect(a.distanceSum == b.distanceSum && a.reached == b.reached && a.harmonicSum == b.harmonicSum)
    if n < 256 {
      #expect(a.betweenness == b.betweenness)
    } else {
      for (x, y) in zip(a.betweenness, b.betweenness) { #expect(abs(x - y) <= 1e-12 * max(1, abs(y))) }
    }
    #expect(b.betweenness.contains { $0 > 0 } && b.reached.contains(1))
    // Betweenness alone (no distance sums but the pendant hosts' counts): the same values.
    let alone = lanes.run(betweenness: true, distances: false, sources: sources)
    #expect(alone.betweenness == a.betweenness)
    let plain = lanes.run(betweenness: false, sources: sources)
    #expect(plain.distanceSum == b.distanceSum && plain.harmonicSum == b.harmonicSum && plain.betweenness.isEmpty)
  }

  // A star of k spokes: A's eigenvalues are ±√k and 0, the eigenvector (1/√2 at the hub, 1/√(2k) at each spoke).
  // Unfolded, the power iteration on A + I needs about 6,000 rounds of 2(n + m) work for k = 200,000 and stopped
  // at its cap; with the spokes folded into one unknown (PendantGroups) it converges. Two weights on the spokes
  // make two groups: with weights a (k₁ spokes) and b (k₂), λ² = k₁a² + k₂b², x_hub = 1/√2, x_spoke = w/(λ√2).
  @Test func starEigenvectorConverges() throws {
    let k = 200_000
    let star = try graph(k + 1, (1...k).map { (0, Int32($0), 1) })
    let e = star.social.eigenvectorIteration(weighted: false)
    #expect(e.converged)
    #expect(abs(e.values[0] - (0.5).squareRoot()) < 1e-12 && abs(e.values[k] - 1 / (2 * Double(k)).squareRoot()) < 1e-12)
    let mixed = try graph(7, (1...6).map { (0, Int32($0), $0 <= 2 ? 2 : 1) })
    let m = mixed.social.eigenvectorIteration(weighted: true)
    let lambda = (2 * 4.0 + 4 * 1).squareRoot()
    #expect(m.converged)
    close(m.values, [(0.5).squareRoot()] + (1...6).map { ($0 <= 2 ? 2 : 1) / (lambda * 2.0.squareRoot()) }, "two spoke weights")
  }

  @Test(arguments: [false, true])
  func noPeople(weighted: Bool) throws {
    let g = try graph(0, [])
    let m = g.social.personMeasures(Set(PersonMeasure.undirected), weighted: weighted)
    for measure in PersonMeasure.undirected { #expect(m.column(measure).isEmpty, "\(measure)") }
    #expect(g.social.tieNeighbourhoods().overlap.isEmpty && g.social.bridges().isEmpty)
    #expect(g.summary().density == 0)
  }

  // One person: nobody to reach or to be between; PageRank 1 (all the mass); eigenvector: the only unit vector 1;
  // no contact, so constraint, effective size, efficiency and hierarchy are undefined.
  @Test func onePerson() throws {
    let g = try graph(1, [])
    let m = g.social.personMeasures(Set(PersonMeasure.undirected), weighted: false)
    for measure: PersonMeasure in [.degree, .strength, .closeness, .harmonic, .betweenness, .clustering, .core] {
      close(m.column(measure), [0], measure.rawValue)
    }
    close(m.column(.pagerank), [1], "pagerank")
    for measure: PersonMeasure in [.constraint, .effectiveSize, .efficiency, .hierarchy] { close(m.column(measure), [.nan], measure.rawValue) }
  }

  // v0 – v1 (weight 2) and v2 alone. Closeness (Wasserman–Faust) of v0: (1/1) · (1/2) = 0.5 reached share; harmonic 1;
  // PageRank of the isolated v2 (dangling, its mass spread evenly): p = 0.15/3 + 0.85 p/3 → p = 0.15 / 2.15; the pair
  // shares the rest. Eigenvector (unit norm): 1/√2 on the pair. Constraint of a lone tie 1, effective size 1,
  // efficiency 1, hierarchy undefined (fewer than two contacts); overlap 0/0 → NaN; the tie is a bridge.
  @Test(arguments: [false, true])
  func pairAndIsolated(weighted: Bool) throws {
    let g = try graph(3, [(0, 1, 2)])
    let m = g.social.personMeasures(Set(PersonMeasure.undirected), weighted: weighted)
    close(m.column(.degree), [1, 1, 0], "degree")
    close(m.column(.strength), [2, 2, 0], "strength")
    close(m.column(.closeness), weighted ? [1, 1, 0] : [0.5, 0.5, 0], "closeness")
    close(m.column(.harmonic), weighted ? [2, 2, 0] : [1, 1, 0], "harmonic")
    close(m.column(.betweenness), [0, 0, 0], "betweenness")
    let isolated = 0.15 / 2.15
    close(m.column(.pagerank), [(1 - isolated) / 2, (1 - isolated) / 2, isolated], "pagerank")
    close(m.column(.eigenvector), [(0.5).squareRoot(), (0.5).squareRoot(), 0], "eigenvector")
    close(m.column(.constraint), [1, 1, .nan], "constraint")
    close(m.column(.effectiveSize), [1, 1, .nan], "effective size")
    close(m.column(.efficiency), [1, 1, .nan], "efficiency")
    close(m.column(.hierarchy), [.nan, .nan, .nan], "hierarchy")
    close(m.column(.core), [1, 1, 0], "core")
    #expect(g.social.tieNeighbourhoods().overlap[0].isNaN)
    #expect(g.social.bridges() == [true])
    #expect(g.social.localBridgeSpans(embeddedness: [0]) == [.infinity])
  }

  // A self-loop is kept in the data but left out of every measure: the same values as without it.
  @Test func selfLoopIsLeftOut() throws {
    let with = try graph(3, [(0, 1, 1), (1, 2, 1), (1, 1, 5)])
    let without = try graph(3, [(0, 1, 1), (1, 2, 1)])
    #expect(with.selfLoopCount == 1 && with.social.invariantViolation() == nil)
    for weighted in [false, true] {
      let a = with.social.personMeasures(Set(PersonMeasure.undirected), weighted: weighted)
      let b = without.social.personMeasures(Set(PersonMeasure.undirected), weighted: weighted)
      for measure in PersonMeasure.undirected { close(a.column(measure), b.column(measure), measure.rawValue) }
    }
  }

  // v0 → v1 (weight 3), v1 → v0 (weight 1), v1 → v2 (weight 2). In/out strength from the arcs; Burt's mutual
  // weights z01 = 3 + 1 = 4, z12 = 2 (or 2 and 1 unweighted): v1's proportions 4/6 and 2/6 (2/3 and 1/3), no
  // indirect paths (v0 and v2 are not tied), so C(v1) = (2/3)² + (1/3)² = 5/9 both ways; v0 and v2 each have one
  // contact: constraint 1, effective size 1. Betweenness: v1 is on the only path v0 → v2, normalised by
  // (n − 1)(n − 2) = 2: 1/2; PageRank, HITS and the rest are checked against NetworkX in DirectedParityTests.
  @Test(arguments: [false, true])
  func directedWeighted(weighted: Bool) throws {
    let g = try graph(3, [(0, 1, 3), (1, 0, 1), (1, 2, 2)], directed: true)
    let view = try #require(g.layer(.advice))
    let m = view.personMeasures(Set(PersonMeasure.directed), weighted: weighted)
    close(m.column(.inDegree), [1, 1, 1], "in degree")
    close(m.column(.outDegree), [1, 2, 0], "out degree")
    close(m.column(.inStrength), [1, 3, 2], "in strength")
    close(m.column(.outStrength), [3, 3, 0], "out strength")
    close(m.column(.constraint), [1, 5.0 / 9, 1], "constraint")
    close(m.column(.effectiveSize), [1, 2, 1], "effective size")
    // v1's local constraints 4/9 and 1/9 against their mean 5/18: ratios 8/5 and 2/5, over k ln k = 2 ln 2.
    close(m.column(.hierarchy), [.nan, (1.6 * log(1.6) + 0.4 * log(0.4)) / (2 * log(2.0)), .nan], "hierarchy")
    close(m.column(.betweenness), [0, 0.5, 0], "betweenness")
    let eigenvector = m.column(.eigenvector)   // not a directed measure: an empty column, not a trap
    #expect(eigenvector.count == 3 && eigenvector.allSatisfy(\.isNaN))
  }
}
