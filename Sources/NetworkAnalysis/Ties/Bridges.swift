import SocialGraph

extension GraphView {
  /// Whether each edge of an undirected view is a bridge: removing it disconnects its ends.
  /// Iterative depth-first search with low-links (no recursion, so deep graphs cannot overflow the stack).
  /// - Reference: R. E. Tarjan (1974), "A note on finding the bridges of a graph", *Inf. Process. Lett.*
  ///   2(6):160–161.
  /// - Parity: networkx.bridges.
  /// - Complexity: O(n + m).
  public func bridges() -> [Bool] {
    precondition(!isDirected, "bridges are defined on undirected views")
    let n = nodeCount
    var isBridge = [Bool](repeating: false, count: edgeCount)
    var disc = [Int32](repeating: -1, count: n), low = [Int32](repeating: 0, count: n)
    var parentEdge = [Int32](repeating: -1, count: n)
    var cursor = [Int32](repeating: 0, count: n)
    var stack: [Int32] = []
    var time: Int32 = 0
    for root in 0..<n where disc[root] < 0 {
      disc[root] = time; low[root] = time; time += 1
      cursor[root] = out.offsets[root]
      stack.append(Int32(root))
      while let top = stack.last {
        let v = Int(top)
        if cursor[v] < out.offsets[v + 1] {
          let p = Int(cursor[v]); cursor[v] += 1
          let w = Int(out.targets[p]), e = out.edgeIDs[p]
          if e == parentEdge[v] { continue }
          if disc[w] < 0 {
            disc[w] = time; low[w] = time; time += 1
            parentEdge[w] = e; cursor[w] = out.offsets[w]
            stack.append(Int32(w))
          } else {
            low[v] = min(low[v], disc[w])
          }
        } else {
          stack.removeLast()
          if let up = stack.last {
            let u = Int(up)
            low[u] = min(low[u], low[v])
            if low[v] > disc[u] { isBridge[Int(parentEdge[v])] = true }
          }
        }
      }
    }
    return isBridge
  }

  /// The span of each local bridge (an edge whose ends share no neighbour): the number of ties on the shortest
  /// other path between its ends once it is removed (Granovetter's degree of a local bridge: a count of ties,
  /// whatever the weights), or +∞ when nothing else joins them; nil for edges that are not local bridges.
  /// Breadth-first search from one end that never uses the edge itself, stopping at the other end; parallel
  /// over local bridges, per-block scratch that resets only what it touched.
  /// - Reference: M. Granovetter (1973), "The strength of weak ties", *Am. J. Sociol.* 78(6):1360–1380;
  ///   D. Easley, J. Kleinberg (2010), *Networks, Crowds, and Markets*, §3.2.
  /// - Parity: networkx.local_bridges(with_span=True) (unweighted).
  /// - Complexity: O(n + m) per local bridge, in the worst case; usually far less (the search stops at the other end).
  public func localBridgeSpans(embeddedness: [Int]) -> [Double?] {
    precondition(!isDirected, "local bridges are defined on undirected views")
    let candidates = (0..<edgeCount).filter { embeddedness[$0] == 0 }
    var spans = [Double](repeating: .nan, count: candidates.count)
    let n = nodeCount, adj = out, src = edgeSources, dst = edgeTargets
    spans.withUnsafeMutableBufferPointer { sb in
      let sS = DisjointSlots(sb)
      BlockParallel.run(BlockParallel.blocks(count: candidates.count), parallel: candidates.count > 64) { _, range in
        var hops = [Int32](repeating: -1, count: n)
        var touched: [Int32] = []
        adj.withBuffers { off, tgt, _ in
          for k in range {
            let e = candidates[k]
            let s = Int(src[e]), t = Int(dst[e])
            var found = Double.infinity
            hops[s] = 0; touched.append(Int32(s))
            var head = 0
            search: while head < touched.count {
              let v = Int(touched[head]); head += 1
              for p in Int(off[v])..<Int(off[v + 1]) {
                let x = Int(tgt[p])
                if v == s && x == t { continue }            // the bridge itself
                if hops[x] < 0 {
                  hops[x] = hops[v] + 1; touched.append(Int32(x))
                  if x == t { found = Double(hops[x]); break search }
                }
              }
            }
            for v in touched { hops[Int(v)] = -1 }
            touched.removeAll(keepingCapacity: true)
            sS.base[k] = found
          }
        }
      }
    }
    var result = [Double?](repeating: nil, count: edgeCount)
    for (k, e) in candidates.enumerated() { result[e] = spans[k] }
    return result
  }
}
