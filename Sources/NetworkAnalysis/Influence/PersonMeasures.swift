import SocialGraph

/// The per-person measures of `tiemap metrics`, named as its columns (DESIGN.md). `allCases` is the column
/// order of every table.
public enum PersonMeasure: String, CaseIterable, Sendable, Hashable {
  case degree, inDegree = "in_degree", outDegree = "out_degree"
  case strength, inStrength = "in_strength", outStrength = "out_strength"
  case closeness, harmonic, betweenness, eigenvector, pagerank, hub, authority, clustering, core
  case constraint, effectiveSize = "effective_size", efficiency, hierarchy, community, influence

  /// The columns of `tiemap metrics` on an undirected view (DESIGN.md, in order).
  public static let undirected: [PersonMeasure] = [
    .degree, .strength, .closeness, .harmonic, .betweenness, .eigenvector, .pagerank, .clustering, .core,
    .constraint, .effectiveSize, .efficiency, .hierarchy, .community, .influence,
  ]
  /// The columns on a directed view (`--kind advice`): where ties point matters, so degree and strength split
  /// into in and out, closeness and harmonic count incoming distances, betweenness follows the arrows,
  /// PageRank walks them, HITS separates hubs (who asks) from authorities (who is asked), and the structural
  /// holes follow Burt's directed definitions (mutual weight z_ij + z_ji; `structuralHoles`).
  public static let directed: [PersonMeasure] = [
    .inDegree, .outDegree, .inStrength, .outStrength, .closeness, .harmonic, .betweenness, .pagerank, .hub, .authority,
    .constraint, .effectiveSize, .efficiency, .hierarchy,
  ]
}

/// One optional column per measure, in person order: nil where the measure was not computed.
public struct PersonColumns: Sendable, Equatable {
  public var degree, inDegree, outDegree, strength, inStrength, outStrength: [Double]?
  public var closeness, harmonic, betweenness, eigenvector, pagerank, hub, authority, clustering, core: [Double]?
  public var constraint, effectiveSize, efficiency, hierarchy, community, influence: [Double]?

  public init() {}

  public subscript(_ m: PersonMeasure) -> [Double]? {
    get {
      switch m {
      case .degree: degree
      case .inDegree: inDegree
      case .outDegree: outDegree
      case .strength: strength
      case .inStrength: inStrength
      case .outStrength: outStrength
      case .closeness: closeness
      case .harmonic: harmonic
      case .betweenness: betweenness
      case .eigenvector: eigenvector
      case .pagerank: pagerank
      case .hub: hub
      case .authority: authority
      case .clustering: clustering
      case .core: core
      case .constraint: constraint
      case .effectiveSize: effectiveSize
      case .efficiency: efficiency
      case .hierarchy: hierarchy
      case .community: community
      case .influence: influence
      }
    }
    set {
      switch m {
      case .degree: degree = newValue
      case .inDegree: inDegree = newValue
      case .outDegree: outDegree = newValue
      case .strength: strength = newValue
      case .inStrength: inStrength = newValue
      case .outStrength: outStrength = newValue
      case .closeness: closeness = newValue
      case .harmonic: harmonic = newValue
      case .betweenness: betweenness = newValue
      case .eigenvector: eigenvector = newValue
      case .pagerank: pagerank = newValue
      case .hub: hub = newValue
      case .authority: authority = newValue
      case .clustering: clustering = newValue
      case .core: core = newValue
      case .constraint: constraint = newValue
      case .effectiveSize: effectiveSize = newValue
      case .efficiency: efficiency = newValue
      case .hierarchy: hierarchy = newValue
      case .community: community = newValue
      case .influence: influence = newValue
      }
    }
  }

  /// The measures that have a column, in `PersonMeasure.allCases` (column) order.
  public var measures: [PersonMeasure] { PersonMeasure.allCases.filter { self[$0] != nil } }
}

/// Values of the requested measures, one column per measure in person order, plus the communities found.
public struct PersonMeasures: Sendable {
  public var values: PersonColumns
  public var communities: Communities?
  public var weighted: Bool
  /// Number of people (the length of every column).
  public var count: Int
  /// What the caller should tell the user about how the values were computed (an iteration that stopped at its
  /// cap before converging), in plain words.
  public var notes: [String] = []

  /// The column of `m`, or NaN for everyone (an empty cell in every writer) when it was not computed: never a trap.
  public func column(_ m: PersonMeasure) -> [Double] { values[m] ?? [Double](repeating: .nan, count: count) }
}

extension GraphView {
  /// Computes `wanted` on this view (`PersonMeasure.directed` are the measures defined for directed views), sharing work between measures: one shortest-path sweep for
  /// closeness, harmonic and betweenness; one structural-holes pass for constraint, effective size, efficiency
  /// and hierarchy. `influence` computes what it needs (PageRank, betweenness, eigenvector, effective size).
  /// Communities use `communityMethod` (Louvain by default, or Leiden) with `seed` and `resolution`.
  /// With `betweennessSamples` k, betweenness is estimated from k sources drawn with `seed`
  /// (`sampledBetweenness`) instead of all n.
  public func personMeasures(_ wanted: Set<PersonMeasure>, weighted: Bool, seed: UInt64 = TiemapDefaults.seed,
                             resolution: Double = 1, betweennessSamples: Int? = nil,
                             communityMethod: CommunityMethod = .louvain) -> PersonMeasures {
    var need = wanted
    if need.contains(.influence) { need.formUnion([.pagerank, .betweenness, .eigenvector, .effectiveSize]) }
    var v = PersonColumns()
    if need.contains(.degree) { v[.degree] = degrees().map(Double.init) }
    if need.contains(.strength) { v[.strength] = strengths() }
    if need.contains(.outDegree) { v[.outDegree] = degrees().map(Double.init) }
    if need.contains(.inDegree) { v[.inDegree] = inDegrees().map(Double.init) }
    if need.contains(.outStrength) { v[.outStrength] = strengths() }
    if need.contains(.inStrength) { v[.inStrength] = inStrengths() }
    let wantsPaths = !need.isDisjoint(with: [.closeness, .harmonic, .betweenness])
    if wantsPaths {
      let sampled = betweennessSamples.map { $0 < nodeCount } ?? false
      let p = pathCentrality(weighted: weighted, betweenness: need.contains(.betweenness) && !sampled,
                             closeness: need.contains(.closeness) || need.contains(.harmonic))
      v[.closeness] = p.closeness; v[.harmonic] = p.harmonic; v[.betweenness] = p.betweenness
      if sampled && need.contains(.betweenness) {
        v[.betweenness] = sampledBetweenness(sources: betweennessSources(count: betweennessSamples ?? nodeCount, seed: seed), weighted: weighted)
      }
    }
    var notes: [String] = []
    if need.contains(.eigenvector) {
      let e = eigenvectorIteration(weighted: weighted)
      v[.eigenvector] = e.values
      if !e.converged {
        notes.append("eigenvector centrality did not converge in \(e.iterations) iterations: the values are approximate (a long chain or near-bipartite network separates its eigenvalues slowly)")
      }
    }
    if need.contains(.pagerank) { v[.pagerank] = pageRank(weighted: weighted) }
    if need.contains(.hub) || need.contains(.authority) {
      let hits = hubsAndAuthorities(weighted: weighted)
      v[.hub] = hits.hubs; v[.authority] = hits.authorities
    }
    if need.contains(.clustering) { v[.clustering] = clustering(weighted: weighted) }
    if need.contains(.core) { v[.core] = coreNumbers().map(Double.init) }
    if !need.isDisjoint(with: [.constraint, .effectiveSize, .efficiency, .hierarchy]) {
      let h = structuralHoles(weighted: weighted, includeHierarchy: need.contains(.hierarchy))
      v[.constraint] = h.constraint; v[.effectiveSize] = h.effectiveSize
      v[.efficiency] = h.efficiency; v[.hierarchy] = h.hierarchy
    }
    var communities: Communities?
    if need.contains(.community) {
      let c = self.communities(communityMethod, weighted: weighted, resolution: resolution, seed: seed)
      communities = c
      v[.community] = c.community.map(Double.init)
    }
    if need.contains(.influence), let pr = v.pagerank, let b = v.betweenness, let e = v.eigenvector, let es = v.effectiveSize {
      v.influence = StructuralInfluence.score(pageRank: pr, betweenness: b, eigenvector: e, effectiveSize: es)
    }
    var kept = PersonColumns()
    for m in wanted { kept[m] = v[m] }
    return PersonMeasures(values: kept, communities: communities, weighted: weighted, count: nodeCount, notes: notes)
  }
}
