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
    var search = PathSearch(view: self, lengths: GraphView.reliabilityLengths(probabilities), avoid: options.avoid)
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


/// Yen's spur searches on one `ShortestPathSearch`: the people to avoid for good, and the people and ties each
/// spur blocks for a while (`block`, `unblockAll`).
private struct PathSearch {
  let view: GraphView
  let lengths: ContiguousArray<Double>
  private var avoid: [Bool]
  private var search: ShortestPathSearch

  init(view: GraphView, lengths: ContiguousArray<Double>, avoid: Set<NodeIndex>) {
    self.view = view; self.lengths = lengths
    self.avoid = [Bool](repeating: false, count: view.nodeCount)
    for v in avoid { self.avoid[Int(v)] = true }
    search = ShortestPathSearch(nodeCount: view.nodeCount, edgeCount: view.edgeCount)
  }

  mutating func blockNode(_ v: NodeIndex) { search.block(person: v) }

  mutating func blockEdge(_ u: NodeIndex, _ v: NodeIndex) {
    guard let s = view.out.slot(from: u, to: v) else { return }
    search.block(tie: view.out.edgeIDs[s])
  }

  mutating func unblockAll() { search.unblockAll() }

  private func open(_ v: Int) -> Bool { !avoid[v] && !search.isBlocked(person: NodeIndex(v)) }

  /// The shortest path from the nearest of `sources` to `target` avoiding blocked people and ties, within
  /// `hopLimit` hops when given; nil when none. Among equal lengths the first found wins (deterministic).
  mutating func shortest(from sources: [NodeIndex], to target: NodeIndex, hopLimit: Int?) -> [NodeIndex]? {
    if let hopLimit { return layered(from: sources, to: target, hops: hopLimit) }
    let avoid = self.avoid
    search.run(rows: view.out, lengths: lengths, from: sources.filter { !avoid[Int($0)] }.map { ($0, 0) }, target: target,
               enter: { v, _, _ in !avoid[Int(v)] })
    return search.path(to: target)
  }

  /// Bellman–Ford by hop layers: layer h holds the best length of a walk of at most h hops. Lengths are ≥ 0
  /// and a layer only replaces a value when strictly shorter, so the best walk found never revisits anyone.
  /// (Not a Dijkstra: the hop limit needs the layers.)
  /// - Complexity: O(H · (n + m)) for H hops.
  private func layered(from sources: [NodeIndex], to target: NodeIndex, hops limit: Int) -> [NodeIndex]? {
    let n = view.nodeCount
    // No path has more than n − 1 hops, so a larger limit changes nothing (and must not size the layers).
    let hops = min(limit, max(n - 1, 1))
    var layers = [[Double]](repeating: [], count: hops + 1)
    var preds = [[Int32]](repeating: [], count: hops + 1)
    var current = [Double](repeating: .infinity, count: n)
    for s in sources where open(Int(s)) { current[Int(s)] = 0 }
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
          guard open(v), !search.isBlocked(tie: ids[p]) else { continue }
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
