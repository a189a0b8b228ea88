#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

extension GraphView {
  /// Leiden community detection on an undirected view, for modularity with resolution γ: (1) move nodes fast — a
  /// queue of every node in seeded random order, each moved to the neighbouring (or an empty) community that
  /// raises the quality most, and only the neighbours of a moved node queued again; (2) refine each community
  /// from singletons, merging only well-connected nodes into well-connected sub-communities, each chosen at random
  /// with probability ∝ exp(ΔH / θ) among the moves that do not lower the quality; (3) aggregate the *refined*
  /// partition, starting the next level from the unrefined one; until the moving phase leaves every node alone.
  /// Unlike Louvain, every community found is connected (γ-connected: Traag et al. 2019, Theorem 1).
  ///
  /// Quality differences are unnormalised, as in the paper and igraph: ΔH(v → C) = w(v, C) − γ k_v K_C / 2m;
  /// v is well connected in S when w(v, S − v) ≥ γ k_v (K_S − k_v) / 2m, a sub-community C when
  /// w(C, S − C) ≥ γ K_C (K_S − K_C) / 2m. Deterministic for a given `seed` (SplitMix64 for the orders and the
  /// random merges).
  /// - Reference: V. A. Traag, L. Waltman, N. J. van Eck (2019), "From Louvain to Leiden: guaranteeing
  ///   well-connected communities", *Scientific Reports* 9:5233, doi:10.1038/s41598-019-41695-z.
  /// - Complexity: about O(m) per level; few levels in practice.
  public func leiden(weighted: Bool, resolution gamma: Double = 1, seed: UInt64 = TiemapDefaults.seed, randomness theta: Double = 0.01) -> Communities {
    // Iterated from its own result until the partition no longer changes (igraph's n_iterations = −1), at most 20 times.
    var rng = SplitMix64(seed: seed)
    var community = Array(0..<nodeCount)
    for _ in 0..<20 {
      let next = leidenPass(weighted: weighted, gamma: gamma, theta: theta, start: community, rng: &rng)
      if next == community { break }
      community = next
    }
    return Communities(community: community, count: (community.max() ?? -1) + 1,
                       modularity: modularity(of: community, weighted: weighted, resolution: gamma))
  }

  /// One run of Leiden from the partition `start`; the communities numbered by first member.
  private func leidenPass(weighted: Bool, gamma: Double, theta: Double, start: [Int], rng: inout SplitMix64) -> [Int] {
    let n = nodeCount
    var level = LevelGraph(self, weighted: weighted)
    var membership = Array(0..<n)          // person → node of the current level
    var part = start                       // node → community
    let m = level.totalWeight
    guard m > 0 else { return Array(0..<n) }
    let scale = gamma / (2 * m)            // γ / 2m: the null model's weight per unit of degree product

    func shuffled(_ xs: [Int]) -> [Int] {
      var xs = xs
      for i in stride(from: xs.count - 1, to: 0, by: -1) { xs.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      return xs
    }

    for _ in 0..<100 {
      let size = level.size
      let k = level.degrees()
      let (offsets, targets, weights) = (level.offsets, level.targets, level.weights)

      // (1) Fast local moving.
      var tot = [Double](repeating: 0, count: size), members = [Int](repeating: 0, count: size)
      for v in 0..<size { tot[part[v]] += k[v]; members[part[v]] += 1 }
      // Empty communities, as a stack; entries whose community filled up again are dropped when met.
      var empty = (0..<size).filter { members[$0] == 0 }.reversed().map { $0 }
      var queue = shuffled(Array(0..<size)), head = 0
      var queued = [Bool](repeating: true, count: size)
      var linkTo = [Double](repeating: 0, count: size)
      var touched: [Int] = []
      while head < queue.count {
        let v = queue[head]; head += 1
        queued[v] = false
        let old = part[v]
        tot[old] -= k[v]; members[old] -= 1
        if members[old] == 0 { empty.append(old) }
        touched.removeAll(keepingCapacity: true)
        for p in offsets[v]..<offsets[v + 1] {
          let c = part[targets[p]]
          if linkTo[c] == 0 { touched.append(c) }
          linkTo[c] += weights[p]
        }
        var best = old, bestDiff = linkTo[old] - scale * k[v] * tot[old]
        for c in touched where c != old {
          let diff = linkTo[c] - scale * k[v] * tot[c]
          if diff > bestDiff { best = c; bestDiff = diff }
        }
        while let e = empty.last, members[e] != 0 { empty.removeLast() }
        if let e = empty.last, e != old, 0 > bestDiff { best = e; bestDiff = 0 }   // alone, when everything else costs
        for c in touched { linkTo[c] = 0 }
        linkTo[old] = 0
        tot[best] += k[v]; members[best] += 1
        part[v] = best
        if best != old {
          for p in offsets[v]..<offsets[v + 1] {
            let u = targets[p]
            if part[u] != best && !queued[u] { queued[u] = true; queue.append(u) }
          }
        }
      }
      // Renumber the communities 0 ..< c by first node.
      var label = [Int](repeating: -1, count: size), count = 0
      for v in 0..<size where label[part[v]] < 0 { label[part[v]] = count; count += 1 }
      for v in 0..<size { part[v] = label[part[v]] }
      if count == size { break }   // every node alone: nothing left to merge

      // (2) Refinement: inside each community, merge well-connected singletons.
      var byCommunity = [[Int]](repeating: [], count: count)
      for v in 0..<size { byCommunity[part[v]].append(v) }
      var refined = Array(0..<size)
      var weight = k                                   // K of each refined community
      var external = [Double](repeating: 0, count: size)   // w(R, S − R) inside its community S
      var merged = [Bool](repeating: false, count: size)
      var communityTotal = [Double](repeating: 0, count: count)
      for v in 0..<size {
        communityTotal[part[v]] += k[v]
        for p in offsets[v]..<offsets[v + 1] where part[targets[p]] == part[v] { external[v] += weights[p] }
      }
      var candidates: [Int] = [], cumulative: [Double] = [], diffs: [Double] = []
      for s in 0..<count {
        let total = communityTotal[s]
        for v in shuffled(byCommunity[s]) {
          let current = refined[v]
          guard !merged[current], external[current] >= scale * weight[current] * (total - weight[current]) else { continue }
          weight[current] = 0; external[current] = 0   // v leaves its singleton: an empty community
          touched.removeAll(keepingCapacity: true)
          for p in offsets[v]..<offsets[v + 1] where part[targets[p]] == s {
            let c = refined[targets[p]]
            if linkTo[c] == 0 { touched.append(c) }
            linkTo[c] += weights[p]
          }
          // Eligible: the current (now empty) singleton and the well-connected neighbours that do not lower H.
          candidates.removeAll(keepingCapacity: true); cumulative.removeAll(keepingCapacity: true)
          diffs.removeAll(keepingCapacity: true)
          candidates.append(current); diffs.append(0)
          for c in touched where c != current && external[c] >= scale * weight[c] * (total - weight[c]) {
            let diff = linkTo[c] - scale * k[v] * weight[c]
            if diff >= 0 { candidates.append(c); diffs.append(diff) }
          }
          let top = diffs.max()!
          var sum = 0.0
          for d in diffs { sum += exp((d - top) / theta); cumulative.append(sum) }
          let r = rng.nextUnit() * sum
          let chosen = candidates[cumulative.firstIndex { $0 > r } ?? (candidates.count - 1)]
          for c in touched { linkTo[c] = 0 }
          weight[chosen] += k[v]
          for p in offsets[v]..<offsets[v + 1] where part[targets[p]] == s {
            external[chosen] += refined[targets[p]] == chosen ? -weights[p] : weights[p]
          }
          if chosen != current { refined[v] = chosen; merged[chosen] = true }
        }
      }
      var refinedLabel = [Int](repeating: -1, count: size), refinedCount = 0
      for v in 0..<size where refinedLabel[refined[v]] < 0 { refinedLabel[refined[v]] = refinedCount; refinedCount += 1 }
      if refinedCount == size {
        // The refinement merged nothing: aggregate the unrefined partition instead, as igraph does.
        refined = part
        refinedLabel = Array(0..<size); refinedCount = count
      }

      // (3) Aggregate the refined partition; its nodes start in their unrefined community.
      var newPart = [Int](repeating: 0, count: refinedCount)
      for v in 0..<size { newPart[refinedLabel[refined[v]]] = part[v] }
      for i in 0..<n { membership[i] = refinedLabel[refined[membership[i]]] }
      level = level.aggregated(by: (0..<size).map { refinedLabel[refined[$0]] }, count: refinedCount)
      part = newPart
    }
    return numberedByFirstMember(membership.map { part[$0] }).community
  }
}

/// The community search: Louvain (Blondel et al. 2008) or Leiden (Traag et al. 2019).
public enum CommunityMethod: String, Sendable, CaseIterable {
  case louvain, leiden
}

extension GraphView {
  /// Communities by `method`, seeded.
  public func communities(_ method: CommunityMethod, weighted: Bool, resolution: Double = 1, seed: UInt64 = TiemapDefaults.seed) -> Communities {
    switch method {
    case .louvain: louvain(weighted: weighted, resolution: resolution, seed: seed)
    case .leiden: leiden(weighted: weighted, resolution: resolution, seed: seed)
    }
  }
}
