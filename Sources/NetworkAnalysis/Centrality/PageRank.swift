import SocialGraph

extension GraphView {
  /// PageRank: the stationary distribution of a random walk that follows a tie with probability `alpha`
  /// (choosing ties in proportion to weight when `weighted`) and otherwise jumps to a person drawn from
  /// `personalization` (uniform by default). People without out-ties jump the same way. Undirected views walk
  /// ties both ways. Sums to 1.
  ///
  /// Pull iteration (each person sums over in-ties; no atomics, no per-iteration allocation) until the L1
  /// change is below n · `tolerance`.
  /// - Reference: S. Brin, L. Page (1998), "The anatomy of a large-scale hypertextual Web search engine",
  ///   *Computer Networks and ISDN Systems* 30:107–117.
  /// - Parity: networkx.pagerank(alpha=0.85, personalization, dangling = personalization), 1e-6 relative.
  public func pageRank(weighted: Bool, alpha: Double = 0.85, personalization: [Double]? = nil,
                       tolerance: Double = 1e-15, maxIterations: Int = 100_000) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var jump = [Double](repeating: 1 / Double(n), count: n)
    if let p = personalization {
      precondition(p.count == n, "one personalization value per person")
      let total = p.reduce(0, +)
      if total > 0 { jump = p.map { $0 / total } }
    }
    // Out-strength of each person (the walk's normaliser).
    var outStrength = [Double](repeating: 0, count: n)
    out.withBuffers { off, _, w in
      for v in 0..<n { var s = 0.0; for p in Int(off[v])..<Int(off[v + 1]) { s += weighted ? w[p] : 1 }; outStrength[v] = s }
    }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    var share = [Double](repeating: 0, count: n)
    inbound.withBuffers { off, tgt, w in
      for _ in 0..<maxIterations {
        var dangling = 0.0
        for u in 0..<n {
          if outStrength[u] > 0 { share[u] = x[u] / outStrength[u] } else { share[u] = 0; dangling += x[u] }
        }
        var change = 0.0
        for v in 0..<n {
          var s = 0.0
          for p in Int(off[v])..<Int(off[v + 1]) { s += (weighted ? w[p] : 1) * share[Int(tgt[p])] }
          let y = alpha * (s + dangling * jump[v]) + (1 - alpha) * jump[v]
          next[v] = y
          change += abs(y - x[v])
        }
        swap(&x, &next)
        if change < Double(n) * tolerance { break }
      }
    }
    return x
  }
}
