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
  /// - Complexity: O(Σ_{(i,j)} (k_i + k_j)); parallel over edges.
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
            var p = Int(off[i]), q = Int(off[j])
            let pe = Int(off[i + 1]), qe = Int(off[j + 1])
            var n = 0
            while p < pe && q < qe {
              let a = tgt[p], b = tgt[q]
              if a == b { n += 1; p += 1; q += 1 } else if a < b { p += 1 } else { q += 1 }
            }
            let denominator = (pe - Int(off[i]) - 1) + (qe - Int(off[j]) - 1) - n
            cS.base[e] = n
            oS.base[e] = denominator > 0 ? Double(n) / Double(denominator) : .nan
          }
        }
      }
    }}
    return TieNeighbourhoods(embeddedness: common, overlap: overlap)
  }
}
