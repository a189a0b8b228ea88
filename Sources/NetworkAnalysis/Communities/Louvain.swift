import SocialGraph

/// Communities found by the Louvain method, with their modularity.
public struct Communities: Sendable, Equatable {
  /// Community of each person, numbered 0, 1, … in order of each community's first member (input order).
  public let community: [Int]
  public let count: Int
  /// Modularity of the partition (same weighting and resolution as the search).
  public let modularity: Double
}

extension GraphView {
  /// Louvain community detection on an undirected view: repeat (1) move each person, in a seeded random
  /// order, to the neighbouring community that raises modularity most, until no move gains more than
  /// `threshold`; (2) merge each community into one node; until a level changes nothing.
  ///
  /// Deterministic: the visiting order comes from `seed` (SplitMix64), neighbouring communities are tried in
  /// the order of the sorted CSR row, and a move needs a strictly larger gain, so the same input and seed
  /// give the same communities on any machine.
  /// - Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre (2008), "Fast unfolding of
  ///   communities in large networks", *J. Stat. Mech.* P10008, doi:10.1088/1742-5468/2008/10/P10008.
  /// - Complexity: about O(m) per pass; few levels in practice.
  public func louvain(weighted: Bool, resolution: Double = 1, seed: UInt64 = TiemapDefaults.seed, threshold: Double = 1e-7) -> Communities {
    let n = nodeCount
    var level = LevelGraph(self, weighted: weighted)
    var membership = Array(0..<n)          // person → node of the current level
    var rng = SplitMix64(seed: seed)
    let m = level.totalWeight
    guard m > 0 else { return Communities(community: Array(0..<n), count: n, modularity: 0) }

    while true {
      let size = level.size
      let k = level.degrees()
      let (offsets, targets, weights) = (level.offsets, level.targets, level.weights)
      var comm = Array(0..<size)
      var tot = k                          // Σ_tot of each community
      var order = Array(0..<size)
      for i in stride(from: size - 1, to: 0, by: -1) {   // Fisher–Yates, seeded
        let j = Int(rng.next() % UInt64(i + 1)); order.swapAt(i, j)
      }
      var linkTo = [Double](repeating: 0, count: size)   // weight from the current node to each community
      var touched: [Int] = []
      var improved = false
      while true {
        var gainThisPass = 0.0
        var moved = false
        for v in order {
          let old = comm[v]
          touched.removeAll(keepingCapacity: true)
          for p in offsets[v]..<offsets[v + 1] {
            let c = comm[targets[p]]
            if linkTo[c] == 0 { touched.append(c) }
            linkTo[c] += weights[p]
          }
          tot[old] -= k[v]
          // Gain of joining c (from isolation): linkTo[c] / m − γ · tot[c] · k_v / (2 m²)
          var best = old
          var bestGain = linkTo[old] / m - resolution * tot[old] * k[v] / (2 * m * m)
          for c in touched where c != old {
            let gain = linkTo[c] / m - resolution * tot[c] * k[v] / (2 * m * m)
            if gain > bestGain { best = c; bestGain = gain }
          }
          let stayGain = linkTo[old] / m - resolution * tot[old] * k[v] / (2 * m * m)
          tot[best] += k[v]
          comm[v] = best
          if best != old { moved = true; gainThisPass += bestGain - stayGain }
          for c in touched { linkTo[c] = 0 }
          linkTo[old] = 0
        }
        if moved { improved = true }
        if !moved || gainThisPass <= threshold { break }
      }
      guard improved else { break }
      // Renumber communities 0..<c and aggregate.
      var label = [Int](repeating: -1, count: size)
      var next = 0
      for v in 0..<size where label[comm[v]] < 0 { label[comm[v]] = next; next += 1 }
      for i in 0..<n { membership[i] = label[comm[membership[i]]] }
      if next == size { break }
      level = level.aggregated(by: (0..<size).map { label[comm[$0]] }, count: next)
    }
    let (community, count) = numberedByFirstMember(membership)
    return Communities(community: community, count: count,
                       modularity: modularity(of: community, weighted: weighted, resolution: resolution))
  }
}
