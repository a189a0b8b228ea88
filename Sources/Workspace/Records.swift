import Foundation
import GraphFormats
import NetworkAnalysis
import SocialGraph

/// One stored record: its place in the input, its fields as a compact JSON array of strings (nulls for absent
/// values; numbers as Swift writes them, which read back to the same value), and what it is about.
struct Record: Hashable, Sendable {
  var ord: Int
  var data: String
  var who: String
  var account: String?
}

extension Workspace {
  struct Meta {
    var files: String, kinds: String, tieAttributes: String
  }

  /// The records of one table of an input, in input order (tests; an import makes them one at a time).
  static func records(_ table: Table, of input: LoadedInput) -> [Record] {
    let s = source(table, of: input)
    return (0..<s.count).map(s.record)
  }

  /// A table's records made one at a time (an import of a million contacts and ten million interactions holds
  /// none of them all at once). Ties are the ones read (the reports-to ties the graph derives from the contacts'
  /// managers are derived again when it is rebuilt).
  struct Source {
    var count: Int
    var record: (Int) -> Record
  }

  static func source(_ table: Table, of input: LoadedInput) -> Source {
    let g = input.graph
    func number(_ d: Double) -> String { "\(d)" }
    switch table {
    case .person:
      return Source(count: g.people.count) { i in
        let p = g.people[i]
        var w = RecordWriter()
        for v in [p.id, p.name, p.title, p.account, p.department, p.reportsTo, p.role?.rawValue, p.proximity?.label,
                  p.influence.map(String.init), p.interest.map(String.init), p.owner, p.isInternal ? "1" : "0"] { w.add(v) }
        w.add(pairs: p.attributes.map { ($0.name, $0.value) })
        return Record(ord: i, data: w.text(), who: p.id, account: p.account)
      }
    case .tie:
      return Source(count: g.ties.count - g.derivedReportsToCount) { i in
        let t = g.ties[i]
        var w = RecordWriter()
        for v in [g.ids[Int(t.source)], g.ids[Int(t.target)], g.kinds[Int(t.kind)].name, number(t.weight), t.isDirected ? "1" : "0",
                  t.since?.description, t.lastContact?.description, t.interactions.map { "\($0)" }] { w.add(v) }
        w.add(list: g.tieAttributeNames.indices.map { g.tieAttribute(i, $0) })
        return Record(ord: i, data: w.text(), who: g.ids[Int(t.source)], account: nil)
      }
    case .interaction:
      return Source(count: input.interactions.count) { i in
        let x = input.interactions[i]
        var w = RecordWriter()
        for v in [x.date.description, g.ids[Int(x.person)], x.with.map { g.ids[Int($0)] }, x.channel, number(x.points), number(x.cost),
                  x.kind?.rawValue, x.direction?.rawValue] { w.add(v) }
        if x.churned { w.add("churned") }   // a ninth field only when set: records written before it read the same
        return Record(ord: i, data: w.text(), who: g.ids[Int(x.person)], account: nil)
      }
    case .survey:
      return Source(count: input.surveys.count) { i in
        let s = input.surveys[i]
        var w = RecordWriter()
        for v in [g.ids[Int(s.person)], "\(s.score)", s.date?.description] { w.add(v) }
        return Record(ord: i, data: w.text(), who: g.ids[Int(s.person)], account: nil)
      }
    case .referral:
      return Source(count: input.referrals.count) { i in
        let r = input.referrals[i]
        var w = RecordWriter()
        for v in [g.ids[Int(r.referrer)], r.referred, number(r.value), number(r.cost), r.period.map(String.init), r.date?.description] { w.add(v) }
        return Record(ord: i, data: w.text(), who: g.ids[Int(r.referrer)], account: nil)
      }
    }
  }

  /// The files as `[role, path]` pairs, the tie kinds in the graph's order, the tie attribute names.
  static func meta(_ input: LoadedInput, roles: [String]) -> Meta {
    let g = input.graph
    var files = RecordWriter()
    files.add(pairs: input.files.enumerated().map { i, f in (i < roles.count ? roles[i] : "input", f) })
    var kinds = RecordWriter(), attributes = RecordWriter()
    kinds.add(list: g.kinds.map(\.name))
    attributes.add(list: g.tieAttributeNames)
    return Meta(files: files.text(), kinds: kinds.text(), tieAttributes: attributes.text())
  }

  /// FNV-1a (64-bit) of the snapshot's metadata and every record, table by table: the same input gives the same
  /// digest on any machine (not Swift's per-process `Hasher`), so an import of the same snapshot again is recognised.
  struct Digest {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325
    init(_ meta: Meta) { add(meta.files); add(meta.kinds); add(meta.tieAttributes) }
    mutating func add(_ s: String) {
      for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
      h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3
    }
    mutating func add(_ table: Table) { add(table.rawValue) }
    mutating func add(_ r: Record) { add("\(r.ord)"); add(r.data) }
    var value: String { String(h, radix: 16) }
  }

  /// The input again, from the stored records, built as the loaders build it.
  static func rebuild(files: String, kinds: String, tieAttributes: String, people: [String], ties: [String],
                      interactions: [String], surveys: [String], referrals: [String], feedback: Bool,
                      path: String) throws -> LoadedInput {
    @Sendable func damaged(_ what: String) -> WorkspaceError { WorkspaceError("\(path): a stored \(what) is not as Tiemap writes it: the file is damaged") }
    typealias Item = RecordReader.Item
    @Sendable func fields(_ text: String, _ count: Int, _ what: String) throws -> [Item] {
      guard let a = try? RecordReader.read(text), a.count == count else { throw damaged(what) }
      return a
    }
    @Sendable func strings(_ v: Item, _ what: String) throws -> [String] {
      guard case .list(let a) = v else { throw damaged(what) }
      return try a.map { guard let s = $0.string else { throw damaged(what) }; return s }
    }
    @Sendable func num(_ v: Item, _ what: String) throws -> Double {
      guard let s = v.string, let d = Double(s) else { throw damaged(what) }
      return d
    }
    @Sendable func date(_ v: Item, _ what: String) throws -> Day? {
      guard let s = v.string else { return nil }
      guard let d = Day(iso: s) else { throw damaged(what) }
      return d
    }

    var b = SocialGraphBuilder(reservingPeople: people.count, ties: ties.count)
    for text in people {
      let f = try fields(text, 13, "person")
      guard let id = f[0].string else { throw damaged("person") }
      var p = Person(id: id, name: f[1].string, title: f[2].string, account: f[3].string, department: f[4].string, reportsTo: f[5].string)
      p.role = f[6].string.flatMap { StakeholderRole(rawValue: $0) }
      p.proximity = f[7].string.flatMap { Proximity(parsing: $0) }
      p.influence = f[8].string.flatMap { Int($0) }
      p.interest = f[9].string.flatMap { Int($0) }
      p.owner = f[10].string
      p.isInternal = f[11].string == "1"
      guard case .list(let attributes) = f[12] else { throw damaged("person") }
      p.attributes = try attributes.map { a in
        let pair = try strings(a, "attribute")
        guard pair.count == 2 else { throw damaged("attribute") }
        return Attribute(name: pair[0], value: pair[1])
      }
      do { try b.addPerson(p) } catch { throw damaged("person (\(error))") }
    }
    let attributeNames = try strings(try fields(tieAttributes, 1, "attribute list")[0], "attribute list")
    b.declareTieAttributes(attributeNames)
    // Ties and history parsed on every core, in chunks (each record stands alone once the people and kinds are
    // known), then added in their order.
    var byID: [String: NodeIndex] = [:]
    byID.reserveCapacity(b.count)
    for (i, p) in b.people.enumerated() { byID[p.id] = NodeIndex(i) }
    var kindIndex: [String: KindIndex] = [:]
    for k in try strings(try fields(kinds, 1, "kind list")[0], "kind list") { kindIndex[k] = b.kindIndex(for: TieKind(k)) }
    let (people, kindOf) = (byID, kindIndex)
    @Sendable func index(_ v: Item) throws -> NodeIndex {
      guard let id = v.string, let i = people[id] else { throw damaged("reference to a person") }
      return i
    }
    @Sendable func tie(_ text: String) throws -> (Tie, [String]) {
      let f = try fields(text, 9, "tie")
      guard let kind = f[2].string.flatMap({ kindOf[$0] }) else { throw damaged("tie") }
      var t = Tie(source: try index(f[0]), target: try index(f[1]), weight: try num(f[3], "tie"), kind: kind, isDirected: f[4].string == "1")
      t.since = try date(f[5], "tie")
      t.lastContact = try date(f[6], "tie")
      if let text = f[7].string {
        guard let c = Int32(text), c >= 0 else { throw damaged("tie") }
        t.interactions = c
      }
      let values = try strings(f[8], "tie")
      guard values.count == attributeNames.count else { throw damaged("tie") }
      return (t, values)
    }
    @Sendable func interaction(_ text: String) throws -> Interaction {
      guard let f = try? RecordReader.read(text), f.count == 8 || (f.count == 9 && f[8].string == "churned") else { throw damaged("interaction") }
      guard let d = try date(f[0], "interaction"), let channel = f[3].string else { throw damaged("interaction") }
      var x = Interaction(date: d, person: try index(f[1]), with: f[2] == .null ? nil : try index(f[2]), channel: channel,
                          points: try num(f[4], "interaction"), cost: try num(f[5], "interaction"))
      x.kind = f[6].string.flatMap { IncidentKind(rawValue: $0) }
      x.direction = f[7].string.flatMap { InteractionDirection(rawValue: $0) }
      x.churned = f.count == 9
      return x
    }
    enum Parsed: Sendable { case ties([(Tie, [String])]), history([Interaction]), failed(WorkspaceError) }
    let chunk = 65_536
    let tieChunks = (ties.count + chunk - 1) / chunk, historyChunks = (interactions.count + chunk - 1) / chunk
    let parsed = ParallelMap.map(tieChunks + historyChunks, threads: ProcessInfo.processInfo.activeProcessorCount) { c -> Parsed in
      do {
        if c < tieChunks {
          return .ties(try ties[c * chunk..<min(ties.count, (c + 1) * chunk)].map(tie))
        }
        let h = c - tieChunks
        return .history(try interactions[h * chunk..<min(interactions.count, (h + 1) * chunk)].map(interaction))
      } catch let e as WorkspaceError { return .failed(e) } catch { return .failed(damaged("record (\(error))")) }
    }
    var history: [Interaction] = []
    history.reserveCapacity(interactions.count)
    b.reserveTies(ties.count)
    for p in parsed {
      switch p {
      case .failed(let e): throw e
      case .ties(let list):
        for (t, values) in list { do { try b.addTie(t, attributes: values) } catch { throw damaged("tie (\(error))") } }
      case .history(let list): history += list
      }
    }
    let answers = try surveys.map { text -> SurveyResponse in
      let f = try fields(text, 3, "survey answer")
      guard let s = f[1].string.flatMap({ Int($0) }) else { throw damaged("survey answer") }
      return SurveyResponse(person: try index(f[0]), score: s, date: try date(f[2], "survey answer"))
    }
    let referred = try referrals.map { text -> Referral in
      let f = try fields(text, 6, "referral")
      guard let name = f[1].string else { throw damaged("referral") }
      return Referral(referrer: try index(f[0]), referred: name, value: try num(f[2], "referral"), cost: try num(f[3], "referral"),
                      period: f[4].string.flatMap { Int($0) }, date: try date(f[5], "referral"))
    }
    let graph: SocialGraph
    do { graph = try b.build() } catch { throw damaged("graph (\(error))") }
    guard case .list(let pairs) = try fields(files, 1, "file list")[0] else { throw damaged("file list") }
    let paths = try pairs.compactMap { v -> String? in
      let pair = try strings(v, "file list")
      guard pair.count == 2 else { throw damaged("file list") }
      return feedback || (pair[0] != "surveys" && pair[0] != "referrals") ? pair[1] : nil
    }
    return LoadedInput(graph: graph, interactions: history, surveys: answers, referrals: referred, warnings: [], files: paths)
  }
}
