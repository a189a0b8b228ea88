import NetworkAnalysis
import SocialGraph

/// Format of a whole-graph file (`--graph`).
public enum GraphFileFormat: String, Sendable, CaseIterable {
  /// SNAP-style whitespace edge list (`u v [w]`, `#` comments).
  case snap
  /// CSV edge list (`source,target[,weight]`, header optional; any ties.csv column works).
  case csv
  /// Node-link JSON (NetworkX `node_link_data`, d3 — v3's links by node index too —, `tiemap convert -o x.json`)
  /// and graphology's serialisation: people with their fields, ties.
  case json
  /// GraphML (NetworkX, igraph, Gephi, yEd, Cytoscape): people with their fields, ties with theirs.
  case graphml
  /// GEXF 1.1–1.3 (Gephi): people with their fields, ties with theirs.
  case gexf
  /// GML (Gephi, NetworkX, igraph, Newman's data sets).
  case gml
  /// Pajek `.net` (Pajek, KrackPlot, Batagelj's collections).
  case pajek
  /// UCINET DL (fullmatrix, edgelist1, nodelist1; several matrices as relations).
  case dl
  /// An adjacency matrix (white space or CSV, optional labels; k stacked n × n matrices as k relations).
  case matrix

  /// The format named by a file's extension (`.gz` is looked through): `.csv`, `.xlsx` → csv (a workbook's sheet); `.txt`, `.edges`, `.el`,
  /// `.tsv`, `.snap` → snap; `.json` → node-link JSON; `.graphml` → GraphML; `.gexf` → GEXF; `.gml` → GML;
  /// `.net`, `.paj` → Pajek; `.dl` → UCINET DL.
  public init?(path: String) {
    var p = path.lowercased()
    if p.hasSuffix(".gz") { p.removeLast(3) }
    if p.hasSuffix(".csv") || p.hasSuffix(".xlsx") || p.hasSuffix(".xlsm") { self = .csv }   // a workbook: its sheet as CSV
    else if p.hasSuffix(".json") { self = .json }
    else if p.hasSuffix(".graphml") { self = .graphml }
    else if p.hasSuffix(".gexf") { self = .gexf }
    else if p.hasSuffix(".gml") { self = .gml }
    else if p.hasSuffix(".net") || p.hasSuffix(".paj") { self = .pajek }
    else if p.hasSuffix(".dl") { self = .dl }
    else if [".txt", ".edges", ".edgelist", ".el", ".tsv", ".snap", ".dat"].contains(where: { p.hasSuffix($0) }) { self = .snap }
    else { return nil }
  }

  /// The format the first words of a file show, where its extension says nothing or says only "text": XML's
  /// `<graphml`/`<gexf`, JSON's `{`, GML's `graph [` (or `Creator`), Pajek's `*Vertices`/`*Network`, DL's `dl`,
  /// for text of more than three numbers a line in as many lines as columns, an adjacency matrix, and for two
  /// words a line (a third a number), an edge list.
  public init?(content bytes: [UInt8]) {
    var text = String(decoding: bytes.prefix(4096), as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { $0.trimmingCharacters() }
      .filter { !$0.isEmpty && !$0.hasPrefix("%") && !$0.hasPrefix("#") }
    guard let first = lines.first else { return nil }
    let head = first.lowercased()
    if head.hasPrefix("<") {
      let lower = text.lowercased()
      if lower.contains("<graphml") { self = .graphml; return }
      if lower.contains("<gexf") { self = .gexf; return }
      return nil
    }
    if head.hasPrefix("{") { self = .json; return }
    if head.hasPrefix("*vertices") || head.hasPrefix("*network") || head.hasPrefix("*arcs") || head.hasPrefix("*edges") { self = .pajek; return }
    if head == "dl" || head.hasPrefix("dl ") || head.hasPrefix("dl\t") { self = .dl; return }
    if head.hasPrefix("graph") && (head.dropFirst(5).trimmingCharacters().hasPrefix("[") || head.count == 5) { self = .gml; return }
    if head.hasPrefix("creator") || head.hasPrefix("version ") { self = .gml; return }
    let rows = lines.prefix(64).map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" }) }
    if let width = rows.first?.count, width > 3, rows.allSatisfy({ $0.count == width && $0.allSatisfy { Double($0) != nil } }) {
      self = .matrix; return
    }
    // Two or three words a line, not a header: an edge list (`u v [w]`).
    if rows.allSatisfy({ $0.count == 2 || ($0.count == 3 && Double($0[2]) != nil) }) && rows.count > 0 && !text.contains(",") { self = .snap; return }
    return nil
  }

  /// Whether the first lines of `bytes` are an adjacency matrix's, labels or not: more than three values a row,
  /// every row as wide, the rows (beyond a label row) a multiple of the values a row, the values numbers.
  static func looksLikeMatrix(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes.prefix(1 << 16), as: UTF8.self)
    var rows = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { $0.trimmingCharacters() }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("%") }
      .map { $0.split(separator: $0.contains(",") ? "," : $0.contains(";") ? ";" : " ", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters() }.filter { !$0.isEmpty } }
    guard rows.count >= 3 else { return false }
    if rows[0].contains(where: { Double($0) == nil }) { rows.removeFirst() }   // column labels
    guard let width = rows.first?.count, width > 3 else { return false }
    let labelled = rows.allSatisfy { Double($0[0]) == nil }
    let n = labelled ? width - 1 : width
    return n > 2 && rows.allSatisfy { $0.count == width && $0.dropFirst(labelled ? 1 : 0).allSatisfy { Double($0) != nil } }
      && (rows.count % n == 0 || bytes.count > 1 << 16)
  }

  /// What Tiemap reads, for the message refusing another format.
  public static let readable = "edge lists (.txt, .csv, .xlsx), JSON (node-link, d3, graphology), GraphML, GEXF, GML, Pajek (.net), UCINET DL (.dl) and adjacency matrices"
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  func trimmingCharacters() -> Substring {
    var s = self
    while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
    return s
  }
}

/// How inputs are read.
public struct LoadOptions: Sendable {
  /// Add people named in ties or interactions but missing from the contacts (with a warning) instead of failing.
  public var allowUnknown = false
  /// Whole-graph files: force a format instead of reading it from the extension.
  public var format: GraphFileFormat?
  /// Whole-graph files: ties are directed (default undirected).
  public var directed = false
  public var thirdColumn = EdgeListThirdColumn.weight
  public var skipZeroWeights = false
  /// Contacts as a CRM exports them (`--preset`, `--users`, `--accounts`, `--contact-roles`, `--owner`, `--id-column`).
  public var crm = CRMOptions()
  /// Keep the contacts' free columns (location, email…) as each person's attributes. `score` turns it off: none
  /// of its outputs shows them, and a million contacts' attributes are a million arrays and strings.
  public var extraColumns = true
  /// The encoding of every text input (`--encoding`; `auto`: UTF-8, UTF-16 by its byte-order mark, else
  /// Windows-1252 with a warning). See `TextEncoding`.
  public var encoding = TextEncoding.auto
  /// The sheet of a workbook input (`.xlsx`) to read: a name or a number from 1; nil: the first.
  public var sheet: String?
  /// How the files are read (`encoding`, `sheet`).
  public var text: InputText { InputText(encoding: encoding, sheet: sheet) }
  /// Whole-graph files: a Pajek partition (`.clu`) read as the people's attribute named after the file.
  public var partition: String?
  public init() {}
}

/// Everything read from one set of inputs: the graph, the contact history and the warnings to show.
public struct LoadedInput: Sendable {
  public var graph: SocialGraph
  public var interactions: [Interaction]
  /// Net Promoter answers (`--surveys`), in file order.
  public var surveys: [SurveyResponse] = []
  /// Referrals (`--referrals`), in file order.
  public var referrals: [Referral] = []
  public var warnings: [InputWarning]
  /// The files read, in order.
  public var files: [String]

  public init(graph: SocialGraph, interactions: [Interaction], surveys: [SurveyResponse] = [], referrals: [Referral] = [],
              warnings: [InputWarning], files: [String]) {
    self.graph = graph; self.interactions = interactions; self.surveys = surveys; self.referrals = referrals
    self.warnings = warnings; self.files = files
  }
}

/// Reads the inputs of a command (`--contacts/--ties/--interactions`, or `--graph`) into a `SocialGraph`.
/// Nothing partial is returned: the first bad row stops the load with an `InputError`.
public enum InputLoader {
  /// An account: contacts, then optional ties, contact history, survey answers and referrals.
  /// With `rejects`, bad rows of the contacts, ties and history are logged there and the load goes on (see
  /// `resolveReferences` and `RejectLog`); without it, the first bad row throws.
  public static func loadAccount(contacts: String, ties: String?, interactions: String?, surveys: String? = nil,
                                 referrals: String? = nil, options: LoadOptions = LoadOptions(), rejects: RejectLog? = nil) throws -> LoadedInput {
    var (people, lines, implied, crmWarnings) = try readContacts(try InputFile.bytes(contacts, text: options.text), file: contacts, options: options, rejects: rejects)
    if let rejects, !options.allowUnknown { resolveReferences(&people, lines: &lines, rejects: rejects, contacts: contacts) }
    var builder = SocialGraphBuilder(reservingPeople: people.count)
    for p in people { try builder.addPerson(p) }
    var warnings: [InputWarning] = crmWarnings
    // Managers and owners must be people (or be added, with --allow-unknown).
    var addedRefs: [(String, Int)] = []
    for (i, p) in people.enumerated() {
      for (column, ref) in [("reports_to", p.reportsTo), ("owner", p.owner)] {
        guard let ref, builder.index(of: ref) == nil else { continue }
        guard options.allowUnknown else {
          var problem = "\(column) \(quoted(ref)) is not the id of anyone in \(contacts) (add the person, or pass --allow-unknown)"
          if options.crm.preset == nil, let bytes = try? InputFile.bytes(contacts, text: options.text), let hint = ContactsReader.presetHint(bytes, file: contacts, columns: false, atLeast: 4) {
            problem = "\(column) \(quoted(ref)) is not the id of anyone in \(contacts): " + hint
          }
          throw InputError(file: contacts, line: lines[i], problem: problem)
        }
        var added = Person(id: ref)
        if column == "owner" { added.isInternal = true }
        try builder.addPerson(added)
        addedRefs.append((ref, lines[i]))
      }
    }
    if let first = addedRefs.first {
      warnings.append(InputWarning(file: contacts, line: first.1,
        message: "added \(addedRefs.count) manager\(addedRefs.count == 1 ? "" : "s") or owner\(addedRefs.count == 1 ? "" : "s") not in the file (first: \(quoted(first.0)))"))
    }
    for (i, p) in people.enumerated() {
      if let o = p.owner, let v = builder.index(of: o), !builder.people[Int(v)].isInternal, !addedRefs.contains(where: { $0.0 == o }) {
        warnings.append(InputWarning(file: contacts, line: lines[i],
          message: "owner \(quoted(o)) of \(quoted(p.id)) is not marked internal (our team)"))
      }
    }
    let unknown: TiesReader.UnknownPeople = options.allowUnknown ? .add : .reject(contactsFile: contacts)
    var files = [contacts]
    if let ties {
      let bytes = try InputFile.bytes(ties, text: options.text)
      if options.crm.preset == .dynamics, CRMImport.isConnections(try CSVTable<CRMImport.ConnectionField>.header(of: bytes, file: ties).names) {
        warnings += try CRMImport.connections(bytes, file: ties, into: &builder)
      } else {
        var lookup = PersonLookup(builder)
        warnings += try TiesReader.read(bytes, file: ties, into: &builder, lookup: &lookup, unknown: unknown, rejects: rejects)
      }
      files.append(ties)
    }
    try addImplied(implied, to: &builder)
    // The per-person files: each resolves its ids against the people so far (adding them with --allow-unknown).
    func read<T>(_ path: String?, _ reader: (InputBytes, String, inout SocialGraphBuilder) throws -> ([T], [InputWarning])) throws -> [T] {
      guard let path else { return [] }
      let (rows, found) = try reader(try InputFile.bytes(path, text: options.text), path, &builder)
      warnings += found
      files.append(path)
      return rows
    }
    let history = try read(interactions) { bytes, file, builder in
      let (data, converted) = try historyData(bytes, file: file, preset: options.crm.preset, builder: builder)
      var lookup = PersonLookup(builder)
      let r = try InteractionsReader.read(data, file: file, builder: &builder, lookup: &lookup, unknown: unknown, rejects: rejects)
      return (r.interactions, converted + r.warnings)
    }
    let answers = try read(surveys) { try SurveysReader.read($0, file: $1, builder: &$2, unknown: unknown) }
    let referred = try read(referrals) { try ReferralsReader.read($0, file: $1, builder: &$2, unknown: unknown) }
    let graph = try build(builder, file: contacts)
    // Reporting cycles: a warning naming the cycle, at the line of its first member.
    for cycle in graph.reportsToHierarchy().cycles {
      let first = Int(cycle[0])
      let line = first < lines.count ? lines[first] : 0
      let names = (cycle + [cycle[0]]).map { graph.people[Int($0)].id }.joined(separator: " → ")
      warnings.append(InputWarning(file: contacts, line: line, message: "reports-to cycle: \(names)"))
    }
    return LoadedInput(graph: graph, interactions: history, surveys: answers, referrals: referred,
                       warnings: InputFile.notes(for: files + [options.crm.users, options.crm.accounts, options.crm.contactRoles]) + warnings,
                       files: files)
  }

  /// What batch scoring reads: the people and ties as given (no views built: `AccountPartition` cuts them into
  /// accounts, and each account builds its own graph) and the contact history. With `rejects`, bad rows are
  /// logged there and the read goes on: a contact whose manager or owner is not a valid row is rejected too
  /// (repeatedly, until every kept contact's references resolve), and a tie or interaction naming a rejected
  /// contact is rejected with that reason. Without it, the first bad row throws, as everywhere else.
  public static func loadParts(contacts: String, ties: String?, interactions: String?, options: LoadOptions = LoadOptions(),
                               rejects: RejectLog? = nil) throws -> (parts: SocialGraphParts, interactions: [Interaction],
                                                                     warnings: [InputWarning], lines: [Int]) {
    try loadParts(contactsSource: (contacts, { try InputFile.bytes(contacts, text: options.text) }), tiesSource: ties.map { t in (t, { try InputFile.bytes(t, text: options.text) }) },
                  historySource: interactions.map { h in (h, { try InputFile.bytes(h, text: options.text) }) }, options: options, rejects: rejects)
  }

  /// A source of CSV bytes: its name (for messages) and how to get the bytes (read when needed, then let go).
  public typealias Source = (name: String, bytes: @Sendable () throws -> InputBytes)

  /// What `loadParts` reads first, on two threads: the contacts parsed, and the other files' bytes.
  private enum Early: Sendable {
    case contacts(Result<(people: [Person], lines: [Int], implied: [ImportedTie], warnings: [InputWarning]), any Error>)
    case contactsChunk(CSVChunks.Outcome<ContactsReader.Chunked.Piece>)
    case files(Result<InputBytes, any Error>?, Result<InputBytes, any Error>?, InteractionsReader.Chunked?)
  }

  /// What `loadParts` makes of the people, on two threads: the lookup of their ids (references checked), and the
  /// builder.
  private enum Ready: Sendable {
    case lookup(PersonLookup, missed: [(person: Int, column: String, id: String)])
    case builder(Result<SocialGraphBuilder, any Error>)
  }

  /// With `rejects`: a contact whose manager or owner is a rejected row keeps its row without that reference,
  /// flagged `manager_rejected` or `owner_rejected` (one bad row of our team no longer takes its contacts, and their
  /// ties and history, with it); a contact whose manager or owner is no row at all is rejected with its own row's
  /// error — and so on, until every kept reference resolves.
  /// - Complexity: O(n) per round; a round only follows one that rejected someone.
  static func resolveReferences(_ people: inout [Person], lines: inout [Int], rejects: RejectLog, contacts: String) {
    while true {
      var ids = ContactsReader.SeenIDs()
      for (i, p) in people.enumerated() { ids.add(p.id, line: i) }
      var keep = [Bool](repeating: true, count: people.count)
      var dropped = false
      for i in people.indices {
        for column in ["reports_to", "owner"] {
          guard let ref = column == "owner" ? people[i].owner : people[i].reportsTo, ids.line(of: ref) == nil else { continue }
          if rejects.rejectedIDs[ref] != nil {
            if column == "owner" { people[i].owner = nil } else { people[i].reportsTo = nil }
            rejects.flag(people[i].id, column == "owner" ? "owner_rejected" : "manager_rejected", account: people[i].account)
            continue
          }
          rejects.add(InputError(file: contacts, line: lines[i], problem: missingReference(column, ref, contacts: contacts)),
                      account: people[i].account, id: people[i].id)
          rejects.rejectPerson(people[i].id, file: contacts, line: lines[i])
          keep[i] = false
          dropped = true
          break
        }
      }
      if !dropped { return }
      people = zip(people, keep).filter(\.1).map(\.0)
      lines = zip(lines, keep).filter(\.1).map(\.0)
    }
  }

  /// The problem of a manager or owner who is not in the contacts file.
  private static func missingReference(_ column: String, _ id: String, contacts: String) -> String {
    "\(column) \(quoted(id)) is not the id of anyone in \(contacts) (add the person, or pass --allow-unknown)"
  }

  /// What `loadParts` reads next, on two threads: the ties, and the history whole or in chunks.
  private enum Middle: Sendable {
    case ties(Result<(SocialGraphBuilder, [InputWarning]), InputError>)
    case history(Result<([Interaction], [InputWarning]), InputError>)
    case chunk(CSVChunks.Outcome<Int>)
  }

  /// `loadParts` on sources that are not files (JSON lines accounts).
  public static func loadParts(contactsSource source: Source, tiesSource: Source?, historySource: Source?,
                               options: LoadOptions = LoadOptions(), rejects: RejectLog? = nil) throws
    -> (parts: SocialGraphParts, interactions: [Interaction], warnings: [InputWarning], lines: [Int]) {
    let contacts = source.name
    let (tiesName, historyName) = (tiesSource?.name, historySource?.name)
    // The ties and history files come off the disk while the contacts are parsed (their bytes are then at hand:
    // reading and the first touch of their memory leave the critical path).
    var (people, lines, implied, warnings): ([Person], [Int], [ImportedTie], [InputWarning])
    var (tiesSource, historySource) = (tiesSource, historySource)
    var historyPlan: InteractionsReader.Chunked?
    if rejects == nil && (tiesSource != nil || historySource != nil) {
      let (t, h) = (tiesSource, historySource)
      // The contacts in chunks (Tiemap's own columns), read beside the other files; the plan reads the header
      // (one that is wrong is read whole below, for the error a whole read gives).
      let contactsBytes = Result { try source.bytes() }
      let plan = options.crm.isEmpty
        ? (try? contactsBytes.get()).flatMap { try? ContactsReader.Chunked(data: $0, file: contacts, chunks: 8, extraColumns: options.extraColumns) }
        : nil
      func readEarly(_ slots: CSVChunks.Slots<Person>?) -> [Early] {
        ParallelMap.map(2 + max((plan?.ranges.count ?? 1) - 1, 0), threads: 2) { i -> Early in
          if i >= 2, let plan, let slots { return .contactsChunk(plan.read(chunk: i - 1, into: slots)) }
          if i == 0 {
            if let plan, let slots { return .contactsChunk(plan.read(chunk: 0, into: slots)) }
            return .contacts(Result { try readContacts(try contactsBytes.get(), file: contacts, options: options, rejects: nil) })
          }
          let history = h.map { h in Result { try h.bytes() } }
          // The history's chunks planned here too (a history that cannot be read, or whose header is wrong, is read
          // whole later, so that its error comes after the ties').
          let chunked = h.flatMap { h in
            (try? history?.get()).flatMap { bytes in
              try? InteractionsReader.Chunked(data: bytes, file: h.name, contactsFile: contacts, chunks: options.allowUnknown || options.crm.preset != nil ? 1 : 8)
            }
          }
          return .files(t.map { t in Result { try t.bytes() } }, history, chunked)
        }
      }
      var early: [Early] = []
      if let plan {
        // The chunks write their people straight into the one array (no second copy of a million people).
        var chunkedLines: Result<[Int]?, any Error> = .success(nil)
        let chunkedPeople = [Person](unsafeUninitializedCapacity: max(plan.slots, 1)) { buffer, count in
          early = readEarly(CSVChunks.Slots(base: buffer.baseAddress!))
          let pieces = early.enumerated().filter { $0.offset != 1 }.map { piece -> CSVChunks.Outcome<ContactsReader.Chunked.Piece> in
            guard case .contactsChunk(let o) = piece.element else { preconditionFailure("contacts chunks") }
            return o
          }
          chunkedLines = Result { try plan.finish(pieces, in: buffer.baseAddress!, count: &count) }
        }
        let read: [Int]?
        do { read = try chunkedLines.get() } catch let e as InputError { throw ContactsReader.hinted(e, plan.data, file: contacts) }
        if let read {
          (people, lines, implied, warnings) = (chunkedPeople, read, [], ContactsReader.lookAlike(plan.data, file: contacts))
        } else {   // a cut fell inside a quoted field: one pass
          (people, lines, implied, warnings) = try readContacts(plan.data, file: contacts, options: options, rejects: nil)
        }
      } else {
        early = readEarly(nil)
        guard case .contacts(let parsed) = early[0] else { preconditionFailure("contacts first") }
        (people, lines, implied, warnings) = try parsed.get()
      }
      guard case .files(let tiesBytes, let historyBytes, let chunkedHistory) = early[1] else { preconditionFailure("files second") }
      historyPlan = chunkedHistory
      // A file that could not be read fails where it is used, as it would have unread.
      let tiesBox = TakenOnce(tiesBytes)   // handed to the ties reader, then let go while the history is read
      tiesSource = t.map { t in (t.name, { try tiesBox.take()!.get() }) }
      historySource = h.map { h in (h.name, { try historyBytes!.get() }) }
    } else {
      (people, lines, implied, warnings) = try readContacts(try source.bytes(), file: contacts, options: options, rejects: rejects)
    }
    var builder: SocialGraphBuilder
    var lookup: PersonLookup
    if let rejects {
      resolveReferences(&people, lines: &lines, rejects: rejects, contacts: contacts)
      builder = try SocialGraphBuilder(people: people)
      try addImplied(implied, to: &builder)
      lookup = PersonLookup(builder)   // once, for both readers
    } else {
      // The lookup (and the managers' and owners' ids it does not find by their bytes) and the builder, side by
      // side; a reference missed by its bytes is then asked of the builder, which compares ids as Strings.
      let ready = ParallelMap.map(2, threads: 2) { [people] i -> Ready in
        if i == 1 { return .builder(Result { try SocialGraphBuilder(people: people) }) }
        let l = PersonLookup(people: people)
        var missed: [(person: Int, column: String, id: String)] = []
        func check(_ i: Int, _ column: String, _ ref: String?) {
          if var ref, ref.withUTF8({ l.index(of: $0) }) == nil { missed.append((i, column, ref)) }
        }
        for i in people.indices {   // each person read in place, not copied
          check(i, "reports_to", people[i].reportsTo)
          check(i, "owner", people[i].owner)
        }
        return .lookup(l, missed: missed)
      }
      guard case .lookup(let l, let missed) = ready[0], case .builder(let b) = ready[1] else { preconditionFailure("lookup, then builder") }
      do { builder = try b.get() } catch SocialGraphError.duplicateID(let id) {
        // Contacts read in chunks are compared here: the row, as a whole read names it.
        throw ContactsReader.firstDuplicate(people, lines: lines, file: contacts) ?? SocialGraphError.duplicateID(id)
      }
      for m in missed where builder.index(of: m.id) == nil {
        var problem = missingReference(m.column, m.id, contacts: contacts)
        if options.crm.preset == nil, let bytes = try? source.bytes(),
           let hint = ContactsReader.presetHint(bytes, file: contacts, columns: false, atLeast: 4) {
          problem = "\(m.column) \(quoted(m.id)) is not the id of anyone in \(contacts): " + hint   // as `loadAccount` says it
        }
        throw InputError(file: contacts, line: lines[m.person], problem: problem)
      }
      lookup = l
      try addImplied(implied, to: &builder)   // ties only: the lookup stays right
    }
    let unknown: TiesReader.UnknownPeople = options.allowUnknown ? .add : .reject(contactsFile: contacts)
    var history: [Interaction] = []
    if let tiesSource, let historySource, rejects == nil, !options.allowUnknown {
      // Ties and history at once: both only look people up (nobody is added), so each reads its own copy of the
      // builder and shares the lookup's storage. The history, the larger file, in chunks (`CSVChunks`) beside the
      // ties, so that both threads stay busy to the end.
      let (start, startLookup) = (builder, lookup)
      let chunked = historyPlan
      var read: [Middle] = []
      var chunkedRows: Result<Int?, any Error> = .success(nil)
      func run(_ slots: CSVChunks.Slots<Interaction>?) -> [Middle] {
        ParallelMap.map(1 + (chunked?.ranges.count ?? 1), threads: 2) { i -> Middle in
          if i > 0, let chunked, let slots { return .chunk(chunked.read(chunk: i - 1, builder: start, lookup: startLookup, into: slots)) }
          var b = start, l = startLookup
          do {
            if i == 0 {
              let w = try readTies(tiesSource, into: &b, lookup: &l, unknown: unknown, rejects: nil, preset: options.crm.preset)
              return .ties(.success((b, w)))
            }
            let (rows, w) = try readHistory(historySource, builder: &b, lookup: &l, unknown: unknown, rejects: nil, preset: options.crm.preset)
            return .history(.success((rows, w)))
          } catch {
            let e = error as? InputError ?? InputError(file: i == 0 ? tiesSource.name : historySource.name, line: 0, problem: String(describing: error))
            return i == 0 ? .ties(.failure(e)) : .history(.failure(e))
          }
        }
      }
      if let chunked {
        history = [Interaction](unsafeUninitializedCapacity: chunked.slots) { buffer, count in
          HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
          read = run(CSVChunks.Slots(base: buffer.baseAddress!))
          let outcomes = read.dropFirst().map { piece -> CSVChunks.Outcome<Int> in
            guard case .chunk(let o) = piece else { preconditionFailure("history chunks") }
            return o
          }
          chunkedRows = Result { try chunked.finish(outcomes, in: buffer.baseAddress!) }
          count = (try? chunkedRows.get()).flatMap { $0 } ?? 0
        }
      } else {
        read = run(nil)
      }
      guard case .ties(let ties) = read[0] else { preconditionFailure("ties first") }
      let (tiesBuilder, tiesWarnings) = try ties.get()
      builder = tiesBuilder
      warnings += tiesWarnings
      if chunked != nil {
        if try chunkedRows.get() == nil {   // a cut fell inside a quoted field: one pass
          var b = start, l = startLookup
          history = try readHistory(historySource, builder: &b, lookup: &l, unknown: unknown, rejects: nil, preset: options.crm.preset).0
        }
      } else {
        guard case .history(let h) = read[1] else { preconditionFailure("history second") }
        let (rows, w) = try h.get()
        history = rows
        warnings += w
      }
    } else {
      if let tiesSource {
        warnings += try readTies(tiesSource, into: &builder, lookup: &lookup, unknown: unknown, rejects: rejects, preset: options.crm.preset)
      }
      if let historySource {
        let (rows, w) = try readHistory(historySource, builder: &builder, lookup: &lookup, unknown: unknown, rejects: rejects, preset: options.crm.preset)
        history = rows
        warnings += w
      }
    }
    (tiesSource, historySource, historyPlan) = (nil, nil, nil)   // the files' bytes go before the graph is built
    let read = [contacts, tiesName, historyName, options.crm.users, options.crm.accounts, options.crm.contactRoles]
    return (builder.parts, history, InputFile.notes(for: read) + warnings, lines)
  }

  /// The contacts file, as Tiemap's own or as a CRM's export (`options.crm`): the people (our team's users after
  /// the contacts, line 0), their lines, the ties the export implies and its warnings.
  static func readContacts(_ bytes: InputBytes, file path: String, options: LoadOptions, rejects: RejectLog?) throws
    -> (people: [Person], lines: [Int], implied: [ImportedTie], warnings: [InputWarning]) {
    if options.crm.isEmpty {
      let (people, lines) = try ContactsReader.read(bytes, file: path, rejects: rejects, extraColumns: options.extraColumns)
      return (people, lines, [], ContactsReader.lookAlike(bytes, file: path))
    }
    let imported = try CRMImport.contacts(bytes, file: path, options: options.crm, rejects: rejects, text: options.text)
    return (imported.people + imported.users, imported.lines + Array(repeating: 0, count: imported.users.count),
            imported.ties, imported.warnings)
  }

  /// Adds the ties a CRM export implies (LinkedIn: the exporting member to each connection).
  static func addImplied(_ ties: [ImportedTie], to builder: inout SocialGraphBuilder) throws {
    guard !ties.isEmpty else { return }
    let kinds = Dictionary(uniqueKeysWithValues: Set(ties.map(\.kind)).map { ($0, builder.kindIndex(for: $0)) })
    for t in ties {
      guard let u = builder.index(of: t.source), let v = builder.index(of: t.target) else { continue }
      var tie = Tie(source: u, target: v, weight: 1, kind: kinds[t.kind]!, isDirected: t.isDirected)
      tie.since = t.since
      do { try builder.addTie(tie) } catch let e as SocialGraphError { throw InputError(file: t.file, line: t.line, problem: e.description) }
    }
  }

  private static func readTies(_ source: Source, into builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                                unknown: TiesReader.UnknownPeople, rejects: RejectLog?, preset: CRMPreset?) throws -> [InputWarning] {
    let bytes = try source.bytes()
    if preset == .dynamics, CRMImport.isConnections(try CSVTable<CRMImport.ConnectionField>.header(of: bytes, file: source.name).names) {
      return try CRMImport.connections(bytes, file: source.name, into: &builder)   // adds ties only: the lookup stays right
    }
    return try TiesReader.read(bytes, file: source.name, into: &builder, lookup: &lookup, unknown: unknown, rejects: rejects)
  }

  private static func readHistory(_ source: Source, builder: inout SocialGraphBuilder, lookup: inout PersonLookup,
                                  unknown: TiesReader.UnknownPeople, rejects: RejectLog?, preset: CRMPreset?) throws -> ([Interaction], [InputWarning]) {
    let (data, converted) = try historyData(try source.bytes(), file: source.name, preset: preset, builder: builder)
    let r = try InteractionsReader.read(data, file: source.name, builder: &builder, lookup: &lookup, unknown: unknown,
                                        rejects: rejects)
    return (r.interactions, converted + r.warnings)
  }

  /// The history as Tiemap's own columns: a CRM's activity export (`--preset`; `CRMActivities`) converted, its
  /// people matched as the CRM writes ids, with its warnings; anything else as it is.
  static func historyData(_ data: InputBytes, file: String, preset: CRMPreset?, builder: SocialGraphBuilder) throws
    -> (InputBytes, [InputWarning]) {
    guard let preset, CRMActivities.isActivityExport(try CSVTable<InteractionsReader.Field>.header(of: data, file: file).names, preset: preset) else {
      return (data, [])
    }
    let ids = CRMImport.IDMatcher(builder.people.map(\.id), preset: preset)
    let r = try CRMActivities.history(data, file: file, preset: preset) { ids.match($0) }
    InputFile.setLineMap(r.lineMap, for: file)
    return (r.data, r.warnings)
  }

  /// A contact history alone: the people are the ids it names (no ties, no attributes).
  public static func loadHistory(_ interactions: String, options: LoadOptions = LoadOptions()) throws -> LoadedInput {
    var builder = SocialGraphBuilder()
    let r = try InteractionsReader.read(try InputFile.read(interactions, text: options.text), file: interactions, builder: &builder, unknown: .edgeList)
    return LoadedInput(graph: try build(builder, file: interactions), interactions: r.interactions, warnings: InputFile.notes(for: [interactions]) + r.warnings,
                       files: [interactions])
  }

  /// A whole graph from an edge list (SNAP or CSV), node-link or graphology JSON, GraphML, GEXF, GML, Pajek,
  /// UCINET DL or an adjacency matrix: the format from `options.format`, else the extension, else the content.
  public static func loadGraph(_ path: String, options: LoadOptions = LoadOptions()) throws -> LoadedInput {
    var format = options.format ?? GraphFileFormat(path: path)
    var early: [UInt8]?
    if format == nil || format == .snap && options.format == nil {
      // The extension says nothing, or only "text": the first words say more.
      let bytes = try InputFile.read(path, text: options.text)
      early = bytes
      if let seen = GraphFileFormat(content: bytes) { format = seen }
    }
    guard let format else {
      let ext = path.split(separator: "/").last.flatMap { name in name.lastIndex(of: ".").map { String(name[$0...]) } }
      throw InputError(file: path, line: 0, problem: "Tiemap does not read \(ext.map { "\($0) " } ?? "these ")files; it reads \(GraphFileFormat.readable) (name one with --input-format)")
    }
    // A CSV edge list is read in place (`InputFile.bytes`); the other readers take the bytes as an array. Every
    // format is transcoded to UTF-8 (XML too: `XMLStream` reads it as UTF-8, whatever its declaration says).
    let csv = format == .csv ? try InputFile.bytes(path, text: options.text) : nil
    let bytes = csv == nil ? try early ?? InputFile.read(path, text: options.text) : []
    let size = csv?.count ?? bytes.count
    var builder = SocialGraphBuilder(reservingPeople: size / 64, ties: size / 12)
    var warnings: [InputWarning]
    do {
    switch format {
    case .snap:
      var o = EdgeListReader.Options()
      o.directed = options.directed
      o.thirdColumn = options.thirdColumn
      o.skipZeroWeights = options.skipZeroWeights
      warnings = try EdgeListReader.read(bytes, file: path, into: &builder, options: o)
    case .csv:
      let data = csv!
      if data.buffer.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
        throw InputError(file: path, line: 0, problem: "file is empty")
      }
      warnings = try TiesReader.read(data, file: path, into: &builder, unknown: .edgeList, defaultDirected: options.directed)
    case .json, .graphml, .gexf, .gml, .pajek, .dl, .matrix:
      warnings = try readGraph(bytes, format: format, file: path, directed: options.directed, into: &builder)
    }
    } catch var e as InputError where (format == .snap || format == .csv) && e.file == path {
      // An adjacency matrix read as an edge list fails on its width: say what it is.
      if GraphFileFormat.looksLikeMatrix(csv?.array ?? bytes) {
        e.problem += "; this looks like an adjacency matrix (as many rows as values a row): pass --input-format matrix"
      }
      throw e
    }
    var files = [path]
    if let partition = options.partition {
      guard format == .pajek else {
        throw InputError(file: partition, line: 0, problem: "--partition reads a Pajek partition (.clu) for a Pajek network (.net)")
      }
      let values = try PajekReader.partition(try InputFile.read(partition, text: options.text), file: partition, people: builder.people.count)
      var name = String(partition.split(separator: "/").last ?? "partition")
      if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
      for (k, v) in values.enumerated() {
        builder.updatePerson(at: NodeIndex(k)) { p in
          p.attributes.removeAll { $0.name == name }
          p.attributes.append(Attribute(name: name, value: v))
        }
      }
      files.append(partition)
    }
    return LoadedInput(graph: try build(builder, file: path), interactions: [], warnings: InputFile.notes(for: files) + warnings, files: files)
  }

  /// A whole-graph file's bytes (UTF-8) in one of the formats that carry people (JSON, GraphML, GEXF, GML, Pajek,
  /// DL, matrix) into `builder`; its warnings. `directed`: DL and matrices as arcs even when symmetric.
  /// - Throws: `InputError` naming `file` and the line (or place) of the first problem.
  public static func readGraph(_ bytes: [UInt8], format: GraphFileFormat, file: String, directed: Bool,
                               into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    switch format {
    case .json: try NodeLinkReader.read(bytes, file: file, into: &builder); return []
    case .graphml: return try GraphMLReader.read(bytes, file: file, into: &builder)
    case .gexf: return try GEXFReader.read(bytes, file: file, into: &builder)
    case .gml: return try GMLReader.read(bytes, file: file, into: &builder)
    case .pajek: return try PajekReader.read(bytes, file: file, into: &builder)
    case .dl: return try DLReader.read(bytes, file: file, directed: directed, into: &builder)
    case .matrix: return try MatrixReader.read(bytes, file: file, directed: directed, into: &builder)
    case .snap:
      var o = EdgeListReader.Options()
      o.directed = directed
      return try EdgeListReader.read(bytes, file: file, into: &builder, options: o)
    case .csv: return try TiesReader.read(InputBytes(bytes), file: file, into: &builder, unknown: .edgeList, defaultDirected: directed)
    }
  }

  private static func build(_ builder: SocialGraphBuilder, file: String) throws -> SocialGraph {
    do { return try builder.build() }
    catch let e as SocialGraphError { throw InputError(file: file, line: 0, problem: e.description) }
  }
}

extension LoadedInput {
  /// The input cut down to one account, as if read from files holding only it (`AccountPartition.slice`: its
  /// contacts, their ties, our team's ties into them); its history, survey answers and referrals re-indexed. So
  /// what a command computes for an account does not depend on the other accounts of the file, and costs what the
  /// account costs.
  /// - Throws: `InputError` when no contact is in that account (naming the accounts there).
  public func account(_ name: String) throws -> LoadedInput {
    let partition = AccountPartition(graph.parts, interactions: interactions, only: { $0 == name })
    guard partition.count == 1 else {
      let names = Set(graph.people.filter { !$0.isInternal }.compactMap(\.account)).sorted()
      throw InputError(file: files.first ?? "", line: 0,
                       problem: "--account: no contact in account \(quoted(name)). Accounts here: \(names.joined(separator: ", ")).")
    }
    let slice: AccountSlice
    do { slice = try partition.slice(0, history: interactions) } catch {
      throw InputError(file: files.first ?? "", line: 0, problem: "account \(quoted(name)): \(error)")
    }
    var local = [NodeIndex: NodeIndex](minimumCapacity: slice.people.count)
    for (i, v) in slice.people.enumerated() { local[v] = NodeIndex(i) }
    var out = self
    out.graph = slice.graph
    out.interactions = slice.interactions
    out.surveys = surveys.compactMap { s in local[s.person].map { var s = s; s.person = $0; return s } }
    out.referrals = referrals.compactMap { r in local[r.referrer].map { var r = r; r.referrer = $0; return r } }
    return out
  }
}
