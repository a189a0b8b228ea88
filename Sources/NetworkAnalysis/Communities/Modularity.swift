import SocialGraph

extension GraphView {
  /// Modularity of a partition of an undirected view: Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], with L_c the weight
  /// of ties inside community c, K_c the total strength of its members and m the total weight (all weights 1
  /// unless `weighted`). 0 for a view without ties.
  /// - Reference: M. E. J. Newman, M. Girvan (2004), "Finding and evaluating community structure in networks",
  ///   *Phys. Rev. E* 69:026113; resolution γ: J. Reichardt, S. Bornholdt (2006), *Phys. Rev. E* 74:016110.
  /// - Parity: networkx.community.modularity(weight, resolution).
  public func modularity(of community: [Int], weighted: Bool, resolution: Double = 1) -> Double {
    precondition(community.count == nodeCount, "one community per person")
    let groups = (community.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: groups), total = [Double](repeating: 0, count: groups)
    var m = 0.0
    for e in 0..<edgeCount {
      let w = weighted ? edgeWeights[e] : 1
      let (a, b) = (community[Int(edgeSources[e])], community[Int(edgeTargets[e])])
      m += w
      if a == b { inside[a] += w }
      total[a] += w; total[b] += w
    }
    guard m > 0 else { return 0 }
    var q = 0.0
    for c in 0..<groups { q += inside[c] / m - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m)) }
    return q
  }
}
