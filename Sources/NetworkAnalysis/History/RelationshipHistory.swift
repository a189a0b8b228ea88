import SocialGraph

/// What the report shows of the contact history: the patterns that precede ruptures and the survival of
/// relationships by proximity.
public struct RelationshipHistory: Sendable {
  public var patterns: RupturePatterns
  /// All relationships first, then by proximity level.
  public var curves: [SurvivalCurve]
  public var ruptures: Int
  public var relationships: Int
  /// Fewest episodes for the patterns to be worth showing (as `RiskOptions.minRuptures`): below it the report says
  /// there are too few ruptures instead of listing noise.
  public var minEpisodes: Int
  public var patternsShown: Bool { patterns.episodes >= minEpisodes }
}

extension SocialGraph {
  /// The report's relationship history of `account` (nil: every contact), with the default options of
  /// `tiemap patterns` and `tiemap risk`'s survival curves by proximity; nil without a rupture to learn from.
  /// - Complexity: that of `eventHistory` and `rupturePatterns`.
  public func relationshipHistory(_ interactions: [Interaction], account: String? = nil,
                                  sequence: SequenceOptions = SequenceOptions(),
                                  patterns: RupturePatternOptions = RupturePatternOptions(),
                                  minEpisodes: Int = RiskOptions().minRuptures) -> RelationshipHistory? {
    let xs = account.map { a in interactions.filter { people[Int($0.person)].account == a } } ?? interactions
    let h = eventHistory(xs, options: sequence)
    let ruptures = h.contacts.filter { $0.rupture != nil }.count
    guard ruptures > 0 else { return nil }
    let curves = h.survivalCurves(segment: try? groups(byColumn: "proximity"))
    return RelationshipHistory(patterns: h.rupturePatterns(patterns), curves: curves, ruptures: ruptures, relationships: h.contacts.count,
                               minEpisodes: minEpisodes)
  }
}
