import SocialGraph

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

  public init(_ parts: SocialGraphParts, interactions history: [Interaction], only: ((String) -> Bool)? = nil) {
    self.parts = parts
    let people = parts.people
    let n = people.count
    var accountOf = [Int32](repeating: -1, count: n)   // -1: our team or an account left out
    // Who is on our team, one byte per person: the loops over millions of ties and rows below ask it of people
    // at random, and a Person is some hundred bytes.
    let isTeam = people.map(\.isInternal)
    var names: [String] = []
    var index: [String: Int32] = [:]
    var contacts: [[NodeIndex]] = []
    for v in 0..<n where !isTeam[v] {
      let a = people[v].account ?? ""
      let k: Int32
      if let found = index[a] { k = found } else {
        if let only, !only(a) { index[a] = -2; continue }
        k = Int32(names.count); index[a] = k; names.append(a); contacts.append([])
      }
      if k < 0 { continue }
      accountOf[v] = k
      contacts[Int(k)].append(NodeIndex(v))
    }
    let count = names.count
    var ties = [[Int32]](repeating: [], count: count)
    var engaged = [Set<NodeIndex>](repeating: [], count: count)
    // The account each team member was last marked engaged in: a file grouped by account names the same member
    // row after row, and the set is asked once per run instead of once per row (the sets decide either way).
    var lastEngaged = [Int32](repeating: -1, count: n)
    func engage(_ member: Int, in a: Int32) {
      guard lastEngaged[member] != a else { return }
      lastEngaged[member] = a
      engaged[Int(a)].insert(NodeIndex(member))
    }
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
        ties[Int(a)].append(Int32(i)); engage(d, in: a)
      } else if b >= 0 && si {
        ties[Int(b)].append(Int32(i)); engage(s, in: b)
      }
    }
    // Owners, and the team members of the history.
    var ids: [String: NodeIndex] = [:]
    for v in 0..<n where people[v].isInternal { ids[people[v].id] = NodeIndex(v) }
    for (k, list) in contacts.enumerated() {
      for v in list { if let o = people[Int(v)].owner, let t = ids[o] { engaged[k].insert(t) } }
    }
    var rows = [[Int32]](repeating: [], count: count)
    for (i, x) in history.enumerated() {
      let a = accountOf[Int(x.person)]
      guard a >= 0 else { continue }   // our team's own rows, or an account left out
      rows[Int(a)].append(Int32(i))
      if let w = x.with, isTeam[Int(w)] { engage(Int(w), in: a) }
    }
    // Ties among the engaged members of each account: our team's own ties, indexed by member.
    var teamTiesOf: [NodeIndex: [Int32]] = [:]
    for i in teamTies {
      let t = parts.ties[Int(i)]
      teamTiesOf[t.source, default: []].append(i)
      if t.target != t.source { teamTiesOf[t.target, default: []].append(i) }
    }
    var team = [[NodeIndex]](repeating: [], count: count)
    for k in 0..<count {
      let members = engaged[k]
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
    self.interactions = rows
    self.crossAccountTies = cross
  }

  public var count: Int { names.count }

  /// Account `k` as a graph of its own (`SocialGraphParts.subgraph`): its people in input order (contacts and
  /// engaged team members interleaved as in the input), its ties, and its history re-indexed to that graph.
  public func slice(_ k: Int, history: [Interaction]) throws -> AccountSlice {
    let members = (contacts[k] + team[k]).sorted()
    let graph = try parts.subgraph(people: members, ties: ties[k])
    let rows = interactions[k].map { i -> Interaction in
      var x = history[Int(i)]
      x.person = members.sortedPosition(of: x.person)!   // members are in index order
      x.with = x.with.flatMap { members.sortedPosition(of: $0) }
      return x
    }
    return AccountSlice(name: names[k], graph: graph, interactions: rows, people: members)
  }
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
