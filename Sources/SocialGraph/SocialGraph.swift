import OrderedCollections

/// The people of one or more accounts, the ties between them, and compressed (CSR) views of those ties.
/// Immutable once built (`SocialGraphBuilder`); copies share storage; safe to share across threads.
///
/// **Views.** `ties` keeps every input tie, in input order. Algorithms work on views:
/// - `layer(_:)`: one view per tie kind (the multiplex layers). A layer is directed when any tie of its kind is
///   directed; an undirected tie in a directed layer counts in both directions. Parallel ties of the same kind
///   between the same ordered pair (or unordered pair, in an undirected layer) are **summed** — repeated rows are
///   repeated evidence (two interaction rows make a tie twice as strong), as igraph's `simplify` sums weights.
///   `edgeTieCounts` keeps how many rows were combined.
/// - `social`: the combined undirected view over every kind. In a directed layer the two directions of a
///   reciprocated pair count once, with the **larger** weight (a tie declared from both ends is one tie, not two);
///   the layers' weights of a pair are then **summed** across kinds, so advice 0.8 + friendship 0.6 gives 1.4,
///   and `edgeMultiplexity` counts the kinds (2). Reciprocity stays visible in the directed layers.
/// - **Self-loops** (a person tied to themself) stay in `ties` and are counted in `selfLoopCount`, but no view
///   contains them (every measure of DESIGN.md is defined without them).
/// - **Reports-to**: each person's declared `reportsTo` adds a `reports_to` tie person → manager (weight 1)
///   unless the input already has a `reports_to` tie for that ordered pair, so the org chart given both as a
///   column and as tie rows is not counted twice.
public struct SocialGraph: Sendable {
  /// People in input order; `NodeIndex` v is `people[v]`.
  public let people: [Person]
  /// External ids, in the same order (O(1) id → index).
  public let ids: OrderedSet<String>
  /// Every tie as given (plus derived reports-to ties, appended), in input order.
  public let ties: ContiguousArray<Tie>
  /// Tie kinds in order of first appearance; `KindIndex` k is `kinds[k]`.
  public let kinds: [TieKind]
  /// One view per kind, parallel to `kinds`.
  public let layers: [GraphView]
  /// The combined undirected view over every kind.
  public let social: GraphView
  /// Manager of each person (index), or -1.
  public let managers: ContiguousArray<Int32>
  /// Names of the free tie columns; `tieAttribute(_:_:)` reads their values.
  public let tieAttributeNames: [String]
  let tieAttributeValues: ContiguousArray<String>
  /// Number of ties whose two ends are the same person (kept in `ties`, left out of every view).
  public let selfLoopCount: Int
  /// Number of reports-to ties added from the people's `reportsTo` column.
  public let derivedReportsToCount: Int

  init(people: [Person], ids: OrderedSet<String>, ties: ContiguousArray<Tie>, kinds: [TieKind],
       layers: [GraphView], social: GraphView, managers: ContiguousArray<Int32>, tieAttributeNames: [String],
       tieAttributeValues: ContiguousArray<String>, selfLoopCount: Int, derivedReportsToCount: Int) {
    self.people = people; self.ids = ids; self.ties = ties; self.kinds = kinds; self.layers = layers
    self.social = social; self.managers = managers; self.tieAttributeNames = tieAttributeNames
    self.tieAttributeValues = tieAttributeValues; self.selfLoopCount = selfLoopCount
    self.derivedReportsToCount = derivedReportsToCount
  }

  /// Number of people.
  @inlinable public var count: Int { people.count }

  public subscript(v: NodeIndex) -> Person { people[Int(v)] }

  /// The index of the person with this external id.
  public func index(of id: String) -> NodeIndex? { ids.firstIndex(of: id).map { NodeIndex($0) } }

  public func kindIndex(of kind: TieKind) -> KindIndex? {
    kinds.firstIndex(of: kind).map { KindIndex($0) }
  }

  /// The layer of one tie kind, or nil when no tie has that kind.
  public func layer(_ kind: TieKind) -> GraphView? { kindIndex(of: kind).map { layers[Int($0)] } }

  /// The manager of `v`, from the reports-to column.
  public func manager(of v: NodeIndex) -> NodeIndex? {
    let m = managers[Int(v)]
    return m < 0 ? nil : m
  }

  /// The value of free tie column `column` (an index into `tieAttributeNames`) for tie `tie`.
  public func tieAttribute(_ tie: Int, _ column: Int) -> String {
    tieAttributeValues[tie * tieAttributeNames.count + column]
  }

  /// Number of input ties (rows, and derived reports-to ties) of each kind, parallel to `kinds`.
  public var tieCountsByKind: [Int] {
    var c = [Int](repeating: 0, count: kinds.count)
    for t in ties { c[Int(t.kind)] += 1 }
    return c
  }

  /// Indices of our own team members (`isInternal`), in input order.
  public var internalPeople: [NodeIndex] {
    people.indices.filter { people[$0].isInternal }.map { NodeIndex($0) }
  }

  /// The combined undirected view over the ties of some kinds only, combined as `social` combines every kind
  /// (a reciprocated directed pair once with the larger weight; kinds summed). The kinds are taken in layer order.
  /// - Complexity: O(n + m) over the chosen layers.
  public func combinedView(kinds selected: Set<KindIndex>) -> GraphView {
    var entries = EntryList(capacity: 0)
    for k in selected.sorted() { SocialGraphBuilder.appendSocialEntries(of: layers[Int(k)], to: &entries) }
    return ViewConstruction.undirectedView(nodeCount: count, rows: ViewConstruction.compress(nodeCount: count, entries))
  }

  /// The kind of the strongest tie between u and v in either direction, with its weight (nil when none):
  /// what an introduction from u to v would lean on.
  public func strongestKind(between u: NodeIndex, and v: NodeIndex) -> (kind: TieKind, weight: Double)? {
    var best: (TieKind, Double)?
    for (k, layer) in layers.enumerated() {
      for (a, b) in [(u, v), (v, u)] {
        guard let s = layer.out.slot(from: a, to: b) else { continue }
        let w = layer.out.weights[s]
        if best == nil || w > best!.1 { best = (kinds[k], w) }
      }
    }
    return best
  }
}
