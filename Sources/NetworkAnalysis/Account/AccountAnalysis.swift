import SocialGraph

/// How `accountAnalysis` judges an account.
public struct AccountOptions: Sendable {
  /// First value of the high band of influence and interest (Mendelow grid).
  public var high = 4
  /// Stable relationships one person can hold (Dunbar 1992: 147.8): owners with more P1 contacts are flagged.
  public var dunbarLimit = 148
  /// How many recommendations per account.
  public var recommendations = 10
  /// Derive missing proximities (else they stay unknown).
  public var deriveProximity = true
  public var bands = ProximityBands()
  /// The reliability of the relationship a recommendation would build (a P1 tie), for its expected reach gain.
  public var builtTieReliability = 0.85
  public init() {}
}

/// What the account analysis rests on, computed once for the whole input.
public struct AccountEvidence: Sendable {
  /// Structural influence score per person (`StructuralInfluence`), and silent-influencer flags.
  public var influence: [Double]
  public var silent: [Bool]
  /// Strength and class of every tie of the social view (all the analysis needs of the tie measures).
  public var strengths: TieStrengths
  public var proximity: [Proximity?]
  public var derived: [DerivedProximity]

  /// Computes what is not given: structural influence (`personMeasures([.influence])`), the silent influencers,
  /// the tie measures (with the history), and each person's effective proximity.
  public init(graph g: SocialGraph, interactions: [Interaction], options: AccountOptions = AccountOptions(),
              influence: [Double]? = nil, silent: [Bool]? = nil, ties: TieMeasures? = nil) {
    let score = influence ?? g.social.personMeasures([.influence], weighted: false).column(.influence)
    self.influence = score
    self.silent = silent ?? StructuralInfluence.silentInfluencers(score: score, graph: g)
    let t = ties?.strengths ?? g.tieStrengths(interactions: interactions, overlap: g.social.tieNeighbourhoods().overlap)
    self.strengths = t
    (proximity, derived) = g.effectiveProximity(strength: t.strength, interactions: interactions,
                                                bands: options.bands, derive: options.deriveProximity)
  }
}

extension SocialGraph {
  /// Everyone's proximity as `account` counts it (`AccountEvidence.proximity`): declared, else derived from the
  /// tie strengths (with `interactions`) when `options.deriveProximity`; nil for our team and the unknown.
  /// - Complexity: that of `tieStrengths` and `effectiveProximity`, O(m · min degree) for the overlaps.
  public func accountProximity(interactions: [Interaction], options: AccountOptions = AccountOptions()) -> [Proximity?] {
    let t = tieStrengths(interactions: interactions, overlap: social.tieNeighbourhoods().overlap)
    return effectiveProximity(strength: t.strength, interactions: interactions, bands: options.bands,
                              derive: options.deriveProximity).levels
  }
}

/// Where we stand in each account: coverage, matrices, risks and what to do next.
public struct AccountAnalysis: Sendable {
  public struct GridContact: Sendable {
    public var person: NodeIndex
    public var power: Int?
    public var interest: Int?
    public var quadrant: Quadrant?
  }

  public struct Coverage: Sendable {
    /// Decision makers and influencers of the account.
    public var decisionCircuit: [NodeIndex]
    /// Those held at P1 or P2.
    public var covered: [NodeIndex]
    public var uncovered: [NodeIndex]
    public var decisionMakers: Int
    public var decisionMakersCovered: Int
    /// Members of our team with a tie to someone in the account (or named as a contact's owner).
    public var teamMembers: [NodeIndex]
    /// Share of the decision circuit held at P1/P2 (nil without a decision circuit).
    public var share: Double? { decisionCircuit.isEmpty ? nil : Double(covered.count) / Double(decisionCircuit.count) }
  }

  /// A decision maker or influencer we reach through one team member only.
  public struct SingleThread: Sendable {
    public var person: NodeIndex
    public var teamMember: NodeIndex
  }

  /// A contact whose weak ties reach departments of the account we do not cover.
  public struct Broker: Sendable {
    public var person: NodeIndex
    public var uncoveredGroups: [String]
    public var weakTies: Int
  }

  /// What we lose if a contact leaves the account.
  public struct Departure: Sendable {
    public var person: NodeIndex
    /// 1 when they are a decision maker or influencer we hold at P1/P2.
    public var coverageLost: Int
    /// Warm reach lost: Σ over the account of our best introduction reliability, with them minus without them
    /// (their own term included).
    public var reachLost: Double
    /// Contacts nothing else connects to our team once they are gone.
    public var cutOff: Int
  }

  public struct Recommendation: Sendable {
    public var person: NodeIndex
    public var priority: Double
    public var reasons: [String]
    /// The best introduction from our team (nil when nothing reaches them).
    public var path: IntroductionPath?
    /// Decision-circuit coverage before and after (nil when they are outside the circuit).
    public var coverageBefore: Double?
    public var coverageAfter: Double?
    /// Warm reach gained by holding them at P1.
    public var reachGain: Double
  }

  public struct Account: Sendable {
    public var name: String
    /// Contacts of the account (our team excluded), in input order.
    public var contacts: [NodeIndex]
    /// P1, P2, P3, P4, unknown.
    public var proximityCounts: [Int]
    /// matrix[proximity row: P1…P4, unknown][influence column: 1…5, unknown].
    public var matrix: [[Int]]
    public var grid: [GridContact]
    public var coverage: Coverage
    public var singleThreaded: [SingleThread]
    public var singleThreadedAccount: Bool
    public var silentInfluencers: [NodeIndex]
    /// Departments with no contact at P1/P2.
    public var uncoveredGroups: [String]
    public var brokers: [Broker]
    /// Everyone, most warm reach lost first.
    public var departures: [Departure]
    public var recommendations: [Recommendation]
    /// The recommendation priority of every contact, parallel to `contacts`: nil for those held at P1/P2 (not
    /// candidates); `recommendations` keeps the first `AccountOptions.recommendations` of them, with their paths.
    public var priorities: [Double?]
    /// Σ over the contacts of our best introduction reliability.
    public var warmReach: Double
    /// The largest reach gain among all the candidates (the scale of the recommendations' reach term).
    public var largestReachGain: Double
  }

  public struct Owner: Sendable {
    public var person: NodeIndex
    public var p1: Int
    public var contacts: Int
    public var overDunbar: Bool
  }

  public var accounts: [Account]
  public var owners: [Owner]
  public var evidence: AccountEvidence
  public var options: AccountOptions
}

extension SocialGraph {
  /// The account analysis of `tiemap account`, for every account (or the one named).
  ///
  /// - Proximity: declared, else derived (`effectiveProximity`). Counts and the proximity × declared influence
  ///   matrix per account ("maillage").
  /// - Grid: Mendelow's quadrant per contact (`PowerInterest`; silent influencers count as high power).
  /// - Coverage: the decision circuit (decision makers and influencers) and the share held at P1/P2; who is
  ///   uncovered; *single-threaded* risk: a decision maker or influencer tied to one member of our team only, or
  ///   an account exactly one member of our team reaches (none is no coverage at all, reported as such).
  /// - Brokers into uncovered groups: contacts whose weak ties (`TieStrengthModel`) reach departments with nobody
  ///   at P1/P2 — the way in, most such departments first, then the ones we are closest to.
  /// - Departure impact: for each contact, the warm reach lost if they leave (Σ over the account of our best
  ///   introduction reliability, computed again without them — only for people others' best paths go through), the
  ///   contacts cut off, and coverage lost.
  /// - Recommendations: contacts not held at P1/P2, by priority = role weight × proximity gap × value, with role
  ///   weights decision maker 1, influencer 0.85, gatekeeper 0.7, technical expert 0.6, end user 0.4, none 0.5;
  ///   gap 1 for P4 or unknown, 0.6 for P3; value = 0.5 · declared influence / 5 (the structural level when
  ///   undeclared) + 0.3 · structural influence + 0.2 · (reach gain / the largest reach gain among candidates).
  ///   Each comes with its reasons, the introduction path to use and the expected gain (coverage, and warm reach
  ///   if we held them at P1: a tie of reliability `builtTieReliability` from our team).
  /// - Owners: P1 contacts per member of our team against Dunbar's limit.
  /// - Reference: Mendelow (1991); Dunbar (1992), *J. Human Evolution* 22:469–493; Granovetter (1973); warm
  ///   reach and paths as `mostReliablePaths`.
  public func accountAnalysis(interactions: [Interaction], options o: AccountOptions = AccountOptions(),
                              evidence: AccountEvidence? = nil, account only: String? = nil) -> AccountAnalysis {
    let ev = evidence ?? AccountEvidence(graph: self, interactions: interactions, options: o)
    let grid = PowerInterest(graph: self, influence: ev.influence, silent: ev.silent, high: o.high)
    let warm = WarmReach(graph: self)

    // Accounts in order of first appearance; contacts without an account form the "" account.
    var names: [String] = []
    var members: [String: [NodeIndex]] = [:]
    for (v, p) in people.enumerated() where !p.isInternal {
      let a = p.account ?? ""
      if only != nil && a != only { continue }
      if members[a] == nil { names.append(a) }
      members[a, default: []].append(NodeIndex(v))
    }
    let accounts = names.map { name in
      account(name, contacts: members[name]!, evidence: ev, grid: grid, warm: warm, options: o)
    }
    // Owners: every member of our team, with the P1 contacts they own.
    let owners = warm.team.map { t -> AccountAnalysis.Owner in
      let id = people[Int(t)].id
      let owned = people.indices.filter { !people[$0].isInternal && people[$0].owner == id }
      let p1 = owned.filter { ev.proximity[$0] == .p1 }.count
      return AccountAnalysis.Owner(person: t, p1: p1, contacts: owned.count, overDunbar: p1 > o.dunbarLimit)
    }
    return AccountAnalysis(accounts: accounts, owners: owners, evidence: ev, options: o)
  }

  private func account(_ name: String, contacts: [NodeIndex], evidence ev: AccountEvidence, grid: PowerInterest,
                       warm w: WarmReach, options o: AccountOptions) -> AccountAnalysis.Account {
    let view = social
    let (team, reliability, probabilities) = (w.team, w.reliability, w.probabilities)
    let inAccount = flags(contacts, count: count)   // asked per tie and per search step: no hashing
    func row(_ p: Proximity?) -> Int { p.map { $0.rawValue - 1 } ?? 4 }
    var counts = [Int](repeating: 0, count: 5)
    var matrix = [[Int]](repeating: [Int](repeating: 0, count: 6), count: 5)
    for v in contacts {
      counts[row(ev.proximity[Int(v)])] += 1
      let influence = people[Int(v)].influence.map { min(5, max(1, $0)) - 1 } ?? 5
      matrix[row(ev.proximity[Int(v)])][influence] += 1
    }
    let gridRows = contacts.map { v in
      AccountAnalysis.GridContact(person: v, power: grid.power[Int(v)], interest: grid.interest[Int(v)], quadrant: grid.quadrant[Int(v)])
    }
    func isCovered(_ v: NodeIndex) -> Bool { ev.proximity[Int(v)].map { $0 <= .p2 } ?? false }
    func inCircuit(_ v: NodeIndex) -> Bool { people[Int(v)].isInDecisionCircuit }
    // Our team's threads into each contact: direct ties, and the declared owner.
    func threads(_ v: NodeIndex) -> [NodeIndex] {
      var t = view.out.neighbors(v).filter { people[Int($0)].isInternal }   // ascending, each once (rows are sorted)
      if let o = people[Int(v)].owner, let i = index(of: o), people[Int(i)].isInternal, !t.contains(i) { t.append(i); t.sort() }
      return t
    }
    let threadsOf = Dictionary(uniqueKeysWithValues: contacts.map { ($0, threads($0)) })
    let circuit = contacts.filter(inCircuit)
    let covered = circuit.filter(isCovered)
    let teamMembers = Set(threadsOf.values.joined()).sorted()
    let coverage = AccountAnalysis.Coverage(
      decisionCircuit: circuit, covered: covered, uncovered: circuit.filter { !isCovered($0) },
      decisionMakers: circuit.filter { people[Int($0)].role == .decisionMaker }.count,
      decisionMakersCovered: covered.filter { people[Int($0)].role == .decisionMaker }.count, teamMembers: teamMembers)
    let single = circuit.compactMap { v -> AccountAnalysis.SingleThread? in
      let t = threadsOf[v]!
      return t.count == 1 ? AccountAnalysis.SingleThread(person: v, teamMember: t[0]) : nil
    }
    let silent = contacts.filter { ev.silent[Int($0)] }

    // Departments nobody at P1/P2 holds, and the brokers whose weak ties reach into them.
    var departments: [String] = []
    var coveredDepartments = Set<String>()
    for v in contacts {
      guard let d = people[Int(v)].department else { continue }
      if !departments.contains(d) { departments.append(d) }
      if isCovered(v) { coveredDepartments.insert(d) }
    }
    let uncoveredGroups = departments.filter { !coveredDepartments.contains($0) }
    let uncoveredSet = Set(uncoveredGroups)
    var brokers: [AccountAnalysis.Broker] = []
    for v in contacts {
      var reached = Set<String>(), weak = 0
      for slot in view.out.slots(v) {
        let u = view.out.targets[slot]
        guard inAccount[Int(u)], !ev.strengths.isStrong[Int(view.out.edgeIDs[slot])],
              let d = people[Int(u)].department, uncoveredSet.contains(d), d != people[Int(v)].department else { continue }
        reached.insert(d); weak += 1
      }
      if weak > 0 { brokers.append(.init(person: v, uncoveredGroups: uncoveredGroups.filter(reached.contains), weakTies: weak)) }
    }
    brokers.sort { a, b in
      let (pa, pb) = (ev.proximity[Int(a.person)]?.rawValue ?? 5, ev.proximity[Int(b.person)]?.rawValue ?? 5)
      return (a.uncoveredGroups.count, -pa, a.weakTies, -Int(a.person)) > (b.uncoveredGroups.count, -pb, b.weakTies, -Int(b.person))
    }

    // Warm reach and departure impact. Only someone with others below them in the tree of best paths can change
    // anyone else's reliability by leaving; for the rest, the loss is their own reliability.
    let warm = contacts.reduce(0) { $0 + reliability[Int($1)] }
    var scratch = ReliabilityScratch()
    var changed = [Double](repeating: -1, count: count)   // a descendant's reliability without v (−1: unchanged)
    var departures = contacts.map { v -> AccountAnalysis.Departure in
      var lost = reliability[Int(v)], cut = 0
      if lost > 0 && w.tree.hasChildren(v) {
        // Only v's descendants in the tree of best paths can change (ReliabilityTree.descendantsWithout).
        let moved = w.tree.descendantsWithout(v, view: view, lengths: w.lengths, scratch: &scratch)
        for (d, r) in moved { changed[Int(d)] = r }
        var after = 0.0
        for c in contacts where c != v {
          let r = changed[Int(c)] >= 0 ? changed[Int(c)] : reliability[Int(c)]
          after += r
          if reliability[Int(c)] > 0 && r == 0 { cut += 1 }
        }
        for (d, _) in moved { changed[Int(d)] = -1 }
        lost = warm - after
      }
      return .init(person: v, coverageLost: inCircuit(v) && isCovered(v) ? 1 : 0, reachLost: lost, cutOff: cut)
    }
    departures.sort { a, b in
      a.reachLost != b.reachLost ? a.reachLost > b.reachLost
        : a.coverageLost != b.coverageLost ? a.coverageLost > b.coverageLost : a.person < b.person
    }

    // Recommendations: the contacts worth building, with the way in and the gain.
    let candidates = contacts.filter { !isCovered($0) }
    let gains = view.reliabilityGains(for: candidates, start: o.builtTieReliability, base: reliability, lengths: w.lengths,
                                      counted: { inAccount[Int($0)] })
    let largestGain = max(gains.max() ?? 0, 1e-12)
    let share = coverage.share
    // Every candidate's priority (the score column), then reasons and paths for the ones kept only.
    func priority(_ c: NodeIndex, _ gain: Double) -> Double {
      let roleWeight: Double = switch people[Int(c)].role {
        case .decisionMaker?: 1; case .influencer?: 0.85; case .gatekeeper?: 0.7; case .technicalExpert?: 0.6
        case .endUser?: 0.4; case nil: 0.5
      }
      let gap = ev.proximity[Int(c)] == .p3 ? 0.6 : 1.0
      let declared = Double(people[Int(c)].influence ?? StructuralInfluence.level(ev.influence[Int(c)]))
      let value = 0.5 * declared / 5 + 0.3 * ev.influence[Int(c)] + 0.2 * gain / largestGain
      return roleWeight * gap * value
    }
    var ranked = zip(candidates, gains).map { (person: $0, priority: priority($0, $1), gain: $1) }
    ranked.sort { $0.priority != $1.priority ? $0.priority > $1.priority : $0.person < $1.person }
    var priorityOf = [Double?](repeating: nil, count: count)
    for r in ranked { priorityOf[Int(r.person)] = r.priority }
    let priorities = contacts.map { priorityOf[Int($0)] }
    var recommendations = ranked.prefix(o.recommendations).map { r -> AccountAnalysis.Recommendation in
      let c = r.person
      let p = people[Int(c)]
      var reasons: [String] = []
      let level = ev.proximity[Int(c)]?.label ?? "unknown proximity"
      if let role = p.role { reasons.append("\(role.label) at \(level)") } else { reasons.append("at \(level)") }
      if let i = p.influence { reasons.append("declared influence \(i)/5") }
      if ev.silent[Int(c)] {
        reasons.append("silent influencer (structural influence above \(Int((ev.influence[Int(c)] * 100).rounded(.down))) % of the account)")
      }
      if let d = p.department, uncoveredSet.contains(d) { reasons.append("in \(d), where we hold no one at P1/P2") }
      var before: Double?, after: Double?
      if inCircuit(c), !circuit.isEmpty {
        before = share
        after = Double(covered.count + 1) / Double(circuit.count)
      }
      return .init(person: c, priority: r.priority, reasons: reasons, path: nil,
                   coverageBefore: before, coverageAfter: after, reachGain: r.gain)
    }
    for i in recommendations.indices {   // the way in, for the ones kept
      let c = recommendations[i].person
      recommendations[i].path = view.mostReliablePaths(from: team, to: c, probabilities: probabilities,
                                                       options: PathSearchOptions(count: 1)).first
      if recommendations[i].path == nil { recommendations[i].reasons.append("no introduction path from our team yet") }
    }
    return AccountAnalysis.Account(
      name: name, contacts: contacts, proximityCounts: counts, matrix: matrix, grid: gridRows, coverage: coverage,
      singleThreaded: single, singleThreadedAccount: teamMembers.count == 1, silentInfluencers: silent,
      uncoveredGroups: uncoveredGroups, brokers: brokers, departures: departures,
      recommendations: recommendations, priorities: priorities, warmReach: warm, largestReachGain: largestGain)
  }
}

/// Our team's best introduction reliability to everyone (`reliabilityTree` from every team member, tie
/// probabilities by DESIGN.md's rule), computed once for every account: the basis of warm reach, departure impact
/// and recommendation gains.
private struct WarmReach {
  let team: [NodeIndex]
  let fromTeam: [(person: NodeIndex, reliability: Double)]
  let probabilities: ContiguousArray<Double>
  /// −ln p per slot: the lengths of every reliability search (`GraphView.reliabilityLengths`).
  let lengths: ContiguousArray<Double>
  /// The tree of best paths: who goes through whom.
  let tree: ReliabilityTree
  var reliability: [Double] { tree.reliability }

  init(graph g: SocialGraph) {
    team = g.internalPeople
    fromTeam = team.map { (person: $0, reliability: 1.0) }
    probabilities = g.social.spreadProbabilities(.tie)
    lengths = GraphView.reliabilityLengths(probabilities)
    tree = ReliabilityTree(view: g.social, from: fromTeam, lengths: lengths)
  }
}
