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
    return try read(bytes, file: file, builder: &builder, lookup: &lookup, unknown: unknown, rejects: rejects)
  }

  /// `read` with the builder's people already in `lookup` (kept in step with the people it adds), so a loader
  /// reading several files builds it once.
  static func read(_ bytes: [UInt8], file: String, builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                   unknown: TiesReader.UnknownPeople, rejects: RejectLog?) throws -> (interactions: [Interaction], warnings: [InputWarning]) {
    var table = try CSVTable<Field>(bytes: bytes, file: file, aliases: aliases, required: [.date, .person], name: { $0.rawValue })
    if !table.has(.points) && !table.has(.outcome) {
      throw InputError(file: file, line: 1, problem: "missing required column \"points\" (or \"outcome\")")
    }
    var out: [Interaction] = []
    out.reserveCapacity(CSVParser.recordBound(bytes))
    HugePages.advise(&out)
    var refs = PersonReferences(unknown)
    // The contacts (people added for unknown ids come after): a `with` among them must be on our team.
    let contacts: Int
    if case .edgeList = unknown { contacts = 0 } else { contacts = builder.count }
    func person(_ column: Int?, _ name: String) throws -> NodeIndex? {
      if let found = table.withBytes(at: column, { lookup.index(of: $0) }), let v = found { return v }
      guard let id = table.value(at: column) else { return nil }
      if builder.index(of: id) == nil, let reason = rejects?.reasonFor(rejected: id, column: name) { throw table.error(reason) }
      let v = try refs.resolve(id, column: name, in: table, builder: &builder)
      lookup.added(id, at: v)
      return v
    }
    // Channels repeat: one String per distinct channel.
    var channels = RepeatedCells<String>()
    let (cDate, cPerson, cWith, cPoints, cOutcome, cCost, cKind, cChannel) = (
      table.column(.date), table.column(.person), table.column(.with), table.column(.points), table.column(.outcome),
      table.column(.cost), table.column(.kind), table.column(.channel))
    let cDirection = table.column(.direction)
    while try table.next(rejects) {
      do {
        guard let date = try table.day(at: cDate, column: "date") else { throw table.error("empty date") }
        guard let p = try person(cPerson, "person") else { throw table.error("empty person") }
        let with = try person(cWith, "with")
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
        let channel = table.withBytes(at: cChannel) { b in channels.value(b) { String(decoding: $0, as: UTF8.self) } } ?? "unspecified"
        var x = Interaction(date: date, person: p, with: with, channel: channel,
                            points: points, cost: cost, kind: kind, direction: direction)
        x.churned = churned
        out.append(x)
      } catch let e as InputError where rejects != nil {
        rejects!.add(e, id: table.value(at: cPerson))
      }
    }
    let warnings = refs.warnings(file: file)
    return (out, warnings)
  }
}
