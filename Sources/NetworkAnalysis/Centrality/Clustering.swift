#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

extension GraphView {
  /// Local clustering coefficient of each person in an undirected view: the share of pairs of their contacts
  /// who are tied, 2T / (k (k − 1)). With `weighted`, Onnela's generalisation: each triangle counts
  /// (ŵ_vu ŵ_vw ŵ_uw)^{1/3}, with ŵ = weight / largest weight in the view. 0 below two contacts.
  /// - Reference: D. J. Watts, S. H. Strogatz (1998), *Nature* 393:440–442; J.-P. Onnela, J. Saramäki,
  ///   J. Kertész, K. Kaski (2005), "Intensity and coherence of motifs in weighted complex networks",
  ///   *Phys. Rev. E* 71:065103.
  /// - Parity: networkx.clustering(weight=None | "weight").
  /// - Complexity: O(Σ_v Σ_{u ∈ N(v)} deg(u)); one marker array per block, parallel over people.
  public func clustering(weighted: Bool) -> [Double] {
    let n = nodeCount
    var result = [Double](repeating: 0, count: n)
    let maxWeight = weighted ? (edgeWeights.max() ?? 1) : 1
    let adj = out
    result.withUnsafeMutableBufferPointer { res in
      let slots = DisjointSlots(res)
      BlockParallel.run(BlockParallel.blocks(count: n), parallel: adj.slotCount > 20_000) { _, range in
        var mark = [Double](repeating: 0, count: n)   // ŵ_vq for v's neighbours q, 0 otherwise
        adj.withBuffers { off, tgt, w in
          for v in range {
            let row = Int(off[v])..<Int(off[v + 1])
            let k = row.count
            guard k >= 2 else { continue }
            for p in row { mark[Int(tgt[p])] = weighted ? w[p] / maxWeight : 1 }
            var sum = 0.0
            for p in row {
              let u = Int(tgt[p])
              let wvu = mark[u]
              for q in Int(off[u])..<Int(off[u + 1]) {
                let x = Int(tgt[q])
                let wvx = mark[x]
                guard wvx > 0, x != v else { continue }
                sum += weighted ? cbrt(wvu * wvx * (w[q] / maxWeight)) : 1
              }
            }
            for p in row { mark[Int(tgt[p])] = 0 }
            slots.base[v] = sum / (Double(k) * Double(k - 1))   // each triangle seen from both u and x
          }
        }
      }
    }
    return result
  }

  /// Core number of each person: the largest k such that they belong to a subgraph where everyone has at
  /// least k contacts (directed views count in- and out-ties, as NetworkX does).
  /// - Reference: V. Batagelj, M. Zaveršnik (2003), "An O(m) algorithm for cores decomposition of networks",
  ///   arXiv:cs/0310049.
  /// - Parity: networkx.core_number.
  /// - Complexity: O(n + m), bucket sort by degree.
  public func coreNumbers() -> [Int] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var deg = (0..<n).map { isDirected ? out.degree(NodeIndex($0)) + inbound.degree(NodeIndex($0)) : out.degree(NodeIndex($0)) }
    let maxDeg = deg.max() ?? 0
    var bin = [Int](repeating: 0, count: maxDeg + 2)
    for d in deg { bin[d] += 1 }
    var start = 0
    for d in 0...maxDeg { let c = bin[d]; bin[d] = start; start += c }
    var vert = [Int](repeating: 0, count: n), pos = [Int](repeating: 0, count: n)
    for v in 0..<n { pos[v] = bin[deg[v]]; vert[pos[v]] = v; bin[deg[v]] += 1 }
    for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
    bin[0] = 0
    func lower(_ u: Int, below v: Int) {
      guard deg[u] > deg[v] else { return }
      let du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw]
      if u != w { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u }
      bin[du] += 1
      deg[u] -= 1
    }
    for i in 0..<n {
      let v = vert[i]
      for u in out.neighbors(NodeIndex(v)) { lower(Int(u), below: v) }
      if isDirected { for u in inbound.neighbors(NodeIndex(v)) { lower(Int(u), below: v) } }
    }
    return deg
  }
}
