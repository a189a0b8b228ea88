import Foundation
import GraphFormats
import NetworkAnalysis
import SocialGraph

/// The sample account as a series of monthly exports (`tiemap-sample --snapshots 12`), for the workspace: one folder
/// per month end (`2025-11-30/`, …) holding the contacts, ties, history, survey answers and referrals known then.
/// Between months, with planted truth written to `changes.csv` (month, id, change, old, new):
/// - people leave (a decision maker and an influencer among them) and join (they are absent before their month);
/// - decision makers and influencers change role or title;
/// - the history grows month by month, so trust and silences move as the interactions come.
/// A person's manager who is not there that month is left out of their row; a tie or an interaction is in a month
/// when both people are there and it happened by then.
struct SnapshotSeries {
  enum Change: String { case left, joined, role, title }
  struct Planted { var month: Int; var person: Int; var change: Change; var old: String; var new: String }

  let gen: SampleAccounts
  let months: [Day]
  var planted: [Planted] = []

  init(_ gen: SampleAccounts, count: Int, seed: UInt64) {
    self.gen = gen
    // Month ends, the last one the month of the latest interaction.
    let last = gen.history.map(\.date).max() ?? Day(year: 2026, month: 10, day: 31)!
    let (y, m) = Self.yearMonth(last)
    months = (0..<count).reversed().map { back in
      var (yy, mm) = (y, m - back)
      while mm < 1 { mm += 12; yy -= 1 }
      return Self.monthEnd(yy, mm)
    }
    var rng = SplitMix64(seed: seed, stream: 31)
    func pick(_ candidates: [Int], _ n: Int) -> [Int] {
      var pool = candidates, out: [Int] = []
      for _ in 0..<min(n, pool.count) { out.append(pool.remove(at: Int(rng.next() % UInt64(pool.count)))) }
      return out
    }
    let external = gen.people.indices.filter { !gen.people[$0].isInternal && gen.people[$0].manager != nil }
    let key = external.filter { gen.people[$0].role == .decisionMaker || gen.people[$0].role == .influencer }
    let month = { Int(1 + rng.next() % UInt64(max(1, count - 1))) }   // 1…count-1: a change is seen between two months
    var used = Set<Int>()
    for p in pick(key, 2) { planted.append(Planted(month: month(), person: p, change: .left, old: "", new: "")); used.insert(p) }
    for p in pick(external.filter { !used.contains($0) }, 4) { planted.append(Planted(month: month(), person: p, change: .left, old: "", new: "")); used.insert(p) }
    for p in pick(external.filter { !used.contains($0) }, 6) { planted.append(Planted(month: month(), person: p, change: .joined, old: "", new: "")); used.insert(p) }
    for p in pick(key.filter { !used.contains($0) }, 2) {
      let r = gen.people[p].role!
      let next: StakeholderRole = r == .decisionMaker ? .influencer : .decisionMaker
      planted.append(Planted(month: month(), person: p, change: .role, old: r.rawValue, new: next.rawValue)); used.insert(p)
    }
    for p in pick(key.filter { !used.contains($0) }, 2) {
      let t = gen.people[p].title
      planted.append(Planted(month: month(), person: p, change: .title, old: t, new: "Senior " + t)); used.insert(p)
    }
    planted.sort { ($0.month, gen.people[$0.person].id) < ($1.month, gen.people[$1.person].id) }
  }

  static func yearMonth(_ d: Day) -> (Int, Int) {
    let s = d.description
    return (Int(s.prefix(4))!, Int(s.dropFirst(5).prefix(2))!)
  }
  static func monthEnd(_ y: Int, _ m: Int) -> Day {
    var day = 31
    while Day(year: y, month: m, day: day) == nil { day -= 1 }
    return Day(year: y, month: m, day: day)!
  }

  /// Who is there in month `k`, and with which role and title.
  func members(_ k: Int) -> [Int: SampleAccounts.Member] {
    var out: [Int: SampleAccounts.Member] = [:]
    for (i, m) in gen.people.enumerated() { out[i] = m }
    for c in planted {
      switch c.change {
      case .left: if k >= c.month { out[c.person] = nil }
      case .joined: if k < c.month { out[c.person] = nil }
      case .role: if k >= c.month { out[c.person]?.role = StakeholderRole(rawValue: c.new) }
      case .title: if k >= c.month { out[c.person]?.title = c.new }
      }
    }
    for (i, var m) in out {
      if let boss = m.manager, out[boss] == nil { m.manager = nil; out[i] = m }
      if let o = m.owner, out[o] == nil { m.owner = nil; out[i] = m }
    }
    return out
  }

  /// Writes the folders and `changes.csv`; returns a summary line.
  func write(to dir: String) throws -> String {
    let p = gen.people
    func id(_ i: Int) -> String { p[i].id }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (k, day) in months.enumerated() {
      let there = members(k)
      var contacts = SampleFiles.contactsHeader
      for i in p.indices { if let m = there[i] { contacts += SampleFiles.contact(m, id: id) } }
      var ties = SampleFiles.tiesHeader
      for t in gen.ties where there[t.a] != nil && there[t.b] != nil && (t.since ?? day) <= day { ties += SampleFiles.tie(t, id: id) }
      var history = SampleFiles.historyHeader
      for h in gen.history where h.date <= day && there[h.person] != nil && there[h.with] != nil { history += SampleFiles.interaction(h, id: id) }
      var surveys = SampleFiles.surveysHeader
      for s in gen.surveys where s.date <= day && there[s.person] != nil { surveys += SampleFiles.survey(s, id: id) }
      var referrals = SampleFiles.referralsHeader
      for r in gen.referrals where r.date <= day && there[r.referrer] != nil { referrals += SampleFiles.referral(r, id: id) }
      try SampleFiles.write(["contacts": contacts, "ties": ties, "interactions": history, "surveys": surveys, "referrals": referrals],
                            to: "\(dir)/\(day)")
    }
    var changes = CSVWriter.line(["month", "id", "name", "role", "change", "old", "new"].map { .text($0) })
    for c in planted {
      let m = p[c.person]
      changes += CSVWriter.line([.text(months[c.month].description), .text(m.id), .text(m.name), SampleFiles.cell(m.role?.rawValue),
                                 .text(c.change.rawValue), .text(c.old), .text(c.new)])
    }
    try AtomicFile.write(changes, to: "\(dir)/changes.csv")
    return "wrote \(months.count) monthly snapshots of \(p.count) people to \(dir)/\(months.first!)…\(months.last!), and the \(planted.count) planted changes to \(dir)/changes.csv"
  }
}
