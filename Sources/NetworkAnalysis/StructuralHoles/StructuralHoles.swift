#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// Burt's structural-hole measures for every person (NaN where undefined).
public struct StructuralHoles: Sendable {
  /// Constraint C(i) = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i), q ≠ i, j} p_iq p_qj)²: how far i's ties are invested in
  /// people who are tied to each other. NaN for people without ties.
  public var constraint: [Double]
  /// Effective size e(i) = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i), q ≠ j} p_iq m_jq): contacts minus redundancy. NaN without ties.
  public var effectiveSize: [Double]
  /// Efficiency e(i) / k_i. NaN without ties.
  public var efficiency: [Double]
  /// Hierarchy: Σ_j (c_j / c̄) ln(c_j / c̄) / (k ln k) with c_j = ℓ(i, j) and c̄ = C / k — 0 when constraint is
  /// spread evenly, towards 1 when it comes from one contact. NaN below two contacts.
  public var hierarchy: [Double]
}

extension GraphView {
  /// Burt's constraint, effective size, efficiency and hierarchy (see `StructuralHoles`), on an undirected view.
  /// p_ij is i's share of tie strength spent on j: w_ij / strength(i) (1 / k_i unweighted); m_jq = w_jq / the
  /// largest weight of j's ties. With `weighted` false, every tie has weight 1. With `includeHierarchy` false,
  /// `hierarchy` stays NaN: it is the only part that takes a logarithm per tie, and constraint alone does not need it.
  /// - Reference: R. S. Burt (1992), *Structural Holes: The Social Structure of Competition*, Harvard Univ.
  ///   Press, ch. 2; S. P. Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures",
  ///   *Connections* 20(1):35–38.
  /// - Parity: networkx.constraint, networkx.effective_size (nodes=list(G)), 1e-6 relative; hierarchy and
  ///   efficiency from those definitions (Tests/Fixtures, scripts/oracle.py).
  /// - Method: both sums over q run over the common neighbours of i and j and reduce to two per-tie sums,
  ///   S0(ij) = Σ_q w_iq w_jq and S1(ij) = Σ_q w_iq w_jq / strength(q), symmetric in i and j:
  ///   Σ_q p_iq p_qj = S1 / strength(i) and Σ_q p_iq m_jq = S0 / (strength(i) · maxweight(j)). So each tie is
  ///   scanned once, from its end with more contacts (marked) over the row of the end with fewer.
  /// - Complexity: O(Σ_{ties ij} min(deg i, deg j)) — hubs are never scanned — plus O(m) for the per-person
  ///   sums; parallel over people, one marker array per block.
  public func structuralHoles(weighted: Bool, includeHierarchy: Bool = true) -> StructuralHoles {
    let n = nodeCount
    let adj = out
    // strength and largest tie weight per person
    let (strength, maxW) = adj.withBuffers { off, _, w in
      var strength = [Double](repeating: 0, count: n), maxW = [Double](repeating: 0, count: n)
      for v in 0..<n {
        for p in Int(off[v])..<Int(off[v + 1]) {
          let x = weighted ? w[p] : 1
          strength[v] += x; maxW[v] = max(maxW[v], x)
        }
      }
      return (strength, maxW)
    }
    let inverseStrength = strength.map { $0 > 0 ? 1 / $0 : 0 }   // multiplications, not divisions, in the inner loop
    // The marker array zeroed per block sets the cost of a block: about one block per 25,000 tie slots (at most 64).
    let blocks = BlockParallel.blocks(count: n, maxBlocks: max(1, min(64, adj.slotCount / 25_000)))
    // sums[2p] = S0, sums[2p + 1] = S1 for slot p (i → j); the owner of a tie writes both of its slots, once.
    var sums = [Double](repeating: 0, count: 2 * adj.slotCount)
    sums.withUnsafeMutableBufferPointer { sb in
      let sumsS = DisjointSlots(sb)
      BlockParallel.run(blocks, parallel: blocks.count > 1) { _, range in
        // marker[2q] = w_iq and marker[2q + 1] = w_iq / strength(q) for i's neighbours q, 0 for everyone else
        // (i included: no view holds self-loops). Interleaved so one cache line serves both sums, and read
        // without a branch: non-neighbours add 0, cheaper than a test that mispredicts. Raw buffers, so the
        // gathers carry no bounds checks.
        let marker = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * n)
        marker.initialize(repeating: 0)
        defer { marker.deallocate() }
        inverseStrength.withUnsafeBufferPointer { inverseStrength in
        adj.withBuffers { off, tgt, w in
          for i in range {
            let row = Int(off[i])..<Int(off[i + 1])
            let k = Int32(row.count)
            guard k > 1 else { continue }   // one contact: no common neighbours, S0 = S1 = 0 already
            for p in row {
              let q = Int(tgt[p]), wiq = weighted ? w[p] : 1
              marker[2 &* q] = wiq
              marker[2 &* q &+ 1] = wiq * inverseStrength[q]
            }
            for p in row {
              let j = Int(tgt[p])
              let kj = off[j + 1] &- off[j]
              // i owns the tie when it has more contacts (ties broken by index): j's row is the shorter scan
              guard kj < k || (kj == k && j < i) else { continue }
              // the scan also passes the mirror slot j → i (a conditional move, not a branch)
              var s0 = 0.0, s1 = 0.0, mirror = 0
              if weighted {
                for q in Int(off[j])..<Int(off[j + 1]) {
                  let t = Int(tgt[q]), x = 2 &* t, wq = w[q]
                  s0 += marker[x] * wq
                  s1 += marker[x &+ 1] * wq
                  mirror = t == i ? q : mirror
                }
              } else {
                for q in Int(off[j])..<Int(off[j + 1]) {
                  let t = Int(tgt[q]), x = 2 &* t
                  s0 += marker[x]
                  s1 += marker[x &+ 1]
                  mirror = t == i ? q : mirror
                }
              }
              sumsS.base[2 &* p] = s0; sumsS.base[2 &* p &+ 1] = s1
              sumsS.base[2 &* mirror] = s0; sumsS.base[2 &* mirror &+ 1] = s1
            }
            for p in row { let q = 2 &* Int(tgt[p]); marker[q] = 0; marker[q &+ 1] = 0 }
          }
        }}
      }
    }
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    var hierarchy = [Double](repeating: .nan, count: n)
    constraint.withUnsafeMutableBufferPointer { cb in
    effective.withUnsafeMutableBufferPointer { eb in
    hierarchy.withUnsafeMutableBufferPointer { hb in
    sums.withUnsafeBufferPointer { sb in
      let cS = DisjointSlots(cb), eS = DisjointSlots(eb), hS = DisjointSlots(hb), sumsR = ReadOnlySlots(sb)
      BlockParallel.run(blocks, parallel: blocks.count > 1) { _, range in
        var local: [Double] = []
        let sums = sumsR.base
        adj.withBuffers { off, tgt, w in
          for i in range {
            let row = Int(off[i])..<Int(off[i + 1])
            let k = row.count
            guard k > 0 else { continue }
            let si = inverseStrength[i]
            local.removeAll(keepingCapacity: true)
            var c = 0.0, e = 0.0
            for p in row {
              let j = Int(tgt[p])
              let pij = (weighted ? w[p] : 1) * si
              let pathThroughOthers = sums[2 &* p &+ 1] * si        // Σ_q p_iq p_qj
              let redundancy = sums[2 &* p] * si / maxW[j]          // Σ_q p_iq m_jq
              let l = (pij + pathThroughOthers) * (pij + pathThroughOthers)
              if includeHierarchy { local.append(l) }
              c += l
              e += 1 - redundancy
            }
            cS.base[i] = c
            eS.base[i] = e
            if includeHierarchy && k >= 2 && c > 0 {
              let mean = c / Double(k)
              var h = 0.0
              for l in local where l > 0 { h += (l / mean) * log(l / mean) }
              hS.base[i] = h / (Double(k) * log(Double(k)))
            }
          }
        }
      }
    }}}}
    let efficiency = (0..<n).map { v in adj.degree(NodeIndex(v)) > 0 ? effective[v] / Double(adj.degree(NodeIndex(v))) : .nan }
    return StructuralHoles(constraint: constraint, effectiveSize: effective, efficiency: efficiency, hierarchy: hierarchy)
  }
}
