import SocialGraph

/// How long the report's ranked lists are, and how referrals are judged.
public struct AccountFindingsOptions: Sendable {
  /// Rows of the top-influencer, weak-tie-broker and prescriber lists.
  public var topInfluencers = 15, topBrokers = 15, topPrescribers = 15
  /// Departures listed per account (the largest warm-reach losses).
  public var departuresPerAccount = 10
  /// Column whose groups the weak-tie brokers bridge.
  public var brokerGroups = "department"
  /// Column that segments the Net Promoter Score.
  public var npsSegments = "role"
  public var referrals = ReferralOptions()
  public var trust = ToleranceModel()
  public init() {}
}

/// What the account report shows, computed: its counts and the ranked lists a strategist acts on. The report
/// only prints these (the maps and charts draw the same measures). People are indices into the graph.
public struct AccountFindings: Sendable {
  /// The contacts of the account (every customer contact without `account`), in input order.
  public var contacts: [NodeIndex]
  public var departments: Int
  public var teamMembers: Int
  /// Contacts held at P1–P2.
  public var covered: Int
  /// Decision makers and influencers, and how many of them are held at P1–P2.
  public var decisionCircuit: Int, decisionCircuitCovered: Int
  /// Communities the contacts fall in.
  public var communities: Int
  /// By structural influence, highest first (input order among equals).
  public var topInfluencers: [NodeIndex]
  public var silentInfluencers: [NodeIndex]
  /// Contacts whose weak ties reach other departments, best first.
  public var brokers: [WeakTieBroker]
  /// Decision makers, influencers, influence 4–5 and silent influencers not held at P1–P2, by power then
  /// structural influence.
  public var coverageGaps: [NodeIndex]
  public var recommendations: [AccountAnalysis.Recommendation]
  public var singleThreaded: [AccountAnalysis.SingleThread]
  /// The largest departure impacts of each account.
  public var departures: [AccountAnalysis.Departure]
  /// Contacts with a contact history (tolerance capital), and those not healthy, ruptured first then by balance.
  public var trustAssessed: Int
  public var atRisk: [ToleranceAccount]
  /// With surveys or referrals: NPS, referral value and the prescribers among the contacts.
  public var referrals: ReferralAnalysis?
  public var prescribers: [ExpertPrescriber]
}

extension SocialGraph {
  /// The findings of the account report for `account` (nil: every contact), from the account analysis run on
  /// `evidence` and the measures the maps use (`influence`, `silent`, `community`, the tie measures, the
  /// power/interest grid).
  /// - Complexity: O(n log n + m) beyond the analyses it is given, plus tolerance capital and the referral
  ///   reach estimate when there is a history, surveys or referrals.
  public func accountFindings(account: String?, analysis: AccountAnalysis, evidence: AccountEvidence,
                              influence: [Double], silent: [Bool], community: [Int], ties: TieMeasures,
                              grid: PowerInterest, interactions: [Interaction], surveys: [SurveyResponse],
                              referrals: [Referral], options o: AccountFindingsOptions = AccountFindingsOptions()) throws -> AccountFindings {
    let contacts = people.indices.filter { !people[$0].isInternal && (account == nil || people[$0].account == account) }
    let isContact = Set(contacts)
    func isCovered(_ v: Int) -> Bool { evidence.proximity[v].map { $0 <= .p2 } ?? false }
    func byInfluence(_ list: [Int]) -> [Int] { list.sorted { (influence[$0], -$0) > (influence[$1], -$1) } }

    let trust = interactions.isEmpty ? [] : toleranceCapital(interactions, model: o.trust).filter { isContact.contains(Int($0.person)) }
    let brokers = weakTieBrokers(group: try groups(byColumn: o.brokerGroups).group, isStrong: ties.strengths.isStrong,
                                 embeddedness: ties.neighbourhoods.embeddedness).filter { isContact.contains(Int($0.person)) }
    let gaps = contacts.filter { v in
      let p = people[v]
      return !isCovered(v) && ((p.influence ?? 0) >= 4 || p.isInDecisionCircuit || silent[v])
    }.sorted { (grid.power[$0] ?? 0, influence[$0], -$0) > (grid.power[$1] ?? 0, influence[$1], -$1) }
    var referralAnalysis: ReferralAnalysis?
    var prescribers: [ExpertPrescriber] = []
    if !surveys.isEmpty || !referrals.isEmpty {
      let r = try self.referralAnalysis(surveys: surveys, referrals: referrals, segments: try groups(byColumn: o.npsSegments), options: o.referrals)
      referralAnalysis = r
      prescribers = Array(r.prescribers.filter { isContact.contains(Int($0.person)) }.prefix(o.topPrescribers))
    }
    func nodes(_ list: some Sequence<Int>) -> [NodeIndex] { list.map { NodeIndex($0) } }
    return AccountFindings(
      contacts: nodes(contacts),
      departments: Set(contacts.compactMap { people[$0].department }).count,
      teamMembers: people.lazy.filter(\.isInternal).count,
      covered: analysis.accounts.reduce(0) { $0 + $1.proximityCounts[0] + $1.proximityCounts[1] },
      decisionCircuit: analysis.accounts.reduce(0) { $0 + $1.coverage.decisionCircuit.count },
      decisionCircuitCovered: analysis.accounts.reduce(0) { $0 + $1.coverage.covered.count },
      communities: Set(contacts.map { community[$0] }).count,
      topInfluencers: nodes(byInfluence(contacts).prefix(o.topInfluencers)),
      silentInfluencers: nodes(byInfluence(contacts.filter { silent[$0] })),
      brokers: Array(brokers.prefix(o.topBrokers)),
      coverageGaps: nodes(gaps),
      recommendations: analysis.accounts.flatMap(\.recommendations),
      singleThreaded: analysis.accounts.flatMap(\.singleThreaded),
      departures: analysis.accounts.flatMap { $0.departures.prefix(o.departuresPerAccount) },
      trustAssessed: trust.count,
      atRisk: trust.filter { $0.status != .healthy }.sorted { ($0.status, $0.state.balance) < ($1.status, $1.state.balance) },
      referrals: referralAnalysis, prescribers: prescribers)
  }
}
