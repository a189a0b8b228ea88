import SocialGraph

/// Mendelow's power/interest grid: where each contact sits and how to engage them.
///
/// Power is the declared influence (1–5), raised to the high band for silent influencers (their network
/// position is power the account plan missed); where no influence is declared, the structural level (the
/// quintile of `StructuralInfluence.score`) stands in. Interest is the declared interest (1–5). A value at or
/// above `high` (default 4: DESIGN.md, "4–5 are high, 1–2 low") is high.
/// - Reference: A. Mendelow (1991), "Stakeholder mapping", *Proc. 2nd Int. Conf. on Information Systems*,
///   Cambridge, MA; the four strategies as in Johnson, Scholes & Whittington (2008), *Exploring Corporate
///   Strategy*, 8th ed., §4.5.1.
public enum Quadrant: String, Sendable, CaseIterable {
  case manageClosely = "manage_closely", keepSatisfied = "keep_satisfied", keepInformed = "keep_informed", monitor

  /// The quadrant's name as a strategist says it.
  public var title: String {
    switch self {
    case .manageClosely: "Manage closely"
    case .keepSatisfied: "Keep satisfied"
    case .keepInformed: "Keep informed"
    case .monitor: "Monitor"
    }
  }

  /// The strategy as a short code (`tiemap score`'s `strategy` column; the sentence is `strategy`): engage_fully,
  /// meet_needs, inform_and_enlist, light_touch.
  public var strategyCode: String {
    switch self {
    case .manageClosely: "engage_fully"
    case .keepSatisfied: "meet_needs"
    case .keepInformed: "inform_and_enlist"
    case .monitor: "light_touch"
    }
  }

  /// What to do with the people in it.
  public var strategy: String {
    switch self {
    case .manageClosely: "Key players: engage fully, involve in decisions, meet regularly."
    case .keepSatisfied: "High power, low interest: meet their needs, avoid overloading, raise their interest."
    case .keepInformed: "High interest, low power: keep them informed, use them as internal promoters."
    case .monitor: "Low power, low interest: light touch, watch for changes in role or interest."
    }
  }
}

extension StakeholderRole {
  /// The engagement message for this stakeholder role (what each role buys).
  public var engagementStrategy: String {
    switch self {
    case .decisionMaker: "Strategic value and return on investment."
    case .influencer: "Material to promote us internally."
    case .endUser: "Ease of use and daily benefits."
    case .gatekeeper: "Trust and value to the organisation."
    case .technicalExpert: "Technical depth and proof."
    }
  }
}

public struct PowerInterest: Sendable {
  /// Power 1–5 per person (nil for our team, or with neither declared nor structural influence).
  public var power: [Int?]
  /// Declared interest 1–5 (nil when not declared).
  public var interest: [Int?]
  /// The quadrant, where both are known.
  public var quadrant: [Quadrant?]

  /// - Parameters: `influence` the structural influence score per person (`StructuralInfluence.score`),
  ///   `silent` the silent-influencer flags, `high` the first value of the high band.
  public init(graph g: SocialGraph, influence: [Double], silent: [Bool], high: Int = 4) {
    power = g.people.indices.map { v in
      let p = g.people[v]
      guard !p.isInternal else { return nil }
      let declared = p.influence ?? StructuralInfluence.level(influence[v])
      return silent[v] ? max(declared, high) : declared
    }
    interest = g.people.map { $0.isInternal ? nil : $0.interest }
    quadrant = zip(power, interest).map { p, i in
      guard let p, let i else { return nil }
      switch (p >= high, i >= high) {
      case (true, true): return .manageClosely
      case (true, false): return .keepSatisfied
      case (false, true): return .keepInformed
      case (false, false): return .monitor
      }
    }
  }
}
