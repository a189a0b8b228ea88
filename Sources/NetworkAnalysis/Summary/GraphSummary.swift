import SocialGraph

/// What `tiemap info` reports about a graph: people, team, ties by kind, accounts, components, density and
/// the tops of the org chart.
public struct GraphSummary: Sendable {
  public struct KindCount: Sendable, Equatable {
    public var kind: TieKind
    /// Input ties of this kind (rows, plus reports-to ties derived from the contacts).
    public var ties: Int
    /// Distinct pairs (arcs when directed) after parallel ties combine.
    public var pairs: Int
    public var directed: Bool
    /// Density of the layer over everyone: arcs / (n (n − 1)) when directed (the published density of a
    /// directed network), pairs / (n (n − 1) / 2) when undirected.
    public var density: Double
  }
  public struct AccountCount: Sendable, Equatable {
    /// Account name; nil for contacts with no account.
    public var name: String?
    public var people: Int
    public var departments: Int
  }
  public struct Root: Sendable, Equatable {
    public var person: NodeIndex
    /// People below this root, directly or not.
    public var span: Int
  }

  public var people: Int
  public var internalPeople: Int
  public var ties: Int
  public var selfLoops: Int
  public var derivedReportsTo: Int
  public var kinds: [KindCount]
  /// Pairs of people with at least one tie (the social view).
  public var socialPairs: Int
  /// Density of the social view: connected pairs / (n (n − 1) / 2), every tie undirected.
  public var density: Double
  public var components: ConnectedComponents
  /// Communities of the social view and their modularity (nil when not asked for, or without ties).
  public var communities: Communities?
  /// The search that found them.
  public var communityMethod: CommunityMethod = .louvain
  /// Customer accounts (our own team left out), largest first, then by name; contacts without an account last.
  public var accounts: [AccountCount]
  public var roots: [Root]
  public var reportingCycles: [[NodeIndex]]
  public var interactions: Int
  public var firstInteraction: Day?
  public var lastInteraction: Day?
}

extension SocialGraph {
  /// The summary of `tiemap info`. O(n + m), plus a community search of the social view when `communities`
  /// gives its weighting and seed (the same search, hence the same partition, as `tiemap metrics`).
  public func summary(interactions: [Interaction] = [], communities: (weighted: Bool, seed: UInt64)? = nil,
                      communityMethod: CommunityMethod = .louvain) -> GraphSummary {
    let counts = tieCountsByKind
    let kindCounts = kinds.indices.map {
      GraphSummary.KindCount(kind: kinds[$0], ties: counts[$0], pairs: layers[$0].edgeCount, directed: layers[$0].isDirected,
                             density: layers[$0].density)
    }
    var accountPeople: [String?: Int] = [:]
    var accountDepartments: [String?: Set<String>] = [:]
    for p in people where !p.isInternal {
      accountPeople[p.account, default: 0] += 1
      if let d = p.department { accountDepartments[p.account, default: []].insert(d) }
    }
    let accounts = accountPeople.map {
      GraphSummary.AccountCount(name: $0.key, people: $0.value, departments: accountDepartments[$0.key]?.count ?? 0)
    }.sorted { a, b in
      if (a.name == nil) != (b.name == nil) { return b.name == nil }
      if a.people != b.people { return a.people > b.people }
      return (a.name ?? "") < (b.name ?? "")
    }
    let h = reportsToHierarchy()
    let roots = zip(h.roots, h.rootSpans).map { GraphSummary.Root(person: $0, span: $1) }
      .sorted { $0.span != $1.span ? $0.span > $1.span : $0.person < $1.person }
    return GraphSummary(
      people: count, internalPeople: people.lazy.filter(\.isInternal).count, ties: ties.count,
      selfLoops: selfLoopCount, derivedReportsTo: derivedReportsToCount, kinds: kindCounts,
      socialPairs: social.edgeCount, density: social.density, components: social.connectedComponents(),
      communities: communities.flatMap { c in
        social.edgeCount > 0 ? social.communities(communityMethod, weighted: c.weighted, seed: c.seed) : nil
      },
      communityMethod: communityMethod,
      accounts: accounts, roots: roots, reportingCycles: h.cycles, interactions: interactions.count,
      firstInteraction: interactions.map(\.date).min(), lastInteraction: interactions.map(\.date).max())
  }
}
