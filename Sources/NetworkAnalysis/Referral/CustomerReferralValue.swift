#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// The referral value of each contact who referred someone.
public struct ReferralValue: Sendable {
  public struct Row: Sendable {
    public var person: NodeIndex
    public var referrals: Int
    /// Σ (value − cost), undiscounted.
    public var netValue: Double
    /// Customer Referral Value: Σ (value − cost) / (1 + r)^t.
    public var crv: Double
  }
  /// One row per referrer, in order of first referral.
  public var rows: [Row]
  public var discountRate: Double
  /// The date periods are counted from when referrals carry dates but no period (the earliest date).
  public var periodStart: Day?

  /// CRV per person (0 for people who referred no one).
  public func crv(count n: Int) -> [Double] {
    var out = [Double](repeating: 0, count: n)
    for r in rows { out[Int(r.person)] = r.crv }
    return out
  }
}

extension SocialGraph {
  /// Customer Referral Value per referrer: CRV_i = Σ_y (A_y − a_y) / (1 + r)^{t_y} over the customers y that i
  /// referred, with A_y the contribution `value` the referral brings (the acquisition cost saved, for one who
  /// would have come anyway), a_y its `cost`, r the discount rate per period and t_y the period in which the value
  /// accrues: the row's `period` when given, else 1 + the whole years from the earliest referral date to the
  /// row's date, else 1.
  /// - Reference: V. Kumar, J. A. Petersen, R. P. Leone (2007), "How valuable is word of mouth?", *Harvard
  ///   Business Review* 85(10):139–146; (2010) "Driving profitability by encouraging customer referrals: who,
  ///   when, and how", *Journal of Marketing* 74(5):1–17 (the two referral types).
  public func customerReferralValue(_ referrals: [Referral], discountRate r: Double) -> ReferralValue {
    let start = referrals.compactMap(\.date).min()
    var index: [NodeIndex: Int] = [:]
    var rows: [ReferralValue.Row] = []
    for ref in referrals {
      let t: Int
      if let p = ref.period { t = p }
      else if let d = ref.date, let start { t = 1 + Int(Double(d - start) / 365.25) }
      else { t = 1 }
      let net = ref.value - ref.cost
      let discounted = net / pow(1 + r, Double(t))
      if let i = index[ref.referrer] {
        rows[i].referrals += 1; rows[i].netValue += net; rows[i].crv += discounted
      } else {
        index[ref.referrer] = rows.count
        rows.append(.init(person: ref.referrer, referrals: 1, netValue: net, crv: discounted))
      }
    }
    return ReferralValue(rows: rows, discountRate: r, periodStart: start)
  }
}

/// A contact worth asking for recommendations: promoter score, referral value and network reach combined.
public struct ExpertPrescriber: Sendable {
  public var person: NodeIndex
  /// Latest Net Promoter answer (0–10), if any.
  public var score: Int?
  public var crv: Double
  /// Expected referral reach σ({v}): people a recommendation from them convinces, themselves included.
  public var reach: Double
  /// 0.4 · score / 10 + 0.3 · rank(CRV) + 0.3 · rank(reach), each rank a percentile in [0, 1].
  public var prescriberScore: Double
}

extension SocialGraph {
  /// Ranks the contacts (not our team) who answered a survey or referred someone, best first, by
  /// 0.4 · (score / 10) + 0.3 · pr(CRV) + 0.3 · pr(reach): pr is the percentile rank among those contacts
  /// (`percentileRanks`: ties share the average rank; a CRV of 0, or no answer, adds 0 for that part). Advocacy (the answer) weighs
  /// most, because a recommendation from a detractor travels the wrong way whatever their reach; CRV is proven
  /// value; reach is what a recommendation could still do (Kumar et al. 2007 found high value and high referral
  /// value in different customers, hence both). Ties in the score go by higher reach, then input order.
  public func expertPrescribers(latestScore: [Int?], crv: [Double], reach: [Double]) -> [ExpertPrescriber] {
    let who = people.indices.filter { !people[$0].isInternal && (latestScore[$0] != nil || crv[$0] != 0) }
    let crvRank = percentileRanks(who.map { crv[$0] })
    let reachRank = percentileRanks(who.map { reach[$0] })
    var list = who.enumerated().map { (i, v) in
      ExpertPrescriber(person: NodeIndex(v), score: latestScore[v], crv: crv[v], reach: reach[v],
                       prescriberScore: 0.4 * Double(latestScore[v] ?? 0) / 10 + 0.3 * (crv[v] > 0 ? crvRank[i] : 0)
                         + 0.3 * reachRank[i])
    }
    list.sort { a, b in
      a.prescriberScore != b.prescriberScore ? a.prescriberScore > b.prescriberScore
        : a.reach != b.reach ? a.reach > b.reach : a.person < b.person
    }
    return list
  }
}
