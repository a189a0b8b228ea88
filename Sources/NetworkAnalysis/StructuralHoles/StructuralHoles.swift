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
  /// Burt's constraint, effective size, efficiency and hierarchy (see `StructuralHoles`).
  /// p_ij is i's share of tie strength spent on j: w_ij / strength(i) (1 / k_i unweighted); m_jq = w_jq / the
  /// largest weight of j's ties. With `weighted` false, every tie has weight 1. On a directed view, Burt's
  /// directed definitions: the same formulas on the mutual weight z_ij + z_ji of every pair tied in either
  /// direction (`GraphView.mutual`; an unweighted arc counts 1, so a reciprocated pair weighs 2), over all of
  /// i's neighbours, in or out; efficiency divides by the number of those neighbours. NetworkX returns NaN for
  /// a person whose ties all point to them (it tests the successors only); the sums are defined there, igraph
  /// gives them, and so does Tiemap. With `includeHierarchy` false,
  /// `hierarchy` stays NaN: it is the only part that takes a logarithm per tie, and constraint alone does not need it.
  /// - Reference: R. S. Burt (1992), *Structural Holes: The Social Structure of Competition*, Harvard Univ.
  ///   Press, ch. 2; S. P. Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures",
  ///   *Connections* 20(1):35–38.
  /// - Parity: networkx.constraint, networkx.effective_size (nodes=list(G)), 1e-6 relative; hierarchy and
  ///   efficiency from those definitions (Tests/Fixtures, scripts/oracle.py); directed views against
  ///   networkx.constraint / effective_size on the DiGraph (Tests/Fixtures/directed).
  /// - Method: both sums over q run over the common neighbours of i and j and reduce to two per-tie sums,
  ///   S0(ij) = Σ_q w_iq w_jq and S1(ij) = Σ_q w_iq w_jq / strength(q), symmetric in i and j:
  ///   Σ_q p_iq p_qj = S1 / strength(i) and Σ_q p_iq m_jq = S0 / (strength(i) · maxweight(j)). So each tie is
  ///   scanned once, from its end with more contacts (marked) over the row of the end with fewer, and its
  ///   owner adds both ends' terms at once: ℓ(i, j) and i's redundancy to i, ℓ(j, i) and j's to j.
  /// - Complexity: O(Σ_{ties ij} min(deg i, deg j)) — hubs are never scanned — plus O(n · blocks) to add the
  ///   blocks' partial sums; parallel over people, one marker and one pair of partial arrays per block, added
  ///   in block order (blocks come from the data, so the bytes do not depend on the thread count).
  public func structuralHoles(weighted: Bool, includeHierarchy: Bool = true) -> StructuralHoles {
    if isDirected { return mutual(weighted: weighted).structuralHoles(weighted: true, includeHierarchy: includeHierarchy) }
    let n = nodeCount
    let adj = out
    // strength and largest tie weight per person (unweighted: the degree and 1)
    let (strength, maxW): ([Double], [Double]) = adj.withBuffers { off, _, w in
      if !weighted {
        return ((0..<n).map { Double(off[$0 + 1] &- off[$0]) }, [Double](repeating: 1, count: n))
      }
      var strength = [Double](repeating: 0, count: n), maxW = [Double](repeating: 0, count: n)
      for v in 0..<n {
        for p in Int(off[v])..<Int(off[v + 1]) { strength[v] += w[p]; maxW[v] = max(maxW[v], w[p]) }
      }
      return (strength, maxW)
    }
    // multiplications, not divisions, in the loops
    let inverseStrength = strength.map { $0 > 0 ? 1 / $0 : 0 }
    let inverseMaxW = maxW.map { $0 > 0 ? 1 / $0 : 0 }
    // Zeroing a block's marker and partial arrays sets its fixed cost: about one block per 50,000 tie slots.
    let blocks = BlockParallel.blocks(count: n, maxBlocks: max(1, min(64, adj.slotCount / 50_000)))
    // partials[b] holds block b's sums, interleaved: [2v] constraint, [2v + 1] effective size.
    var partials = [Double](repeating: 0, count: 2 * n * blocks.count)
    // With the hierarchy: ℓ of every tie end, local[2e] for the lower-index end of edge e, local[2e + 1] the other.
    var local = [Double](repeating: 0, count: includeHierarchy ? 2 * edgeCount : 0)
    partials.withUnsafeMutableBufferPointer { pb in
    local.withUnsafeMutableBufferPointer { lb in
      let partialS = DisjointSlots(pb), localS = DisjointSlots(lb)
      BlockParallel.run(blocks, parallel: blocks.count > 1) { b, range in
        let part = UnsafeMutableBufferPointer(rebasing: partialS.base[(2 * n * b)..<(2 * n * (b + 1))])
        // marker[2q] = w_iq and marker[2q + 1] = w_iq / strength(q) for i's neighbours q, 0 for everyone else
        // (i included: no view holds self-loops). Interleaved so one cache line serves both sums, and read
        // without a branch: non-neighbours add 0, cheaper than a test that mispredicts. Raw buffers, so the
        // gathers carry no bounds checks.
        let marker = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * n)
        marker.initialize(repeating: 0)
        defer { marker.deallocate() }
        inverseStrength.withUnsafeBufferPointer { inverseStrength in
        inverseMaxW.withUnsafeBufferPointer { inverseMaxW in
        adj.edgeIDs.withUnsafeBufferPointer { edgeIDs in
        adj.withBuffers { off, tgt, w in
          for i in range {
            let row = Int(off[i])..<Int(off[i + 1])
            let k = Int32(row.count)
            for p in row {
              let q = Int(tgt[p]), wiq = weighted ? w[p] : 1
              marker[2 &* q] = wiq
              marker[2 &* q &+ 1] = wiq * inverseStrength[q]
            }
            let si = inverseStrength[i]
            for p in row {
              let j = Int(tgt[p])
              let kj = off[j + 1] &- off[j]
              // i owns the tie when it has more contacts (ties broken by index): j's row is the shorter scan
              guard kj < k || (kj == k && j < i) else { continue }
              // two pairs of accumulators, so consecutive additions do not wait for each other
              var a0 = 0.0, a1 = 0.0, b0 = 0.0, b1 = 0.0
              var q = Int(off[j])
              let end = Int(off[j + 1])
              if weighted {
                while q &+ 1 < end {
                  let x = 2 &* Int(tgt[q]), y = 2 &* Int(tgt[q &+ 1]), wx = w[q], wy = w[q &+ 1]
                  a0 += marker[x] * wx; a1 += marker[x &+ 1] * wx
                  b0 += marker[y] * wy; b1 += marker[y &+ 1] * wy
                  q &+= 2
                }
                if q < end { let x = 2 &* Int(tgt[q]); a0 += marker[x] * w[q]; a1 += marker[x &+ 1] * w[q] }
              } else {
                while q &+ 1 < end {
                  let x = 2 &* Int(tgt[q]), y = 2 &* Int(tgt[q &+ 1])
                  a0 += marker[x]; a1 += marker[x &+ 1]
                  b0 += marker[y]; b1 += marker[y &+ 1]
                  q &+= 2
                }
                if q < end { let x = 2 &* Int(tgt[q]); a0 += marker[x]; a1 += marker[x &+ 1] }
              }
              let s0 = a0 + b0, s1 = a1 + b1
              let sj = inverseStrength[j], wij = weighted ? w[p] : 1
              let ci = wij * si + s1 * si, cj = wij * sj + s1 * sj     // p_ij + Σ_q p_iq p_qj, and j's
              let li = ci * ci, lj = cj * cj
              part[2 &* i] += li
              part[2 &* i &+ 1] += 1 - s0 * si * inverseMaxW[j]      // 1 − Σ_q p_iq m_jq
              part[2 &* j] += lj
              part[2 &* j &+ 1] += 1 - s0 * sj * inverseMaxW[i]
              if includeHierarchy {
                let e = 2 &* Int(edgeIDs[p])
                localS.base[i < j ? e : e &+ 1] = li
                localS.base[i < j ? e &+ 1 : e] = lj
              }
            }
            for p in row { let q = 2 &* Int(tgt[p]); marker[q] = 0; marker[q &+ 1] = 0 }
          }
        }}}}
      }
    }}
    // The blocks' partial sums, added in block order.
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    adj.withBuffers { off, _, _ in
      for v in 0..<n where off[v + 1] > off[v] {
        var c = 0.0, e = 0.0
        for b in 0..<blocks.count { c += partials[2 * n * b + 2 * v]; e += partials[2 * n * b + 2 * v + 1] }
        constraint[v] = c; effective[v] = e
      }
    }
    var hierarchy = [Double](repeating: .nan, count: n)
    if includeHierarchy {
      adj.edgeIDs.withUnsafeBufferPointer { edgeIDs in
      adj.withBuffers { off, tgt, _ in
        for i in 0..<n {
          let row = Int(off[i])..<Int(off[i + 1])
          let k = row.count, c = constraint[i]
          guard k >= 2, c > 0 else { continue }
          let mean = c / Double(k)
          var h = 0.0
          for p in row {
            let e = 2 &* Int(edgeIDs[p])
            let l = local[i < Int(tgt[p]) ? e : e &+ 1]
            if l > 0 { h += (l / mean) * log(l / mean) }
          }
          hierarchy[i] = h / (Double(k) * log(Double(k)))
        }
      }}
    }
    let efficiency = (0..<n).map { v in adj.degree(NodeIndex(v)) > 0 ? effective[v] / Double(adj.degree(NodeIndex(v))) : .nan }
    return StructuralHoles(constraint: constraint, effectiveSize: effective, efficiency: efficiency, hierarchy: hierarchy)
  }
}
