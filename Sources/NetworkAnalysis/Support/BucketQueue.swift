/// What Dijkstra needs of a priority queue of (key, node): keys pushed are never below the last key popped, a node
/// may be pushed again with a smaller key (the caller skips the stale entry when it comes out), and equal keys come
/// out in no promised order. `RadixHeap` and `BucketQueue` are the two.
protocol MonotoneQueue: AnyObject {
  var isEmpty: Bool { get }
  func removeAll()
  func push(_ key: Double, _ node: Int32)
  func pop() -> (Double, Int32)
}

extension RadixHeap: MonotoneQueue {}

/// Dial's bucket queue for Dijkstra when every tie's length lies in [ℓmin, ℓmax] with ℓmax / ℓmin bounded: bucket
/// ⌊key / Δ⌋ with Δ = ℓmin / 2, in a circular array of K ≥ ℓmax / Δ + 2 buckets (a power of two). A person
/// settled from bucket b has d ≥ bΔ, and everyone it relaxes gets d + ℓ ≥ bΔ + 2Δ (rounding can take away far less
/// than Δ), so a bucket never gains an entry while it is being emptied and the keys alive always span fewer than K
/// buckets. Within a bucket entries come out last in, first out — not by key: that is enough for Brandes' sweep,
/// because every person of the bucket reached is already at its final distance when the bucket is reached (a
/// shorter path to it would end with a tie of length ≥ ℓmin from someone at least 2Δ closer, in an earlier bucket),
/// and a predecessor on a shortest path is always in an earlier bucket. Push and pop are O(1) with no key compared:
/// no sift through a tree and no redistribution (the radix heap's cost), plus one step per empty bucket passed.
/// - Reference: R. B. Dial (1969), "Algorithm 360: Shortest-path forest with topological ordering", *Commun. ACM*
///   12(11):632–633, doi:10.1145/363269.363610; the bucket width below the shortest length as in Δ-stepping,
///   U. Meyer, P. Sanders (2003), *J. Algorithms* 49(1):114–152, doi:10.1016/S0196-6774(03)00076-2.
/// - Complexity: push O(1), pop O(1) plus the empty buckets passed: O(d_max / Δ) per search in all.
final class BucketQueue: MonotoneQueue {
  struct Entry { var key: Double; var node: Int32 }
  /// Buckets are used when ℓmax / ℓmin is at most this (K ≤ 2 · 128 + 2 → 512 buckets): beyond, the empty buckets
  /// passed cost more than the radix heap saves.
  static let largestRatio = 128.0

  private let bucketCount: Int
  private let mask: Int
  private let inverseWidth: Double
  private let entries: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
  private let sizes: UnsafeMutablePointer<Int>
  private let capacities: UnsafeMutablePointer<Int>
  /// The absolute index of the bucket being emptied (keys below it are all popped).
  private var current = 0
  private(set) var count = 0

  /// A queue for lengths in [`shortest`, `longest`] (0 < shortest, longest / shortest ≤ `largestRatio`).
  init(shortest: Double, longest: Double) {
    precondition(shortest > 0 && longest / shortest <= BucketQueue.largestRatio, "BucketQueue: lengths out of range")
    let width = shortest / 2
    inverseWidth = 1 / width
    var k = 4
    while Double(k) < (longest / width).rounded(.up) + 2 { k *= 2 }
    bucketCount = k
    mask = k - 1
    entries = .allocate(capacity: k); entries.initialize(repeating: nil, count: k)
    sizes = .allocate(capacity: k); sizes.initialize(repeating: 0, count: k)
    capacities = .allocate(capacity: k); capacities.initialize(repeating: 0, count: k)
  }

  deinit {
    for b in 0..<bucketCount { entries[b]?.deallocate() }
    entries.deallocate(); sizes.deallocate(); capacities.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  func removeAll() {
    if count > 0 { for b in 0..<bucketCount { sizes[b] = 0 } }
    count = 0; current = 0
  }

  /// Adds `node` with `key` ≥ the bucket being emptied.
  @inline(__always) func push(_ key: Double, _ node: Int32) {
    let b = Int(key * inverseWidth) & mask
    let n = sizes[b]
    if n == capacities[b] { grow(b) }
    entries[b].unsafelyUnwrapped[n] = Entry(key: key, node: node)
    sizes[b] = n &+ 1
    count &+= 1
  }

  private func grow(_ b: Int) {
    let c = max(8, 2 * capacities[b])
    let e = UnsafeMutablePointer<Entry>.allocate(capacity: c)
    if let old = entries[b] { e.moveInitialize(from: old, count: sizes[b]); old.deallocate() }
    entries[b] = e; capacities[b] = c
  }

  /// An entry of the first non-empty bucket (the queue must not be empty).
  @inline(__always) func pop() -> (Double, Int32) {
    var b = current & mask
    while sizes[b] == 0 { current &+= 1; b = current & mask }
    let n = sizes[b] &- 1
    sizes[b] = n
    count &-= 1
    let e = entries[b].unsafelyUnwrapped[n]
    return (e.key, e.node)
  }
}
