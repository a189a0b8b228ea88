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

  mutating func push(_ key: Double, _ node: Int32) {
    keys.append(key); nodes.append(node)
    var i = keys.count - 1
    while i > 0 {
      let p = (i - 1) >> 2
      guard key < keys[p] else { break }
      keys[i] = keys[p]; nodes[i] = nodes[p]
      i = p
    }
    keys[i] = key; nodes[i] = node
  }

  /// The smallest (key, node); ties between equal keys go to the node pushed first among them is not promised.
  mutating func pop() -> (Double, Int32) {
    let top = (keys[0], nodes[0])
    let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
    let n = keys.count
    if n > 0 {
      var i = 0
      while true {
        let c = 4 * i + 1
        if c >= n { break }
        var m = c
        let end = min(c + 4, n)
        var k = c + 1
        while k < end { if keys[k] < keys[m] { m = k }; k += 1 }
        guard keys[m] < lastKey else { break }
        keys[i] = keys[m]; nodes[i] = nodes[m]
        i = m
      }
      keys[i] = lastKey; nodes[i] = lastNode
    }
    return top
  }
}
