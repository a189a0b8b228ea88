import SocialGraph

/// Everything `tiemap ties` reports, per edge of the social view (edge ids of `SocialGraph.social`) and per person.
public struct TieMeasures: Sendable {
  public var strengths: TieStrengths
  public var neighbourhoods: TieNeighbourhoods
  public var isBridge: [Bool]
  /// Span of local bridges (nil for other ties; +∞ when nothing else joins the ends).
  public var span: [Double?]
  /// Per person: strong and weak ties, and strong-triadic-closure violations.
  public var strongTies: [Int]
  public var weakTies: [Int]
  public var stcViolations: [Int]
}

extension SocialGraph {
  /// Strength, class, embeddedness, overlap, bridges and local bridges of every tie of the social view, and
  /// each person's strong-triadic-closure violations. Spans count ties (Granovetter), whatever the weights.
  public func tieMeasures(model: TieStrengthModel = TieStrengthModel(), interactions: [Interaction] = []) -> TieMeasures {
    let s = social
    let nb = s.tieNeighbourhoods()
    let strengths = tieStrengths(model: model, interactions: interactions, overlap: nb.overlap)
    var strong = [Int](repeating: 0, count: count), weak = [Int](repeating: 0, count: count)
    for e in 0..<s.edgeCount {
      for v in [Int(s.edgeSources[e]), Int(s.edgeTargets[e])] {
        if strengths.isStrong[e] { strong[v] += 1 } else { weak[v] += 1 }
      }
    }
    return TieMeasures(strengths: strengths, neighbourhoods: nb, isBridge: s.bridges(),
                       span: s.localBridgeSpans(embeddedness: nb.embeddedness),
                       strongTies: strong, weakTies: weak,
                       stcViolations: s.strongTriadicClosureViolations(isStrong: strengths.isStrong))
  }
}
