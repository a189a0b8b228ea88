/// A monotone priority queue of (key, node) for Dijkstra, keyed by non-negative `Double`s through their bit
/// patterns (which order like the numbers for keys ≥ +0). Bucket 0 holds the keys equal to the last key popped;
/// bucket b ≥ 1 the keys whose highest bit differing from it is bit b − 1. Popping from an empty bucket 0 takes the
/// smallest key of the first non-empty bucket as the new last key and spreads that bucket over lower ones; an entry
/// only ever moves down, at most 64 times, so each costs O(1) amortised beyond its push — no sift through a tree
/// and nothing compared twice, which is where a binary or 4-ary heap spends Dijkstra's time.
///
/// Every key pushed must be ≥ the last key popped (Dijkstra's relaxations are: alt = d(v) + ℓ ≥ d(v)). Equal keys
/// come out in no promised order. Stale entries (a node pushed again with a smaller key) are the caller's to skip,
/// as with `IndexedHeap`. Storage is raw and kept between searches: `removeAll` is O(buckets).
/// - Reference: R. K. Ahuja, K. Mehlhorn, J. B. Orlin, R. E. Tarjan (1990), "Faster algorithms for the shortest
///   path problem", *J. ACM* 37(2):213–223, doi:10.1145/77600.77615 (radix heaps); keying doubles by their bits as
///   in B. V. Cherkassky, A. V. Goldberg, C. Silverstein (1999), *SIAM J. Comput.* 28(4):1326–1346.
/// - Complexity: push O(1), pop O(1) amortised plus the scan of the bucket it empties (O(64) moves per entry over
///   its life).
final class RadixHeap {
  private static let buckets = 65
  // Raw tables (no copy-on-write checks in the hot loop): per bucket its key and node arrays, size and capacity.
  private let keys = UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>.allocate(capacity: RadixHeap.buckets)
  private let nodes = UnsafeMutablePointer<UnsafeMutablePointer<Int32>>.allocate(capacity: RadixHeap.buckets)
  private let sizes = UnsafeMutablePointer<Int>.allocate(capacity: RadixHeap.buckets)
  private let capacities = UnsafeMutablePointer<Int>.allocate(capacity: RadixHeap.buckets)
  private var last: UInt64 = 0
  /// Bit b − 1 set when bucket b ≥ 1 is not empty: the first non-empty bucket in one instruction.
  private var occupied: UInt64 = 0
  private(set) var count = 0

  init() {
    for b in 0..<RadixHeap.buckets {
      (keys + b).initialize(to: .allocate(capacity: 16)); (nodes + b).initialize(to: .allocate(capacity: 16))
      sizes[b] = 0; capacities[b] = 16
    }
  }

  deinit {
    for b in 0..<RadixHeap.buckets { keys[b].deallocate(); nodes[b].deallocate() }
    keys.deallocate(); nodes.deallocate(); sizes.deallocate(); capacities.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  func removeAll() {
    for b in 0..<RadixHeap.buckets { sizes[b] = 0 }
    count = 0; last = 0; occupied = 0
  }

  @inline(__always) private func bucket(_ k: UInt64) -> Int { k == last ? 0 : 64 - (k ^ last).leadingZeroBitCount }

  @inline(__always) private func append(_ k: UInt64, _ v: Int32, to b: Int) {
    let n = sizes[b]
    if n == capacities[b] {
      let c = 2 * n
      let nk = UnsafeMutablePointer<UInt64>.allocate(capacity: c), nv = UnsafeMutablePointer<Int32>.allocate(capacity: c)
      nk.moveInitialize(from: keys[b], count: n); nv.moveInitialize(from: nodes[b], count: n)
      keys[b].deallocate(); nodes[b].deallocate()
      keys[b] = nk; nodes[b] = nv; capacities[b] = c
    }
    keys[b][n] = k; nodes[b][n] = v
    sizes[b] = n + 1
    if b > 0 { occupied |= 1 << UInt64(b - 1) }
  }

  /// Adds `node` with `key` ≥ 0 and ≥ the last key popped.
  @inline(__always) func push(_ key: Double, _ node: Int32) {
    let k = key.bitPattern
    append(k, node, to: bucket(k))
    count &+= 1
  }

  /// The entry with the smallest key (the heap must not be empty).
  @inline(__always) func pop() -> (Double, Int32) {
    if sizes[0] == 0 {
      let b = occupied.trailingZeroBitCount &+ 1
      let kb = keys[b], vb = nodes[b], n = sizes[b]
      var smallest = kb[0]
      var j = 1
      while j < n { if kb[j] < smallest { smallest = kb[j] }; j &+= 1 }
      last = smallest
      sizes[b] = 0
      occupied &= ~(1 << UInt64(b - 1))
      for j in 0..<n { append(kb[j], vb[j], to: bucket(kb[j])) }   // every key lands in a bucket below b
    }
    let n = sizes[0] &- 1
    sizes[0] = n
    count &-= 1
    return (Double(bitPattern: keys[0][n]), nodes[0][n])
  }
}
