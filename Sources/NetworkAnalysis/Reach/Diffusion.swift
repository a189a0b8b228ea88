import SocialGraph

/// The expected reach of a seed set, estimated by Monte Carlo.
public struct ReachEstimate: Sendable {
  public var runs: Int
  /// Mean number of people convinced per run, the seeds included (only targets, when targets are counted).
  public var expectedReach: Double
  /// Standard error of that mean: sample standard deviation / √runs (0 for one run).
  public var standardError: Double
  /// For each person, the share of runs in which they were convinced (1 for the seeds).
  public var activation: [Double]

  public init(runs: Int, expectedReach: Double, standardError: Double, activation: [Double]) {
    self.runs = runs; self.expectedReach = expectedReach; self.standardError = standardError; self.activation = activation
  }
}

extension DiffusionNetwork {
  /// Expected reach of `seeds` under `model`: `runs` live-edge worlds (see `DiffusionNetwork`), each the people
  /// reachable from the seeds along live arcs. With `targets`, only targets count towards the reach.
  /// Runs are split into blocks derived from `runs` and run in parallel; the counts are integers, so the result
  /// is the same whatever the thread count.
  /// - Complexity: O(runs · (n + m)) in the worst case, O(runs · reached arcs) in practice; O(n) per block.
  /// - Reference: Kempe, Kleinberg & Tardos (2003), §2 (both models) and Thms 2.4–2.5 (live-edge worlds).
  public func simulate(from seeds: [NodeIndex], model: DiffusionModel, runs: Int, seed: UInt64,
                       targets: [Bool]? = nil) -> ReachEstimate {
    let n = nodeCount
    guard runs > 0, n > 0 else { return ReachEstimate(runs: runs, expectedReach: 0, standardError: 0, activation: []) }
    let blocks = BlockParallel.blocks(count: runs, maxBlocks: 16)
    let parallel = runs > 1 && runs * (n + arcCount) > 400_000
    var counts = [Int32](repeating: 0, count: n * blocks.count)
    var totals = [(Int, Int)](repeating: (0, 0), count: blocks.count)   // Σ reach, Σ reach²
    let seedList = Array(Set(seeds)).sorted()
    counts.withUnsafeMutableBufferPointer { cb in
    totals.withUnsafeMutableBufferPointer { tb in
      let countS = DisjointSlots(cb), totalS = DisjointSlots(tb)
      BlockParallel.run(blocks, parallel: parallel) { b, range in
        var world = WorldWalk(nodeCount: n)
        let mine = UnsafeMutableBufferPointer(rebasing: countS.base[(n * b)..<(n * (b + 1))])
        var sum = 0, sumSquares = 0
        for r in range {
          let coins = WorldCoins(seed: seed, run: r)
          world.begin()
          for s in seedList { world.reach(s, in: self, model: model, coins: coins, blocked: nil) }
          var reach = 0
          for v in world.reached {
            mine[Int(v)] &+= 1
            if targets?[Int(v)] ?? true { reach += 1 }
          }
          sum += reach; sumSquares += reach * reach
        }
        totalS.base[b] = (sum, sumSquares)
      }
    }}
    var activation = [Double](repeating: 0, count: n)
    for b in 0..<blocks.count { for v in 0..<n { activation[v] += Double(counts[n * b + v]) } }
    for v in 0..<n { activation[v] /= Double(runs) }
    let sum = Double(totals.reduce(0) { $0 + $1.0 }), sumSquares = Double(totals.reduce(0) { $0 + $1.1 })
    let mean = sum / Double(runs)
    let variance = runs > 1 ? max(0, (sumSquares - sum * mean) / Double(runs - 1)) : 0
    return ReachEstimate(runs: runs, expectedReach: mean, standardError: (variance / Double(runs)).squareRoot(),
                         activation: activation)
  }

  /// The in-arc person v listens to in the linear-threshold world of `coins` (−1 for no one): the arc where
  /// U(seed, run, m + v) falls along v's cumulative weights.
  @inline(__always) func chosenSource(of v: Int, coins: WorldCoins) -> Int32 {
    var x = coins.unit(arcCount &+ v)
    for s in Int(inOffsets[v])..<Int(inOffsets[v + 1]) {
      x -= inWeight[s]
      if x < 0 { return inSources[s] }
    }
    return -1
  }
}

/// Per-worker scratch for walking live-edge worlds: who is reached in the current run (a stamp per person, so
/// nothing is cleared between runs), a flat queue, and each person's linear-threshold choice, drawn once per run.
struct WorldWalk {
  private var stamp: [Int32]
  private var choiceStamp: [Int32]
  private var choice: [Int32]
  private var current: Int32 = 0
  /// The people reached since `begin()`, in the order reached.
  private(set) var reached: [Int32] = []

  init(nodeCount n: Int) {
    stamp = [Int32](repeating: 0, count: n)
    choiceStamp = [Int32](repeating: 0, count: n)
    choice = [Int32](repeating: -1, count: n)
    reached.reserveCapacity(min(n, 1 << 16))
  }

  /// Starts a new run (or a new question about the same run: the linear-threshold choices are redrawn from the
  /// same coins, so they are the same).
  mutating func begin() {
    if current == Int32.max {
      for i in stamp.indices { stamp[i] = 0; choiceStamp[i] = 0 }
      current = 0
    }
    current += 1
    reached.removeAll(keepingCapacity: true)
  }

  /// Adds everyone reachable from `s` along live arcs of the world of `coins`, except people whose bit is set in
  /// `blocked` (already convinced: they and what they reach are known).
  mutating func reach(_ s: NodeIndex, in net: DiffusionNetwork, model: DiffusionModel, coins: WorldCoins,
                      blocked: UnsafeMutablePointer<UInt64>?) {
    @inline(__always) func isBlocked(_ v: Int) -> Bool {
      guard let blocked else { return false }
      return blocked[v >> 6] & (1 << UInt64(v & 63)) != 0
    }
    let s = Int(s)
    guard stamp[s] != current, !isBlocked(s) else { return }
    stamp[s] = current
    var head = reached.count
    reached.append(Int32(s))
    while head < reached.count {
      let u = Int(reached[head]); head += 1
      for a in Int(net.outOffsets[u])..<Int(net.outOffsets[u + 1]) {
        let v = Int(net.outTargets[a])
        guard stamp[v] != current else { continue }
        let live: Bool
        switch model {
        case .independentCascade:
          live = coins.unit(a) < net.outProbability[a]
        case .linearThreshold:
          if choiceStamp[v] != current { choiceStamp[v] = current; choice[v] = net.chosenSource(of: v, coins: coins) }
          live = choice[v] == Int32(u)
        }
        guard live, !isBlocked(v) else { continue }
        stamp[v] = current
        reached.append(Int32(v))
      }
    }
  }
}
