import SocialGraph

/// A proximity Tiemap derived because the contacts file left it blank, and what it rests on.
public struct DerivedProximity: Sendable, Hashable {
  public var person: NodeIndex
  public var level: Proximity
  /// The strongest tie with one of our team (its strength in [0, 1]) and whose it is; nil without such a tie.
  public var strength: Double?
  public var teamMember: NodeIndex?
  /// Interactions with the person in the contact history.
  public var interactions: Int
}

/// Bands of tie strength for derived proximity: P1 at or above `p1`, P2 at or above `p2`, P3 above 0, P4 with no
/// tie to our team and no interaction. The defaults (0.7, 0.4) are Affinity's published interaction-score bands
/// (FORMULAS.md, "Proximity degree").
public struct ProximityBands: Sendable, Hashable {
  public var p1 = 0.7
  public var p2 = 0.4
  public init() {}

  public func level(strength: Double) -> Proximity {
    strength >= p1 ? .p1 : strength >= p2 ? .p2 : .p3
  }
}

extension SocialGraph {
  /// Each person's proximity: the declared one, else derived from our ties and history. A contact's derived level
  /// is the band (`ProximityBands`) of the Granovetter strength (`TieStrengthModel`, with the history's
  /// frequency and recency) of their strongest tie with a member of our team; with no such tie but interactions
  /// in the history, P3 (we have met, nothing more); with neither, P4. Our own team gets nil.
  /// - Parameters: `strength` per edge of the social view (`TieMeasures.strengths.strength`).
  public func effectiveProximity(strength: [Double], interactions: [Interaction], bands: ProximityBands = ProximityBands(),
                                 derive: Bool = true) -> (levels: [Proximity?], derived: [DerivedProximity]) {
    var count = [Int](repeating: 0, count: self.count)
    for i in interactions { count[Int(i.person)] += 1 }
    var levels: [Proximity?] = []
    var derived: [DerivedProximity] = []
    for v in people.indices {
      let p = people[v]
      if p.isInternal { levels.append(nil); continue }
      if let declared = p.proximity { levels.append(declared); continue }
      guard derive else { levels.append(nil); continue }
      let best = strongestTeamTie(of: NodeIndex(v), strength: strength)
      let level: Proximity = best.map { bands.level(strength: $0.strength) } ?? (count[v] > 0 ? .p3 : .p4)
      levels.append(level)
      derived.append(DerivedProximity(person: NodeIndex(v), level: level, strength: best?.strength, teamMember: best?.member,
                                      interactions: count[v]))
    }
    return (levels, derived)
  }

  /// The strongest tie of `v` with a member of our team (the first of equals, in row order) and whose it is;
  /// nil without such a tie. `strength` per edge of the social view (`TieStrengths.strength`).
  /// - Complexity: O(deg v).
  public func strongestTeamTie(of v: NodeIndex, strength: [Double]) -> (strength: Double, member: NodeIndex)? {
    let s = social
    var best: (strength: Double, member: NodeIndex)?
    for slot in s.out.slots(v) {
      let u = s.out.targets[slot]
      guard people[Int(u)].isInternal else { continue }
      let st = strength[Int(s.out.edgeIDs[slot])]
      if best == nil || st > best!.strength { best = (st, u) }
    }
    return best
  }
}
