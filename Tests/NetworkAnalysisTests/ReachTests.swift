// Warm introduction paths, diffusion and seed selection. Expected values come from independent computations in
// this file: a textbook O(n²) Dijkstra on −ln p, brute-force enumeration of simple paths, exact expected reach by
// enumerating every live-edge world (Kempe et al. 2003, Thms 2.4–2.5), and brute force over every seed set.
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

/// A seeded random graph: n people, each pair tied with probability `density`, weights in (0.05, 1].
private func randomGraph(n: Int, density: Double, seed: UInt64, directed: Bool = false) throws -> SocialGraph {
  var rng = SplitMix64(seed: seed)
  var b = SocialGraphBuilder()
  for i in 0..<n { try b.addPerson(Person(id: "p\(i)")) }
  let k = b.kindIndex(for: directed ? .advice : .friendship)
  for u in 0..<n {
    for v in 0..<n where (directed ? u != v : u < v) {
      guard rng.nextUnit() < density else { continue }
      let w = (0.05 + 0.95 * rng.nextUnit() * 100).rounded() / 100
      try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: min(1, max(0.05, w)), kind: k, isDirected: directed))
    }
  }
  return try b.build()
}

/// Probability of the tie u–v in the view, or nil.
private func probability(_ view: GraphView, _ p: ContiguousArray<Double>, _ u: Int, _ v: Int) -> Double? {
  view.out.slot(from: NodeIndex(u), to: NodeIndex(v)).map { p[$0] }
}

/// Every simple path from s to t (depth-first), with its reliability.
private func allSimplePaths(_ view: GraphView, _ p: ContiguousArray<Double>, from s: Int, to t: Int, maxHops: Int = .max) -> [([Int], Double)] {
  var out: [([Int], Double)] = []
  var path = [s], onPath = Set([s])
  func go(_ u: Int, _ r: Double) {
    if u == t { out.append((path, r)); return }
    guard path.count - 1 < maxHops else { return }
    for v in view.out.neighbors(NodeIndex(u)).map(Int.init) where !onPath.contains(v) {
      path.append(v); onPath.insert(v)
      go(v, r * probability(view, p, u, v)!)
      path.removeLast(); onPath.remove(v)
    }
  }
  go(s, 1)
  return out
}

@Suite struct ReliablePathTests {
  /// The best path equals an independent O(n²) Dijkstra on −ln p, on 20 seeded random weighted graphs.
  @Test(arguments: 0..<20)
  func bestPathIsDijkstraOnMinusLogP(_ seed: Int) throws {
    let g = try randomGraph(n: 30, density: 0.12, seed: UInt64(1000 + seed))
    let view = g.social
    let p = view.spreadProbabilities(.tie)
    let n = view.nodeCount
    // textbook Dijkstra: array scan for the minimum, no heap
    var dist = [Double](repeating: .infinity, count: n), done = [Bool](repeating: false, count: n)
    dist[0] = 0
    for _ in 0..<n {
      guard let u = (0..<n).filter({ !done[$0] && dist[$0] < .infinity }).min(by: { dist[$0] < dist[$1] }) else { break }
      done[u] = true
      for v in view.out.neighbors(NodeIndex(u)).map(Int.init) {
        dist[v] = min(dist[v], dist[u] - log(probability(view, p, u, v)!))
      }
    }
    for target in 1..<n {
      let paths = view.mostReliablePaths(from: [0], to: NodeIndex(target), probabilities: p, options: PathSearchOptions(count: 1))
      if dist[target] == .infinity { #expect(paths.isEmpty); continue }
      let best = try #require(paths.first)
      #expect(abs(-log(best.reliability) - dist[target]) < 1e-9, "target p\(target)")
      #expect(best.people.first == 0 && best.people.last == NodeIndex(target))
      #expect(Set(best.people).count == best.people.count)
    }
  }

  /// Yen's K paths are the K most reliable simple paths (brute-force enumeration), non-increasing, none repeated;
  /// with a hop limit, the K most reliable simple paths of at most that many hops.
  @Test(arguments: 0..<10)
  func alternativesAreTheNextMostReliable(_ seed: Int) throws {
    let g = try randomGraph(n: 11, density: 0.35, seed: UInt64(77 + seed))
    let view = g.social
    let p = view.spreadProbabilities(.tie)
    for maxHops in [nil, 3] as [Int?] {
      let all = allSimplePaths(view, p, from: 0, to: 10, maxHops: maxHops ?? .max).map(\.1).sorted(by: >)
      let got = view.mostReliablePaths(from: [0], to: 10, probabilities: p, options: PathSearchOptions(count: 8, maxHops: maxHops))
      #expect(got.count == min(8, all.count))
      for (i, path) in got.enumerated() {
        #expect(abs(path.reliability - all[i]) < 1e-12 * max(1, all[i]), "rank \(i + 1), max hops \(String(describing: maxHops))")
        if let h = maxHops { #expect(path.hops <= h) }
        if i > 0 { #expect(got[i - 1].reliability >= path.reliability * (1 - 1e-12)) }
      }
      #expect(Set(got.map(\.people)).count == got.count)
    }
  }

  //  t1 ─0.9─ a ─0.9─ x        Two team members: the best path starts at t1 (0.9 · 0.9 = 0.81), the second
  //  t2 ─0.8──────────┘        at t2 (0.8); there is no third. Avoiding a leaves t2 → x; one hop at most too.
  @Test func severalSourcesAndAvoid() throws {
    var b = SocialGraphBuilder()
    for id in ["t1", "t2", "a", "x"] { try b.addPerson(Person(id: id, isInternal: id.hasPrefix("t"))) }
    let k = b.kindIndex(for: .friendship)
    for (u, v, w) in [(0, 2, 0.9), (2, 3, 0.9), (1, 3, 0.8)] {
      try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: w, kind: k, isDirected: false))
    }
    let g = try b.build()
    let p = g.social.spreadProbabilities(.tie)
    let paths = g.social.mostReliablePaths(from: [0, 1], to: 3, probabilities: p, options: PathSearchOptions(count: 5))
    #expect(paths.map(\.people) == [[0, 2, 3], [1, 3]])
    #expect(abs(paths[0].reliability - 0.81) < 1e-12 && abs(paths[1].reliability - 0.8) < 1e-12)
    let avoiding = g.social.mostReliablePaths(from: [0, 1], to: 3, probabilities: p, options: PathSearchOptions(count: 5, avoid: [2]))
    #expect(avoiding.map(\.people) == [[1, 3]])
    #expect(g.social.mostReliablePaths(from: [0, 1], to: 3, probabilities: p, options: PathSearchOptions(count: 5, maxHops: 1)).map(\.people) == [[1, 3]])
  }

  /// Tie probability (DESIGN.md): weights in (0, 1] are probabilities; otherwise weight / largest weight.
  @Test func tieProbabilityRule() throws {
    var b = SocialGraphBuilder()
    for id in ["a", "b", "c"] { try b.addPerson(Person(id: id)) }
    let k = b.kindIndex(for: .friendship)
    try b.addTie(Tie(source: 0, target: 1, weight: 4, kind: k, isDirected: false))
    try b.addTie(Tie(source: 1, target: 2, weight: 1, kind: k, isDirected: false))
    let g = try b.build()
    let p = g.social.spreadProbabilities(.tie)
    #expect(probability(g.social, p, 0, 1) == 1 && probability(g.social, p, 1, 2) == 0.25)
    let wc = g.social.spreadProbabilities(.weightedCascade)
    #expect(probability(g.social, wc, 0, 1) == 0.5 && probability(g.social, wc, 1, 0) == 1)
  }
}

/// Exact expected reach by enumerating live-edge worlds. IC: each arc live independently with its probability.
/// LT: each person picks one in-arc with its weight b (or none with 1 − Σ b).
private func exactReach(_ net: DiffusionNetwork, seeds: [Int], model: DiffusionModel) -> (mean: Double, perPerson: [Double]) {
  let n = net.nodeCount
  var perPerson = [Double](repeating: 0, count: n)
  var mean = 0.0
  func reach(_ live: (Int, Int) -> Bool) -> [Bool] {   // live(arc index, target)
    var seen = [Bool](repeating: false, count: n), queue = seeds
    for s in seeds { seen[s] = true }
    while let u = queue.popLast() {
      for a in Int(net.outOffsets[u])..<Int(net.outOffsets[u + 1]) {
        let v = Int(net.outTargets[a])
        if !seen[v] && live(a, u) { seen[v] = true; queue.append(v) }
      }
    }
    return seen
  }
  func add(_ seen: [Bool], _ weight: Double) {
    for v in 0..<n where seen[v] { perPerson[v] += weight; mean += weight }
  }
  switch model {
  case .independentCascade:
    let m = net.arcCount
    for mask in 0..<(1 << m) {
      var w = 1.0
      for a in 0..<m { w *= mask & (1 << a) != 0 ? net.outProbability[a] : 1 - net.outProbability[a] }
      add(reach { a, _ in mask & (1 << a) != 0 }, w)
    }
  case .linearThreshold:
    // choice[v] ∈ in-arcs of v ∪ {none}
    var choice = [Int](repeating: -1, count: n)
    func enumerate(_ v: Int, _ w: Double) {
      if v == n {
        add(reach { a, u in
          let t = Int(net.outTargets[a])
          return choice[t] >= 0 && Int(net.inSources[choice[t]]) == u
        }, w)
        return
      }
      let row = Int(net.inOffsets[v])..<Int(net.inOffsets[v + 1])
      let rest = 1 - row.reduce(0) { $0 + net.inWeight[$1] }
      if rest > 1e-15 { choice[v] = -1; enumerate(v + 1, w * rest) }
      for s in row { choice[v] = s; enumerate(v + 1, w * net.inWeight[s]) }
      choice[v] = -1
    }
    enumerate(0, 1)
  }
  return (mean, perPerson)
}

//     a ── b ── c          Seven people, eight ties (16 arcs: 65,536 IC worlds), weights 0.3–0.9.
//     │ ╲  │    │
//     d ── e    f ── g
private func smallNetwork() throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for id in ["a", "b", "c", "d", "e", "f", "g"] { try b.addPerson(Person(id: id)) }
  let k = b.kindIndex(for: .friendship)
  for (u, v, w) in [(0, 1, 0.6), (1, 2, 0.5), (0, 3, 0.4), (0, 4, 0.3), (1, 4, 0.7), (3, 4, 0.8), (2, 5, 0.9), (5, 6, 0.45)] {
    try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: w, kind: k, isDirected: false))
  }
  return try b.build()
}

@Suite struct DiffusionTests {
  /// Monte Carlo within three standard errors of the exact expected reach, for both models and several seed sets.
  @Test(arguments: [DiffusionModel.independentCascade, .linearThreshold])
  func monteCarloMatchesExactEnumeration(_ model: DiffusionModel) throws {
    let g = try smallNetwork()
    let net = g.social.diffusionNetwork(.tie)
    #expect(net.arcCount == 16)
    for seeds in [[0], [2], [0, 6], [4, 5]] {
      let exact = exactReach(net, seeds: seeds, model: model)
      let mc = net.simulate(from: seeds.map { NodeIndex($0) }, model: model, runs: 20_000, seed: 99)
      #expect(mc.standardError > 0)
      #expect(abs(mc.expectedReach - exact.mean) <= 3 * mc.standardError, "\(model) seeds \(seeds): MC \(mc.expectedReach) ± \(mc.standardError), exact \(exact.mean)")
      for v in 0..<7 {
        // a Bernoulli share of 20,000 runs: 3 σ is at most 0.011
        #expect(abs(mc.activation[v] - exact.perPerson[v]) < 0.012, "\(model) seeds \(seeds) person \(v)")
      }
      for s in seeds { #expect(mc.activation[s] == 1) }
    }
  }

  /// The same seed gives the same bytes whatever the block schedule: runs split into blocks run serially or in
  /// parallel; different seeds differ.
  @Test func sameSeedSameResult() throws {
    let g = try randomGraph(n: 400, density: 0.02, seed: 5)
    let net = g.social.diffusionNetwork(.tie)
    let a = net.simulate(from: [0, 1], model: .independentCascade, runs: 3_000, seed: 7)
    let b = net.simulate(from: [1, 0], model: .independentCascade, runs: 3_000, seed: 7)
    let c = net.simulate(from: [0, 1], model: .independentCascade, runs: 3_000, seed: 8)
    #expect(a.activation == b.activation && a.expectedReach == b.expectedReach && a.standardError == b.standardError)
    #expect(a.activation != c.activation)
  }

  // The hop-ball greedy starts from bounds, not gains (issue 16): its seeds and gains are the plain greedy's,
  // evaluated here by brute force (every candidate's ball each round, ties to the smaller index).
  @Test func hopBestSeedsAreThePlainGreedys() throws {
    for (seed, density) in [(UInt64(3), 0.01), (11, 0.03), (29, 0.006)] {
      let g = try randomGraph(n: 150, density: density, seed: seed)
      let net = g.social.diffusionNetwork(.tie)
      for hops in [1, 2, 3] {
        var covered = [Bool](repeating: false, count: net.nodeCount)
        var seeds: [NodeIndex] = [], gains: [Double] = []
        for _ in 0..<6 {
          var best: (v: NodeIndex, gain: Int)? = nil
          for v in 0..<NodeIndex(net.nodeCount) where !seeds.contains(v) {
            let d = net.hopDistances(from: [v], hops: hops)
            let gain = d.indices.filter { d[$0] >= 0 && !covered[$0] }.count
            if best == nil || gain > best!.gain { best = (v, gain) }
          }
          seeds.append(best!.v); gains.append(Double(best!.gain))
          let d = net.hopDistances(from: [best!.v], hops: hops)
          for u in d.indices where d[u] >= 0 { covered[u] = true }
        }
        let lazy = net.bestSeeds(count: 6, hops: hops)
        #expect(lazy.seeds == seeds && lazy.gains == gains, "seed \(seed), hops \(hops)")
      }
    }
  }

  @Test func hopDistances() throws {
    let g = try smallNetwork()
    let net = g.social.diffusionNetwork(.tie)
    #expect(net.hopDistances(from: [0], hops: 2) == [0, 1, 2, 1, 1, -1, -1])
    #expect(net.hopDistances(from: [6], hops: 10) == [4, 3, 2, 5, 4, 1, 0])   // d only via a or e
  }
}

//  a ── b        Six people, six ties (12 arcs: 4,096 IC worlds), for brute force over seed sets.
//   ╲  │
//     c ── d ── e ── f
private func tinyNetwork() throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for id in ["a", "b", "c", "d", "e", "f"] { try b.addPerson(Person(id: id)) }
  let k = b.kindIndex(for: .friendship)
  for (u, v, w) in [(0, 1, 0.7), (1, 2, 0.4), (0, 2, 0.5), (2, 3, 0.6), (3, 4, 0.3), (4, 5, 0.8)] {
    try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: w, kind: k, isDirected: false))
  }
  return try b.build()
}

@Suite struct SeedSelectionTests {
  /// Greedy seeds (CELF on Monte Carlo worlds, and IMM) reach at least (1 − 1/e) of the best set found by brute
  /// force over every set of k people, each valued exactly by enumeration; the hop greedy likewise.
  @Test(arguments: [1, 2, 3])
  func greedyIsWithinOneMinusOneOverEOfBruteForce(_ k: Int) throws {
    let g = try tinyNetwork()
    let net = g.social.diffusionNetwork(.tie)
    for model in [DiffusionModel.independentCascade, .linearThreshold] {
      var best = 0.0
      func subsets(_ start: Int, _ chosen: [Int]) {
        if chosen.count == k { best = max(best, exactReach(net, seeds: chosen, model: model).mean); return }
        for v in start..<6 { subsets(v + 1, chosen + [v]) }
      }
      subsets(0, [])
      for method in SeedSelectionOptions.Method.allCases {
        var o = SeedSelectionOptions(count: k)
        o.model = model; o.method = method; o.runs = 2_000; o.epsilon = 0.2
        let s = try net.bestSeeds(o)
        #expect(s.seeds.count == k && Set(s.seeds).count == k)
        let value = exactReach(net, seeds: s.seeds.map(Int.init), model: model).mean
        #expect(value >= (1 - 1 / M_E) * best, "\(model) \(method) k=\(k): \(value) vs optimum \(best)")
      }
    }
  }

  /// With common random numbers the lazy greedy is exactly the plain greedy on the same worlds.
  @Test func lazyGreedyEqualsPlainGreedy() throws {
    let g = try randomGraph(n: 60, density: 0.06, seed: 11)
    let net = g.social.diffusionNetwork(.tie)
    var o = SeedSelectionOptions(count: 4)
    o.runs = 300; o.seed = 3
    let lazy = try net.bestSeeds(o)
    var oracle = WorldOracle(net: net, model: .independentCascade, runs: 300, seed: 3, targets: nil)
    var plain: [NodeIndex] = []
    for _ in 0..<4 {
      let rest = (0..<NodeIndex(60)).filter { !plain.contains($0) }
      let gains = rest.map { oracle.gain($0) }
      let i = gains.indices.max { gains[$0] != gains[$1] ? gains[$0] < gains[$1] : rest[$0] > rest[$1] }!
      plain.append(rest[i]); oracle.commit(rest[i])
    }
    #expect(lazy.seeds == plain)
    #expect(abs(lazy.estimatedReach - oracle.value) < 1e-9)
  }

  //  Budget (every probability 1, so a seed reaches its component): the star a–{b, c, d, e} costs 10 per person,
  //  the pairs f–g and h–i cost 1 per person. Budget 2: only the pairs fit → f, h, reach 4. Budget 11: the unit-cost
  //  greedy takes a (5), then f (2) → 7; the benefit-per-cost greedy takes f, h (2 per unit each) and then cannot
  //  afford a → 4; the better of the two, 7, is kept.
  @Test func budgetRunsBothGreedies() throws {
    var b = SocialGraphBuilder()
    for id in ["a", "b", "c", "d", "e", "f", "g", "h", "i"] { try b.addPerson(Person(id: id)) }
    let k = b.kindIndex(for: .friendship)
    for (u, v) in [(0, 1), (0, 2), (0, 3), (0, 4), (5, 6), (7, 8)] {
      try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: 1, kind: k, isDirected: false))
    }
    let g = try b.build()
    let net = g.social.diffusionNetwork(.tie)
    var o = SeedSelectionOptions(count: 5)
    o.costs = [10, 10, 10, 10, 10, 1, 1, 1, 1]; o.budget = 2; o.runs = 10
    let cheap = try net.bestSeeds(o)
    #expect(cheap.seeds == [5, 7] && cheap.estimatedReach == 4 && cheap.cost == 2)
    o.budget = 11
    let both = try net.bestSeeds(o)
    #expect(both.seeds == [0, 5] && both.estimatedReach == 7 && both.cost == 11)
    let hops = net.bestSeeds(count: 2, hops: 1, costs: o.costs, budget: 2)
    #expect(hops.seeds == [5, 7] && hops.estimatedReach == 4)
  }

  /// Targets: the seeds reach the target set, candidates restrict who may be chosen.
  @Test func targetsAndCandidates() throws {
    let g = try smallNetwork()
    let net = g.social.diffusionNetwork(.uniform(1))
    var o = SeedSelectionOptions(count: 1)
    o.targets = [5, 6]; o.candidates = [0, 1, 3]; o.runs = 5
    let s = try net.bestSeeds(o)
    #expect(s.seeds.count == 1 && [0, 1, 3].contains(s.seeds[0]))
    #expect(s.estimatedReach == 2)
    let check = net.simulate(from: s.seeds, model: .independentCascade, runs: 5, seed: 1, targets: (0..<7).map { $0 >= 5 })
    #expect(check.expectedReach == 2)
  }
}
