import SocialGraph
import Synchronization

/// A portfolio cut into its accounts: for each account, its contacts, the members of our team engaged there, the
/// ties among them and the contact history with them — everything an account is analysed on, and nothing else.
///
/// **Per account by construction.** An account is its contacts (people with that `account`, not our team; people
/// with no account form the "" account), the ties between two of them, and *our team's ties into them*. A member of
/// our team is *engaged* in the account when they have a tie to one of its contacts, own one of them (`owner`), or
/// appear (`with`) in the history with one of them; the ties among engaged members are kept too (our team working
/// together), so a file holding one account and its team gives exactly the same graph. Ties between contacts of two
/// different accounts belong to neither (`crossAccountTies` counts them); an interaction's account is its contact's.
/// So an account's tie probabilities, centralities, influence percentiles and recommendations never depend on the
/// other accounts of the file or of the shard.
/// - Complexity: O(n + m + h) for n people, m ties, h interactions, plus O(Σ engaged team ties) per account.
public struct AccountPartition: Sendable {
  /// Account names in order of first appearance among the contacts.
  public let names: [String]
  /// Per account: its contacts (global indices, input order).
  public let contacts: [[NodeIndex]]
  /// Per account: the engaged members of our team (global indices, input order).
  public let team: [[NodeIndex]]
  /// Per account: the indices of its ties in `SocialGraphParts.ties`, in input order.
  public let ties: [[Int32]]
  /// Per account: the indices of its interactions in the history, in input order.
  public let interactions: [[Int32]]
  /// Ties between contacts of two different accounts (kept by no account).
  public let crossAccountTies: Int
  public let parts: SocialGraphParts
  private let positions: PositionTables

  public init(_ parts: SocialGraphParts, interactions history: [Interaction], only: ((String) -> Bool)? = nil) {
    self.parts = parts
    positions = PositionTables(people: parts.people.count)
    let people = parts.people
    let n = people.count
    var accountOf = [Int32](repeating: -1, count: n)   // -1: our team or an account left out
    // Who is on our team, one byte per person: the loops over millions of ties and rows below ask it of people
    // at random, and a Person is some hundred bytes.
    var isTeam = [Bool](repeating: false, count: n)
    var names: [String] = []
    var index: [String: Int32] = [:]
    var contacts: [[NodeIndex]] = []
    // A file grouped by account names the same account row after row: compared with the last one, it is not
    // hashed again.
    var last: (name: String, k: Int32)?
    for v in 0..<n {
      if people[v].isInternal { isTeam[v] = true; continue }
      let a = people[v].account ?? ""
      let k: Int32
      if let l = last, l.name == a { k = l.k } else if let found = index[a] { k = found } else {
        if let only, !only(a) { k = -2 } else {
          k = Int32(names.count); names.append(a); contacts.append([])
        }
        index[a] = k
      }
      last = (a, k)
      if k < 0 { continue }
      accountOf[v] = k
      contacts[Int(k)].append(NodeIndex(v))
    }
    let count = names.count
    let bucketed = Self.bucket(parts, history: history, accounts: count, accountOf: accountOf, isTeam: isTeam, contacts: contacts)
    var ties = bucketed.ties
    // Ties among the engaged members of each account: our team's own ties, indexed by member.
    var teamTiesOf: [NodeIndex: [Int32]] = [:]
    for i in bucketed.teamTies {
      let t = parts.ties[Int(i)]
      teamTiesOf[t.source, default: []].append(i)
      if t.target != t.source { teamTiesOf[t.target, default: []].append(i) }
    }
    var team = [[NodeIndex]](repeating: [], count: count)
    for k in 0..<count {
      let members = bucketed.engaged[k]
      team[k] = members.sorted()
      guard !teamTiesOf.isEmpty, !members.isEmpty else { continue }
      var own = Set<Int32>()
      for u in members {
        for i in teamTiesOf[u] ?? [] {
          let t = parts.ties[Int(i)]
          if members.contains(t.source) && members.contains(t.target) { own.insert(i) }
        }
      }
      if !own.isEmpty { ties[k] = (ties[k] + own).sorted() }
    }
    self.names = names
    self.contacts = contacts
    self.team = team
    self.ties = ties
    self.interactions = bucketed.rows
    self.crossAccountTies = bucketed.cross
  }

  /// Each account's ties and history rows, and the members of our team they engage there: the ties (with the
  /// contacts' owners) and the history on two threads when both are large, each with its own sets of engaged
  /// members, joined after. A member is *engaged* by a tie to one of the account's contacts, by owning one, or by
  /// appearing (`with`) in its history.
  /// - Complexity: O(m + h + n) over both threads.
  private static func bucket(_ parts: SocialGraphParts, history: [Interaction], accounts count: Int, accountOf: [Int32],
                             isTeam: [Bool], contacts: [[NodeIndex]])
    -> (ties: [[Int32]], teamTies: [Int32], cross: Int, engaged: [Set<NodeIndex>], rows: [[Int32]]) {
    enum Part: Sendable {
      case ties([[Int32]], teamTies: [Int32], cross: Int, engaged: [Set<NodeIndex>])
      case history([[Int32]], engaged: [Set<NodeIndex>])
    }
    let people = parts.people
    let n = people.count
    // Engages `member` in account `a`: `lastEngaged` keeps the account each member was last marked in, so that a
    // file grouped by account asks the set once per run of rows instead of once per row.
    @Sendable func engage(_ member: Int, in a: Int32, _ engaged: inout [Set<NodeIndex>], _ lastEngaged: inout [Int32]) {
      guard lastEngaged[member] != a else { return }
      lastEngaged[member] = a
      engaged[Int(a)].insert(NodeIndex(member))
    }
    let large = parts.ties.count + history.count >= 100_000 && !ParallelMap.isInsideItem
    let halves = ParallelMap.map(2, threads: large ? 2 : 1) { part -> Part in
      var engaged = [Set<NodeIndex>](repeating: [], count: count)
      var lastEngaged = [Int32](repeating: -1, count: n)
      if part == 1 {
        var rows = [[Int32]](repeating: [], count: count)
        for (i, x) in history.enumerated() {
          let a = accountOf[Int(x.person)]
          guard a >= 0 else { continue }   // our team's own rows, or an account left out
          rows[Int(a)].append(Int32(i))
          if let w = x.with, isTeam[Int(w)] { engage(Int(w), in: a, &engaged, &lastEngaged) }
        }
        return .history(rows, engaged: engaged)
      }
      var ties = [[Int32]](repeating: [], count: count)
      var teamTies: [Int32] = []
      var cross = 0
      for (i, t) in parts.ties.enumerated() {
        let (s, d) = (Int(t.source), Int(t.target))
        let (a, b) = (accountOf[s], accountOf[d])
        let (si, di) = (isTeam[s], isTeam[d])
        if si && di { teamTies.append(Int32(i)); continue }
        if a >= 0 && b >= 0 {
          if a == b { ties[Int(a)].append(Int32(i)) } else { cross += 1 }
        } else if a >= 0 && di {
          ties[Int(a)].append(Int32(i)); engage(d, in: a, &engaged, &lastEngaged)
        } else if b >= 0 && si {
          ties[Int(b)].append(Int32(i)); engage(s, in: b, &engaged, &lastEngaged)
        }
      }
      // Owners: the team's ids, and each contact's owner (the last one found again without hashing).
      var ids: [String: NodeIndex] = [:]
      for v in 0..<n where isTeam[v] { ids[people[v].id] = NodeIndex(v) }
      var last: (id: String, member: NodeIndex?)?
      for (k, list) in contacts.enumerated() {
        for v in list {
          guard let o = people[Int(v)].owner else { continue }
          let member: NodeIndex?
          if let l = last, l.id == o { member = l.member } else { member = ids[o]; last = (o, member) }
          if let t = member { engage(Int(t), in: Int32(k), &engaged, &lastEngaged) }
        }
      }
      return .ties(ties, teamTies: teamTies, cross: cross, engaged: engaged)
    }
    guard case .ties(let ties, let teamTies, let cross, var engaged) = halves[0],
          case .history(let rows, let fromHistory) = halves[1] else { preconditionFailure("ties, then history") }
    for k in 0..<count where !fromHistory[k].isEmpty { engaged[k].formUnion(fromHistory[k]) }
    return (ties, teamTies, cross, engaged, rows)
  }

  public var count: Int { names.count }

  /// Account `k` as a graph of its own (`SocialGraphParts.subgraph`): its people in input order (contacts and
  /// engaged team members interleaved as in the input), its ties, and its history re-indexed to that graph.
  /// - Complexity: O(p + t + h) for its p people, t ties and h interactions, plus the build.
  public func slice(_ k: Int, history: [Interaction]) throws -> AccountSlice {
    // The contacts and the engaged members are each in index order: merged, not sorted.
    let (c, t) = (contacts[k], team[k])
    var members: [NodeIndex] = []
    members.reserveCapacity(c.count + t.count)
    var (i, j) = (0, 0)
    while i < c.count || j < t.count {
      if j == t.count || (i < c.count && c[i] < t[j]) { members.append(c[i]); i += 1 } else { members.append(t[j]); j += 1 }
    }
    // Each member's position, from a table of everyone (taken from the pool, and left as it was found).
    let table = positions.take()
    defer { positions.give(table) }
    for (i, v) in members.enumerated() { table[Int(v)] = NodeIndex(i) }
    defer { for v in members { table[Int(v)] = -1 } }
    func position(_ v: NodeIndex) -> NodeIndex? { let p = table[Int(v)]; return p >= 0 ? p : nil }
    let graph = try parts.subgraph(people: members, ties: ties[k], position: position)
    let rows = interactions[k].map { i -> Interaction in
      var x = history[Int(i)]
      x.person = table[Int(x.person)]   // the account's contact
      x.with = x.with.flatMap(position)
      return x
    }
    return AccountSlice(name: names[k], graph: graph, interactions: rows, people: members)
  }
}

/// Tables of everyone's position in the account being cut (−1 elsewhere), one per thread at work: `slice` takes
/// one, marks the account's people, and unmarks them before giving it back, so cutting an account costs its own
/// size, not the portfolio's. Freed with the partition.
final class PositionTables: Sendable {
  private struct Table: @unchecked Sendable { let base: UnsafeMutablePointer<NodeIndex> }
  private let free = Mutex<[Table]>([])
  private let count: Int

  init(people: Int) { count = people }

  func take() -> UnsafeMutablePointer<NodeIndex> {
    if let t = free.withLock({ $0.popLast() }) { return t.base }
    let base = UnsafeMutablePointer<NodeIndex>.allocate(capacity: max(count, 1))
    base.initialize(repeating: -1, count: max(count, 1))
    return base
  }

  func give(_ base: UnsafeMutablePointer<NodeIndex>) { free.withLock { $0.append(Table(base: base)) } }

  deinit { free.withLock { tables in for t in tables { t.base.deallocate() } } }
}

/// One account as a graph of its own (`AccountPartition.slice`).
public struct AccountSlice: Sendable {
  public var name: String
  /// The account's contacts and engaged team, the ties among them (see `AccountPartition`).
  public var graph: SocialGraph
  /// Its contact history, indexed to `graph`.
  public var interactions: [Interaction]
  /// The global index (in the portfolio) of each person of `graph`.
  public var people: [NodeIndex]

  public init(name: String, graph: SocialGraph, interactions: [Interaction], people: [NodeIndex]) {
    self.name = name; self.graph = graph; self.interactions = interactions; self.people = people
  }
}
