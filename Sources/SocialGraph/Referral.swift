/// One answer to the Net Promoter question ("How likely is it that you would recommend us to a friend or
/// colleague?", 0–10) from `surveys.csv`.
public struct SurveyResponse: Sendable, Hashable {
  public var person: NodeIndex
  /// 0 … 10.
  public var score: Int
  public var date: Day?
  public init(person: NodeIndex, score: Int, date: Day? = nil) {
    self.person = person; self.score = score; self.date = date
  }
}

/// One referral from `referrals.csv`: a contact (`referrer`) brought us a customer (`referred`, any name or id:
/// often a company that is not among the contacts).
public struct Referral: Sendable, Hashable {
  public var referrer: NodeIndex
  public var referred: String
  /// Contribution margin the referred customer brings (for one who would have come anyway, the acquisition cost
  /// saved), in the period it accrues.
  public var value: Double
  /// What the referral cost us (incentive, handling); subtracted from `value`.
  public var cost: Double
  /// The period (1 = the first year) in which the value accrues, when given.
  public var period: Int?
  public var date: Day?
  public init(referrer: NodeIndex, referred: String, value: Double, cost: Double = 0, period: Int? = nil, date: Day? = nil) {
    self.referrer = referrer; self.referred = referred; self.value = value; self.cost = cost
    self.period = period; self.date = date
  }
}
