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
