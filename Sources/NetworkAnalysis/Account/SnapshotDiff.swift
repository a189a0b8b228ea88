import SocialGraph

/// What changed between two snapshots of the same accounts (people matched by id): the map as a living document.
public struct SnapshotDiff: Sendable {
  public struct FieldChange: Sendable, Hashable {
    public var id: String
    public var field: String
    public var old: String?
    public var new: String?
  }

  public struct TieChange: Sendable, Hashable {
    public var source: String
    public var target: String
    public var kind: String
    public var oldWeight: Double?
    public var newWeight: Double?
  }

  /// Decision-circuit coverage of one account in both snapshots.
  public struct CoverageChange: Sendable, Hashable {
    public var account: String
    public var oldCircuit: Int, oldCovered: Int
    public var newCircuit: Int, newCovered: Int
    /// P1, P2, P3, P4, unknown in each snapshot.
    public var oldProximity: [Int], newProximity: [Int]
    public var oldShare: Double? { oldCircuit == 0 ? nil : Double(oldCovered) / Double(oldCircuit) }
    public var newShare: Double? { newCircuit == 0 ? nil : Double(newCovered) / Double(newCircuit) }
  }

  /// Ids only in the new snapshot, in its order; only in the old one, in its order.
  public var arrived: [String]
  public var left: [String]
  /// For people in both, each field that differs, in the new snapshot's order of people.
  public var changes: [FieldChange]
  public var tiesGained: [TieChange]
  public var tiesLost: [TieChange]
  /// Ties in both whose (combined) weight changed.
  public var tiesReweighted: [TieChange]
  public var coverage: [CoverageChange]

  public var isEmpty: Bool {
    arrived.isEmpty && left.isEmpty && changes.isEmpty && tiesGained.isEmpty && tiesLost.isEmpty && tiesReweighted.isEmpty
  }

  /// The fields compared, in this order.
  public static let fields = ["name", "title", "account", "department", "reports_to", "role", "proximity", "influence",
                              "interest", "owner", "internal"]

  static func value(_ p: Person, _ field: String) -> String? {
    switch field {
    case "name": p.name
    case "title": p.title
    case "account": p.account
    case "department": p.department
    case "reports_to": p.reportsTo
    case "role": p.role?.rawValue
    case "proximity": p.proximity?.label
    case "influence": p.influence.map(String.init)
    case "interest": p.interest.map(String.init)
    case "owner": p.owner
    case "internal": p.isInternal ? "true" : "false"
    default: nil
    }
  }
}

extension SocialGraph {
  /// Compares this (old) snapshot with `new`: who arrived and left, which fields of the others changed (manager
  /// changes appear as `reports_to`), ties gained, lost and re-weighted per kind (reports-to ties are left to the
  /// `reports_to` field), and each account's decision-circuit coverage (decision makers and influencers at declared
  /// P1/P2) and proximity counts before and after. Ties are keyed by kind and ids; an undirected tie by its ids in
  /// sorted order; weights are the combined weights of each layer (`SocialGraph`).
  /// The coverage and the counts use `oldProximity` and `newProximity` (one level per person of each snapshot,
  /// `effectiveProximity`: declared, else derived, as `account` counts them) when given, else the declared levels;
  /// the `proximity` field change is always the declared value (what the file says).
  /// - Complexity: O(n + m) with hashing.
  public func diff(to new: SocialGraph, oldProximity: [Proximity?]? = nil, newProximity: [Proximity?]? = nil) -> SnapshotDiff {
    let old = self
    let arrived = new.people.map(\.id).filter { old.index(of: $0) == nil }
    let left = old.people.map(\.id).filter { new.index(of: $0) == nil }
    var changes: [SnapshotDiff.FieldChange] = []
    for p in new.people {
      guard let v = old.index(of: p.id) else { continue }
      let q = old.people[Int(v)]
      for f in SnapshotDiff.fields {
        let (a, b) = (SnapshotDiff.value(q, f), SnapshotDiff.value(p, f))
        if a != b { changes.append(.init(id: p.id, field: f, old: a, new: b)) }
      }
    }
    func ties(_ g: SocialGraph) -> [(key: String, change: SnapshotDiff.TieChange)] {
      var out: [(String, SnapshotDiff.TieChange)] = []
      for (k, layer) in g.layers.enumerated() where g.kinds[k] != .reportsTo {
        for e in 0..<layer.edgeCount {
          var (a, b) = (g.people[Int(layer.edgeSources[e])].id, g.people[Int(layer.edgeTargets[e])].id)
          if !layer.isDirected && b < a { swap(&a, &b) }
          let kind = g.kinds[k].name
          out.append(("\(kind)\u{0}\(a)\u{0}\(b)", .init(source: a, target: b, kind: kind, oldWeight: nil, newWeight: layer.edgeWeights[e])))
        }
      }
      return out
    }
    let oldTies = ties(old), newTies = ties(new)
    let oldByKey = Dictionary(oldTies.map { ($0.key, $0.change) }, uniquingKeysWith: { a, _ in a })
    let newKeys = Set(newTies.map(\.key))
    var gained: [SnapshotDiff.TieChange] = [], reweighted: [SnapshotDiff.TieChange] = []
    for (key, t) in newTies {
      if let o = oldByKey[key] {
        if o.newWeight != t.newWeight { reweighted.append(.init(source: t.source, target: t.target, kind: t.kind, oldWeight: o.newWeight, newWeight: t.newWeight)) }
      } else {
        gained.append(t)
      }
    }
    let lost = oldTies.filter { !newKeys.contains($0.key) }.map { t in
      SnapshotDiff.TieChange(source: t.change.source, target: t.change.target, kind: t.change.kind, oldWeight: t.change.newWeight, newWeight: nil)
    }
    // Coverage per account, in order of first appearance (old, then new accounts).
    func summary(_ g: SocialGraph, _ levels: [Proximity?]?) -> [String: (circuit: Int, covered: Int, proximity: [Int])] {
      var out: [String: (Int, Int, [Int])] = [:]
      for (v, p) in g.people.enumerated() where !p.isInternal {
        let a = p.account ?? ""
        let level = levels.map { $0[v] } ?? p.proximity
        var s = out[a] ?? (0, 0, [0, 0, 0, 0, 0])
        if p.isInDecisionCircuit { s.0 += 1; if let x = level, x <= .p2 { s.1 += 1 } }
        s.2[level.map { $0.rawValue - 1 } ?? 4] += 1
        out[a] = s
      }
      return out
    }
    var accountNames: [String] = []
    for p in old.people + new.people where !p.isInternal {
      let a = p.account ?? ""
      if !accountNames.contains(a) { accountNames.append(a) }
    }
    let (so, sn) = (summary(old, oldProximity), summary(new, newProximity))
    let coverage = accountNames.map { a in
      let x = so[a] ?? (0, 0, [0, 0, 0, 0, 0]), y = sn[a] ?? (0, 0, [0, 0, 0, 0, 0])
      return SnapshotDiff.CoverageChange(account: a, oldCircuit: x.circuit, oldCovered: x.covered, newCircuit: y.circuit,
                                         newCovered: y.covered, oldProximity: x.proximity, newProximity: y.proximity)
    }
    return SnapshotDiff(arrived: arrived, left: left, changes: changes, tiesGained: gained, tiesLost: lost,
                        tiesReweighted: reweighted, coverage: coverage)
  }
}
