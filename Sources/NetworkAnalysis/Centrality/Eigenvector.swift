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
  /// Undirected views fold their pendants first (`PendantGroups`): a hub's spokes become one unknown.
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
    if !isDirected, let fold = PendantGroups(inbound, weighted: weighted) {
      return fold.eigenvector(tolerance: tolerance, maxIterations: maxIterations)
    }
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

/// An undirected view with its pendants (people with one tie) gathered into groups: the pendants of one host
/// whose ties have one weight. Started equal, the members of a group stay equal under any iteration that updates
/// a person from their neighbours (x_v ← x_v + w x_h for each of them), so the group is one unknown counted
/// `size` times, and the rest of the view (the core) keeps only its ties among itself. On a hub with 200,000
/// spokes the power iteration runs on two unknowns instead of 200,001 — and converges, where on the full view
/// the spokes' 0-eigenvalue directions (never excited from the uniform start) still cost O(n) an iteration.
/// Pendants as `Adjacency.pendantHosts`.
/// - Complexity: O(n + m) to build.
struct PendantGroups {
  let n: Int
  /// The core in index order, and its ties among itself (CSR over core positions).
  let core: [Int32]
  let offsets: [Int32], targets: [Int32], weights: [Double]
  /// Groups by host (core position): groupStart[i] ..< groupStart[i + 1]; each group's weight and size.
  let groupStart: [Int32], groupWeight: [Double], groupSize: [Double]
  /// Each pendant's group, −1 for core people.
  let groupOf: [Int32]

  init?(_ rows: Adjacency, weighted: Bool) {
    guard let host = rows.pendantHosts() else { return nil }
    let n = rows.nodeCount
    let pendant = host.map { $0 >= 0 }
    self.n = n
    var position = [Int32](repeating: -1, count: n)
    var core: [Int32] = []
    for v in 0..<n where !pendant[v] { position[v] = Int32(core.count); core.append(Int32(v)) }
    var offsets: [Int32] = [0], targets: [Int32] = [], weights: [Double] = []
    var groupStart: [Int32] = [0], groupWeight: [Double] = [], groupSize: [Double] = []
    var groupOf = [Int32](repeating: -1, count: n)
    var spokes: [(weight: Double, person: Int32)] = []
    for u in core {
      spokes.removeAll(keepingCapacity: true)
      for p in rows.slots(u) {
        let t = rows.targets[p], w = weighted ? rows.weights[p] : 1
        if pendant[Int(t)] { spokes.append((w, t)) } else { targets.append(position[Int(t)]); weights.append(w) }
      }
      offsets.append(Int32(targets.count))
      spokes.sort { ($0.weight, $0.person) < ($1.weight, $1.person) }
      var i = 0
      while i < spokes.count {
        var j = i
        while j < spokes.count && spokes[j].weight == spokes[i].weight { groupOf[Int(spokes[j].person)] = Int32(groupWeight.count); j += 1 }
        groupWeight.append(spokes[i].weight); groupSize.append(Double(j - i))
        i = j
      }
      groupStart.append(Int32(groupWeight.count))
    }
    (self.core, self.offsets, self.targets, self.weights) = (core, offsets, targets, weights)
    (self.groupStart, self.groupWeight, self.groupSize, self.groupOf) = (groupStart, groupWeight, groupSize, groupOf)
  }

  /// `GraphView.eigenvectorIteration` on the folded view: the same iteration (each person's new value is their
  /// value plus their neighbours' weighted values, then unit Euclidean norm over everyone, each group counted
  /// `size` times), so the same vector up to rounding; the work cap counts the folded unknowns and ties.
  func eigenvector(tolerance: Double, maxIterations: Int) -> (values: [Double], iterations: Int, change: Double, converged: Bool) {
    let c = core.count, g = groupWeight.count
    let cap = min(maxIterations, max(1_000, TiemapLimits.iterationWork / (c + g + targets.count)))
    var x = [Double](repeating: 1 / Double(n), count: c), y = [Double](repeating: 1 / Double(n), count: g)
    var next = [Double](repeating: 0, count: c), nextY = [Double](repeating: 0, count: g)
    var iterations = 0, lastChange = Double.infinity
    for _ in 0..<cap {
      iterations += 1
      var norm = 0.0
      for i in 0..<c {
        var s = x[i]
        for p in Int(offsets[i])..<Int(offsets[i + 1]) { s += weights[p] * x[Int(targets[p])] }
        for k in Int(groupStart[i])..<Int(groupStart[i + 1]) { s += groupSize[k] * groupWeight[k] * y[k] }
        next[i] = s
        norm += s * s
        for k in Int(groupStart[i])..<Int(groupStart[i + 1]) {
          let t = y[k] + groupWeight[k] * x[i]
          nextY[k] = t
          norm += groupSize[k] * (t * t)
        }
      }
      norm = norm.squareRoot()
      guard norm > 0 else { lastChange = 0; break }
      var change = 0.0
      for i in 0..<c { let v = next[i] / norm; change = max(change, abs(v - x[i])); x[i] = v }
      for k in 0..<g { let v = nextY[k] / norm; change = max(change, abs(v - y[k])); y[k] = v }
      lastChange = change
      if change < tolerance { break }
    }
    var values = [Double](repeating: 0, count: n)
    for (i, v) in core.enumerated() { values[Int(v)] = x[i] }
    for v in 0..<n where groupOf[v] >= 0 { values[v] = y[Int(groupOf[v])] }
    return (values, iterations, lastChange, lastChange < tolerance)
  }
}
