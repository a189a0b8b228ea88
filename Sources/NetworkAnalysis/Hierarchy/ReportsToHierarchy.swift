import SocialGraph

/// The declared org chart: who reports to whom (each person has at most one manager).
public struct ReportsToHierarchy: Sendable, Equatable {
  /// People with reports but no manager (tops of the org chart), in input order.
  public let roots: [NodeIndex]
  /// Number of direct reports of each person.
  public let directReports: [Int]
  /// Number of people below each root (direct and indirect), parallel to `roots`.
  public let rootSpans: [Int]
  /// Reporting cycles (a reports to b … reports to a), each listed from its member that comes first in input
  /// order, following the reports-to direction. A self-report is a cycle of one.
  public let cycles: [[NodeIndex]]
  /// Depth of each person under their root (root = 0); -1 for people on or under a cycle.
  public let depth: [Int]
}

extension SocialGraph {
  /// The reports-to hierarchy from the `reportsTo` column: roots, spans, depths and cycles.
  /// Since each person has at most one manager the structure is a functional graph; walking up from every
  /// person with a three-colour marking finds each cycle once. O(n).
  public func reportsToHierarchy() -> ReportsToHierarchy {
    let n = count
    var reports = [Int](repeating: 0, count: n)
    for v in 0..<n { if let m = manager(of: NodeIndex(v)) { reports[Int(m)] += 1 } }
    // 0 unvisited, 1 on the current walk, 2 done
    var state = [UInt8](repeating: 0, count: n)
    var depth = [Int](repeating: Int.min, count: n)
    var cycles: [[NodeIndex]] = []
    var walk: [Int] = []
    for s in 0..<n where state[s] == 0 {
      walk.removeAll(keepingCapacity: true)
      var v = s
      // Depth of the person above the walk's last member: -1 when that member is a top, nil when the walk
      // runs into a cycle (everyone on it or under it gets depth -1).
      var above: Int?
      while true {
        if state[v] == 2 { above = depth[v] >= 0 ? depth[v] : nil; break }
        if state[v] == 1 {
          let start = walk.firstIndex(of: v)!
          var cyc = walk[start...].map { NodeIndex($0) }
          let minPos = cyc.indices.min(by: { cyc[$0] < cyc[$1] })!
          cyc = Array(cyc[minPos...] + cyc[..<minPos])
          cycles.append(cyc)
          above = nil
          break
        }
        state[v] = 1
        walk.append(v)
        guard let m = manager(of: NodeIndex(v)) else { above = -1; break }
        v = Int(m)
      }
      for u in walk.reversed() {
        if let a = above { depth[u] = a + 1; above = a + 1 } else { depth[u] = -1 }
        state[u] = 2
      }
    }
    let roots = (0..<n).filter { manager(of: NodeIndex($0)) == nil && reports[$0] > 0 }.map { NodeIndex($0) }
    // Span of each root: count people whose walk ends at it.
    var top = [Int](repeating: -1, count: n)
    func topOf(_ v: Int) -> Int {
      if top[v] != -1 { return top[v] }
      var path: [Int] = []
      var u = v
      while top[u] == -1 {
        if depth[u] < 0 { top[u] = -2; break }
        guard let m = manager(of: NodeIndex(u)) else { top[u] = u; break }
        path.append(u); u = Int(m)
      }
      for p in path { top[p] = top[u] }
      return top[v]
    }
    var span = [Int](repeating: 0, count: n)
    for v in 0..<n { let t = topOf(v); if t >= 0 && t != v { span[t] += 1 } }
    return ReportsToHierarchy(roots: roots, directReports: reports, rootSpans: roots.map { span[Int($0)] },
                              cycles: cycles, depth: depth.map { $0 == Int.min ? -1 : $0 })
  }
}
