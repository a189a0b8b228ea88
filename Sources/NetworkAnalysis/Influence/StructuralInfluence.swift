import SocialGraph

/// Percentile rank of each value in [0, 1]: (people below + half the other people tied with it) / (n − 1).
/// NaN counts as the lowest value. One person gets 0.5.
/// - Complexity: O(n log n).
public func percentileRanks(_ values: [Double]) -> [Double] {
  let n = values.count
  guard n > 1 else { return [Double](repeating: 0.5, count: n) }
  // (value, person) pairs sorted by value: a tied run gets one rank, so their order within it does not matter.
  var pairs = values.enumerated().map { (key: $1.isNaN ? -Double.infinity : $1, person: $0) }
  pairs.sort { $0.key < $1.key }
  var rank = [Double](repeating: 0, count: n)
  var i = 0
  while i < n {
    var j = i
    while j + 1 < n && pairs[j + 1].key == pairs[i].key { j += 1 }
    let r = (Double(i) + Double(j)) / 2 / Double(n - 1)   // average position of the tied run
    for k in i...j { rank[pairs[k].person] = r }
    i = j + 1
  }
  return rank
}

/// Structural influence: one score in [0, 1] per person from the network alone.
///
/// influence = 0.35 · r(PageRank) + 0.35 · r(betweenness) + 0.15 · r(eigenvector) + 0.15 · r(effective size),
/// where r is the percentile rank among the people of the view (`percentileRanks`). PageRank and eigenvector
/// say how well connected someone's contacts are (status), betweenness how much flows through them
/// (brokerage), effective size how many non-redundant contacts they have (Burt's structural holes). Ranks,
/// not raw values, so that no measure's scale dominates and the score reads as "better connected than this
/// share of the account". The weights are `Weights` and can be changed.
/// - Reference: Bonacich (1972); Freeman (1977); Brin & Page (1998); Burt (1992) — see each measure.
public struct StructuralInfluence: Sendable {
  public struct Weights: Sendable {
    public var pageRank = 0.35, betweenness = 0.35, eigenvector = 0.15, effectiveSize = 0.15
    public init() {}
  }

  public static func score(pageRank: [Double], betweenness: [Double], eigenvector: [Double],
                           effectiveSize: [Double], weights: Weights = Weights()) -> [Double] {
    let total = weights.pageRank + weights.betweenness + weights.eigenvector + weights.effectiveSize
    let (a, b, c, d) = (percentileRanks(pageRank), percentileRanks(betweenness), percentileRanks(eigenvector),
                        percentileRanks(effectiveSize))
    return pageRank.indices.map {
      (weights.pageRank * a[$0] + weights.betweenness * b[$0] + weights.eigenvector * c[$0]
        + weights.effectiveSize * d[$0]) / total
    }
  }

  /// Structural level 1–5: the quintile of the score (1 for the lowest fifth … 5 for the top fifth).
  public static func level(_ score: Double) -> Int { max(1, min(5, Int((score * 5).rounded(.up)))) }

  /// Silent influencers: people in the top tenth of structural influence (`score` ≥ `top`, default 0.9) whose
  /// declared influence is low (≤ `declaredAtMost`, default 2 on the 1–5 scale) — or, where none is declared,
  /// whose place in the org chart implies it (top 5, next level 4, then 3, deeper 2). A strong network position
  /// held by someone the account plan rates as minor: the people to meet before they block or carry a deal.
  /// The top tenth, not a gap in quintiles, because accounts declare most contacts at 1–2: on the sample a
  /// quintile gap of 3 flagged 25 of 145 contacts, which is no longer a shortlist.
  /// People with neither declared influence nor a place in the org chart are never flagged.
  public static func silentInfluencers(score: [Double], graph: SocialGraph, top: Double = 0.9, declaredAtMost: Int = 2) -> [Bool] {
    let hierarchy = graph.reportsToHierarchy()
    let depth = hierarchy.depth
    return score.indices.map { v in
      let p = graph.people[v]
      guard !p.isInternal else { return false }
      let declared: Int?
      if let i = p.influence { declared = i }
      else if depth[v] >= 0 && (graph.manager(of: NodeIndex(v)) != nil || hierarchy.directReports[v] > 0) {
        declared = max(2, 5 - depth[v])
      } else { declared = nil }
      guard let d = declared else { return false }
      return score[v] >= top && d <= declaredAtMost
    }
  }
}
