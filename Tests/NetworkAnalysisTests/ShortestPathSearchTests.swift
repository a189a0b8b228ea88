// The one Dijkstra (Paths/ShortestPathSearch) against Bellman–Ford written out here: the same least lengths on
// seeded random graphs with several sources, blocked people and ties, a region test and a stop at a target, and
// the edge cases (no people, one person, no ties, a blocked source, a search that reuses its scratch).
import Testing
@testable import NetworkAnalysis
import SocialGraph

/// Least lengths by Bellman–Ford relaxation to a fixed point, honouring the same blocks and region.
private func bellmanFord(_ rows: Adjacency, _ len: ContiguousArray<Double>, sources: [(NodeIndex, Double)],
                         blockedPeople: Set<Int32>, blockedTies: Set<Int32>, region: (Int32) -> Bool) -> [Double] {
  var d = [Double](repeating: .infinity, count: rows.nodeCount)
  for (s, l) in sources where !blockedPeople.contains(s) { d[Int(s)] = min(d[Int(s)], l) }
  var changed = true
  while changed {
    changed = false
    for u in 0..<rows.nodeCount where d[u] < .infinity {
      for p in rows.slots(NodeIndex(u)) {
        let v = rows.targets[p]
        guard !blockedPeople.contains(v), !blockedTies.contains(rows.edgeIDs[p]), region(v) else { continue }
        if d[u] + len[p] < d[Int(v)] { d[Int(v)] = d[u] + len[p]; changed = true }
      }
    }
  }
  return d
}

private func randomView(n: Int, density: Double, seed: UInt64) throws -> GraphView {
  var rng = SplitMix64(seed: seed)
  var b = SocialGraphBuilder()
  for i in 0..<n { try b.addPerson(Person(id: "p\(i)")) }
  let k = b.kindIndex(for: .friendship)
  for u in 0..<n { for v in (u + 1)..<max(u + 1, n) where rng.nextUnit() < density {
    try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: 0.05 + 0.95 * rng.nextUnit(), kind: k, isDirected: false))
  } }
  return try b.build().social
}

@Suite struct ShortestPathSearchTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6])
  func leastLengthsEqualBellmanFord(seed: UInt64) throws {
    let view = try randomView(n: 60, density: 0.08, seed: seed)
    let len = GraphView.reliabilityLengths(view.spreadProbabilities(.tie))
    var rng = SplitMix64(seed: seed &* 7919)
    var search = ShortestPathSearch(nodeCount: view.nodeCount, edgeCount: view.edgeCount)
    for round in 0..<5 {   // the same scratch, five times: nothing may leak from one search into the next
      let sources = (0..<3).map { _ in (NodeIndex(Int(rng.nextUnit() * 60)), rng.nextUnit()) }
      var people = Set<Int32>(), ties = Set<Int32>()
      search.unblockAll()
      for _ in 0..<4 { let v = Int32(Int(rng.nextUnit() * 60)); people.insert(v); search.block(person: v) }
      for _ in 0..<10 where view.edgeCount > 0 {
        let e = Int32(Int(rng.nextUnit() * Double(view.edgeCount))); ties.insert(e); search.block(tie: e)
      }
      let region: (Int32) -> Bool = round.isMultiple(of: 2) ? { _ in true } : { $0 % 3 != 0 }
      search.run(rows: view.out, lengths: len, from: sources, enter: { v, _, _ in region(v) })
      let want = bellmanFord(view.out, len, sources: sources, blockedPeople: people, blockedTies: ties, region: region)
      for v in 0..<view.nodeCount {
        let (a, b) = (search.length[v], want[v])
        #expect(a == b || abs(a - b) <= 1e-12 * max(1, b), "seed \(seed) round \(round) person \(v): \(a) vs \(b)")
        if a < .infinity {   // the parents spell a path of exactly that length
          let path = try #require(search.path(to: NodeIndex(v)))
          var total = sources.filter { $0.0 == path[0] }.map(\.1).min()!
          for h in 1..<path.count { total += len[view.out.slot(from: path[h - 1], to: path[h])!] }
          #expect(abs(total - a) <= 1e-12 * max(1, a))
        } else {
          #expect(search.path(to: NodeIndex(v)) == nil && search.parent[v] == -1)
        }
      }
      #expect(Set(search.reached).count == search.reached.count)
      #expect(search.reached.allSatisfy { search.length[Int($0)] < .infinity })
    }
  }

  // A chain 0 – 1 – 2 – 3 with lengths 1: stopping at 2 leaves 3 unreached; blocking 1 leaves 2 unreached; a
  // blocked source is not started from; expand false keeps a person's length but goes no further.
  @Test func targetBlocksAndExpand() throws {
    var b = SocialGraphBuilder()
    for i in 0..<4 { try b.addPerson(Person(id: "c\(i)")) }
    let k = b.kindIndex(for: .friendship)
    for i in 0..<3 { try b.addTie(Tie(source: Int32(i), target: Int32(i + 1), weight: 1, kind: k, isDirected: false)) }
    let view = try b.build().social
    let ones = ContiguousArray<Double>(repeating: 1, count: view.out.slotCount)
    var s = ShortestPathSearch(nodeCount: 4, edgeCount: view.edgeCount)
    s.run(rows: view.out, lengths: ones, from: [(0, 0)], target: 2)
    #expect(s.length == [0, 1, 2, .infinity] && s.path(to: 2) == [0, 1, 2])
    s.block(person: 1)
    s.run(rows: view.out, lengths: ones, from: [(0, 0)])
    #expect(s.length == [0, .infinity, .infinity, .infinity] && s.reached == [0])
    s.run(rows: view.out, lengths: ones, from: [(1, 0), (3, 5)])
    #expect(s.length == [.infinity, .infinity, 6, 5])
    s.unblockAll()
    s.block(tie: Int32(view.edge(1, 2)!))
    s.run(rows: view.out, lengths: ones, from: [(0, 0)])
    #expect(s.length == [0, 1, .infinity, .infinity])
    s.unblockAll()
    s.run(rows: view.out, lengths: ones, from: [(0, 0), (0, 3)], expand: { u, _ in u != 1 })
    #expect(s.length == [0, 1, .infinity, .infinity])
  }

  @Test func emptyAndTinyGraphs() throws {
    var s0 = ShortestPathSearch(nodeCount: 0)
    let empty = try SocialGraphBuilder().build().social
    s0.run(rows: empty.out, lengths: [], from: [])
    #expect(s0.reached.isEmpty && s0.length.isEmpty)
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "alone"))
    let one = try b.build().social
    var s1 = ShortestPathSearch(nodeCount: 1)
    s1.run(rows: one.out, lengths: [], from: [(0, 0.5)], target: 0)
    #expect(s1.length == [0.5] && s1.path(to: 0) == [0])
  }
}

// The radix heap of the Brandes sweep: a Dijkstra-like monotone sequence (each push at least the last key popped,
// duplicates and equal keys included) comes out in non-decreasing key order, every entry exactly once.
@Suite struct RadixHeapTests {
  @Test(arguments: [1, 2, 3])
  func popsInKeyOrder(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let heap = RadixHeap()
    for round in 0..<3 {   // reused after removeAll, as per source
      heap.removeAll()
      var pushed: [(Double, Int32)] = [], popped: [(Double, Int32)] = []
      var last = 0.0
      heap.push(0, 0); pushed.append((0, 0))
      var id: Int32 = 1
      while !heap.isEmpty {
        let (k, v) = heap.pop()
        #expect(k >= last, "round \(round): \(k) after \(last)")
        last = k
        popped.append((k, v))
        guard id < 3_000 else { continue }
        for _ in 0..<Int(rng.nextUnit() * 4) {
          // lengths like 1 / weight, and some exact repeats of the current key
          let key = rng.nextUnit() < 0.1 ? k : k + 1 / (0.05 + rng.nextUnit())
          heap.push(key, id); pushed.append((key, id)); id += 1
        }
      }
      #expect(popped.count == pushed.count)
      #expect(popped.map(\.0) == pushed.map(\.0).sorted())
      #expect(Set(popped.map(\.1)) == Set(pushed.map(\.1)))
    }
  }
  // reliabilityGains shares one search among the pendants of a host (one per host and tie length): equal, up to
  // rounding, to one reliabilityGain search per candidate. A random network with spokes added: five on p0 with
  // one weight, three on p1 with two weights, a spoke on a spoke's host that the team reaches only through it,
  // and a pair tied only to each other; the team starts at p2 and p3, only even people count.
  @Test(arguments: [1, 2, 3])
  func pendantGainsEqualOneSearchEach(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    var b = SocialGraphBuilder()
    let n = 60, extra = 13
    for i in 0..<(n + extra) { try b.addPerson(Person(id: "p\(i)")) }
    let k = b.kindIndex(for: .friendship)
    func tie(_ u: Int, _ v: Int, _ w: Double) throws {
      try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: w, kind: k, isDirected: false))
    }
    for u in 0..<n { for v in (u + 1)..<n where rng.nextUnit() < 0.06 { try tie(u, v, 0.05 + 0.95 * rng.nextUnit()) } }
    for s in 0..<5 { try tie(0, n + s, 0.7) }
    for s in 5..<8 { try tie(1, n + s, s == 7 ? 0.3 : 0.9) }
    try tie(n + 8, n + 9, 0.8); try tie(n + 9, 4, 0.8); try tie(n + 10, n + 8, 0.6)   // a chain end on a spoke
    try tie(n + 11, n + 12, 0.5)                                                      // a pair
    let view = try b.build().social
    let probabilities = view.spreadProbabilities(.tie)
    let lengths = GraphView.reliabilityLengths(probabilities)
    let base = view.bestReliabilities(from: [(2, 0.9), (3, 0.6)], probabilities: probabilities)
    let candidates = (0..<view.nodeCount).map { NodeIndex($0) }
    let counted: (NodeIndex) -> Bool = { $0 % 2 == 0 }
    let shared = view.reliabilityGains(for: candidates, start: 0.8, base: base, lengths: lengths, counted: counted)
    var search = ShortestPathSearch(nodeCount: view.nodeCount)
    var positive = 0
    for c in candidates {
      let one = view.reliabilityGain(from: c, start: 0.8, base: base, lengths: lengths, search: &search, counted: counted)
      #expect(abs(shared[Int(c)] - one) <= 1e-12 * max(1, one), "seed \(seed) p\(c): \(shared[Int(c)]) vs \(one)")
      if one > 0 && c >= n { positive += 1 }
    }
    #expect(positive >= 4, "the spokes must gain something for the test to mean anything (\(positive))")
  }
}

/// Dial's buckets (`BucketQueue`) in Brandes' weighted sweep: pops come out bucket by bucket, and the sweep gives
/// what it gives with the radix heap — the same people reached, and distance sums, harmonic sums and betweenness
/// equal up to the rounding of a different order of additions — on undirected and directed random networks, with
/// weights 1, 2, 3 (many shortest paths of equal length: path counts above 1 and ties within a bucket) and with
/// weights spread over [0.05, 1].
@Suite struct BucketQueueTests {
  @Test(arguments: [1, 2, 3])
  func popsBucketByBucket(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let (shortest, longest) = (0.3, 7.0)
    let q = BucketQueue(shortest: shortest, longest: longest)
    for round in 0..<3 {   // reused after removeAll, as per source
      q.removeAll()
      var pushed = 1, popped = 0
      var lastBucket = 0
      q.push(0, 0)
      while !q.isEmpty {
        let (k, _) = q.pop()
        let bucket = Int(k / (shortest / 2))
        #expect(bucket >= lastBucket, "round \(round): bucket \(bucket) after \(lastBucket)")
        lastBucket = bucket
        popped += 1
        guard pushed < 2_000 else { continue }
        for _ in 0..<Int(rng.nextUnit() * 4) {
          q.push(k + shortest + (longest - shortest) * rng.nextUnit(), Int32(pushed)); pushed += 1
        }
      }
      #expect(popped == pushed)
    }
  }

  @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
  func sweepEqualsTheRadixHeapSweep(directed: Bool, integerWeights: Bool) throws {
    for seed in UInt64(1)...4 {
      var rng = SplitMix64(seed: seed &* 31 &+ (directed ? 7 : 0) &+ (integerWeights ? 3 : 0))
      var b = SocialGraphBuilder()
      let n = 80
      for i in 0..<n { try b.addPerson(Person(id: "p\(i)")) }
      let k = b.kindIndex(for: .advice)
      for u in 0..<n { for v in 0..<n where u != v && (directed || u < v) && rng.nextUnit() < 0.06 {
        let w = integerWeights ? Double(1 + Int(rng.nextUnit() * 3)) : 0.05 + 0.95 * rng.nextUnit()
        try b.addTie(Tie(source: Int32(u), target: Int32(v), weight: w, kind: k, isDirected: directed))
      } }
      let g = try b.build()
      let view = directed ? try #require(g.layer(.advice)) : g.social
      #expect(view.isDirected == directed)
      let buckets = ShortestPathSweep(forward: view.out, backward: view.inbound, weighted: true)
      var heap = buckets
      heap.allowBuckets = false
      let (a, h) = (buckets.run(betweenness: true), heap.run(betweenness: true))
      #expect(a.reached == h.reached)
      #expect(h.betweenness.contains { $0 > 0 })
      for v in 0..<n {
        for (x, y, what) in [(a.distanceSum[v], h.distanceSum[v], "distance sum"), (a.harmonicSum[v], h.harmonicSum[v], "harmonic sum"),
                             (a.betweenness[v], h.betweenness[v], "betweenness")] {
          #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "seed \(seed) person \(v) \(what): \(x) vs \(y)")
        }
      }
    }
  }
}
