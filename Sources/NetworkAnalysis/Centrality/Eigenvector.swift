import SocialGraph

extension GraphView {
  /// Eigenvector centrality: the principal eigenvector x of the adjacency matrix (weights as strengths when
  /// `weighted`), x_v ∝ Σ_{u ∈ N(v)} a_uv x_u, scaled to unit Euclidean norm and positive.
  ///
  /// Power iteration on A + I from the uniform vector, as NetworkX does: the shift keeps bipartite graphs
  /// (eigenvalues ±λ) convergent and leaves the eigenvector unchanged. On a disconnected graph the result is
  /// the component with the largest eigenvalue; everyone else tends to 0. Directed views use in-ties
  /// (x_v sums over people who point to v). Stops when no entry moves by more than `tolerance`.
  /// - Reference: P. Bonacich (1972), "Factoring and weighting approaches to status scores and clique
  ///   identification", *J. Math. Sociol.* 2(1):113–120.
  /// - Parity: networkx.eigenvector_centrality (numpy's exact eigenvector in the fixtures), 1e-6 relative.
  /// - Complexity: O(m) per iteration, at most `maxIterations` and at most `TiemapLimits.iterationWork` / (n + m)
  ///   iterations (at least 1,000): a chain of 10,000 people has a spectral gap near 10⁻⁷ and would need about
  ///   10⁸ iterations; it stops at the cap, and `eigenvectorIteration` says it did not converge. Allocation-free
  ///   iterations on two vectors.
  public func eigenvector(weighted: Bool, tolerance: Double = 1e-13, maxIterations: Int = 100_000) -> [Double] {
    eigenvectorIteration(weighted: weighted, tolerance: tolerance, maxIterations: maxIterations).values
  }

  /// `eigenvector` with how the power iteration ended: the iterations run and the largest change of the last one
  /// (`converged` when it is below the tolerance).
  public func eigenvectorIteration(weighted: Bool, tolerance: Double = 1e-13, maxIterations: Int = 100_000)
    -> (values: [Double], iterations: Int, change: Double, converged: Bool) {
    let n = nodeCount
    guard n > 0 else { return ([], 0, 0, true) }
    let cap = min(maxIterations, max(1_000, TiemapLimits.iterationWork / (n + inbound.targets.count)))
    var iterations = 0, lastChange = Double.infinity
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    inbound.withBuffers { off, tgt, w in
      for _ in 0..<cap {
        iterations += 1
        var norm = 0.0
        for v in 0..<n {
          var s = x[v]
          for p in Int(off[v])..<Int(off[v + 1]) { s += (weighted ? w[p] : 1) * x[Int(tgt[p])] }
          next[v] = s
          norm += s * s
        }
        norm = norm.squareRoot()
        guard norm > 0 else { lastChange = 0; break }
        var change = 0.0
        for v in 0..<n {
          let y = next[v] / norm
          change = max(change, abs(y - x[v]))
          x[v] = y
        }
        lastChange = change
        if change < tolerance { break }
      }
    }
    return (x, iterations, lastChange, lastChange < tolerance)
  }
}
