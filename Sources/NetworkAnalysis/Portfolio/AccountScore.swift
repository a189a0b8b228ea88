import SocialGraph

/// How `scoreAccount` judges an account: the account analysis's options, the trust model, the evaluation date,
/// the buying-group template and the thresholds of the risk flags and relationship warnings.
public struct ScoreOptions: Sendable {
  /// The account analysis' options. A score reads every candidate's recommendation priority, not the ranked
  /// recommendations (their reasons and introduction paths), so it asks for none: each would cost a path search.
  public var account: AccountOptions = {
    var a = AccountOptions()
    a.recommendations = 0
    return a
  }()
  public var trust = ToleranceModel()
  /// Evaluation date of trust, silences and warnings (the caller sets it once for the whole run).
  public var asOf = Day(year: 2026, month: 1, day: 1)!
  public var buyingGroup = BuyingGroupTemplate.standard
  /// `no_contact_<N>d`: a contact we hold at P1/P2, or in the decision circuit, not met for more than N days.
  public var silenceDays = 90
  /// `no_activity_<N>d`: no interaction with anyone in the account for more than N days.
  public var inactiveDays = 90
  /// `few_contacts_held`: fewer than this many contacts held at P1/P2.
  public var minimumHeld = 3
  /// `champion_silent_<N>d`: an influencer we hold at P1 not met for more than N days.
  public var championSilentDays = 60
  /// `one_way_contact`: at least this many outbound touchpoints in the last `inactiveDays` days and no inbound one
  /// (only where the history has a direction).
  public var oneWayMinimum = 5
  public init() {}
}

/// A risk flag on one contact (`tiemap score`'s `risk` column, joined by `;`).
public enum ContactRisk: Sendable, Hashable {
  /// A decision maker (or influencer) only one member of our team is tied to.
  case singleThreadedDecisionMaker, singleThreadedInfluencer
  /// A decision maker we do not hold at P1/P2.
  case uncoveredDecisionMaker
  /// A silent influencer we do not hold at P1/P2.
  case uncoveredSilentInfluencer
  /// Tolerance capital at risk, or ruptured.
  case trustAtRisk, ruptured
  /// Held at P1/P2 or in the decision circuit, and not met for more than N days (or never).
  case noContact(days: Int)

  public var name: String {
    switch self {
    case .singleThreadedDecisionMaker: "single_threaded_decision_maker"
    case .singleThreadedInfluencer: "single_threaded_influencer"
    case .uncoveredDecisionMaker: "uncovered_decision_maker"
    case .uncoveredSilentInfluencer: "uncovered_silent_influencer"
    case .trustAtRisk: "trust_at_risk"
    case .ruptured: "ruptured"
    case .noContact(let d): "no_contact_\(d)d"
    }
  }
}

/// A warning on a whole account (`--accounts-out`'s `warnings` column).
public enum AccountWarning: Sendable, Hashable {
  case noActivity(days: Int)
  case oneWayContact
  case fewContactsHeld(minimum: Int)
  case noDecisionMakerHeld
  case championSilent(days: Int)

  public var name: String {
    switch self {
    case .noActivity(let d): "no_activity_\(d)d"
    case .oneWayContact: "one_way_contact"
    case .fewContactsHeld(let k): "fewer_than_\(k)_held"
    case .noDecisionMakerHeld: "no_decision_maker_held"
    case .championSilent(let d): "champion_silent_\(d)d"
    }
  }
}

/// Where one contact stands, every value as the account-level analyses give it (`accountAnalysis`,
/// `personMeasures`' influence, `toleranceCapital`) on the account's own graph.
public struct ContactScore: Sendable {
  /// Index in the account's graph.
  public var person: NodeIndex
  public var proximity: Proximity?
  public var proximityDerived: Bool
  /// Strength (Granovetter, `TieStrengthModel`) of the contact's strongest tie with our team; nil without one.
  public var tieStrength: Double?
  public var structuralInfluence: Double
  public var quadrant: Quadrant?
  public var silentInfluencer: Bool
  public var risks: [ContactRisk]
  /// The recommendation priority; nil for contacts held at P1/P2.
  public var priority: Double?
  public var covered: Bool
  public var singleThreaded: Bool
  public var reachLost: Double
  public var trust: ToleranceAccount?
  /// Days from the last interaction (up to the evaluation date) to the evaluation date; nil without any.
  public var lastContactDays: Int?
}

/// One account's scores and summary.
public struct AccountScore: Sendable {
  public var slice: AccountSlice
  public var analysis: AccountAnalysis
  /// One per contact, in input order.
  public var contacts: [ContactScore]
  public var buyingGroup: BuyingGroupCompleteness
  public var warnings: [AccountWarning]
  /// Mean trust balance over the contacts with a history (nil without any).
  public var meanTrustBalance: Double?
  public var trustAtRisk: Int
  public var ruptured: Int

  public var account: AccountAnalysis.Account { analysis.accounts[0] }
}

extension AccountSlice {
  /// Scores every contact of the account: composes `accountAnalysis` (proximity, grid, coverage, threads,
  /// departures, recommendation priorities), the structural influence and silent-influencer flags it rests on,
  /// and `toleranceCapital` on the account's history at `options.asOf`; adds the risk flags (`ContactRisk`), the
  /// buying-group completeness (`BuyingGroupCompleteness`) and the account's warnings (`AccountWarning`).
  /// - Complexity: that of `accountAnalysis` on the account's graph (dominated by betweenness, O(n m)), plus
  ///   O(h log h) for its history.
  public func score(options o: ScoreOptions) -> AccountScore {
    let g = graph
    let analysis = g.accountAnalysis(interactions: interactions, options: o.account)
    let ev = analysis.evidence
    let trust = g.toleranceCapital(interactions, model: o.trust, asOf: o.asOf)
    var trustOf = [ToleranceAccount?](repeating: nil, count: g.count)
    for t in trust { trustOf[Int(t.person)] = t }
    let derived = flags(ev.derived.map(\.person), count: g.count)
    guard let acc = analysis.accounts.first else {
      return AccountScore(slice: self, analysis: analysis, contacts: [], buyingGroup: .init(template: o.buyingGroup, held: []),
                          warnings: [], meanTrustBalance: nil, trustAtRisk: 0, ruptured: 0)
    }
    let single = flags(acc.singleThreaded.map(\.person), count: g.count)
    var lost = [Double](repeating: 0, count: g.count)
    for d in acc.departures { lost[Int(d.person)] = d.reachLost }
    let asOf = Int(o.asOf.daysSinceEpoch)
    var rows: [ContactScore] = []
    rows.reserveCapacity(acc.contacts.count)
    for (i, v) in acc.contacts.enumerated() {
      let p = g.people[Int(v)]
      let prox = ev.proximity[Int(v)]
      let covered = prox.map { $0 <= .p2 } ?? false
      let days = trustOf[Int(v)].map { asOf - Int($0.lastContact.daysSinceEpoch) }
      var risks: [ContactRisk] = []
      if single[Int(v)] { risks.append(p.role == .decisionMaker ? .singleThreadedDecisionMaker : .singleThreadedInfluencer) }
      if p.role == .decisionMaker && !covered { risks.append(.uncoveredDecisionMaker) }
      if ev.silent[Int(v)] && !covered { risks.append(.uncoveredSilentInfluencer) }
      if let t = trustOf[Int(v)] {
        if t.status == .ruptured { risks.append(.ruptured) } else if t.status == .atRisk { risks.append(.trustAtRisk) }
      }
      if (covered || p.isInDecisionCircuit) && (days.map { $0 > o.silenceDays } ?? true) {
        risks.append(.noContact(days: o.silenceDays))
      }
      rows.append(ContactScore(
        person: v, proximity: prox, proximityDerived: derived[Int(v)], tieStrength: g.strongestTeamTie(of: v, strength: ev.strengths.strength)?.strength,
        structuralInfluence: ev.influence[Int(v)], quadrant: acc.grid[i].quadrant,
        silentInfluencer: ev.silent[Int(v)], risks: risks, priority: acc.priorities[i], covered: covered,
        singleThreaded: single[Int(v)], reachLost: lost[Int(v)], trust: trustOf[Int(v)], lastContactDays: days))
    }

    // The account: buying group, trust, warnings.
    let heldRoles = rows.filter(\.covered).compactMap { g.people[Int($0.person)].role }
    let group = BuyingGroupCompleteness(template: o.buyingGroup, held: heldRoles)
    let withTrust = rows.compactMap(\.trust)
    let mean = withTrust.isEmpty ? nil : withTrust.reduce(0) { $0 + $1.state.balance } / Double(withTrust.count)
    var warnings: [AccountWarning] = []
    let latest = interactions.lazy.filter { $0.date <= o.asOf }.map(\.date).max()
    if latest.map({ asOf - Int($0.daysSinceEpoch) > o.inactiveDays }) ?? true { warnings.append(.noActivity(days: o.inactiveDays)) }
    let recent = interactions.filter { $0.date <= o.asOf && asOf - Int($0.date.daysSinceEpoch) <= o.inactiveDays }
    let outbound = recent.filter { $0.direction == .outbound }.count
    if outbound >= o.oneWayMinimum && !recent.contains(where: { $0.direction == .inbound }) { warnings.append(.oneWayContact) }
    if rows.filter(\.covered).count < o.minimumHeld { warnings.append(.fewContactsHeld(minimum: o.minimumHeld)) }
    if !rows.contains(where: { $0.covered && g.people[Int($0.person)].role == .decisionMaker }) { warnings.append(.noDecisionMakerHeld) }
    if rows.contains(where: { r in r.proximity == .p1 && g.people[Int(r.person)].role == .influencer
                         && (r.lastContactDays.map { $0 > o.championSilentDays } ?? true) }) {
      warnings.append(.championSilent(days: o.championSilentDays))
    }
    return AccountScore(slice: self, analysis: analysis, contacts: rows, buyingGroup: group, warnings: warnings,
                        meanTrustBalance: mean, trustAtRisk: withTrust.filter { $0.status == .atRisk }.count,
                        ruptured: withTrust.filter { $0.status == .ruptured }.count)
  }
}
