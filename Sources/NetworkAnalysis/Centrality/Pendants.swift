import SocialGraph

extension Adjacency {
  /// The pendants of undirected rows — people with exactly one tie, to someone else — and the person each hangs
  /// on: host[v] is that person, −1 for everyone else. Of two people tied only to each other, the higher index
  /// hangs on the lower (so one of them stays). Nil when nobody is a pendant. Shared by the path sweep's folding
  /// (`ShortestPathSweep.PendantFold`) and the power iteration's (`PendantGroups`).
  /// - Complexity: O(n).
  func pendantHosts() -> [Int32]? {
    let n = nodeCount
    var host = [Int32](repeating: -1, count: n)
    var any = false
    withBuffers { off, tgt, _ in
      for v in 0..<n where off[v + 1] - off[v] == 1 {
        let u = Int(tgt[Int(off[v])])
        if u != v && (off[u + 1] - off[u] > 1 || u < v) { host[v] = Int32(u); any = true }
      }
    }
    return any ? host : nil
  }
}
