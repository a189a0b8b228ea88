import SocialGraph

/// Per-source shortest paths with Brandes' dependency accumulation, computing closeness sums, harmonic sums and
/// betweenness in one sweep. Lengths are 1 per tie (BFS) or 1 / weight (Dijkstra); two path lengths are equal
/// only when exactly equal (`==`), as in NetworkX (igraph allows ε = 1e-10; we follow NetworkX for parity).
///
/// Scratch (distances, path counts, dependencies, the visit order, the heap) is per block and reset only where
/// touched; back-propagation rescans CSR rows instead of keeping predecessor lists.
/// - Reference: U. Brandes (2001), "A faster algorithm for betweenness centrality", *J. Math. Sociol.*
///   25(2):163–177, doi:10.1080/0022250X.2001.9990249; E. W. Dijkstra (1959), *Numer. Math.* 1:269–271.
/// - Complexity: O(n m) unweighted, O(n m log n) weighted; O(n) scratch per block.
struct ShortestPathSweep: Sendable {
  /// Adjacency followed from the source (out-rows; for closeness of a directed view, in-rows).
  let forward: Adjacency
  /// Adjacency whose row of w lists w's possible predecessors (in-rows when directed; the same rows undirected).
  let backward: Adjacency
  let weighted: Bool

  struct Result {
    /// Σ_t d(s, t) over reached t, and the number of people reached (s included).
    var distanceSum: [Double]
    var reached: [Int]
    /// Σ_t 1 / d(s, t) over reached t ≠ s.
    var harmonicSum: [Double]
    /// Unnormalised betweenness (ordered pairs), when asked for.
    var betweenness: [Double]
  }

  func run(betweenness: Bool) -> Result {
    let n = forward.nodeCount
    var distanceSum = [Double](repeating: 0, count: n)
    var reached = [Int](repeating: 0, count: n)
    var harmonicSum = [Double](repeating: 0, count: n)
    let blocks = BlockParallel.blocks(count: n)
    var partial = [Double](repeating: 0, count: betweenness ? blocks.count * n : 0)
    distanceSum.withUnsafeMutableBufferPointer { ds in
    reached.withUnsafeMutableBufferPointer { rc in
    harmonicSum.withUnsafeMutableBufferPointer { hs in
    partial.withUnsafeMutableBufferPointer { pb in
      let dsS = DisjointSlots(ds), rcS = DisjointSlots(rc), hsS = DisjointSlots(hs), pbS = DisjointSlots(pb)
      BlockParallel.run(blocks, parallel: n >= 256) { b, sources in
        var scratch = Scratch(n: n)
        let mine = betweenness ? UnsafeMutableBufferPointer(rebasing: pbS.base[(b * n)..<((b + 1) * n)]) : nil
        for s in sources {
          let (sum, count, harm) = sweep(from: Int32(s), &scratch, accumulate: mine)
          dsS.base[s] = sum; rcS.base[s] = count; hsS.base[s] = harm
        }
      }
    }}}}
    var total = [Double](repeating: 0, count: betweenness ? n : 0)
    if betweenness {
      for b in 0..<blocks.count { for v in 0..<n { total[v] += partial[b * n + v] } }   // block order: deterministic
    }
    return Result(distanceSum: distanceSum, reached: reached, harmonicSum: harmonicSum, betweenness: total)
  }

  struct Scratch {
    var dist: [Double]
    var sigma: [Double]
    var delta: [Double]
    var order: [Int32]
    var done: [Bool]
    var heap = IndexedHeap()
    init(n: Int) {
      done = [Bool](repeating: false, count: n)
      dist = [Double](repeating: -1, count: n)
      sigma = [Double](repeating: 0, count: n)
      delta = [Double](repeating: 0, count: n)
      order = []
      order.reserveCapacity(n)
    }
  }

  /// One source: distances and path counts, then (optionally) dependencies added into `accumulate`.
  func sweep(from s: Int32, _ sc: inout Scratch, accumulate: UnsafeMutableBufferPointer<Double>?) -> (Double, Int, Double) {
    sc.order.removeAll(keepingCapacity: true)
    var distanceSum = 0.0, harmonic = 0.0
    forward.withBuffers { off, tgt, wt in
      sc.dist[Int(s)] = 0
      sc.sigma[Int(s)] = 1
      if !weighted {
        // BFS: `order` doubles as the queue.
        sc.order.append(s)
        var head = 0
        while head < sc.order.count {
          let v = sc.order[head]; head += 1
          let dv = sc.dist[Int(v)]
          for p in Int(off[Int(v)])..<Int(off[Int(v) + 1]) {
            let w = Int(tgt[p])
            if sc.dist[w] < 0 { sc.dist[w] = dv + 1; sc.order.append(Int32(w)) }
            if sc.dist[w] == dv + 1 { sc.sigma[w] += sc.sigma[Int(v)] }
          }
        }
      } else {
        sc.heap.removeAll()
        sc.heap.push(0, s)
        while !sc.heap.isEmpty {
          let (dv, v) = sc.heap.pop()
          if sc.done[Int(v)] || dv > sc.dist[Int(v)] { continue }   // finalised, or a stale entry
          sc.done[Int(v)] = true
          sc.order.append(v)
          for p in Int(off[Int(v)])..<Int(off[Int(v) + 1]) {
            let w = Int(tgt[p])
            if sc.done[w] { continue }
            let alt = dv + 1 / wt[p]
            let dw = sc.dist[w]
            if dw < 0 || alt < dw {
              sc.dist[w] = alt; sc.sigma[w] = sc.sigma[Int(v)]
              sc.heap.push(alt, Int32(w))
            } else if alt == dw {
              sc.sigma[w] += sc.sigma[Int(v)]
            }
          }
        }
      }
    }
    for v in sc.order where v != s {
      let d = sc.dist[Int(v)]
      distanceSum += d
      harmonic += 1 / d
    }
    let count = sc.order.count
    if let acc = accumulate {
      backward.withBuffers { off, tgt, wt in
        var i = sc.order.count - 1
        while i > 0 {
          let w = Int(sc.order[i]); i -= 1
          let dw = sc.dist[w]
          let coeff = (1 + sc.delta[w]) / sc.sigma[w]
          for p in Int(off[w])..<Int(off[w + 1]) {
            let v = Int(tgt[p])
            let dv = sc.dist[v]
            guard dv >= 0 else { continue }
            let isPredecessor = weighted ? dv + 1 / wt[p] == dw : dv + 1 == dw
            if isPredecessor { sc.delta[v] += sc.sigma[v] * coeff }
          }
          acc[w] += sc.delta[w]
        }
      }
    }
    // Reset only what this source touched. (Dijkstra may leave reached-but-unpopped entries only when a
    // component is cut off, which cannot happen: every node given a distance is eventually popped.)
    for v in sc.order { sc.dist[Int(v)] = -1; sc.sigma[Int(v)] = 0; sc.delta[Int(v)] = 0; sc.done[Int(v)] = false }
    return (distanceSum, count, harmonic)
  }
}
