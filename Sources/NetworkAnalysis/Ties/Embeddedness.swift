import SocialGraph

/// Embeddedness and neighbourhood overlap of every tie of an undirected view (indexed by edge id).
public struct TieNeighbourhoods: Sendable {
  /// n_ij: the number of people tied to both ends.
  public var embeddedness: [Int]
  /// Onnela's overlap O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij) = |N(i) ∩ N(j)| / |N(i) ∪ N(j) \ {i, j}|;
  /// NaN (undefined, 0/0) when neither end has another contact. O_ij = 0 exactly when the tie is a local bridge
  /// whose ends have other contacts.
  public var overlap: [Double]
}

extension GraphView {
  /// Embeddedness and Onnela overlap of every edge, by merging the two ends' sorted rows.
  /// (Not `jaccard_coefficient`, which keeps i and j in the union: FORMULAS.md.)
  /// - Reference: J.-P. Onnela et al. (2007), "Structure and tie strengths in mobile communication networks",
  ///   *PNAS* 104(18):7332–7336; D. Easley, J. Kleinberg (2010), *Networks, Crowds, and Markets*, ch. 3.
  /// - Parity: len(networkx.common_neighbors) and the formula (scripts/oracle.py, ties fixtures).
  /// - Complexity: O(Σ_{(i,j)} min(k_i, k_j) · log max(k_i, k_j)) — a hub's row is searched, never walked;
  ///   parallel over edges.
  public func tieNeighbourhoods() -> TieNeighbourhoods {
    precondition(!isDirected, "neighbourhood overlap is defined on undirected views")
    let m = edgeCount
    var common = [Int](repeating: 0, count: m)
    var overlap = [Double](repeating: 0, count: m)
    let adj = out, src = edgeSources, dst = edgeTargets
    common.withUnsafeMutableBufferPointer { cb in
    overlap.withUnsafeMutableBufferPointer { ob in
      let cS = DisjointSlots(cb), oS = DisjointSlots(ob)
      BlockParallel.run(BlockParallel.blocks(count: m), parallel: m > 50_000) { _, range in
        adj.withBuffers { off, tgt, _ in
          for e in range {
            let i = Int(src[e]), j = Int(dst[e])
            let ki = Int(off[i + 1] &- off[i]), kj = Int(off[j + 1] &- off[j])
            // Walk the shorter row; find each of its people in the longer one by a galloping binary search from
            // where the last was found (both rows are sorted), so a tie to a hub costs the other end's degree
            // times log(hub degree), not the hub's degree.
            let (short, long) = ki <= kj ? (i, j) : (j, i)
            var n = 0
            var lo = Int(off[long])
            let hi = Int(off[long + 1])
            for p in Int(off[short])..<Int(off[short + 1]) {
              let x = tgt[p]
              var step = 1, bound = lo
              while bound < hi && tgt[bound] < x { lo = bound &+ 1; bound = lo &+ step; step &<<= 1 }
              var top = min(bound, hi)
              while lo < top { let mid = (lo &+ top) >> 1; if tgt[mid] < x { lo = mid &+ 1 } else { top = mid } }
              if lo < hi && tgt[lo] == x { n += 1; lo &+= 1 }
              if lo >= hi { break }
            }
            let denominator = (ki - 1) + (kj - 1) - n
            cS.base[e] = n
            oS.base[e] = denominator > 0 ? Double(n) / Double(denominator) : .nan
          }
        }
      }
    }}
    return TieNeighbourhoods(embeddedness: common, overlap: overlap)
  }
}
