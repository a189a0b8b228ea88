import SocialGraph

/// How a tie becomes a chance that a recommendation (or an introduction request) passes along it.
public enum SpreadProbability: Sendable, Hashable {
  /// DESIGN.md's rule: the tie's weight when every weight of the view is in (0, 1], else weight / largest weight.
  case tie
  /// The same chance p ∈ (0, 1] on every tie (e.g. 0.1 for an unweighted network).
  case uniform(Double)
  /// Kempe, Kleinberg & Tardos's *weighted cascade*: a tie into v passes with probability 1 / in-degree(v), so
  /// each person hears, on average, one recommendation's worth from their contacts.
  /// - Reference: D. Kempe, J. Kleinberg, É. Tardos (2003), "Maximizing the spread of influence through a social
  ///   network", *KDD '03*, §4, doi:10.1145/956750.956769.
  case weightedCascade
}

extension GraphView {
  /// The probability of each slot of `out` (the tie u → v of row u) under `rule`.
  /// - Complexity: O(n + m).
  public func spreadProbabilities(_ rule: SpreadProbability) -> ContiguousArray<Double> {
    let w = out.weights
    switch rule {
    case .tie:
      let largest = w.max() ?? 1
      let scale = largest <= 1 ? 1 : 1 / largest   // every weight is > 0 (the builder checks)
      return ContiguousArray(w.lazy.map { $0 * scale })
    case .uniform(let p):
      return ContiguousArray(repeating: p, count: w.count)
    case .weightedCascade:
      let inDegree = (0..<nodeCount).map { inbound.degree(NodeIndex($0)) }
      return ContiguousArray(out.targets.lazy.map { 1 / Double(inDegree[Int($0)]) })
    }
  }
}
