import SocialGraph

/// One snapshot's standing of the accounts a report covers (summed when it covers several): what the report's trend
/// section draws over the snapshots of a workspace.
public struct TrendPoint: Sendable, Equatable {
  public var day: Day
  /// Contacts at P1, P2, P3, P4 (declared, else derived), and not assessed.
  public var proximity: [Int]
  public var decisionCircuit: Int, decisionCircuitCovered: Int
  public var singleThreaded: Int, silentInfluencers: Int
  /// Mean tolerance-capital balance over the contacts with a history (nil without any), and those at risk or ruptured.
  public var meanTrustBalance: Double?
  public var trustAtRisk: Int

  /// The decision circuit's share held at P1/P2 (nil without a decision circuit).
  public var coverage: Double? { decisionCircuit == 0 ? nil : Double(decisionCircuitCovered) / Double(decisionCircuit) }

  /// The standing of `accounts` (the scores of one snapshot), summed; trust averaged over every contact with a history.
  public init(day: Day, accounts: [AccountScore]) {
    self.day = day
    proximity = [0, 0, 0, 0, 0]
    (decisionCircuit, decisionCircuitCovered, singleThreaded, silentInfluencers, trustAtRisk) = (0, 0, 0, 0, 0)
    var (sum, n) = (0.0, 0)
    for s in accounts {
      let a = s.account
      for (k, c) in a.proximityCounts.enumerated() where k < proximity.count { proximity[k] += c }
      decisionCircuit += a.coverage.decisionCircuit.count
      decisionCircuitCovered += a.coverage.covered.count
      singleThreaded += a.singleThreaded.count
      silentInfluencers += a.silentInfluencers.count
      trustAtRisk += s.trustAtRisk + s.ruptured
      for c in s.contacts { if let t = c.trust { sum += t.state.balance; n += 1 } }
    }
    meanTrustBalance = n == 0 ? nil : sum / Double(n)
  }
}
