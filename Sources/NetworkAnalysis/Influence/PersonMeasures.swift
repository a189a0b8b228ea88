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

/// Values of the requested measures, one array per measure in person order, plus the communities found.
public struct PersonMeasures: Sendable {
  public var values: [PersonMeasure: [Double]]
  public var communities: Communities?
  public var weighted: Bool
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
    var v: [PersonMeasure: [Double]] = [:]
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
        v[.betweenness] = sampledBetweenness(sources: betweennessSources(count: betweennessSamples!, seed: seed), weighted: weighted)
      }
    }
    if need.contains(.eigenvector) { v[.eigenvector] = eigenvector(weighted: weighted) }
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
    if need.contains(.influence) {
      v[.influence] = StructuralInfluence.score(pageRank: v[.pagerank]!, betweenness: v[.betweenness]!,
                                                eigenvector: v[.eigenvector]!, effectiveSize: v[.effectiveSize]!)
    }
    return PersonMeasures(values: v.filter { wanted.contains($0.key) }, communities: communities, weighted: weighted)
  }
}
