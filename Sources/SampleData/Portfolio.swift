import Foundation
import GraphFormats
import NetworkAnalysis
import SocialGraph

/// A large portfolio for batch scoring: `contacts` contacts spread over `accounts` accounts whose sizes are
/// heavy-tailed (a truncated Pareto law between `minSize` and `maxSize`, rescaled to the requested total), each
/// account generated as the sample account is (org chart, roles, informal ties, our relationships, history) from
/// its own seed (seed, account index), so the files do not depend on the thread count. Our team is a pool of
/// pods of six (one pod per eight accounts); each account is served by one pod.
struct PortfolioSample {
  var seed: UInt64 = 2026
  var contacts = 1_000_000
  var accounts = 20_000
  var minSize = 5
  var maxSize = 2_000
  var months = 18
  /// Pareto shape: 0.78 gives a mean near 50 between 5 and 2,000.
  var shape = 0.78

  /// Account sizes in account order: Pareto draws by inversion, then scaled and nudged (±1 on random accounts
  /// within the bounds) until they sum to `contacts`.
  func sizes() -> [Int] {
    var rng = SplitMix64(seed: seed, stream: 11)
    let (lo, hi, a) = (Double(minSize), Double(maxSize), shape)
    var raw = (0..<accounts).map { _ -> Double in
      let u = rng.nextUnit()
      // Inverse CDF of the Pareto law truncated to [lo, hi].
      let ratio = pow(lo / hi, a)
      return lo / pow(1 - u * (1 - ratio), 1 / a)
    }
    let scale = Double(contacts) / raw.reduce(0, +)
    raw = raw.map { $0 * scale }
    var sizes = raw.map { min(maxSize, max(minSize, Int($0.rounded()))) }
    var total = sizes.reduce(0, +)
    while total != contacts {
      let i = Int(rng.next() % UInt64(accounts))
      if total < contacts, sizes[i] < maxSize { sizes[i] += 1; total += 1 }
      else if total > contacts, sizes[i] > minSize { sizes[i] -= 1; total -= 1 }
    }
    return sizes
  }

  struct Chunk: Sendable { var contacts = "", ties = "", history = "", tieCount = 0, historyCount = 0 }

  /// Writes contacts.csv, ties.csv and interactions.csv into `dir`; returns a one-line summary.
  func write(to dir: String, threads: Int) throws -> String {
    precondition(accounts * minSize <= contacts && contacts <= accounts * maxSize, "sizes out of bounds")
    let sizes = self.sizes()
    let pods = max(1, accounts / 8)
    // The team pool, and the ties inside each pod (our team works together).
    var teamGen = SampleAccounts(options: .init(seed: seed, teamSize: 6))
    var team: [SampleAccounts.Member] = []
    for t in 0..<(pods * 6) {
      if t % 6 == 0 { teamGen.usedNames = [] }   // names unique within a pod
      team.append(teamGen.teamMember(t, id: String.padded("T", t + 1, width: 5)))
    }
    var head = Chunk(contacts: SampleFiles.contactsHeader, ties: SampleFiles.tiesHeader, history: SampleFiles.historyHeader)
    for m in team { head.contacts += SampleFiles.contact(m, id: { team[$0].id }) }
    for p in 0..<pods {
      for a in 0..<6 { for b in (a + 1)..<6 where teamGen.chance(0.6) {
        let t = SampleAccounts.GenTie(a: p * 6 + a, b: p * 6 + b, kind: .collaboration, weight: teamGen.round2(teamGen.uniform(0.6, 1.0)),
                                      directed: false, since: team[p * 6 + b].hired)
        head.ties += SampleFiles.tie(t, id: { team[$0].id }); head.tieCount += 1
      } }
    }
    let seed = self.seed, months = self.months, pool = team
    let chunks = ParallelMap.map(accounts, threads: threads, order: sizes.indices.sorted { sizes[$0] > sizes[$1] }) { k in
      var o = SampleAccounts.Options()
      o.seed = seed; o.teamSize = 6; o.months = months
      var gen = SampleAccounts(options: o)
      gen.rng = SplitMix64(seed: seed, stream: 1_000 + UInt64(k))
      let pod = (k % pods) * 6
      gen.people = Array(pool[pod..<(pod + 6)])
      gen.team = Array(0..<6)
      gen.generateAccount(k, size: sizes[k])
      gen.generateHistory()
      var c = Chunk()
      let people = gen.people
      func id(_ i: Int) -> String { people[i].id }
      for m in people[6...] { c.contacts += SampleFiles.contact(m, id: id) }
      for t in gen.ties { c.ties += SampleFiles.tie(t, id: id) }
      for h in gen.history { c.history += SampleFiles.interaction(h, id: id) }
      c.tieCount = gen.ties.count; c.historyCount = gen.history.count
      return c
    }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    func join(_ part: (Chunk) -> String) -> String {
      var s = part(head)
      s.reserveCapacity(chunks.reduce(s.utf8.count) { $0 + part($1).utf8.count })
      for c in chunks { s += part(c) }
      return s
    }
    try AtomicFile.writeAll([("\(dir)/contacts.csv", .text(join(\.contacts))), ("\(dir)/ties.csv", .text(join(\.ties))),
                             ("\(dir)/interactions.csv", .text(join(\.history)))])
    let ties = chunks.reduce(head.tieCount) { $0 + $1.tieCount }
    let history = chunks.reduce(0) { $0 + $1.historyCount }
    let sorted = sizes.sorted()
    return "wrote \(dir)/contacts.csv (\(contacts) contacts in \(accounts) accounts, sizes \(sorted.first!)–\(sorted.last!), "
      + "median \(sorted[sorted.count / 2]); \(team.count) team members), ties.csv (\(ties) ties), interactions.csv (\(history) interactions)"
  }
}
