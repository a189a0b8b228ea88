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

  static func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
  static func number(_ d: Double) -> JSONValue { .string("\(d)") }
  static func day(_ d: Day?) -> JSONValue { text(d?.description) }

  /// The records of an input, table by table, in input order. Ties are the ones read (the reports-to ties the
  /// graph derives from the contacts' managers are derived again when it is rebuilt).
  static func records(_ input: LoadedInput) -> [Table: [Record]] {
    let g = input.graph
    var out: [Table: [Record]] = [:]
    out[.person] = g.people.enumerated().map { i, p in
      let attributes = JSONValue.array(p.attributes.map { .array([.string($0.name), .string($0.value)]) })
      let data = JSONValue.array([.string(p.id), text(p.name), text(p.title), text(p.account), text(p.department), text(p.reportsTo),
                                  text(p.role?.rawValue), text(p.proximity?.label), text(p.influence.map(String.init)),
                                  text(p.interest.map(String.init)), text(p.owner), .string(p.isInternal ? "1" : "0"), attributes])
      return Record(ord: i, data: data.compact(), who: p.id, account: p.account)
    }
    let read = g.ties.count - g.derivedReportsToCount
    out[.tie] = (0..<read).map { i in
      let t = g.ties[i]
      let attributes = JSONValue.array(g.tieAttributeNames.indices.map { .string(g.tieAttribute(i, $0)) })
      let data = JSONValue.array([.string(g.ids[Int(t.source)]), .string(g.ids[Int(t.target)]), .string(g.kinds[Int(t.kind)].name),
                                  number(t.weight), .string(t.isDirected ? "1" : "0"), day(t.since), day(t.lastContact),
                                  text(t.interactions.map { "\($0)" }), attributes])
      return Record(ord: i, data: data.compact(), who: g.ids[Int(t.source)], account: nil)
    }
    out[.interaction] = input.interactions.enumerated().map { i, x in
      let data = JSONValue.array([day(x.date), .string(g.ids[Int(x.person)]), text(x.with.map { g.ids[Int($0)] }), .string(x.channel),
                                  number(x.points), number(x.cost), text(x.kind?.rawValue), text(x.direction?.rawValue)])
      return Record(ord: i, data: data.compact(), who: g.ids[Int(x.person)], account: nil)
    }
    out[.survey] = input.surveys.enumerated().map { i, s in
      Record(ord: i, data: JSONValue.array([.string(g.ids[Int(s.person)]), .string("\(s.score)"), day(s.date)]).compact(),
             who: g.ids[Int(s.person)], account: nil)
    }
    out[.referral] = input.referrals.enumerated().map { i, r in
      let data = JSONValue.array([.string(g.ids[Int(r.referrer)]), .string(r.referred), number(r.value), number(r.cost),
                                  text(r.period.map(String.init)), day(r.date)])
      return Record(ord: i, data: data.compact(), who: g.ids[Int(r.referrer)], account: nil)
    }
    return out
  }

  /// The files as `[role, path]` pairs, the tie kinds in the graph's order, the tie attribute names.
  static func meta(_ input: LoadedInput, roles: [String]) -> Meta {
    let g = input.graph
    let files = input.files.enumerated().map { i, f in JSONValue.array([.string(i < roles.count ? roles[i] : "input"), .string(f)]) }
    return Meta(files: JSONValue.array(files).compact(),
                kinds: JSONValue.array(g.kinds.map { .string($0.name) }).compact(),
                tieAttributes: JSONValue.array(g.tieAttributeNames.map(JSONValue.string)).compact())
  }

  /// FNV-1a (64-bit) of every record and the snapshot's metadata: the same input gives the same digest on any
  /// machine (not Swift's per-process `Hasher`), so an import of the same snapshot again is recognised.
  static func digest(_ records: [Table: [Record]], meta: Meta) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ s: String) {
      for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
      h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3
    }
    add(meta.files); add(meta.kinds); add(meta.tieAttributes)
    for table in Table.allCases {
      add(table.rawValue)
      for r in records[table] ?? [] { add("\(r.ord)"); add(r.data) }
    }
    return String(h, radix: 16)
  }

  /// The input again, from the stored records, built as the loaders build it.
  static func rebuild(files: JSONValue, kinds: JSONValue, tieAttributes: JSONValue, people: [JSONValue], ties: [JSONValue],
                      interactions: [JSONValue], surveys: [JSONValue], referrals: [JSONValue], feedback: Bool,
                      path: String) throws -> LoadedInput {
    func damaged(_ what: String) -> WorkspaceError { WorkspaceError("\(path): a stored \(what) is not as Tiemap writes it: the file is damaged") }
    func fields(_ v: JSONValue, _ count: Int, _ what: String) throws -> [JSONValue] {
      guard case .array(let a) = v, a.count == count else { throw damaged(what) }
      return a
    }
    func str(_ v: JSONValue) -> String? { if case .string(let s) = v { return s }; return nil }
    func strings(_ v: JSONValue) throws -> [String] {
      guard case .array(let a) = v else { throw damaged("list") }
      return try a.map { guard let s = str($0) else { throw damaged("list") }; return s }
    }
    func num(_ v: JSONValue, _ what: String) throws -> Double {
      guard let s = str(v), let d = Double(s) else { throw damaged(what) }
      return d
    }
    func date(_ v: JSONValue, _ what: String) throws -> Day? {
      guard let s = str(v) else { return nil }
      guard let d = Day(iso: s) else { throw damaged(what) }
      return d
    }

    var b = SocialGraphBuilder(reservingPeople: people.count, ties: ties.count)
    for v in people {
      let f = try fields(v, 13, "person")
      guard let id = str(f[0]) else { throw damaged("person") }
      var p = Person(id: id, name: str(f[1]), title: str(f[2]), account: str(f[3]), department: str(f[4]), reportsTo: str(f[5]))
      p.role = str(f[6]).flatMap { StakeholderRole(rawValue: $0) }
      p.proximity = str(f[7]).flatMap { Proximity(parsing: $0) }
      p.influence = str(f[8]).flatMap { Int($0) }
      p.interest = str(f[9]).flatMap { Int($0) }
      p.owner = str(f[10])
      p.isInternal = str(f[11]) == "1"
      guard case .array(let attributes) = f[12] else { throw damaged("person") }
      p.attributes = try attributes.map { a in
        let pair = try strings(a)
        guard pair.count == 2 else { throw damaged("attribute") }
        return Attribute(name: pair[0], value: pair[1])
      }
      do { try b.addPerson(p) } catch { throw damaged("person (\(error))") }
    }
    for k in try strings(kinds) { _ = b.kindIndex(for: TieKind(k)) }
    let attributeNames = try strings(tieAttributes)
    b.declareTieAttributes(attributeNames)
    func index(_ v: JSONValue) throws -> NodeIndex {
      guard let id = str(v), let i = b.index(of: id) else { throw damaged("reference to a person") }
      return i
    }
    for v in ties {
      let f = try fields(v, 9, "tie")
      guard let kind = str(f[2]) else { throw damaged("tie") }
      var t = Tie(source: try index(f[0]), target: try index(f[1]), weight: try num(f[3], "tie"), kind: b.kindIndex(for: TieKind(kind)),
                  isDirected: str(f[4]) == "1")
      t.since = try date(f[5], "tie")
      t.lastContact = try date(f[6], "tie")
      t.interactions = str(f[7]).flatMap { Int32($0) }
      let values = try strings(f[8])
      guard values.count == attributeNames.count else { throw damaged("tie") }
      do { try b.addTie(t, attributes: values) } catch { throw damaged("tie (\(error))") }
    }
    var history: [Interaction] = []
    history.reserveCapacity(interactions.count)
    for v in interactions {
      let f = try fields(v, 8, "interaction")
      guard let d = try date(f[0], "interaction"), let channel = str(f[3]) else { throw damaged("interaction") }
      var x = Interaction(date: d, person: try index(f[1]), with: try str(f[2]).map { _ in try index(f[2]) }, channel: channel,
                          points: try num(f[4], "interaction"), cost: try num(f[5], "interaction"))
      x.kind = str(f[6]).flatMap { IncidentKind(rawValue: $0) }
      x.direction = str(f[7]).flatMap { InteractionDirection(rawValue: $0) }
      history.append(x)
    }
    let answers = try surveys.map { v -> SurveyResponse in
      let f = try fields(v, 3, "survey answer")
      guard let s = str(f[1]).flatMap({ Int($0) }) else { throw damaged("survey answer") }
      return SurveyResponse(person: try index(f[0]), score: s, date: try date(f[2], "survey answer"))
    }
    let referred = try referrals.map { v -> Referral in
      let f = try fields(v, 6, "referral")
      guard let name = str(f[1]) else { throw damaged("referral") }
      return Referral(referrer: try index(f[0]), referred: name, value: try num(f[2], "referral"), cost: try num(f[3], "referral"),
                      period: str(f[4]).flatMap { Int($0) }, date: try date(f[5], "referral"))
    }
    let graph: SocialGraph
    do { graph = try b.build() } catch { throw damaged("graph (\(error))") }
    guard case .array(let pairs) = files else { throw damaged("file list") }
    let paths = try pairs.compactMap { v -> String? in
      let pair = try strings(v)
      guard pair.count == 2 else { throw damaged("file list") }
      return feedback || (pair[0] != "surveys" && pair[0] != "referrals") ? pair[1] : nil
    }
    return LoadedInput(graph: graph, interactions: history, surveys: answers, referrals: referred, warnings: [], files: paths)
  }
}
