/// Compressed sparse rows: the neighbours of person `v` are `targets[offsets[v] ..< offsets[v + 1]]`,
/// sorted and distinct, with `weights` and `edgeIDs` parallel to `targets`.
///
/// `edgeIDs[slot]` is the index, in the owning `GraphView`'s edge list, of the edge that slot belongs to; in an
/// undirected view both slots of an edge carry the same id.
public struct Adjacency: Sendable {
  public let offsets: ContiguousArray<Int32>
  public let targets: ContiguousArray<Int32>
  public let weights: ContiguousArray<Double>
  public let edgeIDs: ContiguousArray<Int32>

  @inlinable public var nodeCount: Int { offsets.count - 1 }
  @inlinable public var slotCount: Int { targets.count }

  @inlinable public func degree(_ v: NodeIndex) -> Int {
    Int(offsets[Int(v) &+ 1] &- offsets[Int(v)])
  }

  /// The slots of `v`'s row.
  @inlinable public func slots(_ v: NodeIndex) -> Range<Int> {
    Int(offsets[Int(v)]) ..< Int(offsets[Int(v) &+ 1])
  }

  @inlinable public func neighbors(_ v: NodeIndex) -> ArraySlice<Int32> {
    ArraySlice(targets[slots(v)])
  }

  /// The slot of the tie u → v, or nil (binary search in u's sorted row).
  /// - Complexity: O(log deg(u)).
  public func slot(from u: NodeIndex, to v: NodeIndex) -> Int? {
    var lo = Int(offsets[Int(u)]), hi = Int(offsets[Int(u) + 1])
    while lo < hi {
      let mid = (lo + hi) >> 1
      let t = targets[mid]
      if t == v { return mid }
      if t < v { lo = mid + 1 } else { hi = mid }
    }
    return nil
  }

  /// Hands out the rows as unsafe buffers for hot loops (no bounds checks, no retain/release per access).
  @inlinable public func withBuffers<R>(
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) throws -> R
  ) rethrows -> R {
    try offsets.withUnsafeBufferPointer { o in
      try targets.withUnsafeBufferPointer { t in
        try weights.withUnsafeBufferPointer { w in try body(o, t, w) }
      }
    }
  }
}
