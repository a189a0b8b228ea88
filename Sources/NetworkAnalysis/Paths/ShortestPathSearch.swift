import SocialGraph

/// The one Dijkstra of Tiemap outside the Brandes sweep (`ShortestPathSweep`, which needs its own path counts):
/// a reusable search over CSR rows with one non-negative length per slot, from several sources at once (each
/// with its own starting length), optionally stopping at a target, with blocked people and ties, a caller's
/// test before a person is entered (a region, a bound) and after one is settled (whether to go on from them).
///
/// Scratch (lengths, parents, the heap, the blocked flags) lives in the struct and is reset only where the last
/// search touched it, so a caller running thousands of searches on one view (Yen's spur paths, the gain of each
/// candidate contact) allocates nothing per search. Results stay readable until the next `run`.
///
/// Semantics every caller relies on, and the tests pin: a person's length only ever decreases strictly (the
/// first of equal paths wins), stale heap entries are skipped by comparing with the current length, the target
/// is not expanded, and ties are followed out of `rows` (an undirected view: both directions).
/// - Reference: E. W. Dijkstra (1959), "A note on two problems in connexion with graphs", *Numerische
///   Mathematik* 1:269–271; the 4-ary heap of `IndexedHeap` (Johnson 1975).
/// - Complexity: O((n' + m') log n') over the n' people and m' ties the search reaches; O(n + m) memory, once.
public struct ShortestPathSearch: Sendable {
  /// Best length found to each person (+∞ where not reached).
  public private(set) var length: [Double]
  /// The person before each one on its best path (−1 for the sources and for people not reached).
  public private(set) var parent: [Int32]
  /// People given a length by the last search, in the order they were first reached.
  public private(set) var reached: [Int32] = []
  private var heap = IndexedHeap()
  private var personBlocked: [Bool]
  private var tieBlocked: [Bool]
  private var blockedPeople: [Int32] = []
  private var blockedTies: [Int32] = []

  /// Scratch for searches over `nodeCount` people and ties with ids below `edgeCount` (needed only to block ties).
  public init(nodeCount: Int, edgeCount: Int = 0) {
    length = [Double](repeating: .infinity, count: nodeCount)
    parent = [Int32](repeating: -1, count: nodeCount)
    personBlocked = [Bool](repeating: false, count: nodeCount)
    tieBlocked = [Bool](repeating: false, count: edgeCount)
  }

  /// Keeps `v` out of the searches until `unblockAll` (a source that is blocked is not started from).
  public mutating func block(person v: NodeIndex) {
    if !personBlocked[Int(v)] { personBlocked[Int(v)] = true; blockedPeople.append(v) }
  }

  /// Keeps the tie with edge id `e` (`Adjacency.edgeIDs`) out of the searches until `unblockAll`.
  public mutating func block(tie e: Int32) {
    if !tieBlocked[Int(e)] { tieBlocked[Int(e)] = true; blockedTies.append(e) }
  }

  public func isBlocked(person v: NodeIndex) -> Bool { personBlocked[Int(v)] }
  public func isBlocked(tie e: Int32) -> Bool { !tieBlocked.isEmpty && tieBlocked[Int(e)] }

  public mutating func unblockAll() {
    for v in blockedPeople { personBlocked[Int(v)] = false }
    for e in blockedTies { tieBlocked[Int(e)] = false }
    blockedPeople.removeAll(keepingCapacity: true); blockedTies.removeAll(keepingCapacity: true)
  }

  /// Clears the last search's lengths and parents (only the people it reached).
  public mutating func reset() {
    for v in reached { length[Int(v)] = .infinity; parent[Int(v)] = -1 }
    reached.removeAll(keepingCapacity: true)
  }

  /// Dijkstra over `rows` with `lengths[slot]` ≥ 0, from `sources` (person, starting length; a person given twice
  /// keeps the smaller). Stops once `target` is settled. `enter(v, slot, length)` may refuse a relaxation that
  /// would give v that length through that slot; `expand(u, length)`, called as u is settled, may refuse to follow
  /// u's ties (u keeps its length). Clears the previous search first.
  @inline(__always)
  public mutating func run(rows: Adjacency, lengths: ContiguousArray<Double>,
                           from sources: [(person: NodeIndex, length: Double)], target: NodeIndex? = nil,
                           enter: (Int32, Int, Double) -> Bool = { _, _, _ in true },
                           expand: (Int32, Double) -> Bool = { _, _ in true }) {
    reset()
    heap.removeAll()
    for (s, d) in sources where !personBlocked[Int(s)] && d < length[Int(s)] {
      if length[Int(s)] == .infinity { reached.append(s) }
      length[Int(s)] = d
      heap.push(d, s)
    }
    let checkTies = !blockedTies.isEmpty, checkPeople = !blockedPeople.isEmpty
    rows.offsets.withUnsafeBufferPointer { off in
    rows.targets.withUnsafeBufferPointer { tgt in
    rows.edgeIDs.withUnsafeBufferPointer { ids in
    lengths.withUnsafeBufferPointer { len in
      while !heap.isEmpty {
        let (d, u) = heap.pop()
        guard d == length[Int(u)] else { continue }   // a stale entry
        if u == target { break }
        guard expand(u, d) else { continue }
        for p in Int(off[Int(u)])..<Int(off[Int(u) + 1]) {
          let v = tgt[p]
          guard !checkPeople || !personBlocked[Int(v)], !checkTies || !tieBlocked[Int(ids[p])] else { continue }
          let nd = d + len[p]
          if nd < length[Int(v)] && enter(v, p, nd) {
            if length[Int(v)] == .infinity { reached.append(v) }
            length[Int(v)] = nd; parent[Int(v)] = u
            heap.push(nd, v)
          }
        }
      }
    }}}}
  }

  /// The people from a source to `v` on the best path of the last search, or nil when it did not reach `v`.
  public func path(to v: NodeIndex) -> [NodeIndex]? {
    guard length[Int(v)] < .infinity else { return nil }
    var path = [v]
    while let last = path.last, parent[Int(last)] >= 0 { path.append(parent[Int(last)]) }
    return path.reversed()
  }
}
