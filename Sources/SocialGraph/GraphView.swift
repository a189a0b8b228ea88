/// One view of the social graph: a single tie kind (a multiplex layer) or the combined undirected
/// "social" view. Immutable; copies share storage.
///
/// Every view has an edge list (`edgeSources`, `edgeTargets`, `edgeWeights`, …) and CSR rows (`out`, and `inbound`
/// for directed views). Undirected views list each edge once with `source < target`, in (source, target) order;
/// directed views list each arc once in (source, target) order, so an arc's id is its slot in `out`.
public struct GraphView: Sendable {
  public let nodeCount: Int
  public let isDirected: Bool
  /// Out-neighbours (all neighbours when undirected).
  public let out: Adjacency
  /// In-neighbours; the same rows as `out` when undirected.
  public let inbound: Adjacency
  public let edgeSources: ContiguousArray<Int32>
  public let edgeTargets: ContiguousArray<Int32>
  /// Combined weight of each edge (see `SocialGraph` for how parallel ties combine).
  public let edgeWeights: ContiguousArray<Double>
  /// How many input ties were combined into each edge.
  public let edgeTieCounts: ContiguousArray<Int32>
  /// How many distinct tie kinds each edge carries (1 in a single-kind layer).
  public let edgeMultiplexity: ContiguousArray<Int32>

  @inlinable public var edgeCount: Int { edgeSources.count }

  /// Number of neighbours (out-neighbours when directed).
  @inlinable public func degree(_ v: NodeIndex) -> Int { out.degree(v) }

  /// Density: m / (n (n − 1) / 2) undirected, m / (n (n − 1)) directed; 0 below two people.
  public var density: Double {
    guard nodeCount > 1 else { return 0 }
    let pairs = Double(nodeCount) * Double(nodeCount - 1)
    return Double(edgeCount) / (isDirected ? pairs : pairs / 2)
  }

  /// The edge between u and v (u → v when directed), or nil.
  public func edge(_ u: NodeIndex, _ v: NodeIndex) -> Int? {
    out.slot(from: u, to: v).map { Int(out.edgeIDs[$0]) }
  }

  /// Checks the CSR invariants: offsets monotone from 0, targets in range, rows strictly increasing (no
  /// duplicates, no self-loops), edge ids consistent, and symmetry for undirected views. For tests and debug
  /// builds; returns the first broken invariant.
  public func invariantViolation() -> String? {
    func check(_ a: Adjacency, _ name: String) -> String? {
      guard a.offsets.count == nodeCount + 1, a.offsets.first == 0 else { return "\(name): offsets size" }
      guard Int(a.offsets[nodeCount]) == a.targets.count,
            a.weights.count == a.targets.count, a.edgeIDs.count == a.targets.count
      else { return "\(name): array sizes" }
      for v in 0..<nodeCount {
        let r = a.slots(NodeIndex(v))
        if r.lowerBound > r.upperBound { return "\(name): offsets not monotone at \(v)" }
        var prev: Int32 = -1
        for s in r {
          let t = a.targets[s]
          if t < 0 || Int(t) >= nodeCount { return "\(name): target out of range in row \(v)" }
          if t <= prev { return "\(name): row \(v) not strictly sorted" }
          if Int(t) == v { return "\(name): self-loop in row \(v)" }
          prev = t
          let e = Int(a.edgeIDs[s])
          if e < 0 || e >= edgeCount { return "\(name): bad edge id" }
          if !(a.weights[s] > 0) || !a.weights[s].isFinite { return "\(name): bad weight" }
          if a.weights[s] != edgeWeights[e] { return "\(name): weight differs from edge list" }
          let (es, et) = (Int(edgeSources[e]), Int(edgeTargets[e]))
          let ok: Bool
          if !isDirected { ok = (es == v && et == Int(t)) || (et == v && es == Int(t)) }
          else if name == "out" { ok = es == v && et == Int(t) }
          else { ok = et == v && es == Int(t) }
          if !ok { return "\(name): slot and edge disagree in row \(v)" }
        }
      }
      return nil
    }
    if let p = check(out, "out") { return p }
    if isDirected, let p = check(inbound, "in") { return p }
    if !isDirected {
      if out.slotCount != 2 * edgeCount { return "undirected: slots != 2 edges" }
      for e in 0..<edgeCount where edgeSources[e] >= edgeTargets[e] { return "undirected: edge \(e) not source < target" }
    } else if out.slotCount != edgeCount || inbound.slotCount != edgeCount {
      return "directed: slots != edges"
    }
    for e in 1..<max(1, edgeCount)
    where (edgeSources[e - 1], edgeTargets[e - 1]) >= (edgeSources[e], edgeTargets[e]) {
      return "edge list not in (source, target) order at \(e)"
    }
    return nil
  }
}
