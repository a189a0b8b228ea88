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
  /// - Complexity: O(candidates · ball size) for the first round, plus the lazy re-evaluations.
  public func bestSeeds(count: Int, hops: Int, candidates: [NodeIndex]? = nil, targets: [NodeIndex]? = nil,
                        costs: [Double]? = nil, budget: Double? = nil) -> SeedSelection {
    let n = nodeCount
    let list = (candidates ?? (0..<NodeIndex(n)).map { $0 }).sorted()
    var mask: [Bool]?
    if let targets { var m = [Bool](repeating: false, count: n); for t in targets { m[Int(t)] = true }; mask = m }
    let cost: (NodeIndex) -> Double = { costs?[Int($0)] ?? 1 }
    var unit = BallOracle(net: self, hops: hops, targets: mask)
    var result = lazyGreedy(&unit, candidates: list, count: count, cost: cost, budget: budget ?? .infinity, perCost: false)
    var value = unit.value
    if costs != nil {
      var ratio = BallOracle(net: self, hops: hops, targets: mask)
      let r = lazyGreedy(&ratio, candidates: list, count: count, cost: cost, budget: budget ?? .infinity, perCost: true)
      if ratio.value > value { result = r; value = ratio.value }
    }
    return SeedSelection(seeds: result.seeds, gains: result.gains, estimatedReach: value, method: .celf, samples: 1,
                         cost: result.seeds.reduce(0) { $0 + cost($1) })
  }
}

/// Coverage of hop balls: the gain of v is the number of (target) people within `hops` of v not yet covered.
struct BallOracle: SpreadOracle {
  let net: DiffusionNetwork
  let hops: Int
  let targets: [Bool]?
  private var covered: [Bool]
  private var total = 0

  init(net: DiffusionNetwork, hops: Int, targets: [Bool]?) {
    self.net = net; self.hops = hops; self.targets = targets
    covered = [Bool](repeating: false, count: net.nodeCount)
  }

  var value: Double { Double(total) }

  private func ball(_ v: NodeIndex) -> [Int] {
    let d = net.hopDistances(from: [v], hops: hops)
    return d.indices.filter { d[$0] >= 0 && !covered[$0] && (targets?[$0] ?? true) }
  }

  mutating func initialGains(_ candidates: [NodeIndex]) -> [Double] { candidates.map { gain($0) } }
  mutating func gain(_ v: NodeIndex) -> Double { Double(ball(v).count) }
  mutating func commit(_ v: NodeIndex) {
    for u in ball(v) { covered[u] = true; total += 1 }
  }
}
