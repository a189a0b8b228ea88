import SocialGraph

/// Reads `contacts.csv` (DESIGN.md, Inputs): one row per person, `id` required and unique.
/// Accepts CRM spellings (`Id`, `ContactId`, `First Name` + `Last Name`, `AccountId`, `ReportsToId`, `OwnerId`…);
/// other columns are kept as attributes.
public enum ContactsReader {
  enum Field: String, CaseIterable {
    case id, name, firstName = "first_name", lastName = "last_name", title, account, department
    case reportsTo = "reports_to", role, proximity, influence, interest, owner, `internal`
  }

  static let aliases: [String: Field] = {
    var a: [String: Field] = [:]
    let table: [(Field, [String])] = [
      (.id, ["id", "contactid", "personid", "recordid", "contact"]),
      (.name, ["name", "fullname", "contactname", "displayname"]),
      (.firstName, ["firstname", "givenname", "first"]),
      (.lastName, ["lastname", "surname", "familyname", "last"]),
      (.title, ["title", "jobtitle", "position"]),
      (.account, ["account", "accountname", "accountid", "company", "companyname", "organization", "organisation"]),
      (.department, ["department", "dept", "businessunit", "division"]),
      (.reportsTo, ["reportsto", "reportstoid", "manager", "managerid"]),
      (.role, ["role", "stakeholderrole", "buyingrole"]),
      (.proximity, ["proximity", "proximitylevel", "relationshiplevel"]),
      (.influence, ["influence", "declaredinfluence"]),
      (.interest, ["interest"]),
      (.owner, ["owner", "ownerid", "relationshipowner", "contactowner"]),
      (.internal, ["internal", "isinternal", "ourteam", "team"]),
    ]
    for (f, names) in table { for n in names { a[n] = f } }
    return a
  }()

  /// The people of `bytes` (from `file`), with the line of each, in file order.
  public static func read(_ bytes: [UInt8], file: String, rejects: RejectLog? = nil) throws -> (people: [Person], lines: [Int]) {
    try read(InputBytes(bytes), file: file, rejects: rejects)
  }

  /// `read` on bytes in place (a mapped file: `InputFile.bytes`); without `extraColumns`, the free columns are not
  /// kept as attributes.
  public static func read(_ data: InputBytes, file: String, rejects: RejectLog? = nil,
                          extraColumns: Bool = true) throws -> (people: [Person], lines: [Int]) {
    do { return try read(data, file: file, rejects: rejects, mapping: nil, extraColumns: extraColumns) } catch let e as InputError {
      throw hinted(e, data, file: file)
    }
  }

  /// `e` (an error reading the contacts in `data`), saying which preset reads the file when it is a CRM's
  /// export as downloaded.
  static func hinted(_ e: InputError, _ data: InputBytes, file: String) -> InputError {
    var e = e
    if e.problem.hasPrefix("missing required column \"id\""), let hint = presetHint(data, file: file, columns: true) {
      e.problem = "no id column: " + hint
    } else if let hint = presetHint(data, file: file, columns: false, atLeast: 4) {
      e.problem += "; " + hint
    }
    return e
  }

  /// A contacts file read as Tiemap's own that is a CRM's export as downloaded (its header shares at least four
  /// columns with a preset's): a warning that its CRM columns (roles, owners, managers) were not read as such.
  static func lookAlike(_ data: InputBytes, file: String) -> [InputWarning] {
    guard let hint = presetHint(data, file: file, columns: false, atLeast: 4) else { return [] }
    return [InputWarning(file: file, line: 1, message: hint + " to read its roles, owners and managers as the CRM writes them")]
  }

  /// "this looks like a Salesforce Contact export (13 of its columns): pass --preset salesforce", with the columns
  /// found when `columns`, when the header of `bytes` shares `atLeast` columns with a preset's export (a
  /// LinkedIn `Notes:` preamble is looked past); nil otherwise.
  static func presetHint(_ bytes: InputBytes, file: String, columns: Bool, atLeast: Int = 2) -> String? {
    guard var header = try? CSVTable<Field>.header(of: bytes, file: file) else { return nil }
    if header.names.first?.trimmingBlanks() == "Notes:" {
      guard let h = try? CSVTable<Field>.header(of: CRMImport.withoutPreamble(bytes), file: file) else { return nil }
      header = h
    }
    guard let best = CRMPreset.closest(to: header.names), best.shared >= atLeast else { return nil }
    let found = columns ? " (columns found: " + header.names.map { $0.trimmingBlanks() }.joined(separator: ", ") + ")" : ""
    return "this looks like a \(best.preset.title) (\(best.shared) of its columns): pass --preset \(best.preset.rawValue)\(found)"
  }

  /// How a CRM export's columns give the contact fields (see `CRMPreset`): for each field, the first of its
  /// names found in the header (normalised: `Account.Name` is `accountname`) gives it, and the other columns stay
  /// attributes; `id` may be named outright (`--id-column`). Role values are the export's (`Economic Buyer`,
  /// `Budget Holder`, `Blocker`…), nil for "none" (`Other`, `Unknown`).
  struct Mapping {
    var columns: [(Field, [String])]
    var idColumn: String?
    var role: @Sendable (String) -> Result<StakeholderRole?, CellProblem>
    /// Tiemap's own aliases, the id's replaced by `idColumn` (no preset: only `--id-column`).
    var base: [String: Field]? = nil

    func aliases(_ header: (names: [String], line: Int), file: String) throws -> [String: Field] {
      let present = Set(header.names.map { normalizedColumnName($0.trimmingBlanks()) })
      var out: [String: Field] = [:]
      var used = Set<String>()
      if let idColumn {
        let key = normalizedColumnName(idColumn)
        guard present.contains(key) else {
          throw InputError(file: file, line: header.line,
                           problem: "--id-column \(quoted(idColumn)) is not a column (columns found: \(header.names.map { $0.trimmingBlanks() }.joined(separator: ", ")))")
        }
        if let base { return base.filter { $0.value != .id }.merging([key: .id]) { _, b in b } }
        out[key] = .id
        used.insert(key)
      }
      if let base { return base }
      for (field, names) in columns where !(field == .id && idColumn != nil) {
        if let name = names.first(where: { present.contains($0) && !used.contains($0) }) {
          out[name] = field
          used.insert(name)
        }
      }
      return out
    }
  }
  /// - Throws: `InputError` for an empty file, a header with no rows, a missing `id` column, a row with the
  ///   wrong number of fields, an empty or duplicate id, or a bad role, proximity, influence, interest or
  ///   internal value.
  /// - Parameter rejects: log bad rows there and go on (their ids are remembered as rejected) instead of throwing.
  /// - Parameter mapping: a CRM export's columns and role values (`CRMPreset`), instead of Tiemap's.
  static func read(_ bytes: [UInt8], file: String, rejects: RejectLog? = nil, mapping: Mapping?) throws -> (people: [Person], lines: [Int]) {
    try read(InputBytes(bytes), file: file, rejects: rejects, mapping: mapping)
  }

  static func read(_ data: InputBytes, file: String, rejects: RejectLog? = nil, mapping: Mapping?,
                   extraColumns: Bool = true) throws -> (people: [Person], lines: [Int]) {
    var names = aliases
    var role: (String) -> Result<StakeholderRole?, CellProblem> = ownRole
    if let mapping {
      names = try mapping.aliases(CSVTable<Field>.header(of: data, file: file), file: file)
      role = mapping.role
    }
    var table = try CSVTable<Field>(data: data, file: file, aliases: names, required: [.id], name: { $0.rawValue })
    var people: [Person] = [], lines: [Int] = []
    let bound = CSVParser.recordBound(data.buffer)
    people.reserveCapacity(bound); lines.reserveCapacity(bound)
    var seen: SeenIDs? = SeenIDs()   // the line of each accepted id
    var cells = RepeatedColumns()
    let columns = Columns(table)
    while try table.next(rejects) {
      do {
        let p = try person(in: table, columns, seen: &seen, cells: &cells, role: role, extraColumns: extraColumns)
        people.append(p)
        lines.append(table.line)
      } catch let e as InputError where rejects != nil {
        let id = table.value(at: columns.id)
        rejects!.add(e, account: table.value(at: columns.account), id: id)
        // A duplicate leaves the first row standing; any other bad row makes its id a rejected person.
        if let id, seen?.line(of: id) == nil { rejects!.rejectPerson(id, file: file, line: table.line) }
      }
    }
    return (people, lines)
  }

  /// The column of each known field, looked up once before the row loop.
  struct Columns {
    let id, name, firstName, lastName, title, account, department, reportsTo, role, proximity, influence, interest,
        owner, isInternal: Int?
    init(_ t: CSVTable<Field>) {
      (id, name, firstName, lastName, title, account, department) = (t.column(.id), t.column(.name), t.column(.firstName),
        t.column(.lastName), t.column(.title), t.column(.account), t.column(.department))
      (reportsTo, role, proximity, influence, interest, owner, isInternal) = (t.column(.reportsTo), t.column(.role),
        t.column(.proximity), t.column(.influence), t.column(.interest), t.column(.owner), t.column(.internal))
    }
  }

  /// The ids accepted so far, with their lines: found by their bytes (no `String` hashing per row) while every id
  /// is ASCII; from the first id that is not, by `String` equality as well — Swift's, which is Unicode canonical
  /// equivalence, the one `SocialGraphBuilder` uses, so "é" written composed or decomposed is one id here too.
  struct SeenIDs {
    private var interner = IDInterner(expected: 1024)
    private var lines: [Int] = []
    private var byString: [String: Int]?

    /// The line of the accepted id equal to `id`, or nil.
    mutating func line(of id: String) -> Int? {
      var id = id
      if byString == nil && id.withUTF8({ $0.contains { $0 >= 0x80 } }) {
        var all: [String: Int] = [:]
        for i in 0..<interner.count { all[interner.string(i)] = lines[i] }
        byString = all
      }
      if let byString { return byString[id] }
      return id.withUTF8 { b in interner.find(b).map { lines[Int($0)] } }
    }

    /// Records an accepted id (after `line(of:)` found none equal to it).
    mutating func add(_ id: String, line: Int) {
      var id = id
      _ = id.withUTF8 { interner.intern($0) }
      lines.append(line)
      byString?[id] = line
    }
  }

  /// The columns whose values repeat from row to row: each distinct cell is converted once, and accounts,
  /// departments and titles are stored once (a million contacts hold a few thousand distinct values).
  struct RepeatedColumns {
    var account = RepeatedCells<String>(), department = RepeatedCells<String>(), title = RepeatedCells<String>()
    var role = RepeatedCells<StakeholderRole?>(), proximity = RepeatedCells<Proximity>()
    var influence = RepeatedCells<Int>(), interest = RepeatedCells<Int>(), isInternal = RepeatedCells<Bool>()
  }

  /// The person of the table's current row, recorded in `seen` when it is accepted.
  private static func person(in table: CSVTable<Field>, _ c: Columns, seen: inout SeenIDs?,
                             cells: inout RepeatedColumns, role: (String) -> Result<StakeholderRole?, CellProblem>,
                             extraColumns: Bool = true) throws -> Person {
    guard let id = table.value(at: c.id) else { throw table.error("empty id") }
    if let first = seen?.line(of: id) { throw table.error(duplicate(id, first: first)) }
    var p = Person(id: id)
    p.name = table.value(at: c.name)
    if p.name == nil {
      let parts = [table.value(at: c.firstName), table.value(at: c.lastName)].compactMap { $0 }
      if !parts.isEmpty { p.name = parts.joined(separator: " ") }
    }
    func text(_ column: Int?, _ cache: inout RepeatedCells<String>) -> String? {
      table.withBytes(at: column) { b in cache.value(b) { String(decoding: $0, as: UTF8.self) } }
    }
    func parsed<T>(_ column: Int?, _ cache: inout RepeatedCells<T>, _ parse: (String) -> Result<T, CellProblem>) throws -> T? {
      try table.withBytes(at: column) { b in try cache.value(b) { try parse(String(decoding: $0, as: UTF8.self)).get(in: table) } }
    }
    p.title = text(c.title, &cells.title)
    p.account = text(c.account, &cells.account)
    p.department = text(c.department, &cells.department)
    p.reportsTo = table.value(at: c.reportsTo)
    p.owner = table.value(at: c.owner)
    p.role = try parsed(c.role, &cells.role, role) ?? nil
    p.proximity = try parsed(c.proximity, &cells.proximity, ValueParsing.proximity)
    p.influence = try parsed(c.influence, &cells.influence) { ValueParsing.integer($0, column: "influence", in: 1...5) }
    p.interest = try parsed(c.interest, &cells.interest) { ValueParsing.integer($0, column: "interest", in: 1...5) }
    if let v = try parsed(c.isInternal, &cells.isInternal, { ValueParsing.boolean($0, column: "internal") }) { p.isInternal = v }
    if extraColumns && !table.extraColumns.isEmpty {
      p.attributes = table.extraColumns.map { Attribute(name: $0.name, value: table.value(at: $0.index) ?? "") }
    }
    seen?.add(id, line: table.line)
    return p
  }

  /// Tiemap's own role values (`ValueParsing.role`); a CRM's are its preset's.
  static let ownRole: @Sendable (String) -> Result<StakeholderRole?, CellProblem> = { ValueParsing.role($0).map { Optional($0) } }

  static func duplicate(_ id: String, first: Int) -> String { "duplicate id \(quoted(id)) (first on line \(first))" }

  /// The first row (in order) whose id an earlier row has, as `read` reports it; nil when the ids are distinct.
  static func firstDuplicate<People: RandomAccessCollection<Person>>(_ people: People, lines: [Int], file: String) -> InputError?
  where People.Index == Int {
    var seen = SeenIDs()
    for i in people.indices {
      if let first = seen.line(of: people[i].id) {
        return InputError(file: file, line: lines[i], problem: duplicate(people[i].id, first: first))
      }
      seen.add(people[i].id, line: lines[i])
    }
    return nil
  }

  /// The contacts file read in chunks on several threads (`CSVChunks`), giving `read`'s people, lines and errors
  /// — all but one: ids are not compared across chunks here. A run without rejects finds duplicate ids anyway
  /// when it builds the people's index (`SocialGraphBuilder(people:)` refuses them), and only then asks
  /// `firstDuplicate` which row it is; a chunk's error is thrown only after the rows before it are checked for
  /// duplicates, so errors keep file order. Tiemap's own columns only (no CRM mapping). The plan (`init`), then
  /// `read(chunk:)` for each chunk (on any thread), then `finish`.
  struct Chunked: Sendable {
    let data: InputBytes
    let file: String
    let table: CSVTable<Field>
    let ranges: [Range<Int>]
    /// Where each chunk writes its people in the one array (`slots` of them in all).
    let stretches: CSVChunks.Stretches
    var slots: Int { stretches.total }
    /// Line ends before the first chunk (the header's).
    let headerLines: Int
    /// Keep the free columns as attributes (`LoadOptions.extraColumns`).
    let extraColumns: Bool

    /// What one chunk read: the number of people it wrote into its stretch, their lines (counted from its
    /// start), and its line ends.
    struct Piece: Sendable {
      var count = 0
      var lines: [Int] = []
      var lineEnds = 0
    }

    /// Nil when the file is too small to be worth it.
    init?(data: InputBytes, file: String, chunks: Int, extraColumns: Bool = true, smallest: Int = CSVChunks.smallest) throws {
      guard chunks > 1, data.count >= smallest else { return nil }
      self.data = data; self.file = file; self.extraColumns = extraColumns
      table = try CSVTable<Field>(data: data, file: file, aliases: aliases, required: [.id], name: { $0.rawValue })
      ranges = CSVChunks.ranges(data.buffer, from: table.dataStart, count: chunks)
      headerLines = CSVChunks.lineEnds(data.buffer, before: ranges[0].lowerBound)
      stretches = CSVChunks.Stretches(data.buffer, ranges: ranges)
    }

    /// Reads chunk `k` into its stretch of `into` (uninitialised slots, `slots` of them).
    func read(chunk k: Int, into: CSVChunks.Slots<Person>) -> CSVChunks.Outcome<Piece> {
      var t = table.chunk(ranges[k])
      let base = into.base + stretches.offsets[k]
      let room = stretches.room(k)   // its line ends + 1
      var piece = Piece(lineEnds: room - 1)
      piece.lines.reserveCapacity(room)
      var seen: SeenIDs? = nil
      var cells = RepeatedColumns()
      let columns = Columns(t)
      var error: InputError?
      do {
        while try t.next() {
          precondition(piece.count < room, "a chunk has more records than line ends")
          (base + piece.count).initialize(to: try person(in: t, columns, seen: &seen, cells: &cells, role: ownRole,
                                                         extraColumns: extraColumns))
          piece.count += 1
          piece.lines.append(t.line)
        }
      } catch let e as InputError {
        error = e
      } catch let other {
        error = InputError(file: file, line: 0, problem: String(describing: other))
      }
      return CSVChunks.Outcome(value: piece, error: error, first: t.firstRecordStart, stop: t.position, rows: t.rowCount)
    }

    /// Closes the gaps between the chunks' people in `buffer` (`count` is then all of them, in file order) and
    /// returns their lines; nil when a chunk did not begin on a record boundary (read the file in one piece).
    /// Throws the first error in file order: a duplicate id before a chunk's error, else that error.
    func finish(_ outcomes: [CSVChunks.Outcome<Piece>], in buffer: UnsafeMutablePointer<Person>, count: inout Int) throws -> [Int]? {
      let cursor = stretches.closeGaps(in: buffer, counts: outcomes.map(\.value.count))
      count = cursor
      for k in outcomes.indices where k > 0 && outcomes[k].first != outcomes[k - 1].stop { return nil }
      var lines: [Int] = []
      lines.reserveCapacity(cursor)
      var base = headerLines
      for o in outcomes {
        lines.append(contentsOf: o.value.lines.lazy.map { $0 + base })
        if var e = o.error {
          if let d = firstDuplicate(UnsafeBufferPointer(start: buffer, count: lines.count), lines: lines, file: file) { throw d }
          if e.line > 0 { e.line += base }
          throw e
        }
        base += o.value.lineEnds
      }
      if outcomes.allSatisfy({ $0.rows == 0 }) {
        throw InputError(file: file, line: table.line, problem: "no rows after the header")
      }
      return lines
    }
  }
}
