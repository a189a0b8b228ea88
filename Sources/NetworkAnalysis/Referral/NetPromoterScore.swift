import SocialGraph

/// Promoters (9–10), passives (7–8) and detractors (0–6) of a set of answers, and their Net Promoter Score.
public struct NetPromoterScore: Sendable, Hashable {
  public var promoters = 0
  public var passives = 0
  public var detractors = 0

  public init() {}

  public var responses: Int { promoters + passives + detractors }

  /// NPS = % promoters − % detractors, in [−100, 100]; nil without answers. A ratio of counts, not a mean of
  /// scores.
  public var score: Double? {
    responses == 0 ? nil : 100 * Double(promoters - detractors) / Double(responses)
  }

  public enum Category: String, Sendable, CaseIterable { case promoter, passive, detractor }

  public static func category(_ score: Int) -> Category {
    score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
  }

  public mutating func add(_ score: Int) {
    switch Self.category(score) {
    case .promoter: promoters += 1
    case .passive: passives += 1
    case .detractor: detractors += 1
    }
  }
}

/// Net Promoter Score of each account, and of each segment inside it.
public struct NetPromoterReport: Sendable {
  public struct Segment: Sendable {
    public var name: String
    public var nps: NetPromoterScore
  }
  public struct Account: Sendable {
    /// The account name ("" for people without one).
    public var name: String
    public var nps: NetPromoterScore
    public var segments: [Segment]
  }
  public var overall: NetPromoterScore
  /// Accounts in order of first appearance among the contacts.
  public var accounts: [Account]
  /// Each person's latest answer (nil when they gave none).
  public var latestScore: [Int?]
}

extension SocialGraph {
  /// Net Promoter Score per account and per segment (`segment(person)`, e.g. their role), from each contact's
  /// *latest* answer (by date; among undated answers or equal dates, the last row), so a contact who answered
  /// twice counts once. Our own team's answers are left out.
  /// - Reference: F. F. Reichheld (2003), "The one number you need to grow", *Harvard Business Review*
  ///   81(12):46–54.
  public func netPromoterScores(_ responses: [SurveyResponse], segment: (Person) -> String?) -> NetPromoterReport {
    var latest = [SurveyResponse?](repeating: nil, count: count)
    for r in responses where !people[Int(r.person)].isInternal {
      let v = Int(r.person)
      if let old = latest[v], let od = old.date, let nd = r.date, nd < od { continue }
      latest[v] = r
    }
    var overall = NetPromoterScore()
    var accountOrder: [String] = []
    var byAccount: [String: (NetPromoterScore, [String], [String: NetPromoterScore])] = [:]
    for p in people where !p.isInternal {
      let a = p.account ?? ""
      if byAccount[a] == nil { byAccount[a] = (NetPromoterScore(), [], [:]); accountOrder.append(a) }
    }
    for (v, r) in latest.enumerated() {
      guard let r else { continue }
      let p = people[v]
      overall.add(r.score)
      let a = p.account ?? ""
      if byAccount[a] == nil { byAccount[a] = (NetPromoterScore(), [], [:]); accountOrder.append(a) }
      byAccount[a]!.0.add(r.score)
      let s = segment(p) ?? "unknown"
      if byAccount[a]!.2[s] == nil { byAccount[a]!.1.append(s); byAccount[a]!.2[s] = NetPromoterScore() }
      byAccount[a]!.2[s]!.add(r.score)
    }
    let accounts = accountOrder.map { a in
      let (nps, order, segments) = byAccount[a]!
      return NetPromoterReport.Account(name: a, nps: nps, segments: order.sorted().map { .init(name: $0, nps: segments[$0]!) })
    }
    return NetPromoterReport(overall: overall, accounts: accounts, latestScore: latest.map { $0?.score })
  }
}
