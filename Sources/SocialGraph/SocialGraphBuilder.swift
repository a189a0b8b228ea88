import OrderedCollections

/// A problem found while building a graph. Readers check their rows first and report file and line; these
/// errors are the last line of defence for callers that build graphs directly.
public enum SocialGraphError: Error, Sendable, Equatable, CustomStringConvertible {
  case duplicateID(String)
  case emptyID
  case unknownPerson(NodeIndex)
  case unknownManager(person: String, manager: String)
  case invalidWeight(Double)
  case tooLarge(String)

  public var description: String {
    switch self {
    case .duplicateID(let id): return "duplicate id \"\(id)\""
    case .emptyID: return "empty id"
    case .unknownPerson(let v): return "no person with index \(v)"
    case .unknownManager(let p, let m): return "\"\(p)\" reports to \"\(m)\", who is not in the graph"
    case .invalidWeight(let w): return "weight \(w) must be a finite number > 0"
    case .tooLarge(let what): return "\(what) exceeds the limit of \(Int32.max)"
    }
  }
}

/// Builds a `SocialGraph`: maps external ids to dense indices (input order), collects ties in one flat array,
/// and on `build()` compresses each view with counting sorts — O(n + m), no per-tie allocation.
public struct SocialGraphBuilder: Sendable {
  public private(set) var people: [Person] = []
  private var ids = OrderedSet<String>()
  private var ties = ContiguousArray<Tie>()
  private var kinds = OrderedSet<TieKind>()
  private var kindDirected: [Bool] = []
  private var tieAttributeNames: [String] = []
  private var tieAttributeValues = ContiguousArray<String>()

  public init(reservingPeople people: Int = 0, ties: Int = 0) {
    self.people.reserveCapacity(people)
    self.ids.reserveCapacity(people)
    self.ties.reserveCapacity(ties)
  }

  /// A builder holding `people`, in order: what `addPerson` on each gives, without copying them one by one.
  /// - Throws: `SocialGraphError` for an empty or duplicate id.
  public init(people: [Person]) throws {
    guard people.count < Int(Int32.max) else { throw SocialGraphError.tooLarge("number of people") }
    // The ids read in place (people[i].id): iterating the people would copy each one, every field retained.
    var list: [String] = []
    list.reserveCapacity(people.count)
    for i in people.indices {
      if people[i].id.isEmpty { throw SocialGraphError.emptyID }
      list.append(people[i].id)
    }
    ids = OrderedSet(list)
    if ids.count != people.count {
      var seen = Set<String>()
      for p in people where !seen.insert(p.id).inserted { throw SocialGraphError.duplicateID(p.id) }
    }
    self.people = people
  }

  public var count: Int { people.count }
  public var tieCount: Int { ties.count }

  /// Makes room for `more` ties beyond those added (readers call it with their row count before reading).
  public mutating func reserveTies(_ more: Int) {
    ties.reserveCapacity(ties.count + more)
    HugePages.advise(&ties)
  }
  var inputTies: ContiguousArray<Tie> { ties }
  var tieKinds: OrderedSet<TieKind> { kinds }
  var declaredTieAttributes: [String] { tieAttributeNames }
  var inputTieAttributeValues: ContiguousArray<String> { tieAttributeValues }

  public func index(of id: String) -> NodeIndex? { ids.firstIndex(of: id).map { NodeIndex($0) } }

  /// Adds a person; their id must be new and not empty.
  @discardableResult
  public mutating func addPerson(_ person: Person) throws -> NodeIndex {
    guard !person.id.isEmpty else { throw SocialGraphError.emptyID }
    guard people.count < Int(Int32.max) else { throw SocialGraphError.tooLarge("number of people") }
    let (inserted, i) = ids.append(person.id)
    guard inserted else { throw SocialGraphError.duplicateID(person.id) }
    people.append(person)
    return NodeIndex(i)
  }

  /// The index of `id`, adding a person with only that id when it is new (edge lists).
  public mutating func indexAddingPerson(id: String) throws -> NodeIndex {
    if let i = ids.firstIndex(of: id) { return NodeIndex(i) }
    return try addPerson(Person(id: id))
  }

  /// Replaces the person at `v` (same id).
  public mutating func updatePerson(at v: NodeIndex, _ change: (inout Person) -> Void) {
    let id = people[Int(v)].id
    change(&people[Int(v)])
    people[Int(v)].id = id
  }

  /// The index of a tie kind, registering it on first use.
  public mutating func kindIndex(for kind: TieKind) -> KindIndex {
    let (inserted, i) = kinds.append(kind)
    if inserted { kindDirected.append(false) }
    return KindIndex(i)
  }

  /// Declares the free tie columns; each later `addTie(_:attributes:)` gives one value per name.
  public mutating func declareTieAttributes(_ names: [String]) {
    precondition(ties.isEmpty, "declare tie attributes before adding ties")
    tieAttributeNames = names
  }

  /// Adds a tie. Its weight must be finite and > 0, its ends existing people, its kind from `kindIndex(for:)`.
  public mutating func addTie(_ tie: Tie) throws {
    precondition(tieAttributeNames.isEmpty, "this builder has tie attributes: use addTie(_:attributes:)")
    try appendTie(tie)
  }

  /// Adds a tie with the values of the declared free columns (one per name, in order).
  public mutating func addTie<S: Sequence<String>>(_ tie: Tie, attributes: S) throws {
    try appendTie(tie)
    let before = tieAttributeValues.count
    tieAttributeValues.append(contentsOf: attributes)
    precondition(tieAttributeValues.count - before == tieAttributeNames.count, "one value per tie attribute")
  }

  private mutating func appendTie(_ tie: Tie) throws {
    guard tie.weight.isFinite, tie.weight > 0 else { throw SocialGraphError.invalidWeight(tie.weight) }
    guard tie.source >= 0, Int(tie.source) < people.count else { throw SocialGraphError.unknownPerson(tie.source) }
    guard tie.target >= 0, Int(tie.target) < people.count else { throw SocialGraphError.unknownPerson(tie.target) }
    precondition(tie.kind >= 0 && Int(tie.kind) < kinds.count, "kind index from kindIndex(for:)")
    guard ties.count < Int(Int32.max) / 2 else { throw SocialGraphError.tooLarge("number of ties") }
    if tie.isDirected { kindDirected[Int(tie.kind)] = true }
    ties.append(tie)
  }

  /// Builds the immutable graph: resolves managers, adds reports-to ties from the `reportsTo` column where the
  /// input has none for that pair, then compresses every layer and the social view (see `SocialGraph`).
  /// - Complexity: O(n + m) time and memory, plus O(m log d) to merge reciprocated directed ties.
  public func build() throws -> SocialGraph {
    let n = people.count
    var ties = self.ties
    var kinds = self.kinds
    var kindDirected = self.kindDirected
    var attributeValues = self.tieAttributeValues

    // Managers, and reports-to ties derived from them.
    var managers = ContiguousArray<Int32>(repeating: -1, count: n)
    for v in 0..<n {
      guard let m = people[v].reportsTo, !m.isEmpty else { continue }
      guard let mi = ids.firstIndex(of: m) else {
        throw SocialGraphError.unknownManager(person: people[v].id, manager: m)
      }
      managers[v] = Int32(mi)
    }
    var derived = 0
    if managers.contains(where: { $0 >= 0 }) {
      let (inserted, k) = kinds.append(.reportsTo)
      if inserted { kindDirected.append(true) } else { kindDirected[k] = true }
      var declared = Set<UInt64>()
      for t in ties where Int(t.kind) == k {
        declared.insert(UInt64(UInt32(t.source)) << 32 | UInt64(UInt32(t.target)))
      }
      for v in 0..<n where managers[v] >= 0 && managers[v] != Int32(v) {
        let key = UInt64(UInt32(v)) << 32 | UInt64(UInt32(managers[v]))
        if declared.contains(key) { continue }
        ties.append(Tie(source: Int32(v), target: managers[v], weight: 1, kind: KindIndex(k), isDirected: true))
        attributeValues.append(contentsOf: repeatElement("", count: tieAttributeNames.count))
        derived += 1
      }
    }

    // Layers: bucket tie indices by kind (counting sort), then compress each.
    let kindCount = kinds.count
    var kindStart = [Int](repeating: 0, count: kindCount + 1)
    var selfLoops = 0
    for t in ties {
      if t.source == t.target { selfLoops += 1; continue }
      kindStart[Int(t.kind) + 1] += 1
    }
    for k in 0..<kindCount { kindStart[k + 1] += kindStart[k] }
    var byKind = ContiguousArray<Int32>(repeating: 0, count: kindStart[kindCount])
    var cursor = kindStart
    for (i, t) in ties.enumerated() where t.source != t.target {
      byKind[cursor[Int(t.kind)]] = Int32(i); cursor[Int(t.kind)] += 1
    }

    var layers: [GraphView] = []
    layers.reserveCapacity(kindCount)
    var socialEntries = EntryList(capacity: 2 * byKind.count)
    for k in 0..<kindCount {
      let directed = kindDirected[k]
      let range = kindStart[k]..<kindStart[k + 1]
      var entries = EntryList(capacity: 2 * range.count)
      for j in range {
        let t = ties[Int(byKind[j])]
        entries.append(t.source, t.target, t.weight, ties: 1, kinds: 1)
        if !directed || !t.isDirected { entries.append(t.target, t.source, t.weight, ties: directed ? 1 : 0, kinds: 1) }
      }
      var rows = ViewConstruction.compress(nodeCount: n, entries)
      entries = EntryList(capacity: 0)
      let view: GraphView
      if directed {
        view = ViewConstruction.directedView(nodeCount: n, rows: rows)
      } else {
        // Undirected compress doubled nothing but the reverse entries carry ties: 0, so the tie count of a
        // slot is the number of rows.
        rows.ties = Self.symmetricTieCounts(rows)
        view = ViewConstruction.undirectedView(nodeCount: n, rows: rows)
      }
      Self.appendSocialEntries(of: view, to: &socialEntries)
      layers.append(view)
    }
    let social = ViewConstruction.undirectedView(
      nodeCount: n, rows: ViewConstruction.compress(nodeCount: n, socialEntries))

    return SocialGraph(
      people: people, ids: ids, ties: ties, kinds: Array(kinds), layers: layers, social: social,
      managers: managers, tieAttributeNames: tieAttributeNames, tieAttributeValues: attributeValues,
      selfLoopCount: selfLoops, derivedReportsToCount: derived)
  }

  /// Appends a layer's entries for a combined undirected view: both directions of every edge of an undirected
  /// layer; a directed layer symmetrized (`appendSymmetrized`).
  static func appendSocialEntries(of view: GraphView, to entries: inout EntryList) {
    if view.isDirected { appendSymmetrized(view, to: &entries); return }
    for e in 0..<view.edgeCount {
      let u = view.edgeSources[e], v = view.edgeTargets[e]
      let w = view.edgeWeights[e], tc = view.edgeTieCounts[e]
      entries.append(u, v, w, ties: tc, kinds: 1)
      entries.append(v, u, w, ties: tc, kinds: 1)
    }
  }

  /// Appends, for every person u, one entry per neighbour v in out(u) ∪ in(u): weight max(w(u→v), w(v→u)),
  /// tie count the sum of both arcs'. Linear merge of two sorted rows: O(deg) per person.
  static func appendSymmetrized(_ view: GraphView, to entries: inout EntryList) {
    let o = view.out, i = view.inbound
    for u in 0..<Int32(view.nodeCount) {
      var p = Int(o.offsets[Int(u)]), pe = Int(o.offsets[Int(u) + 1])
      var q = Int(i.offsets[Int(u)]), qe = Int(i.offsets[Int(u) + 1])
      while p < pe || q < qe {
        let a = p < pe ? o.targets[p] : Int32.max
        let b = q < qe ? i.targets[q] : Int32.max
        if a == b {
          let tc = view.edgeTieCounts[Int(o.edgeIDs[p])] &+ view.edgeTieCounts[Int(i.edgeIDs[q])]
          entries.append(u, a, max(o.weights[p], i.weights[q]), ties: tc, kinds: 1)
          p += 1; q += 1
        } else if a < b {
          entries.append(u, a, o.weights[p], ties: view.edgeTieCounts[Int(o.edgeIDs[p])], kinds: 1)
          p += 1
        } else {
          entries.append(u, b, i.weights[q], ties: view.edgeTieCounts[Int(i.edgeIDs[q])], kinds: 1)
          q += 1
        }
      }
    }
  }

  /// In an undirected layer the entry u → v carries ties: 1 and its mirror v → u ties: 0; after compression a
  /// slot holds the rows counted from one side only. The tie count of edge {u, v} is the sum of both slots.
  private static func symmetricTieCounts(_ r: CompressedRows) -> ContiguousArray<Int32> {
    var out = r.ties
    let n = r.offsets.count - 1
    for u in 0..<n {
      for p in Int(r.offsets[u])..<Int(r.offsets[u + 1]) {
        let v = Int(r.targets[p])
        guard v > u else { continue }
        // find the mirror slot in row v
        var lo = Int(r.offsets[v]), hi = Int(r.offsets[v + 1])
        while lo < hi {
          let mid = (lo + hi) >> 1
          if Int(r.targets[mid]) < u { lo = mid + 1 } else { hi = mid }
        }
        let total = r.ties[p] + r.ties[lo]
        out[p] = total; out[lo] = total
      }
    }
    return out
  }
}
