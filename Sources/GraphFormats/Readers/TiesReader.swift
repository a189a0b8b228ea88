import SocialGraph

/// Reads `ties.csv` (DESIGN.md, Inputs) — and CSV edge lists, which are ties files whose people come from the
/// ties themselves. `source`, `target` required; `weight` > 0 (default 1); `kind` (default `edge`);
/// `directed` (default by kind: `TieKind.isDirectedByDefault`); optional `since`, `last_contact`,
/// `interactions`; other columns become tie attributes.
public enum TiesReader {
  enum Field: String, CaseIterable {
    case source, target, weight, kind, directed, since
    case lastContact = "last_contact", interactions
  }

  static let aliases: [String: Field] = {
    var a: [String: Field] = [:]
    let table: [(Field, [String])] = [
      (.source, ["source", "from", "src", "sourceid", "person1", "ego", "u", "node1"]),
      (.target, ["target", "to", "dst", "targetid", "person2", "alter", "v", "node2"]),
      (.weight, ["weight", "strength", "value", "w"]),
      (.kind, ["kind", "type", "relation", "tiekind", "tietype"]),
      (.directed, ["directed", "isdirected"]),
      (.since, ["since", "start", "startdate", "knownsince"]),
      (.lastContact, ["lastcontact", "lastcontactdate", "lastinteraction", "lastseen"]),
      (.interactions, ["interactions", "interactioncount", "count"]),
    ]
    for (f, names) in table { for n in names { a[n] = f } }
    return a
  }()

  /// What to do with a tie end that is not a known person.
  public enum UnknownPeople: Sendable {
    /// An error naming the row (the default for `--ties` with `--contacts`).
    case reject(contactsFile: String)
    /// Add the person (`--allow-unknown`); reported as a warning.
    case add
    /// Every person comes from the ties (CSV edge lists); nothing to report.
    case edgeList
  }

  /// Adds the ties of `bytes` to `builder`, returning warnings (people added, self-loops).
  /// - Parameter headerless: columns are `source, target[, weight]` by position and there is no header.
  public static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder,
                          unknown: UnknownPeople, defaultDirected: Bool? = nil, rejects: RejectLog? = nil) throws -> [InputWarning] {
    try read(InputBytes(bytes), file: file, into: &builder, unknown: unknown, defaultDirected: defaultDirected, rejects: rejects)
  }

  /// `read` on bytes in place (`InputFile.bytes`).
  public static func read(_ data: InputBytes, file: String, into builder: inout SocialGraphBuilder,
                          unknown: UnknownPeople, defaultDirected: Bool? = nil, rejects: RejectLog? = nil) throws -> [InputWarning] {
    var lookup = PersonLookup(builder)
    if case .edgeList = unknown, !hasHeader(data, file: file) {
      // (The parser steps over a byte-order mark; the copy below leaves it out.)
      let body = data.buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: data.buffer.dropFirst(3)) : data.buffer
      let sep = CSVParser.detectSeparator(body)
      // Give the headerless file a header by position: the rest of the pipeline is the same.
      var firstRow: [String] = []
      var p = CSVParser(data: data, file: file, separator: sep)
      _ = try p.next(into: &firstRow)
      let names = ["source", "target", "weight"].prefix(max(2, min(3, firstRow.count)))
      let header = Array((names.joined(separator: String(UnicodeScalar(sep))) + "\n").utf8)
      // lines shift by one: re-read with a line offset below.
      return try readTable(InputBytes(header, then: body), file: file, into: &builder, lookup: &lookup, unknown: unknown,
                           defaultDirected: defaultDirected, lineOffset: -1)
    }
    return try readTable(data, file: file, into: &builder, lookup: &lookup, unknown: unknown,
                         defaultDirected: defaultDirected, lineOffset: 0, rejects: rejects)
  }

  /// True when the first record names a source and a target column.
  static func hasHeader(_ data: InputBytes, file: String) -> Bool {
    var p = CSVParser(data: data, file: file)
    var row: [String] = []
    guard (try? p.next(into: &row)) != nil else { return true }
    let fields = Set(row.compactMap { aliases[normalizedColumnName($0.trimmingBlanks())] })
    return fields.contains(.source) && fields.contains(.target)
  }

  /// A ties file with a header (`read`'s contacts-file path), the builder's people already in `lookup` (kept in
  /// step with the people it adds), so a loader reading several files builds it once.
  static func read(_ data: InputBytes, file: String, into builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                   unknown: UnknownPeople, rejects: RejectLog?) throws -> [InputWarning] {
    // (The parser steps over a byte-order mark.)
    try readTable(data, file: file, into: &builder, lookup: &lookup, unknown: unknown, defaultDirected: nil, lineOffset: 0,
                  rejects: rejects)
  }

  private static func readTable(_ data: InputBytes, file: String, into builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                                unknown: UnknownPeople, defaultDirected: Bool?, lineOffset: Int,
                                rejects: RejectLog? = nil) throws -> [InputWarning] {
    var table: CSVTable<Field>
    do {
      table = try CSVTable<Field>(data: data, file: file, aliases: aliases, required: [.source, .target], name: { $0.rawValue })
    } catch var e as InputError {
      if e.line > 0 { e.line = max(1, e.line + lineOffset) }
      throw e
    }
    if builder.tieCount == 0 { builder.declareTieAttributes(table.extraColumns.map(\.name)) }
    builder.reserveTies(CSVParser.recordBound(data.buffer))
    var warnings: [InputWarning] = []
    var added: [(id: String, line: Int)] = []
    var selfLoops: [Int] = []
    let defaultKind = TieKind.edge
    // Kinds repeat: each distinct kind cell is resolved once.
    var kinds = RepeatedCells<(KindIndex, Bool)>()
    var blankKind: (KindIndex, Bool)?
    // Errors carry the table's line (adjusted once, below); warnings carry the file's line.
    func person(_ column: Int?, _ end: String) throws -> NodeIndex {
      if let found = table.withBytes(at: column, { lookup.index(of: $0) }), let v = found { return v }
      guard let id = table.value(at: column) else { throw table.error("empty \(end)") }
      if let v = builder.index(of: id) { return v }
      if let reason = rejects?.reasonFor(rejected: id, column: end) { throw table.error(reason) }
      let v: NodeIndex
      switch unknown {
      case .reject(let contacts):
        throw table.error("\(end) \(quoted(id)) is not in \(contacts) (add the person there, or pass --allow-unknown to add unknown people)")
      case .add:
        added.append((id, table.line + lineOffset))
        v = try builder.addPerson(Person(id: id))
      case .edgeList:
        v = try builder.addPerson(Person(id: id))
      }
      lookup.added(id, at: v)
      return v
    }
    // A kind cell's tie kind and whether its ties are directed by default (blank: the default kind).
    func kind(_ name: String?) throws -> (KindIndex, Bool) {
      let kind = name.map { TieKind($0) } ?? defaultKind
      if kind.name.isEmpty { throw table.error("kind \(quoted(name ?? "")) is empty") }
      return (builder.kindIndex(for: kind), defaultDirected ?? kind.isDirectedByDefault)
    }
    let (cSource, cTarget, cWeight, cKind, cDirected, cSince, cLast, cCount) = (
      table.column(.source), table.column(.target), table.column(.weight), table.column(.kind), table.column(.directed),
      table.column(.since), table.column(.lastContact), table.column(.interactions))
    do {
      while try table.next(rejects) {
        do {
          let line = table.line + lineOffset
          let s = try person(cSource, "source")
          let t = try person(cTarget, "target")
          var weight = 1.0
          if let w = table.withBytes(at: cWeight, { ValueParsing.fastNumber($0) }) {
            if let w, w > 0 { weight = w } else { weight = try ValueParsing.weight(table.value(at: cWeight)!).get(in: table) }
          }
          let (k, kindDirected) = try table.withBytes(at: cKind) { b in
            try kinds.value(b) { try kind(String(decoding: $0, as: UTF8.self)) }
          } ?? {
            if blankKind == nil { blankKind = try kind(nil) }
            return blankKind!
          }()
          var directed = kindDirected
          if let d = table.withBytes(at: cDirected, { ValueParsing.fastBoolean($0) }) {
            directed = try d ?? ValueParsing.boolean(table.value(at: cDirected)!, column: "directed").get(in: table)
          }
          var tie = Tie(source: s, target: t, weight: weight, kind: k, isDirected: directed)
          tie.since = try table.day(at: cSince, column: "since")
          tie.lastContact = try table.day(at: cLast, column: "last_contact")
          if let v = table.withBytes(at: cCount, { ValueParsing.fastCount($0) }) {
            guard let c = v else { throw table.error("interactions \(quoted(table.value(at: cCount)!)) must be a whole number ≥ 0") }
            tie.interactions = c
          }
          if let a = tie.since, let b = tie.lastContact, b < a {
            throw table.error("last_contact \(b) is before since \(a)")
          }
          if s == t { selfLoops.append(line) }
          if table.extraColumns.isEmpty {
            try builder.addTie(tie)
          } else {
            try builder.addTie(tie, attributes: table.extraColumns.lazy.map { table.raw(at: $0.index) })
          }
        } catch let e as InputError where rejects != nil {
          rejects!.add(e, id: [table.value(at: cSource), table.value(at: cTarget)].compactMap { $0 }.joined(separator: " > "))
        }
      }
    } catch var e as InputError {
      if e.line > 0 && lineOffset != 0 { e.line = max(1, e.line + lineOffset) }
      throw e
    }
    if let first = added.first {
      warnings.append(InputWarning(file: file, line: first.line,
        message: "added \(added.count) \(added.count == 1 ? "person" : "people") not in the contacts (first: \(quoted(first.id)))"))
    }
    if let first = selfLoops.first {
      warnings.append(InputWarning(file: file, line: first,
        message: "\(selfLoops.count) self-loop\(selfLoops.count == 1 ? "" : "s") (a person tied to themself) kept in the data but left out of every measure"))
    }
    return warnings
  }
}
