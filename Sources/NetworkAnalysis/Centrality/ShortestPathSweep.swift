import SocialGraph

/// A sweep's per-block scratch: raw buffers, freed by `release` when the block is done.
protocol SweepScratch {
  func release()
}

/// Per-source shortest paths with Brandes' dependency accumulation, computing closeness sums, harmonic sums and
/// betweenness in one sweep. Lengths are 1 per tie (BFS) or 1 / weight (Dijkstra); two path lengths are equal
/// only when exactly equal (`==`), as in NetworkX (igraph allows ε = 1e-10; we follow NetworkX for parity).
///
/// Scratch (distances, path counts, dependencies, the visit order, the heap) is per block and reset only where
/// touched; the dependency pass walks the shortest-path DAG recorded during the forward search (successors by BFS,
/// branch-free, predecessors by Dijkstra, found among the settled people as each person is settled). Unweighted
/// views of up to `laneLimit` people are swept 64 sources at a time instead (`runLanes`, LaneSweep.swift), with
/// the same additions per source.
/// - Reference: U. Brandes (2001), "A faster algorithm for betweenness centrality", *J. Math. Sociol.*
///   25(2):163–177, doi:10.1080/0022250X.2001.9990249; E. W. Dijkstra (1959), *Numer. Math.* 1:269–271.
/// - Complexity: O(n′ m) unweighted, O(n′ m log n) weighted, for the n′ people who are not pendants when every tie
///   has one length (`run`), else n′ = n; O(n) scratch per block.
struct ShortestPathSweep: Sendable {
  /// Adjacency followed from the source (out-rows; for closeness of a directed view, in-rows).
  let forward: Adjacency
  /// Adjacency whose row of w lists w's possible predecessors (in-rows when directed; the same rows undirected).
  let backward: Adjacency
  let weighted: Bool
  /// Whether Dijkstra may use Dial's buckets when the lengths allow (`BucketQueue`); off only to compare with the
  /// radix heap in tests.
  var allowBuckets = true
  /// Whether unweighted sweeps of up to `laneLimit` people take 64 sources at a time (`runLanes`); off only to
  /// compare with the one-source BFS in tests.
  var allowLanes = true

  struct Result {
    /// Σ_t d(s, t) over reached t, and the number of people reached (s included).
    var distanceSum: [Double]
    var reached: [Int]
    /// Σ_t 1 / d(s, t) over reached t ≠ s.
    var harmonicSum: [Double]
    /// Unnormalised betweenness (ordered pairs), when asked for.
    var betweenness: [Double]
  }

  /// Sweeps from every person, or from `sources` only (then the sums of people who are not sources stay 0).
  ///
  /// On an undirected view swept from everyone, pendants (people with one tie) are not swept: a pendant v whose
  /// only tie, of length ℓ, goes to u has every shortest path of u shifted by ℓ, so (Baglioni, Geraci, Pellegrini,
  /// Lastres 2012, one level of their degree-1 folding) δ_v(x) = δ_u(x) for x ≠ u, δ_v(u) = r(u) − 2 (r counts u),
  /// Σ_t d(v, t) = Σ_t d(u, t) + ℓ (r(u) − 2), and Σ_t 1 / d(v, t) = 1 / ℓ + Σ_{t ≠ u, v} 1 / (ℓ + d(u, t)).
  /// u's sweep then counts with multiplicity 1 + its pendants, and a hub with 200,000 pendants costs one sweep and
  /// one pass over its distances, not 200,001 sweeps. Results agree with the unfolded sweep up to rounding (the
  /// dependencies are the same numbers, added once times the multiplicity instead of once per pendant). Only
  /// when every tie has the same length (always unweighted; see `PendantFold`).
  /// - Reference: M. Baglioni, F. Geraci, M. Pellegrini, E. Lastres (2012), "Fast exact computation of
  ///   betweenness centrality in social networks", ASONAM 2012, pp. 450–456, doi:10.1109/ASONAM.2012.79.
  ///
  /// Without `distances` the caller wants betweenness alone: the lane sweep then leaves `distanceSum`, `reached`
  /// and `harmonicSum` at 0 (the one-source sweep fills them anyway).
  func run(betweenness: Bool, distances: Bool = true, sources only: [Int32]? = nil) -> Result {
    let n = forward.nodeCount
    if !weighted && allowLanes && n <= Self.laneLimit { return runLanes(betweenness: betweenness, distances: distances, sources: only) }
    var distanceSum = [Double](repeating: 0, count: n)
    var reached = [Int](repeating: 0, count: n)
    var harmonicSum = [Double](repeating: 0, count: n)
    // Tie lengths 1 / weight, once per slot (the same Double NetworkX adds: 1.0 / weight).
    let lengths: [Double] = weighted ? forward.weights.map { 1 / $0 } : []
    let backLengths: [Double] = weighted ? backward.weights.map { 1 / $0 } : []
    let fold = only == nil && sharesRows ? PendantFold(forward, lengths: lengths) : nil
    let sourceList = only ?? fold?.sources ?? []
    let sourceCount = only?.count ?? fold?.sources.count ?? n
    // One block (one scratch, no partial sums) for graphs too small to share out: an account of a dozen people
    // would otherwise allocate a dozen scratches for a dozen sources. Blocks depend on n only, never on threads.
    let parallel = n >= 256
    let blocks = BlockParallel.blocks(count: sourceCount, maxBlocks: parallel ? 64 : 1)
    // Whether adding any tie's length to any distance a path can have (at most (n − 1) · longest) gives a larger
    // number: then a settled person can never be relaxed again and a person not settled can never be a
    // predecessor, so Dijkstra needs no settled flags (`dijkstra`'s fast path). Not so only for weighted spread
    // over some 15 orders of magnitude.
    let increasing: Bool = {
      guard weighted, let shortest = lengths.min(), let longest = lengths.max(), shortest > 0, longest.isFinite else { return false }
      return shortest > Double(max(n, 1)) * longest * 0x1p-51
    }()
    // Dial's buckets instead of the radix heap when the lengths span a small ratio (`BucketQueue`).
    let bucketRange: (Double, Double)? = {
      guard weighted, allowBuckets, let shortest = lengths.min(), let longest = lengths.max(), shortest > 0, longest.isFinite,
            longest / shortest <= BucketQueue.largestRatio else { return nil }
      return (shortest, max(longest, backLengths.max() ?? longest))
    }()
    let slots = betweenness ? max(forward.slotCount, backward.slotCount) : 0
    var total: [Double] = []
    distanceSum.withUnsafeMutableBufferPointer { ds in
    reached.withUnsafeMutableBufferPointer { rc in
    harmonicSum.withUnsafeMutableBufferPointer { hs in
      let dsS = DisjointSlots(ds), rcS = DisjointSlots(rc), hsS = DisjointSlots(hs)
      total = Self.dependencies(n: n, blocks: blocks, parallel: parallel, betweenness: betweenness,
                                scratch: { Scratch(n: n, slots: slots, weighted: weighted, buckets: bucketRange) }) { range, scratch, mine in
        lengths.withUnsafeBufferPointer { len in
          backLengths.withUnsafeBufferPointer { blen in
            for i in range {
              let s = only == nil && fold == nil ? i : Int(sourceList[i])
              let pendants = fold.map { Int($0.leaves.start[s])..<Int($0.leaves.start[s + 1]) } ?? 0..<0
              let (sum, count, harm) = sweep(from: Int32(s), &scratch, lengths: len, backLengths: blen,
                                             increasing: increasing, multiplicity: Double(1 + pendants.count),
                                             accumulate: mine)
              dsS.base[s] = sum; rcS.base[s] = count; hsS.base[s] = harm
              if let leaves = fold?.leaves, !pendants.isEmpty {
                if let mine { mine[s] += Double(pendants.count) * Double(count - 2) }
                var shifted = 0.0
                for k in 1..<count { shifted += 1 / (leaves.length + scratch.distance(order: k, weighted: weighted)) }
                leaves.fill(host: s, distanceSum: sum, reached: count, shifted: shifted, dsS.base, rcS.base, hsS.base)
              }
              scratch.reset(count: count, weighted: weighted)
            }
          }
        }
      }
    }}}
    return Result(distanceSum: distanceSum, reached: reached, harmonicSum: harmonicSum, betweenness: total)
  }

  /// Runs `blocks` (ranges of sources, or of batches of sources) through `sweep`, which adds each block's
  /// dependencies into the row it is given, and returns their sum (empty without `betweenness`). Side by side: a
  /// scratch and a row of partial betweenness per block, added up in block order. One after another (a small
  /// graph, or an account of a portfolio already scored in parallel): one scratch and one row for all, each
  /// block's row added to the total as it ends — the same additions in the same order, so the total does not
  /// depend on the number of threads.
  static func dependencies<S: SweepScratch>(n: Int, blocks: [Range<Int>], parallel: Bool, betweenness: Bool,
                                            scratch make: @Sendable () -> S,
                                            sweep: @Sendable (Range<Int>, inout S, UnsafeMutableBufferPointer<Double>?) -> Void) -> [Double] {
    let sideBySide = BlockParallel.runsInParallel(blocks, parallel: parallel)
    let rows = betweenness ? (sideBySide ? blocks.count : 1) : 0
    var partial = [Double](repeating: 0, count: rows * n)
    var total = [Double](repeating: 0, count: betweenness ? n : 0)
    partial.withUnsafeMutableBufferPointer { pb in
      let pbS = DisjointSlots(pb)
      if sideBySide {
        BlockParallel.run(blocks, parallel: parallel) { b, range in
          var scratch = make()
          defer { scratch.release() }
          sweep(range, &scratch, betweenness ? UnsafeMutableBufferPointer(rebasing: pbS.base[(b * n)..<((b + 1) * n)]) : nil)
        }
      } else {
        var scratch = make()
        defer { scratch.release() }
        for range in blocks {
          sweep(range, &scratch, betweenness ? pbS.base : nil)
          if betweenness { for v in 0..<n { total[v] += pbS.base[v]; pbS.base[v] = 0 } }
        }
      }
    }
    if betweenness && sideBySide {
      for b in 0..<blocks.count { for v in 0..<n { total[v] += partial[b * n + v] } }   // block order: deterministic
    }
    return total
  }

  /// Whether `forward` and `backward` are the same rows (an undirected view).
  var sharesRows: Bool {
    forward.offsets.withUnsafeBufferPointer { a in backward.offsets.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
      && forward.targets.withUnsafeBufferPointer { a in backward.targets.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
  }

  /// The pendants of an undirected view and the person each hangs on (see `run`).
  /// - Complexity: O(n).
  struct PendantFold {
    /// People with one tie, grouped by the person that tie goes to: members[start[u] ..< start[u + 1]] hang on u,
    /// in index order.
    struct Leaves {
      let start: [Int32]
      let members: [Int32]
      /// The length of every tie (1 unweighted).
      let length: Double

      /// Writes the sums of the pendants hung on `host` from the host's own: Σ d + ℓ (r − 2), the same r, and
      /// 1 / ℓ + Σ_{t ≠ host, v} 1 / (ℓ + d(host, t)), given `shifted` = Σ_{t ≠ host} 1 / (ℓ + d(host, t)) added in
      /// order of distance (see `run`).
      func fill(host: Int, distanceSum: Double, reached: Int, shifted: Double, _ ds: UnsafeMutableBufferPointer<Double>,
                _ rc: UnsafeMutableBufferPointer<Int>, _ hs: UnsafeMutableBufferPointer<Double>) {
        let h = 1 / length + (shifted - 1 / (length + length))
        let total = distanceSum + length * Double(reached - 2)
        for j in Int(start[host])..<Int(start[host + 1]) {
          let v = Int(members[j])
          ds[v] = total; rc[v] = reached; hs[v] = h
        }
      }
    }
    /// Everyone still swept, in index order.
    let sources: [Int32]
    let leaves: Leaves

    /// Nil when nobody is a pendant (`Adjacency.pendantHosts`), and when the ties have different lengths: shifting
    /// a sweep by ℓ then changes how its sums round, and with them which paths tie exactly (NetworkX's `==`), so
    /// the folded values would differ from the sweep's beyond rounding. With one length c every path of h ties has
    /// the same rounded length from any source, and the folding is exact.
    init?(_ rows: Adjacency, lengths: [Double]) {
      let length = lengths.first ?? 1
      guard lengths.allSatisfy({ $0 == length }), let host = rows.pendantHosts() else { return nil }
      let n = rows.nodeCount
      var start = [Int32](repeating: 0, count: n + 1)
      for u in host where u >= 0 { start[Int(u) + 1] += 1 }
      for u in 0..<n { start[u + 1] += start[u] }
      var fill = Array(start[0..<n])
      let folded = Int(start[n])
      var members = [Int32](repeating: 0, count: folded)
      var sources: [Int32] = []
      sources.reserveCapacity(n - folded)
      for v in 0..<n {
        let u = Int(host[v])
        if u < 0 { sources.append(Int32(v)); continue }
        members[Int(fill[u])] = Int32(v); fill[u] += 1
      }
      self.sources = sources
      self.leaves = Leaves(start: start, members: members, length: length)
    }
  }

  /// Per-block scratch in raw buffers (no bounds or exclusivity checks in the hot loops); freed by `release`.
  struct Scratch: SweepScratch {
    let dist: UnsafeMutableBufferPointer<Double>
    let sigma: UnsafeMutableBufferPointer<Double>
    let delta: UnsafeMutableBufferPointer<Double>
    let order: UnsafeMutableBufferPointer<Int32>
    /// BFS only: hop count (−1 unreached) and path count side by side, so that the one load a tie costs brings
    /// both (`dist` and `sigma` are the weighted sweep's).
    struct Level { var sigma: Double; var hops: Int32 }
    let level: UnsafeMutableBufferPointer<Level>
    /// The shortest-path DAG, grouped by order[i]: BFS records the successors of order[i] in
    /// succ[succEnd[i − 1] ..< succEnd[i]], Dijkstra its predecessors.
    let succ: UnsafeMutableBufferPointer<Int32>
    let succEnd: UnsafeMutableBufferPointer<Int32>
    /// Dijkstra's queue: Dial's buckets when the lengths allow them (`run`), else the radix heap; neither for BFS.
    let buckets: BucketQueue?
    let heap: RadixHeap?
    /// [0, 1], in memory the compiler cannot see into: σ(v) · zeroOne[bit] is a product it cannot turn back into
    /// a branch (a select of two constants becomes one on x86).
    let zeroOne: UnsafeMutablePointer<Double>
    init(n: Int, slots: Int, weighted: Bool, buckets range: (Double, Double)? = nil) {
      buckets = range.map { BucketQueue(shortest: $0.0, longest: $0.1) }
      heap = weighted && range == nil ? RadixHeap() : nil
      zeroOne = .allocate(capacity: 2); zeroOne[0] = 0; zeroOne[1] = 1
      succ = .allocate(capacity: max(slots, 1)); succ.initialize(repeating: 0)
      succEnd = .allocate(capacity: max(n, 1)); succEnd.initialize(repeating: 0)
      dist = .allocate(capacity: n); dist.initialize(repeating: .infinity)
      sigma = .allocate(capacity: n); sigma.initialize(repeating: 0)
      delta = .allocate(capacity: n); delta.initialize(repeating: 0)
      order = .allocate(capacity: n + 1); order.initialize(repeating: 0)   // + 1: BFS writes one slot ahead
      level = .allocate(capacity: max(n, 1)); level.initialize(repeating: Level(sigma: 0, hops: -1))
    }
    /// The distance of the k-th person settled by the last sweep (before `reset`).
    @inline(__always) func distance(order k: Int, weighted: Bool) -> Double {
      let v = Int(order[k])
      return weighted ? abs(dist[v]) : Double(level[v].hops)   // −d once settled (d on the fast path)
    }
    /// Clears what the last sweep touched: everyone given a distance is eventually settled, so `order` lists them.
    func reset(count: Int, weighted: Bool) {
      for i in 0..<count {
        let v = Int(order[i])
        if weighted { dist[v] = .infinity; sigma[v] = 0 } else { level[v] = Level(sigma: 0, hops: -1) }
        delta[v] = 0
      }
    }
    func release() {
      dist.deallocate(); sigma.deallocate(); delta.deallocate(); order.deallocate()
      succ.deallocate(); succEnd.deallocate()
      level.deallocate(); zeroOne.deallocate()
    }
  }

  /// One source: distances and path counts, then (optionally) dependencies added into `accumulate`.
  /// `lengths` holds 1 / weight per slot of `forward` and `backLengths` per slot of `backward` (weighted only).
  /// The dependencies are added `multiplicity` times (once per person the sweep stands for). The scratch is
  /// left as the sweep leaves it, for the caller to read and then `reset`.
  func sweep(from s: Int32, _ sc: inout Scratch, lengths: UnsafeBufferPointer<Double>,
             backLengths: UnsafeBufferPointer<Double>, increasing: Bool, multiplicity: Double,
             accumulate: UnsafeMutableBufferPointer<Double>?) -> (Double, Int, Double) {
    guard weighted else { return breadthFirst(from: s, sc, multiplicity: multiplicity, accumulate: accumulate) }
    if let buckets = sc.buckets {
      return dijkstra(from: s, &sc, queue: buckets, lengths: lengths, backLengths: backLengths, increasing: increasing,
                      multiplicity: multiplicity, accumulate: accumulate)
    }
    return dijkstra(from: s, &sc, queue: sc.heap.unsafelyUnwrapped, lengths: lengths, backLengths: backLengths, increasing: increasing,
                    multiplicity: multiplicity, accumulate: accumulate)
  }

  /// `sweep` with weights: Dijkstra from `s`. As each person v is settled, one scan of their row finds the
  /// predecessors on shortest paths among the people already settled (dist(u) + ℓ(u, v) == dist(v), exact `==`,
  /// as NetworkX) — their σ sum to σ(v), and with `accumulate` they are recorded for the dependency pass — and
  /// relaxes the ties to everyone not yet settled. So every row is read once per source (twice on a directed
  /// view: in-row for the predecessors, out-row to relax), and the dependency pass walks the recorded DAG.
  /// The queue is Dial's buckets (`BucketQueue`) when the lengths span a ratio of at most 128, else the radix heap:
  /// the buckets give people of one bucket in no order of distance, which changes nothing above — a predecessor is
  /// always in an earlier bucket, and two people of one bucket are less than ℓmin apart, so neither can be the
  /// other's predecessor nor relax the other.
  /// - Complexity: O(m log n) per source with the radix heap, O(m + d_max / ℓmin) with the buckets.
  /// With `increasing` (every length raises every reachable distance: see `run`), the undirected scan tests no
  /// settled flag: a settled neighbour's d(w) + ℓ is never above d(v) and the relaxation d(v) + ℓ < d(w) always
  /// fails for it, while a neighbour not settled has d(w) ≥ d(v), so d(w) + ℓ > d(v): the same predecessors and
  /// relaxations with one unpredictable branch per tie instead of two.
  private func dijkstra<Queue: MonotoneQueue>(from s: Int32, _ sc: inout Scratch, queue heap: Queue, lengths: UnsafeBufferPointer<Double>,
                        backLengths: UnsafeBufferPointer<Double>, increasing: Bool, multiplicity: Double,
                        accumulate: UnsafeMutableBufferPointer<Double>?) -> (Double, Int, Double) {
    // dist holds +∞ for people not reached, d for the reached, and −d once settled (the sign bit marks settled,
    // −0.0 for the source): one load per tie answers both "settled?" and "how far?".
    let dist = sc.dist, sigma = sc.sigma, delta = sc.delta, order = sc.order
    let pred = sc.succ, predEnd = sc.succEnd
    let record = accumulate != nil
    var count = 0, np = 0
    forward.withBuffers { off, tgt, _ in
    backward.withBuffers { boff, btgt, _ in
      let symmetric = off.baseAddress == boff.baseAddress && tgt.baseAddress == btgt.baseAddress
      dist[Int(s)] = 0
      heap.removeAll()
      heap.push(0, s)
      while !heap.isEmpty {
        let (dv, vv) = heap.pop()
        let v = Int(vv)
        let x = dist[v]
        if x.sign == .minus || dv > x { continue }   // settled already, or a stale entry
        order[count] = vv
        var sv = vv == s ? 1.0 : 0.0
        if symmetric && increasing {
          // Distances stay positive: nobody settled is pushed again, so a stale entry is one with dv > d(v).
          for p in Int(off[v])..<Int(off[v + 1]) {
            let w = Int(tgt[p])
            let len = lengths[p]
            let dw = dist[w]
            if dw + len == dv {
              sv += sigma[w]
              if record { pred[np] = Int32(w); np &+= 1 }
            } else {
              let alt = dv + len
              if alt < dw { dist[w] = alt; heap.push(alt, Int32(w)) }
            }
          }
        } else if symmetric {
          dist[v] = -dv
          // One pass over the row: settled neighbours are the candidate predecessors, the others are relaxed.
          for p in Int(off[v])..<Int(off[v + 1]) {
            let w = Int(tgt[p])
            let len = lengths[p]
            let dw = dist[w]
            if dw.sign == .minus {
              if len - dw == dv {   // d(w) + ℓ, d(w) = −dw
                sv += sigma[w]
                if record { pred[np] = Int32(w); np &+= 1 }
              }
            } else {
              let alt = dv + len
              if alt < dw { dist[w] = alt; heap.push(alt, Int32(w)) }
            }
          }
        } else {
          dist[v] = -dv
          for p in Int(boff[v])..<Int(boff[v + 1]) {
            let u = Int(btgt[p])
            let du = dist[u]
            if du.sign == .minus && u != v && backLengths[p] - du == dv {
              sv += sigma[u]
              if record { pred[np] = Int32(u); np &+= 1 }
            }
          }
          for p in Int(off[v])..<Int(off[v + 1]) {
            let w = Int(tgt[p])
            let dw = dist[w]
            if dw.sign == .minus { continue }
            let alt = dv + lengths[p]
            if alt < dw { dist[w] = alt; heap.push(alt, Int32(w)) }
          }
        }
        sigma[v] = sv
        if record { predEnd[count] = Int32(np) }
        count += 1
      }
    }}
    var distanceSum = 0.0, harmonic = 0.0
    for i in 1..<max(count, 1) {
      let d = abs(dist[Int(order[i])])   // −d once settled (d on the fast path)
      distanceSum += d
      harmonic += 1 / d
    }
    if let acc = accumulate {
      // Deepest first: δ(v) += σ(v) (1 + δ(w)) / σ(w) for each predecessor v of w, in w's row order.
      var i = count - 1
      while i > 0 {
        let w = Int(order[i])
        let coeff = (1 + delta[w]) / sigma[w]
        for k in Int(predEnd[i - 1])..<Int(predEnd[i]) {
          let v = Int(pred[k])
          delta[v] += sigma[v] * coeff
        }
        acc[w] += delta[w] * multiplicity
        i -= 1
      }
    }
    return (distanceSum, count, harmonic)
  }

  /// `sweep` without weights: BFS on `Int32` hop counts (`order` doubles as the queue), distance and harmonic
  /// sums by hop count. With `accumulate`, each shortest-path DAG edge v → w is also written to `succ`, grouped
  /// by v, for the dependency pass.
  ///
  /// Branch-avoiding (Green, Dukhan, Vuduc 2015): whether a neighbour is new, and whether it is one hop further,
  /// cannot be predicted, and a mispredicted branch per tie was most of the sweep's time. The scan writes every
  /// neighbour to the queue's next slot and to the DAG's next slot, and advances each only when it should; the
  /// hop count is a select, and σ(w) gains σ(v) · [w is one hop further] (σ(v) · 0 = +0 for the finite,
  /// non-negative path counts, and x + 0 = x). The same additions in the same order as a BFS that branches.
  /// - Reference: O. Green, M. Dukhan, R. Vuduc (2015), "Branch-avoiding graph algorithms", SPAA 2015, pp. 212–223,
  ///   doi:10.1145/2755573.2755580; U. Brandes (2001), see the type.
  /// - Complexity: O(n + m) per source.
  @inline(__always)
  private func breadthFirst(from s: Int32, _ sc: Scratch, multiplicity: Double,
                            accumulate: UnsafeMutableBufferPointer<Double>?) -> (Double, Int, Double) {
    let level = sc.level, delta = sc.delta, order = sc.order
    let succ = sc.succ, succEnd = sc.succEnd, zeroOne = sc.zeroOne
    let keep = accumulate != nil ? 1 : 0   // without dependencies, every tie writes the DAG's first slot
    var count = 0
    forward.withBuffers { off, tgt, _ in
      level[Int(s)] = .init(sigma: 1, hops: 0)
      order[0] = s; count = 1
      var head = 0, ns = 0
      while head < count {
        let v = Int(order[head]); head &+= 1
        let next = level[v].hops &+ 1
        let sv = level[v].sigma
        for p in Int(off[v])..<Int(off[v + 1]) {
          let w = tgt[p]
          let lw = level[Int(w)]
          let fresh = lw.hops < 0
          order[count] = w   // the queue's next slot (one spare past n): kept only when w is new
          count &+= fresh ? 1 : 0
          let h = fresh ? next : lw.hops
          let further = Int(unsafeBitCast(h == next, to: UInt8.self))
          level[Int(w)] = Scratch.Level(sigma: lw.sigma + sv * zeroOne[further], hops: h)
          succ[ns] = w   // the DAG's next slot (one per tie): kept only when w is one hop further and recorded
          ns &+= further & keep
        }
        succEnd[head &- 1] = Int32(ns)
      }
    }
    var distanceSum = 0.0, harmonic = 0.0
    for i in 1..<max(count, 1) {
      let d = Double(level[Int(order[i])].hops)
      distanceSum += d
      harmonic += 1 / d
    }
    if let acc = accumulate {
      // δ(v) = σ(v) Σ_{w ∈ succ(v)} (1 + δ(w)) / σ(w), deepest first; `delta` keeps (1 + δ(w)) / σ(w) once w is done.
      var i = count &- 1
      while i > 0 {
        let v = Int(order[i])
        var a = 0.0
        for k in Int(succEnd[i &- 1])..<Int(succEnd[i]) { a += delta[Int(succ[k])] }
        let sv = level[v].sigma
        let d = sv * a
        acc[v] += d * multiplicity
        delta[v] = (1 + d) / sv
        i &-= 1
      }
    }
    return (distanceSum, count, harmonic)
  }
}
