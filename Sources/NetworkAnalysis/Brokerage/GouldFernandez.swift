import SocialGraph

/// Gould & Fernandez brokerage roles of every person: raw counts of the open two-paths a → v → b (a ≠ b, no tie
/// a → b) that v sits in, by how the three people's groups compare.
public struct BrokerageRoles: Sendable, Equatable {
  /// g(a) = g(v) = g(b): brokering inside one's own group.
  public var coordinator: [Int]
  /// g(a) = g(b) ≠ g(v): an outsider brokering for another group (consultant).
  public var itinerant: [Int]
  /// g(a) ≠ g(v) = g(b): bringing an outsider's flow into one's own group.
  public var gatekeeper: [Int]
  /// g(a) = g(v) ≠ g(b): speaking for one's own group outward.
  public var representative: [Int]
  /// g(a), g(v), g(b) all different.
  public var liaison: [Int]

  public var total: [Int] { coordinator.indices.map { coordinator[$0] + itinerant[$0] + gatekeeper[$0] + representative[$0] + liaison[$0] } }
}

extension GraphView {
  /// Gould–Fernandez brokerage counts (see `BrokerageRoles`). `group[v]` is v's group (department, account…);
  /// people with group −1 (unknown) neither broker nor count as ends. On an undirected view every tie counts
  /// in both directions, so a path a – v – b is counted once as a → v → b and once as b → v → a (gatekeeper and
  /// representative then mirror each other).
  /// - Reference: R. V. Gould, R. M. Fernandez (1989), "Structures of mediation: a formal approach to brokerage
  ///   in transaction networks", *Sociological Methodology* 19:89–126. Parity: the raw counts of
  ///   `sna::brokerage` (checked against a brute-force enumeration in scripts/oracle.py).
  /// - Complexity: O(Σ_v in(v) · out(v) · log d); parallel over people.
  public func brokerageRoles(group: [Int]) -> BrokerageRoles {
    precondition(group.count == nodeCount, "one group per person")
    let n = nodeCount
    var counts = [Int](repeating: 0, count: 5 * n)   // per person: coordinator, itinerant, gatekeeper, representative, liaison
    let outAdj = out, inAdj = inbound
    counts.withUnsafeMutableBufferPointer { cb in
      let slots = DisjointSlots(cb)
      BlockParallel.run(BlockParallel.blocks(count: n), parallel: outAdj.slotCount > 20_000) { _, range in
        for v in range {
          let gv = group[v]
          guard gv >= 0 else { continue }
          var c = (0, 0, 0, 0, 0)
          for a in inAdj.neighbors(NodeIndex(v)) {
            let ga = group[Int(a)]
            guard ga >= 0 else { continue }
            for b in outAdj.neighbors(NodeIndex(v)) where b != a {
              let gb = group[Int(b)]
              guard gb >= 0, outAdj.slot(from: a, to: b) == nil else { continue }
              if ga == gv && gb == gv { c.0 += 1 }
              else if ga == gb { c.1 += 1 }
              else if gb == gv { c.2 += 1 }
              else if ga == gv { c.3 += 1 }
              else { c.4 += 1 }
            }
          }
          slots.base[5 * v] = c.0; slots.base[5 * v + 1] = c.1; slots.base[5 * v + 2] = c.2
          slots.base[5 * v + 3] = c.3; slots.base[5 * v + 4] = c.4
        }
      }
    }
    func column(_ k: Int) -> [Int] { (0..<n).map { counts[5 * $0 + k] } }
    return BrokerageRoles(coordinator: column(0), itinerant: column(1), gatekeeper: column(2),
                          representative: column(3), liaison: column(4))
  }
}

/// A person who bridges groups through weak ties: Granovetter's carriers of new information.
public struct WeakTieBroker: Sendable, Equatable {
  public var person: NodeIndex
  /// Weak ties to people of other groups.
  public var weakBridgingTies: Int
  /// Distinct other groups reached through those ties.
  public var groupsReached: Int
  /// Of those ties, how many are local bridges (no shared contact between the ends).
  public var localBridges: Int
}

extension SocialGraph {
  /// People with weak ties into other groups, most groups reached first (then most such ties, local bridges,
  /// input order). `isStrong` and `embeddedness` are per edge of the social view.
  /// - Reference: M. S. Granovetter (1973); R. S. Burt (2004), "Structural holes and good ideas", *AJS* 110(2):349–399.
  public func weakTieBrokers(group: [Int], isStrong: [Bool], embeddedness: [Int]) -> [WeakTieBroker] {
    let s = social
    var result: [WeakTieBroker] = []
    for v in 0..<count where group[v] >= 0 {
      var ties = 0, local = 0
      var groups = Set<Int>()
      for p in s.out.slots(NodeIndex(v)) {
        let u = Int(s.out.targets[p]), e = Int(s.out.edgeIDs[p])
        guard !isStrong[e], group[u] >= 0, group[u] != group[v] else { continue }
        ties += 1
        groups.insert(group[u])
        if embeddedness[e] == 0 { local += 1 }
      }
      if ties > 0 {
        result.append(WeakTieBroker(person: NodeIndex(v), weakBridgingTies: ties, groupsReached: groups.count, localBridges: local))
      }
    }
    return result.sorted {
      ($0.groupsReached, $0.weakBridgingTies, $0.localBridges, -Int($0.person)) > ($1.groupsReached, $1.weakBridgingTies, $1.localBridges, -Int($1.person))
    }
  }
}
