import SocialGraph

/// Closeness, harmonic and betweenness centrality of every person in a view, from one shared set of
/// shortest-path sweeps (all sources in parallel blocks).
public struct PathCentrality: Sendable {
  /// Closeness with the Wasserman–Faust correction: ((r − 1) / Σ d) · ((r − 1) / (n − 1)), where r people
  /// (the person included) can reach the person; 0 when none can. Directed views use incoming distances.
  /// - Reference: S. Wasserman, K. Faust (1994), *Social Network Analysis*, Cambridge Univ. Press, §5.3.1;
  ///   L. C. Freeman (1979), *Social Networks* 1(3):215–239.
  /// - Parity: networkx.closeness_centrality(wf_improved=True, distance=1/weight when weighted).
  public var closeness: [Double]
  /// Harmonic centrality: Σ_{u ≠ v} 1 / d(u, v) (unreachable terms are 0); not normalised.
  /// - Reference: M. Marchiori, V. Latora (2000), "Harmony in the small-world", *Physica A* 285:539–546;
  ///   P. Boldi, S. Vigna (2014), "Axioms for centrality", *Internet Mathematics* 10(3–4):222–262.
  /// - Parity: networkx.harmonic_centrality.
  public var harmonic: [Double]
  /// Betweenness: Σ_{s ≠ v ≠ t} σ_st(v) / σ_st, normalised by 1 / ((n − 1)(n − 2)) (both orders of each pair
  /// counted, so undirected values equal the usual pair-normalised ones); 0 below three people.
  /// - Reference: L. C. Freeman (1977), *Sociometry* 40(1):35–41; U. Brandes (2001), *J. Math. Sociol.* 25(2):163–177.
  /// - Parity: networkx.betweenness_centrality(normalized=True, weight=1/weight when weighted).
  public var betweenness: [Double]
}

extension GraphView {
  /// Closeness, harmonic and betweenness centrality (see `PathCentrality`). With `weighted`, a tie's length is
  /// 1 / weight (strong ties are short); otherwise every tie has length 1.
  /// - Complexity: O(n m) unweighted, O(n m log n) weighted; runs the sources in 64 parallel blocks, and the
  ///   result does not depend on the number of threads.
  public func pathCentrality(weighted: Bool, betweenness wantBetweenness: Bool = true,
                             closeness wantCloseness: Bool = true) -> PathCentrality {
    let n = nodeCount
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    var betweenness = [Double](repeating: 0, count: n)
    // Closeness and harmonic count distances *to* each person: the same sweep as betweenness when undirected,
    // a sweep over in-rows when directed.
    let forward = ShortestPathSweep(forward: out, backward: inbound, weighted: weighted)
    var distances: ShortestPathSweep.Result?
    if wantBetweenness {
      let shared = wantCloseness && !isDirected   // the same sweep gives the distances
      let r = forward.run(betweenness: true, distances: shared)
      let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 0
      betweenness = r.betweenness.map { $0 * scale }
      if shared { distances = r }
    }
    if wantCloseness {
      if distances == nil {
        let sweep = isDirected ? ShortestPathSweep(forward: inbound, backward: out, weighted: weighted) : forward
        distances = sweep.run(betweenness: false)
      }
      let r = distances!
      for v in 0..<n {
        harmonic[v] = r.harmonicSum[v]
        let reach = Double(r.reached[v] - 1)
        if r.distanceSum[v] > 0 && n > 1 {
          closeness[v] = reach / r.distanceSum[v] * (reach / Double(n - 1))
        }
      }
    }
    return PathCentrality(closeness: closeness, harmonic: harmonic, betweenness: betweenness)
  }
}

extension GraphView {
  /// `count` distinct people drawn uniformly with `seed` (partial Fisher–Yates on SplitMix64), in index order:
  /// the pivots of `sampledBetweenness`. All people when `count ≥ n`.
  public func betweennessSources(count: Int, seed: UInt64) -> [Int32] {
    let n = nodeCount
    guard count < n else { return (0..<n).map { Int32($0) } }
    var pool = (0..<n).map { Int32($0) }
    var rng = SplitMix64(seed: seed)
    for i in 0..<count { pool.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
    return pool[..<count].sorted()
  }

  /// Betweenness estimated from the shortest paths of `sources` only (k of them): the sum of those sources'
  /// Brandes dependencies δ_s(v), extrapolated to all n − 1 possible sources of paths through v and normalised
  /// as `PathCentrality.betweenness`: Σ_{s∈S} δ_s(v) / (k (n − 2)) for a person outside S, and
  /// Σ_{s∈S} δ_s(v) / ((k − 1)(n − 2)) for a source (its own sweep contributes nothing to itself; undefined,
  /// NaN, when k = 1). With uniformly drawn sources the estimate is unbiased; with every person as a source it
  /// is the exact value. For graphs where the exact O(n m) sweep is too long.
  /// - Reference: U. Brandes, C. Pich (2007), "Centrality estimation in large networks", *Int. J. Bifurcation
  ///   and Chaos* 17(7):2303–2318; D. A. Bader, S. Kintali, K. Madduri, M. Mihail (2007), WAW 2007, LNCS 4863.
  /// - Parity: networkx.betweenness_centrality(k=len(sources), normalized=True) for the same sources (its pivots
  ///   are drawn by its own generator, so the fixtures pass the sources explicitly).
  /// - Complexity: O(k m) unweighted, O(k m log n) weighted.
  public func sampledBetweenness(sources: [Int32], weighted: Bool) -> [Double] {
    let n = nodeCount
    let sources = Array(Set(sources)).sorted()
    guard n > 2, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
    let r = ShortestPathSweep(forward: out, backward: inbound, weighted: weighted).run(betweenness: true, sources: sources)
    let k = Double(sources.count)
    var isSource = [Bool](repeating: false, count: n)
    for s in sources { isSource[Int(s)] = true }
    return (0..<n).map { v in
      isSource[v] ? (k > 1 ? r.betweenness[v] / ((k - 1) * Double(n - 2)) : .nan) : r.betweenness[v] / (k * Double(n - 2))
    }
  }
}
