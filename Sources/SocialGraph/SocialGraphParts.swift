/// The people and ties as they were given, before any view is built: what a `SocialGraph` is built from, and what
/// it can be cut into (an account's own graph, `subgraph`). Ties keep their input order; reports-to ties that
/// `build()` derives from the people's `reportsTo` column are not in it (a subgraph derives its own).
public struct SocialGraphParts: Sendable {
  public let people: [Person]
  public let ties: ContiguousArray<Tie>
  /// The kind names, indexed by `Tie.kind`.
  public let kinds: [TieKind]
  public let tieAttributeNames: [String]
  let tieAttributeValues: ContiguousArray<String>

  init(people: [Person], ties: ContiguousArray<Tie>, kinds: [TieKind], tieAttributeNames: [String],
       tieAttributeValues: ContiguousArray<String>) {
    self.people = people; self.ties = ties; self.kinds = kinds
    self.tieAttributeNames = tieAttributeNames; self.tieAttributeValues = tieAttributeValues
  }

  /// The graph of some of the people and some of the ties, built as if they had been read from files holding only
  /// them: people in the order given (their ids unchanged), ties in the order given, tie kinds registered in order
  /// of first appearance among those ties. A `reportsTo` naming someone outside `people` is dropped (the manager
  /// is not part of this graph), as is an `owner` outside it.
  /// - Precondition: every tie's ends are among `people`; `position`, when given, is each member's index in `people`.
  /// - Complexity: O(p + t log p) (O(p + t) with `position`) plus the build (O(p + t) with counting sorts).
  public func subgraph(people members: [NodeIndex], ties selected: [Int32],
                       position: ((NodeIndex) -> NodeIndex?)? = nil) throws -> SocialGraph {
    // Each tie's ends found among the members: by the caller's `position` (a person's index in `members`) when
    // given, else by binary search when they are in index order, else through a dictionary.
    let local = position ?? Self.positions(of: members)
    var ids = Set<String>(minimumCapacity: members.count)
    for v in members { ids.insert(people[Int(v)].id) }
    var builder = SocialGraphBuilder(reservingPeople: members.count, ties: selected.count)
    for v in members {
      var p = people[Int(v)]
      if let m = p.reportsTo, !ids.contains(m) { p.reportsTo = nil }
      if let o = p.owner, !ids.contains(o) { p.owner = nil }
      try builder.addPerson(p)
    }
    var kindMap = [KindIndex](repeating: -1, count: kinds.count)
    let width = tieAttributeNames.count
    if width > 0 { builder.declareTieAttributes(tieAttributeNames) }
    for t in selected {
      var tie = ties[Int(t)]
      guard let s = local(tie.source), let d = local(tie.target) else {
        preconditionFailure("subgraph: tie \(t) has an end outside the people given")
      }
      let k = Int(tie.kind)
      if kindMap[k] < 0 { kindMap[k] = builder.kindIndex(for: kinds[k]) }
      tie.source = s; tie.target = d; tie.kind = kindMap[k]
      if width == 0 {
        try builder.addTie(tie)
      } else {
        let base = Int(t) * width
        try builder.addTie(tie, attributes: tieAttributeValues[base..<(base + width)])
      }
    }
    return try builder.build()
  }
}

extension SocialGraphParts {
  /// Each of `members`' index among them (nil for anyone else).
  static func positions(of members: [NodeIndex]) -> (NodeIndex) -> NodeIndex? {
    if zip(members, members.dropFirst()).allSatisfy({ $0 < $1 }) { return { members.sortedPosition(of: $0) } }
    let table = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, NodeIndex($0)) })
    return { table[$0] }
  }
}

extension SocialGraphBuilder {
  /// The people and ties added so far.
  public var parts: SocialGraphParts {
    SocialGraphParts(people: people, ties: inputTies, kinds: Array(tieKinds), tieAttributeNames: declaredTieAttributes,
                     tieAttributeValues: inputTieAttributeValues)
  }
}

extension SocialGraph {
  /// The people and the input ties (derived reports-to ties left out).
  public var parts: SocialGraphParts {
    let n = ties.count - derivedReportsToCount
    let width = tieAttributeNames.count
    return SocialGraphParts(people: people, ties: ContiguousArray(ties.prefix(n)), kinds: kinds,
                            tieAttributeNames: tieAttributeNames,
                            tieAttributeValues: ContiguousArray(tieAttributeValues.prefix(n * width)))
  }
}

extension Array where Element == NodeIndex {
  /// Where `v` is in this array, which must be in ascending order without repeats; nil when it is not there.
  /// - Complexity: O(log count), binary search.
  @inline(__always) public func sortedPosition(of v: NodeIndex) -> NodeIndex? {
    var (lo, hi) = (0, count)
    while lo < hi {
      let mid = (lo + hi) >> 1
      if self[mid] < v { lo = mid + 1 } else { hi = mid }
    }
    return lo < count && self[lo] == v ? NodeIndex(lo) : nil
  }
}
