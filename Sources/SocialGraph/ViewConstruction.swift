/// Flat list of weighted entries (s → t) waiting to be compressed into rows. Parallel arrays, no per-entry object.
struct EntryList {
  var s = ContiguousArray<Int32>()
  var t = ContiguousArray<Int32>()
  var w = ContiguousArray<Double>()
  var ties = ContiguousArray<Int32>()
  var kinds = ContiguousArray<Int32>()

  init(capacity: Int) {
    s.reserveCapacity(capacity); t.reserveCapacity(capacity); w.reserveCapacity(capacity)
    ties.reserveCapacity(capacity); kinds.reserveCapacity(capacity)
  }

  var count: Int { s.count }

  mutating func append(_ s: Int32, _ t: Int32, _ w: Double, ties: Int32, kinds: Int32) {
    self.s.append(s); self.t.append(t); self.w.append(w); self.ties.append(ties); self.kinds.append(kinds)
  }
}

/// Rows after compression: `targets` sorted and distinct in each row; parallel entries summed.
struct CompressedRows {
  var offsets: ContiguousArray<Int32>
  var targets: ContiguousArray<Int32>
  var weights: ContiguousArray<Double>
  var ties: ContiguousArray<Int32>
  var kinds: ContiguousArray<Int32>
}

enum ViewConstruction {
  /// Two-pass stable counting sort (by target, then by source): rows come out sorted by target in O(n + E)
  /// with no comparison sort; equal (s, t) entries are then adjacent and are summed in place.
  /// - Complexity: O(n + E) time, O(n + E) extra space.
  static func compress(nodeCount n: Int, _ e: EntryList) -> CompressedRows {
    if let rows = alreadyCompressed(nodeCount: n, e) { return rows }
    let m = e.count
    var order = ContiguousArray<Int32>(repeating: 0, count: m)
    var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
    var targets = ContiguousArray<Int32>(repeating: 0, count: m)
    var weights = ContiguousArray<Double>(repeating: 0, count: m)
    var ties = ContiguousArray<Int32>(repeating: 0, count: m)
    var kinds = ContiguousArray<Int32>(repeating: 0, count: m)
    e.s.withUnsafeBufferPointer { s in
    e.t.withUnsafeBufferPointer { t in
    e.w.withUnsafeBufferPointer { w in
    e.ties.withUnsafeBufferPointer { ti in
    e.kinds.withUnsafeBufferPointer { ki in
    order.withUnsafeMutableBufferPointer { order in
    offsets.withUnsafeMutableBufferPointer { off in
    targets.withUnsafeMutableBufferPointer { tg in
    weights.withUnsafeMutableBufferPointer { wg in
    ties.withUnsafeMutableBufferPointer { tc in
    kinds.withUnsafeMutableBufferPointer { kc in
      var cursor = [Int32](repeating: 0, count: n + 1)
      // Pass 1: stable bucket by target.
      for i in 0..<m { cursor[Int(t[i]) + 1] &+= 1 }
      for v in 0..<n { cursor[v + 1] &+= cursor[v] }
      for i in 0..<m {
        let b = Int(t[i]); order[Int(cursor[b])] = Int32(i); cursor[b] &+= 1
      }
      // Pass 2: stable bucket by source, visiting entries in target order.
      for i in 0..<m { off[Int(s[i]) + 1] &+= 1 }
      for v in 0..<n { off[v + 1] &+= off[v] }
      for v in 0...n { cursor[v] = off[v] }
      for k in 0..<m {
        let i = Int(order[k]); let r = Int(s[i]); let p = Int(cursor[r])
        tg[p] = t[i]; wg[p] = w[i]; tc[p] = ti[i]; kc[p] = ki[i]; cursor[r] = Int32(p + 1)
      }
      // Pass 3: sum adjacent duplicates in place, row by row.
      var wp = 0
      var rowStart = 0
      for v in 0..<n {
        let end = Int(off[v + 1])
        let first = wp
        for p in rowStart..<end {
          if wp > first && tg[wp - 1] == tg[p] {
            wg[wp - 1] += wg[p]; tc[wp - 1] &+= tc[p]; kc[wp - 1] &+= kc[p]
          } else {
            tg[wp] = tg[p]; wg[wp] = wg[p]; tc[wp] = tc[p]; kc[wp] = kc[p]; wp += 1
          }
        }
        rowStart = end
        off[v + 1] = Int32(wp)
      }
      off[0] = 0
    }}}}}}}}}}}
    let kept = Int(offsets[n])
    if kept < m {
      targets.removeLast(m - kept); weights.removeLast(m - kept)
      ties.removeLast(m - kept); kinds.removeLast(m - kept)
    }
    return CompressedRows(offsets: offsets, targets: targets, weights: weights, ties: ties, kinds: kinds)
  }

  /// Entries already strictly increasing in (source, target) — a sorted edge list, or the social view of a
  /// single layer — are rows as they stand: one sequential check and a count replace both sorting passes.
  private static func alreadyCompressed(nodeCount n: Int, _ e: EntryList) -> CompressedRows? {
    let m = e.count
    var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
    let sorted: Bool = e.s.withUnsafeBufferPointer { s in
      e.t.withUnsafeBufferPointer { t in
        offsets.withUnsafeMutableBufferPointer { off in
          var prevS: Int32 = -1, prevT: Int32 = -1
          for i in 0..<m {
            let (a, b) = (s[i], t[i])
            if a < prevS || (a == prevS && b <= prevT) { return false }
            off[Int(a) + 1] &+= 1
            prevS = a; prevT = b
          }
          for v in 0..<n { off[v + 1] &+= off[v] }
          return true
        }
      }
    }
    guard sorted else { return nil }
    return CompressedRows(offsets: offsets, targets: e.t, weights: e.w, ties: e.ties, kinds: e.kinds)
  }

  /// An undirected view from symmetric rows (every entry present in both directions). Edge ids are given in
  /// (source, target) order with source < target; the lower slot of row v for neighbour u < v is found with a
  /// per-row cursor, since rows are visited in increasing u. O(n + m).
  static func undirectedView(nodeCount n: Int, rows r: CompressedRows) -> GraphView {
    let slots = r.targets.count
    let m = slots / 2
    var edgeIDs = ContiguousArray<Int32>(repeating: -1, count: slots)
    var es = ContiguousArray<Int32>(); es.reserveCapacity(m)
    var et = ContiguousArray<Int32>(); et.reserveCapacity(m)
    var ew = ContiguousArray<Double>(); ew.reserveCapacity(m)
    var etc = ContiguousArray<Int32>(); etc.reserveCapacity(m)
    var emx = ContiguousArray<Int32>(); emx.reserveCapacity(m)
    var lowCursor = Array(r.offsets.dropLast())
    for u in 0..<n {
      for p in Int(r.offsets[u])..<Int(r.offsets[u + 1]) {
        let v = Int(r.targets[p])
        guard v > u else { continue }
        let id = Int32(es.count)
        es.append(Int32(u)); et.append(Int32(v)); ew.append(r.weights[p])
        etc.append(r.ties[p]); emx.append(r.kinds[p])
        edgeIDs[p] = id
        let q = Int(lowCursor[v]); lowCursor[v] += 1
        edgeIDs[q] = id   // row v's slot for u: its lower neighbours come first, in increasing order
      }
    }
    let adj = Adjacency(offsets: r.offsets, targets: r.targets, weights: r.weights, edgeIDs: edgeIDs)
    return GraphView(nodeCount: n, isDirected: false, out: adj, inbound: adj, edgeSources: es, edgeTargets: et,
                     edgeWeights: ew, edgeTieCounts: etc, edgeMultiplexity: emx)
  }

  /// A directed view: out rows as compressed; arcs are the out slots; in rows by transposition (rows come out
  /// sorted because sources are visited in increasing order). O(n + m).
  static func directedView(nodeCount n: Int, rows r: CompressedRows) -> GraphView {
    let m = r.targets.count
    var es = ContiguousArray<Int32>(repeating: 0, count: m)
    let ids = ContiguousArray<Int32>((0..<Int32(m)))
    for u in 0..<n { for p in Int(r.offsets[u])..<Int(r.offsets[u + 1]) { es[p] = Int32(u) } }
    var inOff = ContiguousArray<Int32>(repeating: 0, count: n + 1)
    for p in 0..<m { inOff[Int(r.targets[p]) + 1] += 1 }
    for v in 0..<n { inOff[v + 1] += inOff[v] }
    var cursor = Array(inOff.dropLast())
    var inT = ContiguousArray<Int32>(repeating: 0, count: m)
    var inW = ContiguousArray<Double>(repeating: 0, count: m)
    var inE = ContiguousArray<Int32>(repeating: 0, count: m)
    for p in 0..<m {
      let v = Int(r.targets[p]); let q = Int(cursor[v]); cursor[v] += 1
      inT[q] = es[p]; inW[q] = r.weights[p]; inE[q] = Int32(p)
    }
    let out = Adjacency(offsets: r.offsets, targets: r.targets, weights: r.weights, edgeIDs: ids)
    let inbound = Adjacency(offsets: inOff, targets: inT, weights: inW, edgeIDs: inE)
    return GraphView(nodeCount: n, isDirected: true, out: out, inbound: inbound, edgeSources: es,
                     edgeTargets: r.targets, edgeWeights: r.weights, edgeTieCounts: r.ties,
                     edgeMultiplexity: r.kinds)
  }
}

extension GraphView {
  /// The undirected view of a directed one in which the tie between i and j weighs the *mutual* weight
  /// z_ij + z_ji (Burt 1992): each arc adds its weight, or 1 when `weighted` is false, so a reciprocated pair of
  /// unweighted arcs weighs 2. Burt's structural-hole measures on a directed network are his undirected formulas
  /// on this view (as NetworkX, igraph and UCINET compute them). An undirected view is returned as it is when
  /// `weighted`, and with every weight 1 otherwise.
  /// - Complexity: O(n + m).
  public func mutual(weighted: Bool) -> GraphView {
    if !isDirected && weighted { return self }
    var entries = EntryList(capacity: 2 * edgeCount)
    for e in 0..<edgeCount {
      let (s, t) = (edgeSources[e], edgeTargets[e])
      let w = weighted ? edgeWeights[e] : 1
      entries.append(s, t, w, ties: 1, kinds: 1)
      entries.append(t, s, w, ties: 1, kinds: 1)
    }
    return ViewConstruction.undirectedView(nodeCount: nodeCount, rows: ViewConstruction.compress(nodeCount: nodeCount, entries))
  }
}
