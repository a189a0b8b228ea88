import GraphFormats
import NetworkAnalysis
import SocialGraph

/// Which social ties a map draws, and which it marks as bridges.
///
/// Bridges: a strategist looks at the few ties that join otherwise distant groups, so only the `bridgesMarked`
/// widest are marked, ranked by span (Granovetter's local bridges, 1973: the length of the shortest other path
/// between the ends; a bridge proper has none, span ∞), then by the smaller degree of the two ends (a tie to
/// someone with no other tie separates one person, not two groups: such pendant ties are never marked), then by
/// strength, then by edge id (deterministic).
///
/// Strong and weak as `MapMeasures.strong` says (each account's natural break).
/// Network map: every tie up to `tieBudget`; past it, our team's ties, strong ties and the marked bridges, and a
/// note for the legend saying what was left out. Org map: the marked bridges, strong ties across departments
/// between the account's people, and on an ego map every tie of the person in focus. Reports-to pairs are drawn
/// as reporting lines, not here.
/// - Complexity: O(m log m).
struct MapTies {
  /// Edge ids of the social view, ascending.
  var drawn: [Int] = []
  var marked: Set<Int> = []
  /// Lines for the legend (empty when nothing was left out).
  var note: [String] = []

  init(_ g: SocialGraph, _ m: MapMeasures, shown: [Bool], options o: MapOptions) {
    let s = g.social
    var candidates: [Int] = []
    for e in 0..<s.edgeCount {
      let (a, b) = (Int(s.edgeSources[e]), Int(s.edgeTargets[e]))
      guard shown[a], shown[b] else { continue }
      if g.manager(of: NodeIndex(a)) == NodeIndex(b) || g.manager(of: NodeIndex(b)) == NodeIndex(a) { continue }
      candidates.append(e)
    }
    let ranked = MapTies.rankedBridges(candidates, g, m)
    marked = Set(ranked.prefix(o.bridgesMarked))
    let strong = m.strong
    func team(_ e: Int) -> Bool { g.people[Int(s.edgeSources[e])].isInternal || g.people[Int(s.edgeTargets[e])].isInternal }
    switch o.layout {
    case .org:
      guard o.socialTiesOnOrg else { return }
      drawn = candidates.filter { e in
        let (a, b) = (Int(s.edgeSources[e]), Int(s.edgeTargets[e]))
        let crossing = strong[e] && g.people[a].department != g.people[b].department && !team(e)
        let egoTie = o.focus.map { Int($0) == a || Int($0) == b } ?? false
        return marked.contains(e) || crossing || egoTie
      }
    case .network:
      guard candidates.count > o.tieBudget else { drawn = candidates; return }
      drawn = candidates.filter { team($0) || strong[$0] || marked.contains($0) }
      let teamCount = drawn.filter(team).count
      let strongCount = drawn.filter { strong[$0] && !team($0) }.count
      note = ["Showing \(drawn.count) of \(candidates.count) ties: our team's \(teamCount),",
              "strong \(strongCount), the \(marked.count) widest bridges;",
              "\(candidates.count - drawn.count) weak ties not drawn."]
    }
  }

  /// Bridges and local bridges among `edges`, widest first (see the type's comment), pendant ties left out.
  static func rankedBridges(_ edges: [Int], _ g: SocialGraph, _ m: MapMeasures) -> [Int] {
    let s = g.social
    func degree(_ v: Int32) -> Int { s.out.degree(NodeIndex(v)) }
    var bridges: [(e: Int, span: Double, ends: Int, strength: Double)] = []
    for e in edges {
      guard let span = m.ties.span[e] ?? (m.ties.isBridge[e] ? .infinity : nil) else { continue }
      let ends = min(degree(s.edgeSources[e]), degree(s.edgeTargets[e]))
      guard ends > 1 else { continue }
      bridges.append((e, span, ends, m.ties.strengths.strength[e]))
    }
    bridges.sort { x, y in
      if x.span != y.span { return x.span > y.span }
      if x.ends != y.ends { return x.ends > y.ends }
      if x.strength != y.strength { return x.strength > y.strength }
      return x.e < y.e
    }
    return bridges.map(\.e)
  }
}

/// How the network map is laid out, by size, so a map of thousands of people takes seconds. Edge routing is
/// what costs: with Graphviz 2.42 on the 151-person sample, `splines=true` (routing around nodes) takes 9.0 s and
/// `curved` 11 s, against 0.17 s for straight lines (`false`); so splines only for small maps, up to
/// `splinesUpTo` people, straight lines beyond. Stress majorization (neato; Gansner, Koren & North 2004) up to
/// `neatoUpTo` people, its iterations bounded; multilevel force-directed sfdp (Hu 2005) beyond.
struct NetworkLayoutPlan {
  static let splinesUpTo = 40, neatoUpTo = 400
  let engine: LayoutEngine
  let attributes: [(String, DOTValue)]

  init(people n: Int) {
    engine = n > Self.neatoUpTo ? .sfdp : .neato
    var a: [(String, DOTValue)] = [("overlap", .keyword("prism")), ("sep", .keyword("+8")),
                                   ("splines", .keyword(n <= Self.splinesUpTo ? "true" : "false")),
                                   ("outputorder", .keyword("edgesfirst"))]
    if engine == .neato { a += [("mode", .keyword("major")), ("start", .keyword("2026")), ("maxiter", .number(400))] }
    attributes = a
  }
}
