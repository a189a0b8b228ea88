#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// One warm-introduction path: the people from the first (one of ours) to the target, and the chance that
/// each hop passes the introduction on.
public struct IntroductionPath: Sendable, Hashable {
  /// Source … target, no one twice.
  public var people: [NodeIndex]
  /// The probability of each hop (people.count − 1 of them).
  public var probabilities: [Double]

  /// Π of the hops' probabilities: the chance the whole chain holds.
  public var reliability: Double { probabilities.reduce(1, *) }
  public var hops: Int { people.count - 1 }
}

/// What `mostReliablePaths` may use.
public struct PathSearchOptions: Sendable {
  /// How many paths (the best and the next best loopless alternatives).
  public var count = 3
  /// Longest chain allowed, in hops; nil for no limit.
  public var maxHops: Int?
  /// People no path may pass through (nor start or end at).
  public var avoid: Set<NodeIndex> = []
  public init(count: Int = 3, maxHops: Int? = nil, avoid: Set<NodeIndex> = []) {
    self.count = count; self.maxHops = maxHops; self.avoid = avoid
  }
}

extension GraphView {
  /// The `options.count` most reliable loopless paths from any of `sources` to `target`, best first: the
  /// highest products of tie probabilities, i.e. the shortest paths with tie length −ln p. Ties are used in
  /// both directions (an undirected view is expected; on a directed one only `out` rows are followed).
  /// Paths come in non-increasing reliability; equal reliabilities in the order of their people's indices.
  /// - Parameters:
  ///   - probabilities: one per slot of `out` (`spreadProbabilities(_:)`), each in (0, 1].
  /// - Method: Dijkstra on −ln p for the best path (a 4-ary heap); with `maxHops`, a hop-layered Bellman–Ford
  ///   instead (with lengths ≥ 0 the best walk of at most h hops is a path). Alternatives by Yen's algorithm:
  ///   each next path deviates from a previous one at a spur node, with the root's people and the ties the
  ///   earlier paths left the root by removed. Several sources act as one virtual source tied to each at
  ///   length 0, so the spur at that virtual source tries the other sources.
  /// - Complexity: O(K · L · (m + n log n)) for K paths of at most L hops (O(K · L · H · m) with a hop limit H).
  /// - Reference: J. Y. Yen (1971), "Finding the k shortest loopless paths in a network", *Management Science*
  ///   17(11):712–716, doi:10.1287/mnsc.17.11.712; E. W. Dijkstra (1959), "A note on two problems in connexion
  ///   with graphs", *Numerische Mathematik* 1:269–271. Most reliable path as shortest path on −ln p: graph-tool's
  ///   `trust_transitivity` (Richters & Peixoto 2011, *PLoS ONE* 6(4):e18384).
  public func mostReliablePaths(from sources: [NodeIndex], to target: NodeIndex, probabilities: ContiguousArray<Double>,
                                options: PathSearchOptions = PathSearchOptions()) -> [IntroductionPath] {
    precondition(probabilities.count == out.slotCount, "one probability per slot")
    let starts = Array(Set(sources).subtracting(options.avoid).subtracting([target])).sorted()
    guard !starts.isEmpty, options.count > 0, !options.avoid.contains(target), options.maxHops.map({ $0 >= 1 }) ?? true
    else { return [] }
    var search = PathSearch(view: self, lengths: ContiguousArray(probabilities.lazy.map { -log($0) }), avoid: options.avoid)
    func cost(_ path: [NodeIndex]) -> Double {
      var c = 0.0
      for h in 1..<path.count { c += search.lengths[out.slot(from: path[h - 1], to: path[h])!] }
      return c
    }
    guard let first = search.shortest(from: starts, to: target, hopLimit: options.maxHops) else { return [] }
    var accepted: [[NodeIndex]] = [first]
    var candidates: [(cost: Double, path: [NodeIndex])] = []
    var seen: Set<[NodeIndex]> = [first]
    while accepted.count < options.count {
      let previous = accepted.last!
      // Spur "node" −1 is the virtual source (only worth trying with several sources).
      for i in (starts.count > 1 ? -1 : 0)..<(previous.count - 1) {
        let root = Array(previous.prefix(i + 1))   // empty for the virtual source
        // Ties (or, at the virtual source, first people) that earlier paths with this root leave it by.
        var usedStarts: Set<NodeIndex> = []
        for p in accepted where p.count > i + 1 && p.prefix(i + 1).elementsEqual(root) {
          if i < 0 { usedStarts.insert(p[0]) } else { search.blockEdge(p[i], p[i + 1]) }
        }
        for v in root.dropLast() { search.blockNode(v) }
        let hopLimit = options.maxHops.map { $0 - max(0, i) }
        let spur: [NodeIndex]?
        if i < 0 {
          let rest = starts.filter { !usedStarts.contains($0) }
          spur = rest.isEmpty ? nil : search.shortest(from: rest, to: target, hopLimit: hopLimit)
        } else {
          spur = search.shortest(from: [previous[i]], to: target, hopLimit: hopLimit)
        }
        search.unblockAll()
        guard let spur else { continue }
        let path = i < 0 ? spur : root + spur.dropFirst()
        if seen.insert(path).inserted { candidates.append((cost(path), path)) }
      }
      guard let best = candidates.indices.min(by: { a, b in
        let (x, y) = (candidates[a], candidates[b])
        return x.cost != y.cost ? x.cost < y.cost : x.path.lexicographicallyPrecedes(y.path)
      }) else { break }
      accepted.append(candidates.remove(at: best).path)
    }
    return accepted.map { path in
      IntroductionPath(people: path, probabilities: (1..<path.count).map { probabilities[out.slot(from: path[$0 - 1], to: path[$0])!] })
    }
  }
}

extension GraphView {
  /// The best reliability from any start to every person: max over paths of (the start's own reliability) ×
  /// Π tie probabilities, 0 when nothing reaches them; Dijkstra on −ln p with several sources. `excluding` is left
  /// out of the network (as if they had left). Used for warm reach: Σ over an account of our best reliability.
  /// - Complexity: O((n + m) log n).
  public func bestReliabilities(from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>,
                                excluding: NodeIndex? = nil) -> [Double] {
    reliabilityTree(from: starts, probabilities: probabilities, excluding: excluding).reliability
  }

  /// `bestReliabilities` with the tree of best paths: `parent[v]` is the person before v on their best path (−1 for
  /// the starts and for people nothing reaches).
  public func reliabilityTree(from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>,
                              excluding: NodeIndex? = nil) -> (reliability: [Double], parent: [Int32]) {
    let (dist, parent) = reliabilityLengths(from: starts, probabilities: probabilities, excluding: excluding)
    return (dist.map { $0 == .infinity ? 0 : exp(-$0) }, parent)
  }

  /// `reliabilityTree` in lengths: −ln of the best reliability (+∞ where nothing reaches), and the parents.
  func reliabilityLengths(from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>,
                          excluding: NodeIndex?) -> (length: [Double], parent: [Int32]) {
    let n = nodeCount
    var dist = [Double](repeating: .infinity, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var heap = IndexedHeap()
    for (v, r) in starts where v != excluding && r > 0 {
      let d = -log(r)
      if d < dist[Int(v)] { dist[Int(v)] = d; heap.push(d, v) }
    }
    let off = out.offsets, tgt = out.targets
    while !heap.isEmpty {
      let (d, u) = heap.pop()
      guard d == dist[Int(u)] else { continue }
      for p in Int(off[Int(u)])..<Int(off[Int(u) + 1]) {
        let v = tgt[p]
        guard v != excluding else { continue }
        let nd = d - log(probabilities[p])
        if nd < dist[Int(v)] { dist[Int(v)] = nd; parent[Int(v)] = u; heap.push(nd, v) }
      }
    }
    return (dist, parent)
  }

  /// What one more start `from` with reliability `start` adds to `base` (the best reliabilities without it):
  /// Σ over the people where it does better of (new − base), counting only `counted` people. A Dijkstra from
  /// `from` that stops wherever it no longer beats `base`: past such a person nothing can improve (every path on
  /// from there is at most base × p), so the search stays in the region the new start changes.
  /// - Complexity: O((n' + m') log n') over the improved region.
  public func reliabilityGain(from: NodeIndex, start: Double, base: [Double], probabilities: ContiguousArray<Double>,
                              counted: (NodeIndex) -> Bool) -> Double {
    var dist: [NodeIndex: Double] = [from: -log(start)]
    var heap = IndexedHeap()
    heap.push(-log(start), from)
    var gain = 0.0
    let off = out.offsets, tgt = out.targets
    while !heap.isEmpty {
      let (d, u) = heap.pop()
      guard d == dist[u] else { continue }
      let r = exp(-d)
      guard r > base[Int(u)] else { continue }
      if counted(u) { gain += r - base[Int(u)] }
      for p in Int(off[Int(u)])..<Int(off[Int(u) + 1]) {
        let v = tgt[p]
        let nd = d - log(probabilities[p])
        if nd < dist[v] ?? .infinity, exp(-nd) > base[Int(v)] { dist[v] = nd; heap.push(nd, v) }
      }
    }
    return gain
  }
}

/// Shortest-path scratch for Yen's algorithm, reused across spur searches: distances and predecessors reset
/// only where touched, blocked people and ties as flags.
private struct PathSearch {
  let view: GraphView
  let lengths: ContiguousArray<Double>
  private var nodeBlocked: [Bool]
  private var permanentlyBlocked: [Bool]
  private var edgeBlocked: [Bool]
  private var blockedNodes: [Int32] = []
  private var blockedEdges: [Int] = []
  private var dist: [Double]
  private var pred: [Int32]
  private var touched: [Int32] = []
  private var heap = IndexedHeap()

  init(view: GraphView, lengths: ContiguousArray<Double>, avoid: Set<NodeIndex>) {
    self.view = view; self.lengths = lengths
    let n = view.nodeCount
    permanentlyBlocked = [Bool](repeating: false, count: n)
    for v in avoid { permanentlyBlocked[Int(v)] = true }
    nodeBlocked = permanentlyBlocked
    edgeBlocked = [Bool](repeating: false, count: view.edgeCount)
    dist = [Double](repeating: .infinity, count: n)
    pred = [Int32](repeating: -1, count: n)
  }

  mutating func blockNode(_ v: NodeIndex) { nodeBlocked[Int(v)] = true; blockedNodes.append(v) }

  mutating func blockEdge(_ u: NodeIndex, _ v: NodeIndex) {
    guard let s = view.out.slot(from: u, to: v) else { return }
    let e = Int(view.out.edgeIDs[s])
    edgeBlocked[e] = true; blockedEdges.append(e)
  }

  mutating func unblockAll() {
    for v in blockedNodes { nodeBlocked[Int(v)] = permanentlyBlocked[Int(v)] }
    for e in blockedEdges { edgeBlocked[e] = false }
    blockedNodes.removeAll(keepingCapacity: true); blockedEdges.removeAll(keepingCapacity: true)
  }

  /// The shortest path from the nearest of `sources` to `target` avoiding blocked people and ties, within
  /// `hopLimit` hops when given; nil when none. Among equal lengths the first found wins (deterministic).
  mutating func shortest(from sources: [NodeIndex], to target: NodeIndex, hopLimit: Int?) -> [NodeIndex]? {
    let found = hopLimit.map { layered(from: sources, to: target, hops: $0) } ?? dijkstra(from: sources, to: target)
    for v in touched { dist[Int(v)] = .infinity; pred[Int(v)] = -1 }
    touched.removeAll(keepingCapacity: true)
    return found
  }

  private mutating func dijkstra(from sources: [NodeIndex], to target: NodeIndex) -> [NodeIndex]? {
    heap.removeAll()
    for s in sources where !nodeBlocked[Int(s)] {
      dist[Int(s)] = 0; touched.append(s); heap.push(0, s)
    }
    let off = view.out.offsets, tgt = view.out.targets, ids = view.out.edgeIDs
    while !heap.isEmpty {
      let (d, u) = heap.pop()
      guard d == dist[Int(u)] else { continue }   // stale entry
      if u == target { break }
      for p in Int(off[Int(u)])..<Int(off[Int(u) + 1]) {
        let v = tgt[p]
        guard !nodeBlocked[Int(v)], !edgeBlocked[Int(ids[p])] else { continue }
        let nd = d + lengths[p]
        if nd < dist[Int(v)] {
          if dist[Int(v)] == .infinity { touched.append(v) }
          dist[Int(v)] = nd; pred[Int(v)] = u
          heap.push(nd, v)
        }
      }
    }
    guard dist[Int(target)] < .infinity else { return nil }
    var path = [target]
    while let last = path.last, pred[Int(last)] >= 0 { path.append(pred[Int(last)]) }
    return path.reversed()
  }

  /// Bellman–Ford by hop layers: layer h holds the best length of a walk of at most h hops. Lengths are ≥ 0
  /// and a layer only replaces a value when strictly shorter, so the best walk found never revisits anyone.
  private mutating func layered(from sources: [NodeIndex], to target: NodeIndex, hops: Int) -> [NodeIndex]? {
    let n = view.nodeCount
    var layers = [[Double]](repeating: [], count: hops + 1)
    var preds = [[Int32]](repeating: [], count: hops + 1)
    var current = [Double](repeating: .infinity, count: n)
    for s in sources where !nodeBlocked[Int(s)] { current[Int(s)] = 0 }
    layers[0] = current
    preds[0] = [Int32](repeating: -1, count: n)
    let off = view.out.offsets, tgt = view.out.targets, ids = view.out.edgeIDs
    for h in 1...hops {
      let previous = layers[h - 1]
      var next = previous
      var pred = [Int32](repeating: -2, count: n)   // −2: same as the layer before
      for u in 0..<n where previous[u] < .infinity {
        for p in Int(off[u])..<Int(off[u + 1]) {
          let v = Int(tgt[p])
          guard !nodeBlocked[v], !edgeBlocked[Int(ids[p])] else { continue }
          let nd = previous[u] + lengths[p]
          if nd < next[v] { next[v] = nd; pred[v] = Int32(u) }
        }
      }
      layers[h] = next; preds[h] = pred
    }
    guard layers[hops][Int(target)] < .infinity else { return nil }
    var path: [NodeIndex] = [target]
    var v = Int(target), h = hops
    while h > 0 {
      let p = preds[h][v]
      if p == -2 { h -= 1; continue }
      v = Int(p); path.append(NodeIndex(v)); h -= 1
    }
    return path.reversed()
  }
}

/// The tree of best introduction paths (`GraphView.reliabilityTree`) kept with its lengths (−ln reliability) and
/// its children, to answer "what if this person left?" without a new search over the whole network.
public struct ReliabilityTree: Sendable {
  /// −ln of the best reliability (+∞ where nothing reaches).
  public let length: [Double]
  public let reliability: [Double]
  public let parent: [Int32]
  /// Children of each person in the tree (CSR).
  let childOffsets: [Int32]
  let children: [Int32]

  public init(view: GraphView, from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>) {
    let (len, parent) = view.reliabilityLengths(from: starts, probabilities: probabilities, excluding: nil)
    length = len
    reliability = len.map { $0 == .infinity ? 0 : exp(-$0) }
    self.parent = parent
    var offsets = [Int32](repeating: 0, count: len.count + 1)
    for p in parent where p >= 0 { offsets[Int(p) + 1] += 1 }
    for i in 0..<len.count { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var kids = [Int32](repeating: 0, count: Int(offsets[len.count]))
    for (v, p) in parent.enumerated() where p >= 0 { kids[Int(cursor[Int(p)])] = Int32(v); cursor[Int(p)] += 1 }
    childOffsets = offsets; children = kids
  }

  public func hasChildren(_ v: NodeIndex) -> Bool { childOffsets[Int(v) + 1] > childOffsets[Int(v)] }

  /// The best reliabilities of `v`'s descendants once `v` is gone (everyone else's best path avoids `v`, so only
  /// they can change): a Dijkstra on −ln p over the descendants alone, started from their ties to the rest of the
  /// network (whose lengths stand). The values equal `bestReliabilities(excluding: v)` on those people, bit for
  /// bit, since both are the least fixed point of the same relaxations.
  /// - Complexity: O((s + e) log s) for the s descendants and their e ties, instead of O((n + m) log n).
  public func descendantsWithout(_ v: NodeIndex, view: GraphView, probabilities: ContiguousArray<Double>,
                                 scratch: inout ReliabilityScratch) -> [(person: NodeIndex, reliability: Double)] {
    scratch.prepare(count: length.count)
    // The descendants, by a walk down the tree (members doubles as the stack: each is visited once).
    scratch.members.removeAll(keepingCapacity: true)
    scratch.members.append(v)
    var next = 0
    while next < scratch.members.count {
      let u = scratch.members[next]; next += 1
      for i in Int(childOffsets[Int(u)])..<Int(childOffsets[Int(u) + 1]) {
        scratch.members.append(children[i]); scratch.inside[Int(children[i])] = true
      }
    }
    let members = scratch.members.dropFirst()
    let off = view.out.offsets, tgt = view.out.targets
    scratch.heap.removeAll()
    for d in members {
      var best = Double.infinity
      for p in Int(off[Int(d)])..<Int(off[Int(d) + 1]) {
        let u = tgt[p]
        guard u != v, !scratch.inside[Int(u)], length[Int(u)] < .infinity else { continue }
        // The probability of the slot u → d (undirected views: the same value on both slots).
        let nd = length[Int(u)] - log(probabilities[p])
        if nd < best { best = nd }
      }
      scratch.length[Int(d)] = best
      if best < .infinity { scratch.heap.push(best, d) }
    }
    while !scratch.heap.isEmpty {
      let (d, u) = scratch.heap.pop()
      guard d == scratch.length[Int(u)] else { continue }
      for p in Int(off[Int(u)])..<Int(off[Int(u) + 1]) {
        let w = tgt[p]
        guard scratch.inside[Int(w)] else { continue }
        let nd = d - log(probabilities[p])
        if nd < scratch.length[Int(w)] { scratch.length[Int(w)] = nd; scratch.heap.push(nd, w) }
      }
    }
    let out = members.map { (person: $0, reliability: scratch.length[Int($0)] == .infinity ? 0 : exp(-scratch.length[Int($0)])) }
    for d in members { scratch.inside[Int(d)] = false }
    return out
  }
}

/// Per-worker scratch of `ReliabilityTree.descendantsWithout`: only the entries it touched are reset.
public struct ReliabilityScratch: Sendable {
  var inside: [Bool] = []
  var length: [Double] = []
  var members: [NodeIndex] = []
  var heap = IndexedHeap()
  public init() {}
  mutating func prepare(count: Int) {
    if inside.count != count { inside = [Bool](repeating: false, count: count); length = [Double](repeating: .infinity, count: count) }
  }
}
