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
      let r = forward.run(betweenness: true)
      let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 0
      betweenness = r.betweenness.map { $0 * scale }
      if !isDirected { distances = r }
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
