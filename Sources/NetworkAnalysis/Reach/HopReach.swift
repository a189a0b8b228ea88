import SocialGraph

extension DiffusionNetwork {
  /// Hop distance from the nearest seed to each person (−1 beyond `hops` or unreachable), along arcs.
  /// - Complexity: O(n + m).
  public func hopDistances(from seeds: [NodeIndex], hops: Int) -> [Int32] {
    var dist = [Int32](repeating: -1, count: nodeCount)
    var queue: [Int32] = []
    for s in Set(seeds).sorted() { dist[Int(s)] = 0; queue.append(s) }
    var head = 0
    while head < queue.count {
      let u = Int(queue[head]); head += 1
      guard dist[u] < hops else { continue }
      for a in Int(outOffsets[u])..<Int(outOffsets[u + 1]) {
        let v = Int(outTargets[a])
        if dist[v] < 0 { dist[v] = dist[u] + 1; queue.append(Int32(v)) }
      }
    }
    return dist
  }

  /// The `count` people (within `budget` when costs are given) whose `hops`-hop neighbourhoods cover the most
  /// people — or targets — together: the greedy maximum coverage, (1 − 1/e)-optimal (Nemhauser, Wolsey &
  /// Fisher 1978), lazily evaluated as in `bestSeeds`. Deterministic; no sampling.
  /// - Complexity: O(hops · arcs) for the first round's bounds, plus O(ball) per lazy evaluation.
  public func bestSeeds(count: Int, hops: Int, candidates: [NodeIndex]? = nil, targets: [NodeIndex]? = nil,
                        costs: [Double]? = nil, budget: Double? = nil) -> SeedSelection {
    let list = (candidates ?? (0..<NodeIndex(nodeCount)).map { $0 }).sorted()
    let mask = membership(targets)
    return selectSeeds(candidates: list, count: count, costs: costs, budget: budget, method: .celf, samples: 1) {
      BallOracle(net: self, hops: hops, targets: mask)
    }
  }

  /// `hopDistances` as a reach: probability 1 within `hops` of the seeds, 0 beyond; one "run", no error.
  public func hopReach(from seeds: [NodeIndex], hops: Int) -> ReachEstimate {
    let reached = hopDistances(from: seeds, hops: hops).map { $0 >= 0 ? 1.0 : 0 }
    return ReachEstimate(runs: 1, expectedReach: reached.reduce(0, +), standardError: 0, activation: reached)
  }
}

/// Coverage of hop balls: the gain of v is the number of (target) people within `hops` of v not yet covered.
///
/// Around a hub every ball is the whole graph, so exact first-round gains cost n per candidate (a hub of 200,000
/// ties: 163 s). Instead the first round takes upper bounds — a count that is never below the ball's size (below), all
/// at once in O(hops · arcs) — and the lazy greedy evaluates exactly only the candidates
/// that reach the top (the choice is the same as with exact gains: a bound is never below the gain, ties go to
/// the smaller index either way). Once every target is covered a gain is 0 without a search. Each search reuses
/// one distance array and resets only what it touched.
struct BallOracle: SpreadOracle {
  let net: DiffusionNetwork
  let hops: Int
  let targets: [Bool]?
  private var covered: [Bool]
  private var total = 0
  private let coverable: Int
  private var dist: [Int32]
  private var queue: [Int32] = []

  init(net: DiffusionNetwork, hops: Int, targets: [Bool]?) {
    self.net = net; self.hops = hops; self.targets = targets
    covered = [Bool](repeating: false, count: net.nodeCount)
    coverable = targets.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? net.nodeCount
    dist = [Int32](repeating: -1, count: net.nodeCount)
  }

  var value: Double { Double(total) }
  var initialGainsAreBounds: Bool { true }

  /// For each candidate a bound of its ball: B₀(u) = 1, B_k(u) = min(n, 1 + Σ_{w ∈ N(u)} B_{k−1}(w)), since the
  /// k-ball of u is u and the (k−1)-balls of its neighbours; iterated `hops` times or until nothing changes.
  mutating func initialGains(_ candidates: [NodeIndex]) -> [Double] {
    let n = net.nodeCount
    var bound = [Double](repeating: 1, count: n), next = bound
    for _ in 0..<min(hops, n) {
      var changed = false
      for u in 0..<n {
        var b = 1.0
        for a in Int(net.outOffsets[u])..<Int(net.outOffsets[u + 1]) { b += bound[Int(net.outTargets[a])] }
        next[u] = min(b, Double(n))
        if next[u] != bound[u] { changed = true }
      }
      swap(&bound, &next)
      if !changed { break }
    }
    return candidates.map { min(bound[Int($0)], Double(coverable)) }
  }

  /// Visits v's ball, calling `body` on each uncovered target in it.
  private mutating func visitBall(_ v: NodeIndex, _ body: (inout BallOracle, Int) -> Void) {
    queue.removeAll(keepingCapacity: true)
    dist[Int(v)] = 0
    queue.append(v)
    var head = 0
    while head < queue.count {
      let u = Int(queue[head]); head += 1
      if !covered[u] && (targets?[u] ?? true) { body(&self, u) }
      guard dist[u] < hops else { continue }
      for a in Int(net.outOffsets[u])..<Int(net.outOffsets[u + 1]) {
        let w = Int(net.outTargets[a])
        if dist[w] < 0 { dist[w] = dist[u] + 1; queue.append(Int32(w)) }
      }
    }
    for u in queue { dist[Int(u)] = -1 }
  }

  mutating func gain(_ v: NodeIndex) -> Double {
    guard total < coverable else { return 0 }
    var count = 0
    visitBall(v) { _, _ in count += 1 }
    return Double(count)
  }

  mutating func commit(_ v: NodeIndex) {
    guard total < coverable else { return }
    visitBall(v) { oracle, u in oracle.covered[u] = true; oracle.total += 1 }
  }
}
