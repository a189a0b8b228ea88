import SocialGraph

/// A bridge and the two groups it joins (`GraphView.bridgeSplits`): positions in the depth-first order.
public struct BridgeSplit: Sendable, Hashable {
  public var edge: Int
  /// The far end's side.
  public var side: Range<Int>
  /// The whole component; the near side is `component` without `side`.
  public var component: Range<Int>
}

extension GraphView {
  /// Whether each edge of an undirected view is a bridge: removing it disconnects its ends.
  /// Iterative depth-first search with low-links (no recursion, so deep graphs cannot overflow the stack).
  /// - Reference: R. E. Tarjan (1974), "A note on finding the bridges of a graph", *Inf. Process. Lett.*
  ///   2(6):160–161.
  /// - Parity: networkx.bridges.
  /// - Complexity: O(n + m).
  public func bridges() -> [Bool] { bridgeSearch().isBridge }

  /// The bridges with the two groups each one joins: removing bridge `edge` splits its component into the
  /// people at depth-first positions `side` (the far end's subtree) and the rest of the component, `component`.
  /// `order[i]` is the person at position i, so a side is `order[side]`.
  /// - Reference: R. E. Tarjan (1974), as `bridges()`; a subtree of a depth-first tree is a run of preorder.
  /// - Complexity: O(n + m).
  public func bridgeSplits() -> (splits: [BridgeSplit], order: [Int32]) {
    let r = bridgeSearch()
    var splits: [BridgeSplit] = []
    for e in 0..<edgeCount where r.isBridge[e] {
      let (s, t) = (Int(edgeSources[e]), Int(edgeTargets[e]))
      let child = r.disc[s] > r.disc[t] ? s : t   // the far end: the one discovered from the other
      let (c, root) = (Int(r.disc[child]), Int(r.root[child]))
      splits.append(BridgeSplit(edge: e, side: c..<(c + Int(r.size[child])),
                                component: Int(r.disc[root])..<(Int(r.disc[root]) + Int(r.size[root]))))
    }
    var order = [Int32](repeating: 0, count: nodeCount)
    for v in 0..<nodeCount { order[Int(r.disc[v])] = Int32(v) }
    return (splits, order)
  }

  /// Tarjan's search: bridges, each person's preorder position, subtree size and component root.
  private func bridgeSearch() -> (isBridge: [Bool], disc: [Int32], size: [Int32], root: [Int32]) {
    precondition(!isDirected, "bridges are defined on undirected views")
    let n = nodeCount
    var isBridge = [Bool](repeating: false, count: edgeCount)
    var disc = [Int32](repeating: -1, count: n), low = [Int32](repeating: 0, count: n)
    var size = [Int32](repeating: 1, count: n), rootOf = [Int32](repeating: 0, count: n)
    var parentEdge = [Int32](repeating: -1, count: n)
    var cursor = [Int32](repeating: 0, count: n)
    var stack: [Int32] = []
    var time: Int32 = 0
    for root in 0..<n where disc[root] < 0 {
      disc[root] = time; low[root] = time; time += 1; rootOf[root] = Int32(root)
      cursor[root] = out.offsets[root]
      stack.append(Int32(root))
      while let top = stack.last {
        let v = Int(top)
        if cursor[v] < out.offsets[v + 1] {
          let p = Int(cursor[v]); cursor[v] += 1
          let w = Int(out.targets[p]), e = out.edgeIDs[p]
          if e == parentEdge[v] { continue }
          if disc[w] < 0 {
            disc[w] = time; low[w] = time; time += 1; rootOf[w] = Int32(root)
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
            size[u] += size[v]
            if low[v] > disc[u] { isBridge[Int(parentEdge[v])] = true }
          }
        }
      }
    }
    return (isBridge, disc, size, rootOf)
  }

  /// The span of each local bridge (an edge whose ends share no neighbour): the number of ties on the shortest
  /// other path between its ends once it is removed (Granovetter's degree of a local bridge: a count of ties,
  /// whatever the weights), or +∞ when nothing else joins them; nil for edges that are not local bridges.
  /// An end with no other tie gives +∞ at once; otherwise a bidirectional breadth-first search that never uses
  /// the edge itself grows, level by level, whichever side has the smaller frontier, and stops at the level where
  /// the sides meet — so a bridge into a hub of 200,000 ties costs the small side, not the hub's component.
  /// Parallel over local bridges, per-block scratch that resets only what it touched.
  /// - Reference: M. Granovetter (1973), "The strength of weak ties", *Am. J. Sociol.* 78(6):1360–1380;
  ///   D. Easley, J. Kleinberg (2010), *Networks, Crowds, and Markets*, §3.2; bidirectional search: I. Pohl (1971),
  ///   "Bi-directional search", *Machine Intelligence* 6:127–140.
  /// - Parity: networkx.local_bridges(with_span=True) (unweighted).
  /// - Complexity: O(n + m) per local bridge in the worst case; usually far less.
  public func localBridgeSpans(embeddedness: [Int]) -> [Double?] {
    precondition(!isDirected, "local bridges are defined on undirected views")
    let candidates = (0..<edgeCount).filter { embeddedness[$0] == 0 }
    var spans = [Double](repeating: .nan, count: candidates.count)
    let n = nodeCount, adj = out, src = edgeSources, dst = edgeTargets
    spans.withUnsafeMutableBufferPointer { sb in
      let sS = DisjointSlots(sb)
      BlockParallel.run(BlockParallel.blocks(count: candidates.count), parallel: candidates.count > 64) { _, range in
        // side[v]: 0 unseen, 1 seen from s, 2 seen from t; hops[v]: distance from that side's end.
        var side = [UInt8](repeating: 0, count: n)
        var hops = [Int32](repeating: 0, count: n)
        var touched: [Int32] = []
        var frontier: [[Int32]] = [[], []], next: [Int32] = []
        adj.withBuffers { off, tgt, _ in
          for k in range {
            let e = candidates[k]
            let s = Int(src[e]), t = Int(dst[e])
            if off[s + 1] &- off[s] == 1 || off[t + 1] &- off[t] == 1 { sS.base[k] = .infinity; continue }
            side[s] = 1; side[t] = 2; touched.append(Int32(s)); touched.append(Int32(t))
            frontier[0].removeAll(keepingCapacity: true); frontier[0].append(Int32(s))   // reused: no allocation per bridge
            frontier[1].removeAll(keepingCapacity: true); frontier[1].append(Int32(t))
            var depth = SIMD2<Int32>(0, 0)
            var found = Int32.max
            while found == Int32.max && !frontier[0].isEmpty && !frontier[1].isEmpty {
              // Grow the side whose frontier has fewer ties to scan.
              func work(_ f: [Int32]) -> Int { f.reduce(0) { $0 &+ Int(off[Int($1) + 1] &- off[Int($1)]) } }
              let x = work(frontier[0]) <= work(frontier[1]) ? 0 : 1
              let mine = UInt8(x + 1), d = depth[x] + 1
              next.removeAll(keepingCapacity: true)
              for u in frontier[x] {
                let uu = Int(u)
                for p in Int(off[uu])..<Int(off[uu + 1]) {
                  let w = Int(tgt[p])
                  if (uu == s && w == t) || (uu == t && w == s) { continue }   // the bridge itself
                  if side[w] == 0 {
                    side[w] = mine; hops[w] = d; touched.append(Int32(w)); next.append(Int32(w))
                  } else if side[w] != mine {
                    found = min(found, d + hops[w])   // the sides meet; the rest of this level may meet shorter
                  }
                }
              }
              depth[x] = d
              swap(&frontier[x], &next)
            }
            for v in touched { side[Int(v)] = 0 }
            touched.removeAll(keepingCapacity: true)
            sS.base[k] = found == Int32.max ? .infinity : Double(found)
          }
        }
      }
    }
    var result = [Double?](repeating: nil, count: edgeCount)
    for (k, e) in candidates.enumerated() { result[e] = spans[k] }
    return result
  }
}
