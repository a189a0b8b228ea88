import SocialGraph

/// Hub and authority scores of every person in a view (Kleinberg's HITS), each summing to 1.
public struct HubsAndAuthorities: Sendable {
  /// Hub score: h = A a — high for people who point to good authorities (in an advice view: who asks the
  /// people everyone asks).
  public var hubs: [Double]
  /// Authority score: the principal right singular vector of A — high for people pointed to by good hubs
  /// (in an advice view: whose advice is sought by those who seek advice well).
  public var authorities: [Double]
}

extension GraphView {
  /// HITS hubs and authorities: a is the principal eigenvector of AᵀA (A the adjacency matrix, a_uv the weight
  /// of u → v when `weighted`, else 1), h = A a, both scaled to sum 1.
  ///
  /// Power iteration a ← Aᵀ(A a) from the uniform vector (non-negative throughout, so the limit is the
  /// non-negative Perron vector), until the L1 change of the sum-normalised vector is below `tolerance`.
  /// Undirected views use each tie both ways (then hubs equal authorities). When the largest singular value is
  /// repeated (e.g. two identical components) the vector is not unique and the uniform start picks the
  /// combination; NetworkX's ARPACK start may pick another. Without ties every score is 0.
  /// - Reference: J. M. Kleinberg (1999), "Authoritative sources in a hyperlinked environment",
  ///   *Journal of the ACM* 46(5):604–632.
  /// - Parity: networkx.hits(normalized=True) (weight="weight" when weighted), 1e-6 relative.
  /// - Complexity: O(m) per iteration, two sparse products on two work vectors; no allocation per iteration.
  public func hubsAndAuthorities(weighted: Bool, tolerance: Double = 1e-14,
                                 maxIterations: Int = 100_000) -> HubsAndAuthorities {
    let n = nodeCount
    guard n > 0, edgeCount > 0 else {
      return HubsAndAuthorities(hubs: [Double](repeating: 0, count: n), authorities: [Double](repeating: 0, count: n))
    }
    var a = [Double](repeating: 1 / Double(n), count: n)
    var h = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      _ = Self.product(out, a, into: &h, weighted: weighted)                       // h = A a
      let total = Self.product(inbound, h, into: &next, weighted: weighted)      // next = Aᵀ h
      guard total > 0 else { break }
      var change = 0.0
      for v in 0..<n {
        let y = next[v] / total
        change += abs(y - a[v])
        a[v] = y
      }
      if change < tolerance { break }
    }
    let hubTotal = Self.product(out, a, into: &h, weighted: weighted)
    if hubTotal > 0 { for u in 0..<n { h[u] /= hubTotal } }
    return HubsAndAuthorities(hubs: h, authorities: a)
  }

  /// y = M x with M's rows given by `rows` (weights, or 1 per tie); returns Σ y.
  private static func product(_ rows: Adjacency, _ x: [Double], into y: inout [Double], weighted: Bool) -> Double {
    rows.withBuffers { off, tgt, w in
      var total = 0.0
      for v in 0..<rows.nodeCount {
        var s = 0.0
        if weighted {
          for p in Int(off[v])..<Int(off[v + 1]) { s += w[p] * x[Int(tgt[p])] }
        } else {
          for p in Int(off[v])..<Int(off[v + 1]) { s += x[Int(tgt[p])] }
        }
        y[v] = s
        total += s
      }
      return total
    }
  }
}
