import SocialGraph

/// One level of a multilevel community search (Louvain, Leiden): CSR rows without self slots, plus a self-loop
/// weight per node (the internal weight of the group a node stands for once levels are merged).
struct LevelGraph {
  var offsets: [Int]
  var targets: [Int]
  var weights: [Double]
  var loops: [Double]

  /// The first level: the view itself (weight 1 per tie unless `weighted`).
  init(_ view: GraphView, weighted: Bool) {
    offsets = view.out.offsets.map(Int.init)
    targets = view.out.targets.map(Int.init)
    weights = weighted ? Array(view.out.weights) : [Double](repeating: 1, count: view.out.slotCount)
    loops = [Double](repeating: 0, count: view.nodeCount)
  }

  private init(offsets: [Int], targets: [Int], weights: [Double], loops: [Double]) {
    self.offsets = offsets; self.targets = targets; self.weights = weights; self.loops = loops
  }

  var size: Int { loops.count }

  /// Total tie weight m (loops count once, each tie once).
  var totalWeight: Double { weights.reduce(0, +) / 2 + loops.reduce(0, +) }

  /// k_v = Σ_u w_vu + 2 · loop_v.
  func degrees() -> [Double] {
    (0..<size).map { v in (offsets[v]..<offsets[v + 1]).reduce(2 * loops[v]) { $0 + weights[$1] } }
  }

  /// The next level: node v becomes node `label[v]` (0 ..< `count`); ties inside a group become its loop, ties
  /// between two groups add up. Rows come out sorted.
  func aggregated(by label: [Int], count: Int) -> LevelGraph {
    var loops = [Double](repeating: 0, count: count)
    var rows = [[Int: Double]](repeating: [:], count: count)
    for v in 0..<size {
      let a = label[v]
      loops[a] += self.loops[v]
      for p in offsets[v]..<offsets[v + 1] {
        let b = label[targets[p]]
        if a == b { loops[a] += weights[p] / 2 } else { rows[a][b, default: 0] += weights[p] }
      }
    }
    var offsets = [0], targets: [Int] = [], weights: [Double] = []
    for a in 0..<count {
      for (b, w) in rows[a].sorted(by: { $0.key < $1.key }) { targets.append(b); weights.append(w) }
      offsets.append(targets.count)
    }
    return LevelGraph(offsets: offsets, targets: targets, weights: weights, loops: loops)
  }
}

/// Communities renumbered 0, 1, … in order of each community's first member.
func numberedByFirstMember(_ community: [Int]) -> (community: [Int], count: Int) {
  var label = [Int: Int]()
  let out = community.map { c -> Int in
    if let l = label[c] { return l }
    label[c] = label.count
    return label.count - 1
  }
  return (out, label.count)
}
