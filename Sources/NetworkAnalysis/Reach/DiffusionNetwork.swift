import SocialGraph

/// The two diffusion models of Kempe, Kleinberg & Tardos (2003).
public enum DiffusionModel: String, Sendable, Hashable, CaseIterable {
  /// Independent cascade: a newly convinced person gets one chance to convince each contact, with the tie's
  /// probability.
  case independentCascade = "ic"
  /// Linear threshold: a person is convinced once the weight of their convinced contacts reaches a random
  /// threshold θ ~ U[0, 1]; contact u weighs b_uv = w_uv / Σ_u' w_u'v.
  case linearThreshold = "lt"
}

/// A network ready for diffusion: the arcs u → v with their probabilities (independent cascade) and, into each
/// person, the arcs with their linear-threshold weights. Flat CSR arrays, built once, shared by every run.
///
/// Runs are *live-edge* worlds drawn from counters, not from a generator threaded through the run: in run r, arc
/// a is live (independent cascade) when U(seed, r, a) < p_a; person v (linear threshold) listens to the in-arc
/// its U(seed, r, v) falls on along the cumulative weights b, or to no one past their sum. A run is then the set
/// reachable from the seeds along live arcs, which by Kempe et al.'s Theorems 2.5 and 2.4 has the distribution of
/// the cascade (IC) and of the threshold process (LT). The same (seed, r) is the same world whichever seeds are
/// tried and whichever thread runs it, so greedy seed selection compares seed sets on common worlds and every
/// result is independent of the thread count.
/// - Reference: D. Kempe, J. Kleinberg, É. Tardos (2003), "Maximizing the spread of influence through a social
///   network", *KDD '03*, pp. 137–146, doi:10.1145/956750.956769.
public struct DiffusionNetwork: Sendable {
  public let nodeCount: Int
  /// Arcs out of each person: `outOffsets` (n + 1), `outTargets`, `outProbability` (IC).
  let outOffsets: ContiguousArray<Int32>
  let outTargets: ContiguousArray<Int32>
  let outProbability: ContiguousArray<Double>
  /// Arcs into each person: `inOffsets` (n + 1), `inSources`, `inProbability` (IC), `inWeight` (LT b_uv, summing to
  /// at most 1 per person).
  let inOffsets: ContiguousArray<Int32>
  let inSources: ContiguousArray<Int32>
  let inProbability: ContiguousArray<Double>
  let inWeight: ContiguousArray<Double>

  public var arcCount: Int { outTargets.count }
}

extension GraphView {
  /// This view as a diffusion network: an undirected tie passes both ways, a directed one along its arrow.
  /// Probabilities follow `rule`; linear-threshold weights are the tie weights into each person, normalised
  /// to sum to 1 (b_uv = w_uv / Σ_u' w_u'v, Kempe et al. 2003 §2).
  /// - Complexity: O(n + m).
  public func diffusionNetwork(_ rule: SpreadProbability) -> DiffusionNetwork {
    let n = nodeCount
    let p = spreadProbabilities(rule)
    // In-arcs: the `inbound` rows (the same rows as `out` when undirected); the probability of u → v is the
    // one of slot (u → v) in `out`.
    let inb = inbound
    var inProbability = ContiguousArray<Double>(repeating: 0, count: inb.slotCount)
    var inWeight = ContiguousArray<Double>(repeating: 0, count: inb.slotCount)
    for v in 0..<n {
      let row = inb.slots(NodeIndex(v))
      var total = 0.0
      for s in row { total += inb.weights[s] }
      for s in row {
        let u = inb.targets[s]
        inProbability[s] = p[out.slot(from: u, to: NodeIndex(v))!]
        inWeight[s] = total > 0 ? inb.weights[s] / total : 0
      }
    }
    return DiffusionNetwork(nodeCount: n, outOffsets: out.offsets, outTargets: out.targets, outProbability: p,
                            inOffsets: inb.offsets, inSources: inb.targets, inProbability: inProbability, inWeight: inWeight)
  }
}

/// Counter-based uniform numbers: U(seed, run, key) ∈ [0, 1), the same for the same triple on every thread.
/// - Reference: SplitMix64's finaliser (Steele, Lea & Flood 2014), applied to a counter (Salmon et al. 2011,
///   "Parallel random numbers: as easy as 1, 2, 3", *SC '11*, doi:10.1145/2063384.2063405).
@usableFromInline struct WorldCoins: Sendable {
  @usableFromInline let runKey: UInt64

  @inlinable init(seed: UInt64, run: Int) {
    runKey = WorldCoins.mix(seed &+ WorldCoins.mix(UInt64(truncatingIfNeeded: run) &+ 0x632B_E59B_D9B4_E019))
  }

  @inlinable static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inlinable func unit(_ key: Int) -> Double {
    Double(WorldCoins.mix(runKey ^ (UInt64(truncatingIfNeeded: key) &* 0xD1B5_4A32_D192_ED03)) >> 11) * 0x1.0p-53
  }
}
