#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HeapModule
import SocialGraph

/// What `bestSeeds` optimises and how.
public struct SeedSelectionOptions: Sendable {
  public enum Method: String, Sendable, CaseIterable {
    /// Lazy greedy (CELF) on `runs` Monte Carlo worlds: for accounts (hundreds to a few thousand people).
    case celf
    /// Reverse-influence sampling (IMM): for large graphs.
    case imm
  }

  /// How many seeds, at most.
  public var count: Int
  public var model: DiffusionModel = .independentCascade
  public var method: Method = .celf
  /// Who may be chosen (nil: everyone).
  public var candidates: [NodeIndex]?
  /// Whom the seeds should reach (nil: everyone counts).
  public var targets: [NodeIndex]?
  /// Cost of activating each person (nil: every seed costs 1); with `budget`, the chosen seeds cost at most it.
  public var costs: [Double]?
  public var budget: Double?
  /// CELF: number of Monte Carlo worlds.
  public var runs = 1_000
  public var seed: UInt64 = TiemapDefaults.seed
  /// IMM: approximation slack ε and failure exponent ℓ (the result is (1 − 1/e − ε)-optimal with probability
  /// at least 1 − n^−ℓ).
  public var epsilon = 0.1
  public var ell = 1.0

  public init(count: Int) { self.count = count }
}

/// Seeds chosen by `bestSeeds`, in the order chosen.
public struct SeedSelection: Sendable {
  public var seeds: [NodeIndex]
  /// Estimated marginal reach of each seed when it was added (the estimator's own numbers).
  public var gains: [Double]
  /// The estimator's value of the whole set (Monte Carlo mean over the worlds, or IMM's n · F_R(S)).
  public var estimatedReach: Double
  public var method: SeedSelectionOptions.Method
  /// Worlds (CELF) or reverse-reachable sets (IMM) behind the estimate.
  public var samples: Int
  /// Total cost of the seeds (their number when no costs were given).
  public var cost: Double
}

extension DiffusionNetwork {
  /// The seed set of at most `options.count` people (and at most `options.budget` of cost) with the largest
  /// expected reach — or reach into `options.targets` — under `options.model`.
  ///
  /// - CELF: σ is estimated on `runs` fixed live-edge worlds (common random numbers), where it is a coverage
  ///   function, monotone and submodular, so the lazy greedy of Leskovec et al. re-evaluates only the top of a
  ///   heap of stale gains and returns exactly the plain greedy's set: (1 − 1/e)-optimal for the worlds'
  ///   estimate (Nemhauser, Wolsey & Fisher 1978). Per world, the people the chosen seeds reach are kept, so a
  ///   gain only explores what they do not reach.
  /// - IMM: θ reverse-reachable sets (a random root and everyone who would have convinced it in a random world)
  ///   are drawn in two phases (Tang, Shi & Xiao 2015, Algorithms 1–2), the greedy maximum coverage of them
  ///   picks the seeds; the final selection runs on a fresh sample, as Chen (2018) showed the original reuse
  ///   breaks the martingale argument. With targets, roots are drawn from the targets and n becomes their number.
  /// - Budget: with costs, both the unit-cost greedy and the benefit-per-cost greedy run within the budget and
  ///   the better of the two is kept (Leskovec et al. 2007, §3.1), which keeps a constant-factor guarantee.
  /// Deterministic for a given `seed`, whatever the thread count.
  /// - Complexity: CELF O(candidates · runs · reach) for the first round, then a few re-evaluations per seed;
  ///   IMM O((k + ℓ)(n + m) log n / ε²) expected.
  /// - Reference: J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen, N. Glance (2007),
  ///   "Cost-effective outbreak detection in networks", *KDD '07*, doi:10.1145/1281192.1281239; Y. Tang, Y. Shi,
  ///   X. Xiao (2015), "Influence maximization in near-linear time: a martingale approach", *SIGMOD '15*,
  ///   doi:10.1145/2723372.2723734; W. Chen (2018), "An issue in the martingale analysis of the influence
  ///   maximization algorithm IMM", arXiv:1808.09363; G. L. Nemhauser, L. A. Wolsey, M. L. Fisher (1978),
  ///   *Mathematical Programming* 14:265–294.
  /// - Throws: `ReachBudgetError` when the reverse-reachable sets would hold more than
  ///   `TiemapLimits.reverseSetMembers` people in all (around a hub every set holds most of the network).
  public func bestSeeds(_ options: SeedSelectionOptions) throws -> SeedSelection {
    let n = nodeCount
    let candidates = (options.candidates ?? (0..<NodeIndex(n)).map { $0 }).sorted()
    let targetMask = membership(options.targets)
    switch options.method {
    case .celf:
      return selectSeeds(candidates: candidates, count: options.count, costs: options.costs, budget: options.budget,
                         method: .celf, samples: options.runs) {
        WorldOracle(net: self, model: options.model, runs: options.runs, seed: options.seed, targets: targetMask)
      }
    case .imm:
      let roots = options.targets.map { Array(Set($0)).sorted() } ?? (0..<NodeIndex(n)).map { $0 }
      guard !roots.isEmpty, !candidates.isEmpty else {
        return SeedSelection(seeds: [], gains: [], estimatedReach: 0, method: .imm, samples: 0, cost: 0)
      }
      let sampler = ReverseSampler(net: self, model: options.model, roots: roots, seed: options.seed)
      let theta = try immSampleSize(sampler: sampler, candidates: candidates, k: max(1, min(options.count, candidates.count)),
                                epsilon: options.epsilon, ell: options.ell)
      let final = try sampler.sets(count: theta, stream: 1)   // a fresh sample for the final selection (Chen 2018)
      return selectSeeds(candidates: candidates, count: options.count, costs: options.costs, budget: options.budget,
                         method: .imm, samples: theta) {
        CoverageOracle(sets: final, nodeCount: n, scale: Double(roots.count))
      }
    }
  }

  /// A flag per person: true for `people` (nil for nil, meaning "everyone").
  public func membership(_ people: [NodeIndex]?) -> [Bool]? {
    people.map { list in
      var mask = [Bool](repeating: false, count: nodeCount)
      for v in list { mask[Int(v)] = true }
      return mask
    }
  }

  /// The greedy on oracles from `makeOracle`: by gain; with costs, also by gain per cost, both within the budget,
  /// the better of the two kept (Leskovec et al. 2007, §3.1).
  func selectSeeds<O: SpreadOracle>(candidates: [NodeIndex], count: Int, costs: [Double]?, budget: Double?,
                                    method: SeedSelectionOptions.Method, samples: Int, _ makeOracle: () -> O) -> SeedSelection {
    let cost: (NodeIndex) -> Double = { costs?[Int($0)] ?? 1 }
    let limit = budget ?? .infinity
    var unit = makeOracle()
    var chosen = lazyGreedy(&unit, candidates: candidates, count: count, cost: cost, budget: limit, perCost: false)
    var value = unit.value
    if costs != nil {
      var ratio = makeOracle()
      let byRatio = lazyGreedy(&ratio, candidates: candidates, count: count, cost: cost, budget: limit, perCost: true)
      if ratio.value > value { chosen = byRatio; value = ratio.value }
    }
    return SeedSelection(seeds: chosen.seeds, gains: chosen.gains, estimatedReach: value, method: method, samples: samples,
                         cost: chosen.seeds.reduce(0) { $0 + cost($1) })
  }

  /// IMM's sampling phase (Tang et al. 2015, Algorithm 2 with Chen's ℓ adjustment): doubles the sample until the
  /// greedy's coverage certifies a lower bound LB of the optimum, then returns θ = λ* / LB.
  func immSampleSize(sampler: ReverseSampler, candidates: [NodeIndex], k: Int, epsilon: Double, ell: Double) throws -> Int {
    let n = Double(max(2, sampler.roots.count))
    let graphN = Double(max(2, nodeCount))
    let ellAdjusted = ell * (1 + log(2) / log(graphN))
    let logBinomial = lgamma(Double(candidates.count) + 1) - lgamma(Double(k) + 1) - lgamma(Double(candidates.count - k) + 1)
    let epsilonPrime = 2.0.squareRoot() * epsilon
    let lambdaPrime = (2 + 2 * epsilonPrime / 3) * (logBinomial + ellAdjusted * log(graphN) + log(log2(n))) * n
      / (epsilonPrime * epsilonPrime)
    var lowerBound = 1.0
    var sets = ReverseSampler.Sets()
    let rounds = max(1, Int(log2(n)) - 1)
    for i in 1...rounds {
      let x = n / pow(2, Double(i))
      let theta = Int((lambdaPrime / x).rounded(.up))
      try sampler.extend(&sets, to: theta, stream: 0)
      var oracle = CoverageOracle(sets: sets, nodeCount: nodeCount, scale: n)
      _ = lazyGreedy(&oracle, candidates: candidates, count: k, cost: { _ in 1 }, budget: .infinity, perCost: false)
      if oracle.value >= (1 + epsilonPrime) * x {
        lowerBound = oracle.value / (1 + epsilonPrime)
        break
      }
    }
    let e = exp(1.0)
    let alpha = (ellAdjusted * log(graphN) + log(2)).squareRoot()
    let beta = ((1 - 1 / e) * (logBinomial + ellAdjusted * log(graphN) + log(2))).squareRoot()
    let lambdaStar = 2 * n * pow((1 - 1 / e) * alpha + beta, 2) / (epsilon * epsilon)
    let theta = Int(min((lambdaStar / lowerBound).rounded(.up), Double(Int.max / 2)))
    // The final sample is as large on average as this one per set: refuse now rather than after filling memory.
    let perSet = Double(sets.members.count) / Double(max(1, sets.count))
    if perSet * Double(theta) > Double(TiemapLimits.reverseSetMembers) { throw ReachBudgetError(sets: theta, perSet: perSet) }
    return theta
  }
}

extension DiffusionNetwork {
  /// Every person's expected reach σ({v}) (themselves included) at once, from `samples` reverse-reachable sets:
  /// σ({v}) = n · Pr[v is in the set of a random root] (Borgs, Brautbar, Chayes & Lucier 2014, Observation 3.2),
  /// so one sample serves everyone. Standard error about n · √(q(1 − q) / samples) for q = σ({v}) / n.
  /// - Reference: C. Borgs, M. Brautbar, J. Chayes, B. Lucier (2014), "Maximizing social influence in nearly
  ///   optimal time", *SODA '14*, doi:10.1137/1.9781611973402.70.
  /// - Complexity: O(samples · set size).
  /// - Throws: `ReachBudgetError` when the sets would hold more than `TiemapLimits.reverseSetMembers` people.
  public func singletonReach(model: DiffusionModel, samples: Int, seed: UInt64) throws -> [Double] {
    let n = nodeCount
    guard n > 0, samples > 0 else { return [Double](repeating: 0, count: n) }
    let sets = try ReverseSampler(net: self, model: model, roots: (0..<NodeIndex(n)).map { $0 }, seed: seed)
      .sets(count: samples, stream: 2)
    var hits = [Int](repeating: 0, count: n)
    for u in sets.members { hits[Int(u)] += 1 }
    return hits.map { Double(n) * Double($0) / Double(samples) }
  }
}

/// A monotone submodular estimate of reach that greedy selection can query and extend.
protocol SpreadOracle {
  /// The first-round gains of `candidates` (σ of each alone), computed in one batch (in parallel when large).
  mutating func initialGains(_ candidates: [NodeIndex]) -> [Double]
  /// The gain of adding v to the seeds committed so far.
  mutating func gain(_ v: NodeIndex) -> Double
  mutating func commit(_ v: NodeIndex)
  /// The estimate of the committed seeds' reach.
  var value: Double { get }
  /// True when `initialGains` gives upper bounds, not gains: the lazy greedy then evaluates each before choosing it.
  var initialGainsAreBounds: Bool { get }
}

extension SpreadOracle {
  var initialGainsAreBounds: Bool { false }
}

/// A heap entry of the lazy greedy: larger priority first, then the smaller index.
private struct LazyEntry: Comparable {
  var priority: Double
  var gain: Double
  var node: NodeIndex
  var round: Int
  static func < (a: Self, b: Self) -> Bool {
    a.priority != b.priority ? a.priority < b.priority : a.node > b.node
  }
}

/// The lazy-forward greedy of Leskovec et al. (2007): a gain computed in an earlier round is an upper bound of
/// the current one (submodularity), so only the heap's top is re-evaluated; when the top is current, it is the
/// best. `perCost` ranks by gain / cost instead of gain. Candidates over the remaining budget are dropped (the
/// budget only shrinks).
func lazyGreedy<O: SpreadOracle>(_ oracle: inout O, candidates: [NodeIndex], count: Int, cost: (NodeIndex) -> Double,
                                 budget: Double, perCost: Bool) -> (seeds: [NodeIndex], gains: [Double]) {
  guard count > 0, !candidates.isEmpty else { return ([], []) }
  let first = oracle.initialGains(candidates)
  var heap = Heap<LazyEntry>()
  for (i, v) in candidates.enumerated() {
    let c = max(cost(v), 1e-12)
    heap.insert(LazyEntry(priority: perCost ? first[i] / c : first[i], gain: first[i], node: v,
                          round: oracle.initialGainsAreBounds ? -1 : 0))
  }
  var seeds: [NodeIndex] = [], gains: [Double] = []
  var remaining = budget
  while seeds.count < count, var top = heap.popMax() {
    let c = cost(top.node)
    guard c <= remaining else { continue }
    if top.round == seeds.count {
      seeds.append(top.node); gains.append(top.gain)
      oracle.commit(top.node)
      remaining -= c
      continue
    }
    top.gain = oracle.gain(top.node)
    top.priority = perCost ? top.gain / max(c, 1e-12) : top.gain
    top.round = seeds.count
    heap.insert(top)
  }
  return (seeds, gains)
}

/// σ on fixed Monte Carlo worlds: world r is the live-edge world of `WorldCoins(seed, r)`. Keeps, per world, the
/// people the committed seeds reach (a bit per person and world), so a gain explores only new people.
struct WorldOracle: SpreadOracle {
  let net: DiffusionNetwork
  let model: DiffusionModel
  let runs: Int
  let seed: UInt64
  let targets: [Bool]?
  /// reached[r * words + i]: bit set when world r's committed seeds reach person 64 i + bit.
  private var reached: [UInt64]
  private let words: Int
  private var total = 0   // Σ over worlds of the committed reach (targets only, when given)
  private let blocks: [Range<Int>]
  /// One walk per block of worlds, kept across evaluations (nothing is allocated per gain).
  private var walks: [WorldWalk]

  init(net: DiffusionNetwork, model: DiffusionModel, runs: Int, seed: UInt64, targets: [Bool]?) {
    self.net = net; self.model = model; self.runs = runs; self.seed = seed; self.targets = targets
    words = (net.nodeCount + 63) / 64
    reached = [UInt64](repeating: 0, count: words * runs)
    blocks = BlockParallel.blocks(count: runs, maxBlocks: 16)
    walks = blocks.map { _ in WorldWalk(nodeCount: net.nodeCount) }
  }

  var value: Double { Double(total) / Double(runs) }

  private var parallel: Bool { runs * (net.nodeCount + net.arcCount) > 400_000 }

  mutating func initialGains(_ candidates: [NodeIndex]) -> [Double] {
    var gains = [Double](repeating: 0, count: candidates.count)
    let cblocks = BlockParallel.blocks(count: candidates.count, maxBlocks: 64)
    let net = self.net, model = self.model, runs = self.runs, seed = self.seed, targets = self.targets
    gains.withUnsafeMutableBufferPointer { gb in
      let gainS = DisjointSlots(gb)
      BlockParallel.run(cblocks, parallel: candidates.count * runs * 8 > 400_000) { _, range in
        var walk = WorldWalk(nodeCount: net.nodeCount)
        for i in range {
          var sum = 0
          for r in 0..<runs {
            walk.begin()
            walk.reach(candidates[i], in: net, model: model, coins: WorldCoins(seed: seed, run: r), blocked: nil)
            sum += targets.map { t in walk.reached.reduce(0) { $0 + (t[Int($1)] ? 1 : 0) } } ?? walk.reached.count
          }
          gainS.base[i] = Double(sum) / Double(runs)
        }
      }
    }
    return gains
  }

  mutating func gain(_ v: NodeIndex) -> Double {
    Double(explore(v, commit: false)) / Double(runs)
  }

  mutating func commit(_ v: NodeIndex) {
    total += explore(v, commit: true)
  }

  /// The number of (target) people v reaches that the committed seeds do not, summed over the worlds; with
  /// `commit`, they are marked reached. Blocks of worlds in parallel; each world's bits belong to one block.
  private mutating func explore(_ v: NodeIndex, commit: Bool) -> Int {
    var partial = [Int](repeating: 0, count: blocks.count)
    let net = self.net, model = self.model, seed = self.seed, targets = self.targets, words = self.words
    let blocks = self.blocks, parallel = self.parallel
    reached.withUnsafeMutableBufferPointer { rb in
    partial.withUnsafeMutableBufferPointer { pb in
    walks.withUnsafeMutableBufferPointer { wb in
      let bits = DisjointSlots(rb), partS = DisjointSlots(pb), walkS = DisjointSlots(wb)
      BlockParallel.run(blocks, parallel: parallel) { b, range in
        var sum = 0
        for r in range {
          let row = bits.base.baseAddress! + r * words
          walkS.base[b].begin()
          walkS.base[b].reach(v, in: net, model: model, coins: WorldCoins(seed: seed, run: r), blocked: row)
          for u in walkS.base[b].reached {
            let u = Int(u)
            if targets?[u] ?? true { sum += 1 }
            if commit { row[u >> 6] |= 1 << UInt64(u & 63) }
          }
        }
        partS.base[b] = sum
      }
    }}}
    return partial.reduce(0, +)
  }
}

/// Reverse-reachable sets of a diffusion network: draws each set from its own generator (seed, stream, index),
/// so a sample is the same whatever the thread count and can be extended.
struct ReverseSampler: Sendable {
  let net: DiffusionNetwork
  let model: DiffusionModel
  /// Where roots are drawn from (uniformly).
  let roots: [NodeIndex]
  let seed: UInt64

  /// Sets stored flat: members of set i are `members[offsets[i] ..< offsets[i + 1]]`.
  struct Sets: Sendable {
    var offsets: [Int] = [0]
    var members: [Int32] = []
    var count: Int { offsets.count - 1 }
  }

  func sets(count: Int, stream: UInt64) throws -> Sets {
    var s = Sets()
    try extend(&s, to: count, stream: stream)
    return s
  }

  /// Draws sets `sets.count ..< target` (set i from generator (seed, stream · 2^40 + i)), in parallel blocks
  /// appended in order.
  /// - Throws: `ReachBudgetError` as soon as the sets hold more than `TiemapLimits.reverseSetMembers` people
  ///   (each block stops at its share), before memory runs out.
  func extend(_ sets: inout Sets, to target: Int, stream: UInt64) throws {
    let start = sets.count
    guard target > start else { return }
    let blocks = BlockParallel.blocks(count: target - start, maxBlocks: 64)
    let share = max(0, TiemapLimits.reverseSetMembers - sets.members.count) / blocks.count + 1
    var parts = [Sets](repeating: Sets(), count: blocks.count)
    var over = [Bool](repeating: false, count: blocks.count)
    parts.withUnsafeMutableBufferPointer { pb in
      over.withUnsafeMutableBufferPointer { ob in
        let partS = DisjointSlots(pb), overS = DisjointSlots(ob)
        BlockParallel.run(blocks, parallel: target - start > 1_000) { b, range in
          var out = Sets()
          var stamp = [Int32](repeating: -1, count: net.nodeCount)
          for i in range {
            var rng = SplitMix64(seed: seed, stream: stream << 40 &+ UInt64(start + i))
            draw(into: &out.members, rng: &rng, stamp: &stamp, mark: Int32(truncatingIfNeeded: i))
            out.offsets.append(out.members.count)
            if out.members.count > share { overS.base[b] = true; break }
          }
          partS.base[b] = out
        }
      }
    }
    if over.contains(true) {
      let drawn = parts.reduce(0) { $0 + $1.count }, members = parts.reduce(0) { $0 + $1.members.count }
      throw ReachBudgetError(sets: target, perSet: Double(members) / Double(max(1, drawn)))
    }
    for p in parts {
      let shift = sets.members.count
      sets.members.append(contentsOf: p.members)
      sets.offsets.append(contentsOf: p.offsets.dropFirst().map { $0 + shift })
    }
  }

  /// One reverse-reachable set: a root, then (IC) everyone reaching it backwards along arcs that flip live, or
  /// (LT) the backward walk along each person's chosen in-arc until it stops or loops.
  private func draw(into members: inout [Int32], rng: inout SplitMix64, stamp: inout [Int32], mark: Int32) {
    let root = roots[Int(rng.next() % UInt64(roots.count))]
    var head = members.count
    members.append(root)
    stamp[Int(root)] = mark
    switch model {
    case .independentCascade:
      while head < members.count {
        let v = Int(members[head]); head += 1
        for s in Int(net.inOffsets[v])..<Int(net.inOffsets[v + 1]) {
          let u = Int(net.inSources[s])
          guard stamp[u] != mark, rng.nextUnit() < net.inProbability[s] else { continue }
          stamp[u] = mark
          members.append(Int32(u))
        }
      }
    case .linearThreshold:
      var v = Int(root)
      while true {
        var x = rng.nextUnit()
        var next = -1
        for s in Int(net.inOffsets[v])..<Int(net.inOffsets[v + 1]) {
          x -= net.inWeight[s]
          if x < 0 { next = Int(net.inSources[s]); break }
        }
        guard next >= 0, stamp[next] != mark else { break }
        stamp[next] = mark
        members.append(Int32(next))
        v = next
      }
    }
  }
}

/// Coverage of reverse-reachable sets: the reach of S is estimated as scale · (sets S touches) / (sets).
struct CoverageOracle: SpreadOracle {
  private let sets: ReverseSampler.Sets
  private let scale: Double
  /// For each person, the sets holding them (CSR).
  private var personOffsets: [Int]
  private var personSets: [Int32]
  private var uncovered: [Int32]   // per person: uncovered sets holding them
  private var covered: [Bool]
  private var coveredCount = 0

  init(sets: ReverseSampler.Sets, nodeCount n: Int, scale: Double) {
    self.sets = sets; self.scale = scale
    var degree = [Int](repeating: 0, count: n + 1)
    for u in sets.members { degree[Int(u) + 1] += 1 }
    for v in 0..<n { degree[v + 1] += degree[v] }
    personOffsets = degree
    var cursor = degree
    personSets = [Int32](repeating: 0, count: sets.members.count)
    for i in 0..<sets.count {
      for p in sets.offsets[i]..<sets.offsets[i + 1] {
        let u = Int(sets.members[p])
        personSets[cursor[u]] = Int32(i); cursor[u] += 1
      }
    }
    uncovered = (0..<n).map { Int32(degree[$0 + 1] - degree[$0]) }
    covered = [Bool](repeating: false, count: sets.count)
  }

  var value: Double { sets.count == 0 ? 0 : scale * Double(coveredCount) / Double(sets.count) }

  private var unit: Double { sets.count == 0 ? 0 : scale / Double(sets.count) }

  mutating func initialGains(_ candidates: [NodeIndex]) -> [Double] { candidates.map { gain($0) } }

  mutating func gain(_ v: NodeIndex) -> Double { Double(uncovered[Int(v)]) * unit }

  mutating func commit(_ v: NodeIndex) {
    for p in personOffsets[Int(v)]..<personOffsets[Int(v) + 1] {
      let s = Int(personSets[p])
      guard !covered[s] else { continue }
      covered[s] = true; coveredCount += 1
      for q in sets.offsets[s]..<sets.offsets[s + 1] { uncovered[Int(sets.members[q])] -= 1 }
    }
  }
}

/// Reverse-reachable sets that would not fit the memory budget (`TiemapLimits.reverseSetMembers` people in all):
/// around a hub nearly every set holds most of the network, so an estimate of the needed precision costs sets ×
/// network size.
public struct ReachBudgetError: Error, Sendable, CustomStringConvertible {
  public var sets: Int
  public var perSet: Double
  public var description: String {
    "the reach estimate needs \(sets) reverse-reachable sets of about \(Int(perSet.rounded())) people each, more than the limit of \(TiemapLimits.reverseSetMembers / 1_000_000) million in all (\((TiemapLimits.reverseSetMembers * 4) >> 30) GiB): someone here is tied to most of the network. Use --model hops (who is within --hops ties: no sampling), a larger --epsilon, or fewer --samples."
  }
}
