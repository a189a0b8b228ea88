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
    let jump: [Double] = {
      guard let p = personalization else { return [Double](repeating: 1 / Double(n), count: n) }
      precondition(p.count == n, "one personalization value per person")
      let total = p.reduce(0, +)
      return total > 0 ? p.map { $0 / total } : [Double](repeating: 1 / Double(n), count: n)
    }()
    // 1 / out-strength of each person (0 for people without out-ties: their mass jumps).
    let inverseOut: [Double] = out.withBuffers { off, _, w in
      (0..<n).map { v in
        var s = 0.0
        for p in Int(off[v])..<Int(off[v + 1]) { s += weighted ? w[p] : 1 }
        return s > 0 ? 1 / s : 0
      }
    }
    let inAdj = inbound
    // Blocks from the work (about 25,000 tie slots each, at most 64): one iteration is too short to pay for
    // dispatching many small blocks.
    let blocks = BlockParallel.blocks(count: n, maxBlocks: max(1, min(64, inAdj.slotCount / 25_000)))
    let parallel = blocks.count > 1
    let uniform = personalization == nil
    let u0 = 1 / Double(n)
    var x = [Double](repeating: u0, count: n)
    var next = [Double](repeating: 0, count: n)
    // share[u] = x[u] / out-strength(u): what u passes along each unit of tie weight; double-buffered so each
    // block writes next iteration's shares for its own people while the others read this iteration's.
    var share = (0..<n).map { inverseOut[$0] * u0 }
    var nextShare = [Double](repeating: 0, count: n)
    var dangling = (0..<n).reduce(0.0) { inverseOut[$1] == 0 ? $0 + u0 : $0 }
    var blockChange = [Double](repeating: 0, count: blocks.count)
    var blockDangling = [Double](repeating: 0, count: blocks.count)
    for _ in 0..<maxIterations {
      let base = dangling
      share.withUnsafeBufferPointer { sh in
      x.withUnsafeBufferPointer { xs in
      next.withUnsafeMutableBufferPointer { nx in
      nextShare.withUnsafeMutableBufferPointer { ns in
      blockChange.withUnsafeMutableBufferPointer { bc in
      blockDangling.withUnsafeMutableBufferPointer { bd in
        let out = DisjointSlots(nx), outShare = DisjointSlots(ns), changes = DisjointSlots(bc), danglings = DisjointSlots(bd)
        let shS = ReadOnlySlots(sh), xS = ReadOnlySlots(xs)
        BlockParallel.run(blocks, parallel: parallel) { b, range in
          inAdj.withBuffers { off, tgt, w in
            var change = 0.0, lost = 0.0
            for v in range {
              var s = 0.0
              if weighted {
                for p in Int(off[v])..<Int(off[v + 1]) { s += w[p] * shS.base[Int(tgt[p])] }
              } else {
                for p in Int(off[v])..<Int(off[v + 1]) { s += shS.base[Int(tgt[p])] }
              }
              let j = uniform ? u0 : jump[v]
              let y = alpha * (s + base * j) + (1 - alpha) * j
              out.base[v] = y
              let inv = inverseOut[v]
              outShare.base[v] = y * inv
              if inv == 0 { lost += y }
              change += abs(y - xS.base[v])
            }
            changes.base[b] = change
            danglings.base[b] = lost
          }
        }
      }}}}}}
      swap(&x, &next)
      swap(&share, &nextShare)
      dangling = blockDangling.reduce(0, +)                               // block order: deterministic
      if blockChange.reduce(0, +) < Double(n) * tolerance { break }
    }
    return x
  }
}
