import NetworkAnalysis
import SocialGraph

/// Reads `interactions.csv`, the contact history (DESIGN.md, Inputs): `date`, `person` required; `with` (team
/// member), `channel`, `points` (signed) or `outcome` (`positive` +1, `neutral` 0, `negative` −1, or a number),
/// `cost` (≥ 0, default 0), `kind` (`transient` | `cumulative`), `direction` (`inbound` | `outbound`: who started it).
/// An `outcome` of `churned` (or `churn`, `ruptured`) marks the end of the relationship: an explicit rupture, its
/// points those of the `points` column or 0.
/// An activity export's `Type` column (Call, Email) is not the incident kind: `type` is not an alias of `kind`.
public enum InteractionsReader {
  enum Field: String, CaseIterable { case date, person, with, channel, points, outcome, cost, kind, direction }

  static let aliases: [String: Field] = {
    var a: [String: Field] = [:]
    let table: [(Field, [String])] = [
      (.date, ["date", "day", "when", "timestamp"]),
      (.person, ["person", "contact", "contactid", "personid", "id"]),
      (.with, ["with", "teammember", "by", "member", "ownerid"]),
      (.channel, ["channel", "touchpoint", "medium"]),
      (.points, ["points", "score", "influence", "delta"]),
      (.outcome, ["outcome", "result"]),
      (.cost, ["cost", "spend"]),
      (.kind, ["kind", "incidentkind"]),
      (.direction, ["direction", "dir", "flow", "inbound"]),
    ]
    for (f, names) in table { for n in names { a[n] = f } }
    return a
  }()

  /// The interactions of `bytes`, in file order, resolved against the people already in `builder`.
  public static func read(_ bytes: [UInt8], file: String, builder: inout SocialGraphBuilder,
                          unknown: TiesReader.UnknownPeople, rejects: RejectLog? = nil) throws -> (interactions: [Interaction], warnings: [InputWarning]) {
    var lookup = PersonLookup(builder)
    return try read(InputBytes(bytes), file: file, builder: &builder, lookup: &lookup, unknown: unknown, rejects: rejects)
  }

  /// `read` with the builder's people already in `lookup` (kept in step with the people it adds), so a loader
  /// reading several files builds it once.
  static func read(_ data: InputBytes, file: String, builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                   unknown: TiesReader.UnknownPeople, rejects: RejectLog?) throws -> (interactions: [Interaction], warnings: [InputWarning]) {
    var table = try header(data, file: file)
    var out: [Interaction] = []
    out.reserveCapacity(CSVParser.recordBound(data.buffer))
    HugePages.advise(&out)
    var refs = PersonReferences(unknown)
    try readRows(&table, builder: &builder, lookup: &lookup, refs: &refs, contacts: contactCount(builder, unknown),
                 rejects: rejects) { out.append($0) }
    return (out, refs.warnings(file: file))
  }

  /// The table of `bytes` with its header read and checked.
  static func header(_ data: InputBytes, file: String) throws -> CSVTable<Field> {
    let table = try CSVTable<Field>(data: data, file: file, aliases: aliases, required: [.date, .person], name: { $0.rawValue })
    if !table.has(.points) && !table.has(.outcome) {
      throw InputError(file: file, line: 1, problem: "missing required column \"points\" (or \"outcome\")")
    }
    return table
  }

  /// The contacts of `builder` (people added for unknown ids come after): a `with` among them must be on our team.
  static func contactCount(_ builder: SocialGraphBuilder, _ unknown: TiesReader.UnknownPeople) -> Int {
    if case .edgeList = unknown { return 0 }
    return builder.count
  }

  /// The history read in chunks on several threads (`CSVChunks`), for a loader whose people are all known: ids
  /// that are not are errors, as in one pass, so the chunks only look people up. Each chunk writes its rows into
  /// its own stretch of one array (as many slots as it has line ends, plus one), and `finish` closes the gaps in
  /// place: no row is copied into a second array. The plan (`init`), then `read(chunk:)` for each chunk (on any
  /// thread), then `finish`.
  struct Chunked: Sendable {
    let data: InputBytes
    let file: String
    let table: CSVTable<Field>
    let ranges: [Range<Int>]
    /// Where each chunk writes its rows in the one array (`slots` of them in all).
    let stretches: CSVChunks.Stretches
    var slots: Int { stretches.total }
    let unknown: TiesReader.UnknownPeople

    /// Nil when the file is too small to be worth it. Needs no people: the plan can be made while they are read.
    init?(data: InputBytes, file: String, contactsFile: String, chunks: Int, smallest: Int = CSVChunks.smallest) throws {
      guard chunks > 1, data.count >= smallest else { return nil }
      self.data = data; self.file = file
      table = try InteractionsReader.header(data, file: file)
      ranges = CSVChunks.ranges(data.buffer, from: table.dataStart, count: chunks)
      stretches = CSVChunks.Stretches(data.buffer, ranges: ranges)
      unknown = .reject(contactsFile: contactsFile)
    }

    /// Reads chunk `k` into its stretch of `into` (uninitialised slots); the outcome's value is the rows written.
    func read(chunk k: Int, builder: SocialGraphBuilder, lookup: PersonLookup, into: CSVChunks.Slots<Interaction>) -> CSVChunks.Outcome<Int> {
      var t = table.chunk(ranges[k])
      var b = builder, l = lookup
      var refs = PersonReferences(unknown)
      let base = into.base + stretches.offsets[k]
      let room = stretches.room(k)
      var n = 0
      var error: InputError?
      do {
        try readRows(&t, builder: &b, lookup: &l, refs: &refs, contacts: contactCount(builder, unknown), rejects: nil) { x in
          precondition(n < room, "a chunk has more rows than line ends")
          (base + n).initialize(to: x); n += 1
        }
      } catch let e as InputError {
        error = e
      } catch let other {
        error = InputError(file: file, line: 0, problem: String(describing: other))
      }
      data.release(ranges[k])   // a mapped file's pages of this chunk leave memory (read again if needed)
      return CSVChunks.Outcome(value: n, error: error, first: t.firstRecordStart, stop: t.position, rows: t.rowCount)
    }

    /// Closes the gaps between the chunks' rows in `buffer` and returns how many there are, in file order; nil
    /// (every row released) when a chunk did not begin on a record boundary: read the file in one piece. Throws
    /// the first chunk's error in file order (every row released first).
    func finish(_ outcomes: [CSVChunks.Outcome<Int>], in buffer: UnsafeMutablePointer<Interaction>) throws -> Int? {
      func release() { for (k, o) in outcomes.enumerated() { (buffer + stretches.offsets[k]).deinitialize(count: o.value) } }
      let assembled: [Int]?
      do {
        assembled = try CSVChunks.assemble(outcomes, ranges: ranges, bytes: data.buffer, file: file, headerLine: table.line)
      } catch {
        release()
        throw error
      }
      guard let counts = assembled else { release(); return nil }
      return stretches.closeGaps(in: buffer, counts: counts)
    }
  }

  /// The rows of `table` from where it stands to its end, each passed to `emit` in file order.
  static func readRows(_ table: inout CSVTable<Field>, builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                       refs: inout PersonReferences, contacts: Int, rejects: RejectLog?,
                       emit: (Interaction) throws -> Void) throws {
    func person(_ column: Int?, _ name: String) throws -> NodeIndex? {
      if let found = table.withBytes(at: column, { lookup.index(of: $0) }), let v = found { return v }
      guard let id = table.value(at: column) else { return nil }
      if builder.index(of: id) == nil, let reason = rejects?.reasonFor(rejected: id, column: name) { throw table.error(reason) }
      let v = try refs.resolve(id, column: name, in: table, builder: &builder)
      lookup.added(id, at: v)
      return v
    }
    // Channels repeat: each distinct one is looked up once (`Channel`).
    var channels = RepeatedCells<Channel?>()   // nil: no room for another channel
    let unspecified = Channel("unspecified")
    let (cDate, cPerson, cWith, cPoints, cOutcome, cCost, cKind, cChannel) = (
      table.column(.date), table.column(.person), table.column(.with), table.column(.points), table.column(.outcome),
      table.column(.cost), table.column(.kind), table.column(.channel))
    let cDirection = table.column(.direction)
    while try table.next(rejects) {
      do {
        guard let date = try table.day(at: cDate, column: "date") else { throw table.error("empty date") }
        guard let p = try person(cPerson, "person") else { throw table.error("empty person") }
        // A team member whose row was rejected: the interaction stays, without them (counted, as the contacts they
        // own are kept without their owner).
        var with: NodeIndex?
        if let rejects, let id = table.value(at: cWith), builder.index(of: id) == nil, rejects.rejectedIDs[id] != nil {
          rejects.keptWithout("with")
        } else {
          with = try person(cWith, "with")
        }
        if let w = with, Int(w) < contacts, !builder.people[Int(w)].isInternal {
          let account = builder.people[Int(w)].account.map { " of account \(quoted($0))" } ?? ""
          throw table.error("with \(quoted(builder.people[Int(w)].id)) is a contact\(account), not a member of our team (\"with\" names who on our side took part: a contact with internal = true)")
        }
        var points = 0.0
        let outcome = table.value(at: cOutcome)
        let churned = outcome.map { ["churned", "churn", "ruptured"].contains($0.lowercased()) } ?? false
        if let v = try table.number(at: cPoints, column: "points") {
          points = v
        } else if churned {
          points = 0
        } else if let v = outcome {
          switch v.lowercased() {
          case "positive", "good", "won", "success": points = 1
          case "neutral", "none": points = 0
          case "negative", "bad", "lost", "incident", "complaint": points = -1
          default:
            guard let x = ValueParsing.decimal(v), x.isFinite, abs(x) <= TiemapLimits.inputMagnitude else {
              throw table.error("outcome \(quoted(v)) must be positive, neutral, negative, churned or a number")
            }
            points = x
          }
        } else {
          throw table.error("no points or outcome")
        }
        var cost = 0.0
        if let v = try table.number(at: cCost, column: "cost") {
          if v < 0 { throw table.error("cost \(quoted(table.value(at: cCost)!)) must not be negative") }
          cost = v
        }
        var kind: IncidentKind?
        if let v = table.value(at: cKind) {
          guard let k = IncidentKind(rawValue: v.lowercased()) else {
            throw table.error("kind \(quoted(v)) must be transient or cumulative")
          }
          kind = k
        }
        var direction: InteractionDirection?
        if let v = table.value(at: cDirection) {
          guard let d = InteractionDirection(parsing: v) else {
            throw table.error("direction \(quoted(v)) must be inbound or outbound")
          }
          direction = d
        }
        var channel = unspecified
        if let found = table.withBytes(at: cChannel, { b in channels.value(b) { Channel(interning: String(decoding: $0, as: UTF8.self)) } }) {
          guard let c = found else { throw table.error("more than \(Channel.limit) distinct channels: is the channel column right?") }
          channel = c
        }
        var x = Interaction(date: date, person: p, with: with, channel: channel,
                            points: points, cost: cost, kind: kind, direction: direction)
        x.churned = churned
        try emit(x)
      } catch let e as InputError where rejects != nil {
        rejects!.add(e, id: table.value(at: cPerson))
      }
    }
  }
}
