#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// Tiemap's tie-strength model (FORMULAS.md): s_ij = Σ_d w_d · z_d(i, j), each dimension z_d in [0, 1], Σ w_d = 1.
///
/// "The strength of a tie is a (probably linear) combination of the amount of time, the emotional intensity,
/// the intimacy (mutual confiding), and the reciprocal services which characterize the tie" (Granovetter 1973).
/// Dimensions, measured on each pair of people in the social view:
/// - **intensity**: the declared weight of the pair (all kinds summed, as in the social view), divided by the
///   largest pair weight unless every weight is already in (0, 1] (DESIGN.md's tie-probability rule);
/// - **frequency**: interactions on the pair (the ties' `interactions` plus contact-history rows between the two
///   people), z = 1 − e^(−count / `frequencyScale`);
/// - **recency**: z = 2^(−days / `recencyHalfLife`), days from the last contact (ties' `last_contact`, history
///   dates) to `asOf` (default: the latest date in the data); 0 when never in contact;
/// - **duration**: z = 1 − e^(−years / `durationScale`), years since the earliest `since`;
/// - **reciprocity**: 1 when the pair is tied in both directions or by an undirected tie, ½ when only one way;
/// - **multiplexity**: 1 − 1 / (number of tie kinds), so one kind gives 0, two ½, three ⅔;
/// - **structural**: Onnela's neighbourhood overlap (shared contacts; Gilbert & Karahalios's structural dimension).
///
/// A dimension the input says nothing about (no dates, no interactions, a single kind…) or that is the same
/// for every pair (an unweighted edge list's intensity) carries no information: its weight is set to 0 and the
/// others are scaled up to sum to 1. `TieStrengths.weights` reports the weights actually used.
/// - Reference: M. S. Granovetter (1973), "The strength of weak ties", *AJS* 78(6):1360–1380; P. V. Marsden,
///   K. E. Campbell (1984), "Measuring tie strength", *Social Forces* 63(2):482–501; E. Gilbert, K. Karahalios
///   (2009), "Predicting tie strength with social media", *CHI '09*, 211–220.
public struct TieStrengthModel: Sendable {
  public enum Dimension: String, CaseIterable, Sendable {
    case intensity, frequency, recency, duration, reciprocity, multiplexity, structural
  }
  public var weights: [Dimension: Double] = [.intensity: 0.30, .frequency: 0.20, .recency: 0.15, .duration: 0.10,
                                             .reciprocity: 0.10, .multiplexity: 0.05, .structural: 0.10]
  public var frequencyScale = 12.0
  public var recencyHalfLife = 180.0
  public var durationScale = 3.0
  /// Ties at or above this strength are `strong`, the others `weak`.
  public var strongThreshold = 0.5
  /// The day recency and duration are measured at; nil for the latest date in the data.
  public var asOf: Day?
  public init() {}
}

/// Strength of every edge of the social view, with its dimensions.
public struct TieStrengths: Sendable {
  public var strength: [Double]
  public var isStrong: [Bool]
  /// z value of each dimension, per edge.
  public var dimensions: [TieStrengthModel.Dimension: [Double]]
  /// The weights used after dropping dimensions without information.
  public var weights: [TieStrengthModel.Dimension: Double]
  public var asOf: Day?
}

extension SocialGraph {
  /// Strength of every tie of the social view (see `TieStrengthModel`), indexed by social edge id.
  /// - Complexity: O(m + number of ties + history), plus the overlap computation.
  public func tieStrengths(model: TieStrengthModel = TieStrengthModel(), interactions: [Interaction] = [],
                           overlap: [Double]) -> TieStrengths {
    let s = social
    let m = s.edgeCount
    var count = [Double](repeating: 0, count: m)
    var last = [Int32](repeating: .min, count: m)
    var since = [Int32](repeating: .max, count: m)
    var anyCount = false, anyLast = false, anySince = false
    for t in ties where t.source != t.target {
      guard let e = s.edge(t.source, t.target) else { continue }
      if let c = t.interactions { count[e] += Double(c); anyCount = true }
      if let d = t.lastContact { last[e] = max(last[e], d.daysSinceEpoch); anyLast = true }
      if let d = t.since { since[e] = min(since[e], d.daysSinceEpoch); anySince = true }
    }
    for h in interactions {
      guard let w = h.with, w != h.person, let e = s.edge(h.person, w) else { continue }
      count[e] += 1; anyCount = true
      last[e] = max(last[e], h.date.daysSinceEpoch); anyLast = true
    }
    // Reciprocity from the directed layers: 1 both ways (or undirected), ½ one way.
    var reciprocity = [Double](repeating: 1, count: m)
    var anyDirected = false
    for layer in layers where layer.isDirected {
      anyDirected = true
      for e in 0..<layer.edgeCount {
        let (u, v) = (layer.edgeSources[e], layer.edgeTargets[e])
        guard let se = s.edge(u, v) else { continue }
        if layer.edge(v, u) == nil { reciprocity[se] = min(reciprocity[se], 0.5) }
      }
    }
    let maxWeight = s.edgeWeights.max() ?? 1
    let scale = maxWeight <= 1 ? 1 : maxWeight
    let asOf: Int32? = model.asOf?.daysSinceEpoch ?? (anyLast ? last.max() : (anySince ? since.filter { $0 != .max }.max() : nil))
    var z: [TieStrengthModel.Dimension: [Double]] = [:]
    z[.intensity] = s.edgeWeights.map { $0 / scale }
    z[.frequency] = count.map { 1 - exp(-$0 / model.frequencyScale) }
    z[.recency] = last.map { d in
      guard d != .min, let a = asOf else { return 0 }
      return pow(2, -Double(max(0, Int(a) - Int(d))) / model.recencyHalfLife)
    }
    z[.duration] = since.map { d in
      guard d != .max, let a = asOf else { return 0 }
      return 1 - exp(-Double(max(0, Int(a) - Int(d))) / 365.25 / model.durationScale)
    }
    z[.reciprocity] = reciprocity
    z[.multiplexity] = s.edgeMultiplexity.map { 1 - 1 / Double($0) }
    z[.structural] = overlap.map { $0.isNaN ? 0 : $0 }   // 0/0 (no other contact at either end): no shared contact
    // Drop dimensions without information, renormalise the rest.
    var weights = model.weights
    let informative: [TieStrengthModel.Dimension: Bool] = [
      .intensity: true, .frequency: anyCount, .recency: anyLast && asOf != nil, .duration: anySince && asOf != nil,
      .reciprocity: anyDirected, .multiplexity: kinds.count > 1, .structural: true,
    ]
    for d in TieStrengthModel.Dimension.allCases {
      let values = z[d]!
      let constant = values.allSatisfy { $0 == values.first }
      if !(informative[d] ?? false) || (m > 1 && constant) { weights[d] = 0 }
    }
    var total = weights.values.reduce(0, +)
    if total == 0 { weights[.intensity] = 1; total = 1 }
    if abs(total - 1) > 1e-12 { for d in weights.keys { weights[d]! /= total } }
    var strength = [Double](repeating: 0, count: m)
    for d in TieStrengthModel.Dimension.allCases where weights[d]! > 0 {
      let w = weights[d]!, values = z[d]!
      for e in 0..<m { strength[e] += w * values[e] }
    }
    return TieStrengths(strength: strength, isStrong: strength.map { $0 >= model.strongThreshold }, dimensions: z,
                        weights: weights, asOf: asOf.map { Day(daysSinceEpoch: $0) })
  }
}

extension GraphView {
  /// Strong-triadic-closure violations of each person: pairs of their strong ties (B, C) with no tie between
  /// B and C. A person satisfies STC when the count is 0.
  /// - Method: C(s_v, 2) pairs of strong ties minus the closed ones, which are triangles v–B–C with both of v's
  ///   ties strong. Triangles are listed once each by the degree-ordered method: every tie oriented from the lower
  ///   to the higher (degree, index) end, a triangle found from its lowest end by marking that end's forward
  ///   neighbours — no hub's row is ever walked from its neighbours.
  /// - Reference: D. Easley, J. Kleinberg (2010), *Networks, Crowds, and Markets*, §3.2 (after Granovetter 1973);
  ///   N. Chiba, T. Nishizeki (1985), "Arboricity and subgraph listing algorithms", *SIAM J. Comput.*
  ///   14(1):210–223, doi:10.1137/0214017.
  /// - Complexity: O(m √m) time, O(n + m) space.
  public func strongTriadicClosureViolations(isStrong: [Bool]) -> [Int] {
    precondition(!isDirected && isStrong.count == edgeCount)
    let n = nodeCount
    func ranksBelow(_ u: Int, _ w: Int) -> Bool {
      let (du, dw) = (out.degree(NodeIndex(u)), out.degree(NodeIndex(w)))
      return du != dw ? du < dw : u < w
    }
    // Forward rows: each tie once, from its lower-ranked end (edge ids alongside).
    var fOff = [Int](repeating: 0, count: n + 1)
    for e in 0..<edgeCount {
      let (u, w) = (Int(edgeSources[e]), Int(edgeTargets[e]))
      fOff[(ranksBelow(u, w) ? u : w) + 1] += 1
    }
    for v in 0..<n { fOff[v + 1] += fOff[v] }
    var fTo = [Int32](repeating: 0, count: edgeCount), fEdge = [Int32](repeating: 0, count: edgeCount)
    var cursor = fOff
    for e in 0..<edgeCount {
      let (u, w) = (Int(edgeSources[e]), Int(edgeTargets[e]))
      let (lo, hi) = ranksBelow(u, w) ? (u, w) : (w, u)
      fTo[cursor[lo]] = Int32(hi); fEdge[cursor[lo]] = Int32(e); cursor[lo] += 1
    }
    var closed = [Int](repeating: 0, count: n)
    var mark = [Int32](repeating: -1, count: n)   // the edge id u–x for x a forward neighbour of u, else −1
    for u in 0..<n {
      for p in fOff[u]..<fOff[u + 1] { mark[Int(fTo[p])] = fEdge[p] }
      for p in fOff[u]..<fOff[u + 1] {
        let w = Int(fTo[p]), uw = Int(fEdge[p])
        for q in fOff[w]..<fOff[w + 1] {
          let x = Int(fTo[q]), ux = mark[x]
          guard ux >= 0 else { continue }
          let wx = Int(fEdge[q])   // the triangle u–w–x, each tie once
          if isStrong[uw] && isStrong[Int(ux)] { closed[u] += 1 }
          if isStrong[uw] && isStrong[wx] { closed[w] += 1 }
          if isStrong[Int(ux)] && isStrong[wx] { closed[x] += 1 }
        }
      }
      for p in fOff[u]..<fOff[u + 1] { mark[Int(fTo[p])] = -1 }
    }
    var violations = [Int](repeating: 0, count: n)
    for v in 0..<n {
      var strong = 0
      for p in out.slots(NodeIndex(v)) where isStrong[Int(out.edgeIDs[p])] { strong += 1 }
      violations[v] = strong * (strong - 1) / 2 - closed[v]
    }
    return violations
  }
}
