import NetworkAnalysis
import SocialGraph

/// `--collapse-below LEVEL`: the org map of a large account keeps the top `level` levels of the reports-to tree
/// (the top people are level 0), the decision circuit (decision makers and influencers, wherever they sit) and the
/// managers between them and the top; every other person below the level is folded into one summary box under
/// their nearest shown manager, with their count and proximity P1–P4 (as the account analysis counts it). Our
/// team is always shown.
/// - Complexity: O(n · depth).
struct OrgCollapse {
  /// Shown people, in `shown` order (indices into the graph).
  var kept: [Int] = []
  /// One summary per shown manager with folded people under them: the manager's position in `kept`, the count
  /// and the counts per proximity level (P1, P2, P3, P4, unknown).
  var summaries: [(manager: Int, people: Int, proximity: [Int])] = []

  init(shown: [Int], graph g: SocialGraph, measures m: MapMeasures, below level: Int) {
    var position = [Int](repeating: -1, count: g.count)
    for (k, v) in shown.enumerated() { position[v] = k }
    func boss(_ v: Int) -> Int? { g.manager(of: NodeIndex(v)).map(Int.init).flatMap { position[$0] >= 0 ? $0 : nil } }
    // Depth on the shown tree (a cycle is cut after n steps: its members count as deep).
    var depth = [Int](repeating: 0, count: g.count)
    for v in shown {
      var d = 0, u = v
      while let b = boss(u), d <= shown.count { d += 1; u = b }
      depth[v] = d
    }
    var keep = [Bool](repeating: false, count: g.count)
    for v in shown where g.people[v].isInternal || depth[v] <= level { keep[v] = true }
    for v in shown where g.people[v].isInDecisionCircuit {
      // The decision-circuit member and the chain up to the top.
      var u = v, steps = 0
      keep[u] = true
      while let b = boss(u), steps <= shown.count { keep[b] = true; u = b; steps += 1 }
    }
    kept = shown.filter { keep[$0] }
    var keptPosition = [Int](repeating: -1, count: g.count)
    for (k, v) in kept.enumerated() { keptPosition[v] = k }
    var folded: [Int: (Int, [Int])] = [:]
    var order: [Int] = []
    for v in shown where !keep[v] {
      var u = v, steps = 0
      while let b = boss(u), !keep[b], steps <= shown.count { u = b; steps += 1 }
      guard let top = boss(u), keep[top] else { continue }   // unreachable for a tree: the top is always kept
      let k = keptPosition[top]
      if folded[k] == nil { order.append(k); folded[k] = (0, [0, 0, 0, 0, 0]) }
      folded[k]!.0 += 1
      folded[k]!.1[m.proximity[v].map { $0.rawValue - 1 } ?? 4] += 1
    }
    summaries = order.map { (manager: $0, people: folded[$0]!.0, proximity: folded[$0]!.1) }
  }

  /// The lines of summary `i`'s box.
  func lines(_ i: Int) -> [String] {
    let s = summaries[i]
    let levels = ["P1", "P2", "P3", "P4", "unknown"]
    let counts = zip(levels, s.proximity).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
    return ["+ \(s.people) more in this team", counts.joined(separator: " · ")]
  }
}
