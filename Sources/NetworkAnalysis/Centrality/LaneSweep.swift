import SocialGraph

/// The unweighted sweep 64 sources at a time: one BFS per batch in which every person carries a 64-bit mask of the
/// sources (lanes) that reached them, level by level, and path counts, dependencies and the coefficients of the
/// dependency pass are kept per person and lane. A tie is read once per batch and level instead of once per
/// source, and per lane work is done only for the lanes in which the tie is an edge of the shortest-path DAG
/// (found by bit operations on the masks).
///
/// Each lane does the additions of `breadthFirst` for its source in the same order: σ(w) sums the same path
/// counts (whole numbers, exact below 2⁵³, so their order does not matter), δ(v) sums (1 + δ(w)) / σ(w) over v's
/// row in row order, distance and harmonic sums are added person by person in order of distance (a BFS order),
/// and each person's betweenness receives the sources' dependencies in source order. Values therefore equal the
/// one-source sweep's, given the same grouping of sources into blocks (`ShortestPathSweep.run`).
/// - Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper, T. Neumann, H. T. Vo
///   (2014), "The more the merrier: efficient multi-source graph traversal", *PVLDB* 8(4):449–460,
///   doi:10.14778/2735496.2735507 (bit-parallel BFS); U. Brandes (2001), see `ShortestPathSweep`.
/// - Complexity: O(m · ℓ + Σ_s |DAG_s|) per batch, ℓ the number of distinct distances a person has from the
///   batch's sources (at most the diameter + 1); O(64 n) scratch.
extension ShortestPathSweep {
  /// Sources per batch: the bits of a mask.
  static let lanes = 64
  /// The largest view swept in lanes: two 64-lane rows of Doubles per person (1 KiB) stay in the caches up to some
  /// thousands of people; larger views take the one-source sweep (measured: 1.4× faster per tie at 5,000 people,
  /// 0.9× at 20,000).
  static let laneLimit = 8_192

  /// Per-block scratch of the lane sweep, in raw buffers; freed by `release`.
  struct LaneScratch: SweepScratch {
    /// σ per person and lane during the forward pass, then δ in its place (σ is not needed once δ is known).
    let sigma: UnsafeMutableBufferPointer<Double>
    /// (1 + δ(w)) / σ(w) per person and lane, as the dependency pass finishes each lane of w.
    let coef: UnsafeMutableBufferPointer<Double>
    /// The lanes that have reached each person, and (during a level) the lanes reaching them at the next distance.
    let seen: UnsafeMutableBufferPointer<UInt64>
    let nextMask: UnsafeMutableBufferPointer<UInt64>
    /// The levels: people with the lanes in which they are at that distance, level by level.
    let entryPerson: UnsafeMutableBufferPointer<Int32>
    let entryMask: UnsafeMutableBufferPointer<UInt64>
    /// One person's sum over their row, per lane.
    let sum: UnsafeMutableBufferPointer<Double>
    /// The lanes whose source each person is (0 but for the batch's sources), and each lane's multiplicity.
    let own: UnsafeMutableBufferPointer<UInt64>
    let multiplicity: UnsafeMutableBufferPointer<Double>
    var levelStart: [Int] = []

    /// Only σ and the masks start at 0: the coefficients and the levels are written before they are read (a
    /// lane's coefficient is read only where its DAG mask says it was set in the same batch), so their pages are
    /// not touched until used.
    init(n: Int) {
      let w = ShortestPathSweep.lanes
      sigma = .allocate(capacity: max(n * w, 1)); sigma.initialize(repeating: 0)
      coef = .allocate(capacity: max(n * w, 1))
      seen = .allocate(capacity: max(n, 1)); seen.initialize(repeating: 0)
      nextMask = .allocate(capacity: max(n, 1)); nextMask.initialize(repeating: 0)
      // A person enters a level once per distance they have from the batch's sources: at most once per lane.
      entryPerson = .allocate(capacity: max(n * w, 1))
      entryMask = .allocate(capacity: max(n * w, 1))
      sum = .allocate(capacity: w); sum.initialize(repeating: 0)
      own = .allocate(capacity: max(n, 1)); own.initialize(repeating: 0)
      multiplicity = .allocate(capacity: w); multiplicity.initialize(repeating: 1)
    }
    func release() {
      sigma.deallocate(); coef.deallocate(); seen.deallocate(); nextMask.deallocate()
      entryPerson.deallocate(); entryMask.deallocate(); sum.deallocate(); own.deallocate(); multiplicity.deallocate()
    }
  }

  /// What one lane's sweep gives: Σ d, the people reached (the source included), Σ 1 / d, and (with a pendant
  /// length ℓ) Σ 1 / (ℓ + d), each over the people reached other than the source, in order of distance.
  struct LaneSums {
    var distance = 0.0, reached = 1, harmonic = 0.0, shifted = 0.0
  }

  /// Sweeps `sources` (at most `lanes`) at once. With `accumulate`, each person's dependencies are added to it in
  /// lane order, times the lane's multiplicity (1 + its source's folded pendants, `pendants[k]`); and in its turn,
  /// lane k's source gets its pendants' own dependency, pendants · (reached − 2) (see `run`). `pendantLength` asks
  /// for `LaneSums.shifted`.
  func lanesBreadthFirst(_ sources: UnsafeBufferPointer<Int32>, _ sc: inout LaneScratch, pendants: UnsafeBufferPointer<Int>,
                         pendantLength: Double?, distances: Bool,
                         sums: UnsafeMutableBufferPointer<LaneSums>,
                         accumulate: UnsafeMutableBufferPointer<Double>?) {
    let w = Self.lanes
    let count = sources.count
    let sigma = sc.sigma.baseAddress!, coef = sc.coef.baseAddress!
    let seen = sc.seen, nextMask = sc.nextMask, entryPerson = sc.entryPerson, entryMask = sc.entryMask
    let sum = sc.sum
    var hosts: UInt64 = 0   // the lanes whose source has pendants
    for k in 0..<count {
      sums[k] = LaneSums()
      if pendants[k] > 0 { hosts |= 1 << UInt64(k) }
    }
    let counted = distances ? ~UInt64(0) : hosts   // the lanes whose sums are kept
    var entries = 0
    sc.levelStart.removeAll(keepingCapacity: true)
    sc.levelStart.append(0)
    for k in 0..<count {
      let s = Int(sources[k])
      let bit: UInt64 = 1 << UInt64(k)
      if seen[s] == 0 { entryPerson[entries] = Int32(s); entries += 1 }
      seen[s] |= bit; nextMask[s] |= bit
      sigma[s * w + k] = 1
    }
    for e in 0..<entries { let s = Int(entryPerson[e]); entryMask[e] = nextMask[s]; nextMask[s] = 0 }
    sc.levelStart.append(entries)
    forward.withBuffers { off, tgt, _ in
      var level = 0
      while sc.levelStart[level + 1] > sc.levelStart[level] {
        let (lo, hi) = (sc.levelStart[level], sc.levelStart[level + 1])
        for e in lo..<hi {
          let v = Int(entryPerson[e]), lanes = entryMask[e]
          let sv = sigma + v * w
          for p in Int(off[v])..<Int(off[v + 1]) {
            let u = Int(tgt[p])
            let fresh = lanes & ~seen[u]
            if fresh != 0 {
              if nextMask[u] == 0 { entryPerson[entries] = Int32(u); entries &+= 1 }
              seen[u] |= fresh; nextMask[u] |= fresh
            }
            // The lanes in which v → u is a DAG edge: v at this distance, u at the next (u's lanes at the next
            // distance are complete for v's lanes once v's scan reaches u: a lane's first visitor sets it).
            var dag = lanes & nextMask[u]
            let su = sigma + u * w
            while dag != 0 {
              let b = dag.trailingZeroBitCount
              su[b] += sv[b]
              dag &= dag &- 1
            }
          }
        }
        // The next level's masks are complete: keep them with their people, and add their distances lane by lane.
        let d = Double(level + 1)
        let (inverse, shiftedInverse) = (1 / d, pendantLength.map { 1 / ($0 + d) } ?? 0)   // once per level
        for e in hi..<entries {
          let u = Int(entryPerson[e])
          entryMask[e] = nextMask[u]
          var lanes = nextMask[u] & counted
          nextMask[u] = 0
          while lanes != 0 {
            let b = lanes.trailingZeroBitCount
            sums[b].distance += d; sums[b].harmonic += inverse; sums[b].reached &+= 1
            sums[b].shifted += shiftedInverse
            lanes &= lanes &- 1
          }
        }
        sc.levelStart.append(entries)
        level += 1
      }
      guard accumulate != nil else { return }
      // Dependencies, deepest level first; nextMask holds the masks of the level below the one being finished.
      var l = level - 1
      while l >= 1 {   // level 0 holds the sources alone, whose own dependency is never added
        let (lo, hi, below) = (sc.levelStart[l], sc.levelStart[l + 1], sc.levelStart[l + 2])
        for e in hi..<below { nextMask[Int(entryPerson[e])] = entryMask[e] }
        for e in lo..<hi {
          let v = Int(entryPerson[e]), lanes = entryMask[e]
          var m = lanes
          while m != 0 { sum[m.trailingZeroBitCount] = 0; m &= m &- 1 }
          for p in Int(off[v])..<Int(off[v + 1]) {
            let u = Int(tgt[p])
            var dag = lanes & nextMask[u]
            let cu = coef + u * w
            while dag != 0 {
              let b = dag.trailingZeroBitCount
              sum[b] += cu[b]
              dag &= dag &- 1
            }
          }
          let sv = sigma + v * w, cv = coef + v * w
          m = lanes
          while m != 0 {
            let b = m.trailingZeroBitCount
            let delta = sv[b] * sum[b]
            cv[b] = (1 + delta) / sv[b]
            sv[b] = delta
            m &= m &- 1
          }
        }
        for e in hi..<below { nextMask[Int(entryPerson[e])] = 0 }
        l -= 1
      }
    }
    if let acc = accumulate {
      // Each person's dependencies in source order, on a local sum (no store and reload between additions), two
      // people at a time (two independent chains of additions). A lane's own source gets nothing from its lane,
      // unless pendants are folded on it: then it takes the ordered path with their term in its turn.
      let own = sc.own, mult = sc.multiplicity
      for k in 0..<count {
        own[Int(sources[k])] |= 1 << UInt64(k)
        mult[k] = Double(1 + pendants[k])
      }
      func ordered(_ v: Int) {
        let sv = sigma + v * w
        var m = seen[v]
        while m != 0 {
          let b = m.trailingZeroBitCount
          if Int(sources[b]) != v {
            acc[v] += sv[b] * mult[b]
          } else if pendants[b] > 0 {
            acc[v] += Double(pendants[b]) * Double(sums[b].reached - 2)
          }
          m &= m &- 1
        }
      }
      let n = forward.nodeCount
      var v = 0
      while v < n {
        let u = min(v + 1, n - 1)
        let hostV = own[v] & hosts != 0, hostU = own[u] & hosts != 0
        if hostV || hostU || u == v {
          ordered(v)
          if u != v { ordered(u) }
          v += 2
          continue
        }
        let sv = sigma + v * w, su = sigma + u * w
        var (mv, mu) = (seen[v] & ~own[v], seen[u] & ~own[u])
        var (av, au) = (acc[v], acc[u])
        while mv != 0 && mu != 0 {
          let (b, c) = (mv.trailingZeroBitCount, mu.trailingZeroBitCount)
          av += sv[b] * mult[b]
          au += su[c] * mult[c]
          mv &= mv &- 1; mu &= mu &- 1
        }
        while mv != 0 { let b = mv.trailingZeroBitCount; av += sv[b] * mult[b]; mv &= mv &- 1 }
        while mu != 0 { let c = mu.trailingZeroBitCount; au += su[c] * mult[c]; mu &= mu &- 1 }
        acc[v] = av; acc[u] = au
        v += 2
      }
      for k in 0..<count { own[Int(sources[k])] = 0 }
    }
    // Clear what the batch touched: everyone reached is in some level.
    for e in 0..<entries {
      let v = Int(entryPerson[e])
      guard seen[v] != 0 else { continue }   // a person in several levels: cleared at their first
      (sigma + v * w).update(repeating: 0, count: w)
      seen[v] = 0
    }
  }
}

extension ShortestPathSweep {
  /// `run` on an unweighted view of at most `laneLimit` people: the sources (everyone, the non-pendants, or `only`)
  /// in batches of `lanes`, the batches in at most 64 blocks (by the number of people only, as `run`'s blocks),
  /// each block's dependencies added to the total in block order.
  func runLanes(betweenness: Bool, distances: Bool = true, sources only: [Int32]?) -> Result {
    let n = forward.nodeCount
    var distanceSum = [Double](repeating: 0, count: n)
    var reached = [Int](repeating: 0, count: n)
    var harmonicSum = [Double](repeating: 0, count: n)
    let fold = only == nil && sharesRows ? PendantFold(forward, lengths: []) : nil
    let sourceList = only ?? fold?.sources ?? (0..<n).map { Int32($0) }
    let pendantCounts: [Int] = fold.map { f in sourceList.map { s in Int(f.leaves.start[Int(s) + 1] - f.leaves.start[Int(s)]) } }
      ?? [Int](repeating: 0, count: sourceList.count)
    let w = Self.lanes
    let batches = (sourceList.count + w - 1) / w
    let parallel = n >= 256
    let blocks = BlockParallel.blocks(count: batches, maxBlocks: parallel ? 64 : 1)
    var total: [Double] = []
    distanceSum.withUnsafeMutableBufferPointer { ds in
    reached.withUnsafeMutableBufferPointer { rc in
    harmonicSum.withUnsafeMutableBufferPointer { hs in
      let dsS = DisjointSlots(ds), rcS = DisjointSlots(rc), hsS = DisjointSlots(hs)
      total = Self.dependencies(n: n, blocks: blocks, parallel: parallel, betweenness: betweenness,
                                scratch: { LaneScratch(n: n) }) { range, scratch, mine in
        var sums = [LaneSums](repeating: LaneSums(), count: w)
        sourceList.withUnsafeBufferPointer { all in
        pendantCounts.withUnsafeBufferPointer { allPendants in
        sums.withUnsafeMutableBufferPointer { sums in
          for batch in range {
            let lanes = (batch * w)..<min(batch * w + w, all.count)
            let sources = UnsafeBufferPointer(rebasing: all[lanes])
            let pendants = UnsafeBufferPointer(rebasing: allPendants[lanes])
            lanesBreadthFirst(sources, &scratch, pendants: pendants, pendantLength: distances ? fold?.leaves.length : nil,
                              distances: distances, sums: sums, accumulate: mine)
            for k in 0..<sources.count where distances {
              let s = Int(sources[k]), r = sums[k]
              dsS.base[s] = r.distance; rcS.base[s] = r.reached; hsS.base[s] = r.harmonic
              if let leaves = fold?.leaves, pendants[k] > 0 {
                leaves.fill(host: s, distanceSum: r.distance, reached: r.reached, shifted: r.shifted, dsS.base, rcS.base, hsS.base)
              }
            }
          }
        }}}
      }
    }}}
    return Result(distanceSum: distanceSum, reached: reached, harmonicSum: harmonicSum, betweenness: total)
  }
}
