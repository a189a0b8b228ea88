/// A 4-ary min-heap of (key, node) pairs on two flat arrays, for Dijkstra. Reused across sources without
/// allocating (its storage keeps its capacity), with lazy deletion: a node may be pushed again with a smaller
/// key and its stale entries are skipped when popped. swift-collections' `Heap` needs a Comparable element
/// and cannot be emptied keeping its capacity, so each source would allocate.
/// - Reference: D. B. Johnson (1975), "Priority queues with update and finding minimum spanning trees",
///   *Information Processing Letters* 4(3):53–57 (d-ary heaps).
/// - Complexity: push and pop O(log₄ size).
struct IndexedHeap {
  private var keys: [Double] = []
  private var nodes: [Int32] = []

  var isEmpty: Bool { keys.isEmpty }

  mutating func removeAll() { keys.removeAll(keepingCapacity: true); nodes.removeAll(keepingCapacity: true) }

  // The sifts work on the arrays' buffers (no uniqueness or bounds check per move); the moves are those of the
  // indexed version, so the order of pops is the same.
  mutating func push(_ key: Double, _ node: Int32) {
    keys.append(key); nodes.append(node)
    let last = keys.count - 1
    keys.withUnsafeMutableBufferPointer { k in
      nodes.withUnsafeMutableBufferPointer { v in
        var i = last
        while i > 0 {
          let p = (i - 1) >> 2
          guard key < k[p] else { break }
          k[i] = k[p]; v[i] = v[p]
          i = p
        }
        k[i] = key; v[i] = node
      }
    }
  }

  /// The smallest (key, node); ties between equal keys go to the node pushed first among them is not promised.
  mutating func pop() -> (Double, Int32) {
    let top = (keys[0], nodes[0])
    let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
    let n = keys.count
    guard n > 0 else { return top }
    keys.withUnsafeMutableBufferPointer { k in
      nodes.withUnsafeMutableBufferPointer { v in
        var i = 0
        while true {
          let c = 4 * i + 1
          if c >= n { break }
          var m = c
          let end = min(c + 4, n)
          var j = c + 1
          while j < end { if k[j] < k[m] { m = j }; j += 1 }
          guard k[m] < lastKey else { break }
          k[i] = k[m]; v[i] = v[m]
          i = m
        }
        k[i] = lastKey; v[i] = lastNode
      }
    }
    return top
  }
}
