import SocialGraph

/// The connected components of an undirected view (weakly connected components of a directed one).
public struct ConnectedComponents: Sendable, Equatable {
  /// Component of each person; components are numbered by their smallest member, in input order.
  public let component: ContiguousArray<Int32>
  /// Size of each component.
  public let sizes: [Int]

  public var count: Int { sizes.count }
  public var largest: Int { sizes.max() ?? 0 }
  /// People with no tie at all in the view.
  public var isolated: Int { sizes.lazy.filter { $0 == 1 }.count }
}

extension GraphView {
  /// Connected components by breadth-first search over `out` and `inbound` rows (weak connectivity when
  /// directed), with one flat queue: O(n + m).
  /// - Reference: Hopcroft & Tarjan (1973), "Algorithm 447: efficient algorithms for graph manipulation",
  ///   *CACM* 16(6):372–378. Parity: networkx.connected_components / weakly_connected_components (count, sizes).
  public func connectedComponents() -> ConnectedComponents {
    var comp = ContiguousArray<Int32>(repeating: -1, count: nodeCount)
    var queue = ContiguousArray<Int32>(repeating: 0, count: nodeCount)
    var sizes: [Int] = []
    for s in 0..<nodeCount where comp[s] < 0 {
      let c = Int32(sizes.count)
      comp[s] = c
      var head = 0, tail = 0
      queue[tail] = Int32(s); tail += 1
      while head < tail {
        let u = queue[head]; head += 1
        for v in out.neighbors(u) where comp[Int(v)] < 0 {
          comp[Int(v)] = c; queue[tail] = v; tail += 1
        }
        if isDirected {
          for v in inbound.neighbors(u) where comp[Int(v)] < 0 {
            comp[Int(v)] = c; queue[tail] = v; tail += 1
          }
        }
      }
      sizes.append(tail)
    }
    return ConnectedComponents(component: comp, sizes: sizes)
  }
}
