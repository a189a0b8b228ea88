import SocialGraph

/// What the referral analysis may be told: the discount rate of Customer Referral Value, and how each person's
/// referral reach (independent cascade from them alone) is estimated.
public struct ReferralOptions: Sendable {
  /// Discount rate per period of Customer Referral Value (0.1 = 10 %; Kumar, Petersen & Leone 2007).
  public var discountRate = 0.1
  /// Reverse-reachable sets behind each person's referral reach (`DiffusionNetwork.singletonReach`).
  public var reachSamples = 20_000
  public var seed = TiemapDefaults.seed
  /// How a tie's weight becomes the chance a recommendation passes along it.
  public var probability = SpreadProbability.tie
  public init() {}
}

/// Net Promoter Score by account and segment, Customer Referral Value, each person's referral reach, and the
/// expert prescribers ranked from the three: `tiemap referrals` and the report's prescriber table.
public struct ReferralAnalysis: Sendable {
  public var nps: NetPromoterReport
  public var value: ReferralValue
  /// Expected reach of a recommendation started by each person alone (themselves included).
  public var reach: [Double]
  /// Best first (`SocialGraph.expertPrescribers`).
  public var prescribers: [ExpertPrescriber]
  /// The options it was computed with.
  public var options: ReferralOptions
}

extension SocialGraph {
  /// The referral analysis of `surveys` and `referrals`, NPS segmented by `segments` (nil: no segment).
  /// - Complexity: that of its parts; the reach estimate, O(samples · set size), dominates.
  public func referralAnalysis(surveys: [SurveyResponse], referrals: [Referral], segments: Groups?,
                               options o: ReferralOptions = ReferralOptions()) throws -> ReferralAnalysis {
    let segmentOf: [String: String] = segments.map { s in
      Dictionary(people.indices.compactMap { v in s.name(of: v).map { (people[v].id, $0) } }, uniquingKeysWith: { a, _ in a })
    } ?? [:]
    let nps = netPromoterScores(surveys) { segmentOf[$0.id] }
    let value = customerReferralValue(referrals, discountRate: o.discountRate)
    let reach = try social.diffusionNetwork(o.probability).singletonReach(model: .independentCascade, samples: o.reachSamples, seed: o.seed)
    let prescribers = expertPrescribers(latestScore: nps.latestScore, crv: value.crv(count: count), reach: reach)
    return ReferralAnalysis(nps: nps, value: value, reach: reach, prescribers: prescribers, options: o)
  }
}
