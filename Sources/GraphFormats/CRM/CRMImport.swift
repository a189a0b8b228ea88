import SocialGraph

/// What a CRM export comes with (`--preset`, `--users`, `--accounts`, `--contact-roles`, `--owner`, `--id-column`).
public struct CRMOptions: Sendable, Equatable {
  public var preset: CRMPreset?
  /// Our team's users (Salesforce `User`, HubSpot users, Dynamics `systemuser`): names and titles of the owners.
  public var users: String?
  /// Salesforce `Account` export (`Id, Name`): account ids in the contacts become names.
  public var accounts: String?
  /// Salesforce `OpportunityContactRole` export (`ContactId, OpportunityId, Role, IsPrimary`): stakeholder roles.
  public var contactRoles: String?
  /// LinkedIn: the team member who exported the connections (each connection gets a relationship tie to them).
  public var owner: String?
  /// The column holding the contact id (a URL, an e-mail), instead of the preset's or `id`.
  public var idColumn: String?
  public init() {}

  /// Whether any CRM option is given (else the contacts file is read as Tiemap's own).
  public var isEmpty: Bool { self == CRMOptions() }
}

/// A tie a CRM export implies (LinkedIn: the exporting member to each connection), by ids, added once the people are in.
struct ImportedTie: Sendable {
  var source: String, target: String
  var kind: TieKind
  var isDirected: Bool
  var since: Day?
  var file: String, line: Int
}

/// Reads a contacts file as a CRM wrote it (`CRMPreset`), into Tiemap's people: the export's columns mapped, ids
/// matched however the CRM writes them (Salesforce's 15- and 18-character forms, Dynamics' GUIDs), account ids
/// named from the account export, roles taken from the contact roles, and owners turned into our team's users —
/// from the users export when given (by id, e-mail or name), else from the owner column itself — never required
/// as contacts. A row that cannot be read stops the load with its file and line, as every reader; what is only
/// incomplete (accounts left as ids, owners without a name, roles of contacts not in the export) is a warning.
enum CRMImport {
  struct Imported {
    var people: [Person]
    var lines: [Int]
    /// Our team's users (internal people), after the contacts.
    var users: [Person] = []
    var ties: [ImportedTie] = []
    var warnings: [InputWarning] = []
  }

  static func contacts(_ raw: InputBytes, file: String, options o: CRMOptions, rejects: RejectLog?, text: InputText = InputText()) throws -> Imported {
    let preset = o.preset
    // Read in place by every pass below (a LinkedIn export rewritten in a copy: its preamble and blank rows
    // blanked, an id column added).
    var skippedBlank: (count: Int, first: Int)?
    let bytes: InputBytes
    if preset == .linkedin {
      (bytes, skippedBlank) = try linkedInRows(raw, file: file)
    } else {
      bytes = raw
    }
    let header = try CSVTable<ContactsReader.Field>.header(of: bytes, file: file)
    var mapping: ContactsReader.Mapping
    if let preset {
      mapping = ContactsReader.Mapping(columns: preset.contactColumns, idColumn: o.idColumn, role: { preset.role($0) })
      let names = Set(header.names.map { normalizedColumnName($0.trimmingBlanks()) })
      let idNames = preset.contactColumns.first { $0.0 == .id }!.1
      if o.idColumn == nil && !idNames.contains(where: names.contains) {
        var problem = "not a \(preset.title): no \(quoted(preset.idColumnName)) column; "
        if let c = CRMPreset.closest(to: header.names), c.preset != preset { problem += "closest preset: --preset \(c.preset.rawValue)" }
        else { problem += "name the id column with --id-column" }
        problem += " (columns found: \(header.names.map { $0.trimmingBlanks() }.joined(separator: ", ")))"
        throw InputError(file: file, line: header.line, problem: problem)
      }
    } else {
      // Tiemap's own columns, with --id-column naming the id.
      mapping = ContactsReader.Mapping(columns: [], idColumn: o.idColumn, role: ContactsReader.ownRole,
                                       base: ContactsReader.aliases)
    }
    var people: [Person], lines: [Int]
    do { (people, lines) = try ContactsReader.read(bytes, file: file, rejects: rejects, mapping: mapping) } catch var e as InputError where e.problem == "empty id" {
      let column = mapping.column(of: .id, in: header.names) ?? "id"
      e.problem = "empty id (column \(quoted(column))): every contact needs one" + (o.idColumn == nil ? "; name another column with --id-column" : "")
      throw e
    }
    var out = Imported(people: [], lines: lines)
    if let skipped = skippedBlank {
      out.warnings.append(InputWarning(file: file, line: skipped.first,
        message: "skipped \(skipped.count) blank row\(skipped.count == 1 ? "" : "s") (members who hide their data from exports; first on this line)"))
    }
    guard let preset else {
      out.people = people
      return out
    }

    // Ids as the CRM writes them everywhere.
    if preset == .dynamics {
      var seen: [String: Int] = [:]
      for i in people.indices {
        people[i].id = preset.canonical(people[i].id)
        if let first = seen[people[i].id] {
          throw InputError(file: file, line: lines[i], problem: "duplicate id \(quoted(people[i].id)) (first on line \(lines[first]); GUIDs are compared without braces or case)")
        }
        seen[people[i].id] = i
        people[i].reportsTo = people[i].reportsTo.map(preset.canonical)
        people[i].owner = people[i].owner.map(preset.canonical)
      }
    }
    let contactIDs = IDMatcher(people.map(\.id), preset: preset)
    // A manager by id, else (display-name exports write a lookup as its name: Dynamics' "Manager") by the full
    // name of exactly one contact.
    var byName: [String: Int?] = [:]   // full name → the one contact with it (nil: several); made at the first miss
    var named = false
    for i in people.indices {
      guard let m = people[i].reportsTo else { continue }
      if let id = contactIDs.match(m) { people[i].reportsTo = id; continue }
      if !named {
        for (k, p) in people.enumerated() {
          if let n = p.name?.lowercased() { byName[n] = byName[n] == nil ? .some(k) : .some(nil) }
        }
        named = true
      }
      if case .some(.some(let k)) = byName[m.lowercased()] { people[i].reportsTo = people[k].id; continue }
      if case .some(.none) = byName[m.lowercased()] {
        throw InputError(file: file, line: lines[i], problem: "manager \(quoted(m)) is the name of several contacts: give the manager's id")
      }
    }

    // Accounts: named from the account export when the column holds ids.
    let accountColumn = mapping.column(of: .account, in: header.names)
    if let path = o.accounts {
      let names = try readAccounts(path, preset: preset, text: text)
      var unnamed: (count: Int, first: String, line: Int)?
      for i in people.indices {
        guard let a = people[i].account else { continue }
        if let name = names.match(a) { people[i].account = name } else {
          unnamed = unnamed.map { ($0.count + 1, $0.first, $0.line) } ?? (1, a, lines[i])
        }
      }
      if let u = unnamed {
        out.warnings.append(InputWarning(file: file, line: u.line,
          message: "\(u.count) contact\(u.count == 1 ? "'s" : "s'") account\(u.count == 1 ? " is" : "s are") not in \(path) (first: \(quoted(u.first))); left as written"))
      }
    } else if preset == .salesforce, let c = accountColumn, normalizedColumnName(c) == "accountid",
              let first = people.first(where: { $0.account != nil }) {
      out.warnings.append(InputWarning(file: file, line: lines[people.firstIndex { $0.id == first.id }!],
        message: "accounts are Salesforce ids (AccountId, e.g. \(quoted(first.account!))): pass --accounts Account.csv to name them"))
    }

    // Roles from the opportunities' contact roles.
    if let path = o.contactRoles {
      let (roles, missing) = try readContactRoles(path, contacts: contactIDs, preset: preset, text: text)
      for i in people.indices where people[i].role == nil { people[i].role = roles[people[i].id] }
      if let m = missing {
        out.warnings.append(InputWarning(file: path, line: m.line,
          message: "\(m.count) contact role\(m.count == 1 ? " names a contact" : "s name contacts") not in \(file) (first: \(quoted(m.first))); not used"))
      }
    }

    // Our team: the owners (and LinkedIn's exporting member), as users.
    let users = try o.users.map { try readUsers($0, preset: preset, text: text) } ?? UserTable()
    var team: [Person] = []
    var teamIndex: [String: Int] = [:]
    var unnamed: [String] = []
    let isContact = Set(people.map(\.id))
    // The owner's name beside its id (Dynamics' owneridname, Salesforce's Owner.Name), by line.
    let ownerNames = try column(named: preset.ownerNameColumn, in: header.names).map {
      try columnValues(bytes, file: file, column: $0) { .success($0) }
    } ?? [:]
    func user(_ ref: String, line: Int = 0, named: Bool = true) -> String {
      if let u = users.match(ref) {
        if teamIndex[u.id] == nil { teamIndex[u.id] = team.count; team.append(u) }
        return u.id
      }
      if let k = teamIndex[ref] { return team[k].id }
      if isContact.contains(ref) { return ref }   // a contact owning a contact: left to the contacts' own checks
      // No users export (or not in it): the owner column's value is the user; a name there is the user's name.
      var p = Person(id: ref)
      p.isInternal = true
      if let name = ownerNames[line] { p.name = name } else if named && !looksLikeID(ref, preset: preset) { p.name = ref } else { unnamed.append(ref) }
      teamIndex[ref] = team.count
      team.append(p)
      return ref
    }
    for i in people.indices { if let o = people[i].owner { people[i].owner = user(o, line: lines[i]) } }
    if preset == .linkedin {
      if let owner = o.owner {
        let member = user(owner, named: false)
        let connected = column(named: "connectedon", in: header.names)
        let dates = try connected.map { try columnValues(bytes, file: file, column: $0, connectedOn) } ?? [:]
        for i in people.indices {
          if people[i].owner == nil { people[i].owner = member }
          out.ties.append(ImportedTie(source: member, target: people[i].id, kind: .relationship, isDirected: false,
                                      since: dates[lines[i]], file: file, line: lines[i]))
        }
      } else {
        out.warnings.append(InputWarning(file: file, line: 0,
          message: "LinkedIn connections without --owner ID: pass the id of the team member who exported them, to tie each connection to them"))
      }
    }
    if let first = unnamed.first, o.users == nil {
      out.warnings.append(InputWarning(file: file, line: 0,
        message: "\(unnamed.count) owner\(unnamed.count == 1 ? " is" : "s are") known only by id (first: \(quoted(first))): pass --users FILE (the CRM's users export) to name them"))
    } else if let first = unnamed.first {
      out.warnings.append(InputWarning(file: o.users!, line: 0,
        message: "\(unnamed.count) owner\(unnamed.count == 1 ? " is" : "s are") not in the users file (first: \(quoted(first))); kept as team members without a name"))
    }
    out.people = people
    out.users = team
    return out
  }

  // MARK: Ids

  /// Ids matched as the CRM writes references: exactly, then (Salesforce) by their 15-character key, (Dynamics)
  /// as a GUID without braces or case.
  struct IDMatcher {
    private var exact: Set<String>
    private var keys: [String: String] = [:]
    let preset: CRMPreset?
    init(_ ids: [String], preset: CRMPreset?) {
      exact = Set(ids)
      self.preset = preset
      if preset == .salesforce { for id in ids { if let k = CRMPreset.salesforceKey(id) { keys[k] = id } } }
    }
    func match(_ ref: String) -> String? {
      let r = preset?.canonical(ref) ?? ref
      if exact.contains(r) { return r }
      if preset == .salesforce, let k = CRMPreset.salesforceKey(r) { return keys[k] }
      return nil
    }
  }

  /// Whether an owner value is a record id rather than a person's name (Salesforce `005…`, a GUID, digits).
  static func looksLikeID(_ s: String, preset: CRMPreset) -> Bool {
    if CRMPreset.salesforceKey(s) != nil && s.contains(where: \.isNumber) { return true }
    if preset.canonical(s).count == 36 && s.contains("-") { return true }
    return s.allSatisfy(\.isNumber)
  }

  // MARK: Side files

  /// Account id → name (Salesforce `Account` export: `Id, Name`).
  struct NameTable {
    var ids: IDMatcher
    var names: [String: String]
    func match(_ ref: String) -> String? { ids.match(ref).flatMap { names[$0] } }
  }

  enum SideField: String, CaseIterable { case id, name, firstName = "first_name", lastName = "last_name", title, department, email, contact, role, primary }

  static func readAccounts(_ path: String, preset: CRMPreset, text: InputText) throws -> NameTable {
    var t = try CSVTable<SideField>(data: try InputFile.bytes(path, text: text), file: path,
                                    aliases: ["id": .id, "accountid": .id, "name": .name, "accountname": .name], required: [.id, .name], name: { $0.rawValue })
    var names: [String: String] = [:], order: [String] = []
    while try t.next() {
      guard let id = t.value(.id).map(preset.canonical) else { throw t.error("empty Id") }
      guard let name = t.value(.name) else { throw t.error("account \(quoted(id)) has no Name") }
      if names[id] == nil { order.append(id) }
      names[id] = name
    }
    return NameTable(ids: IDMatcher(order, preset: preset), names: names)
  }

  /// Contact id → role, from `OpportunityContactRole` (`ContactId, Role, IsPrimary`): a primary role first, then
  /// the strongest (`CRMPreset.precedence`); with the contact roles naming contacts not in the export, counted.
  static func readContactRoles(_ path: String, contacts: IDMatcher, preset: CRMPreset, text: InputText) throws
    -> (roles: [String: StakeholderRole], missing: (count: Int, first: String, line: Int)?) {
    var t = try CSVTable<SideField>(data: try InputFile.bytes(path, text: text), file: path,
                                    aliases: ["contactid": .contact, "contact": .contact, "role": .role, "isprimary": .primary, "primary": .primary],
                                    required: [.contact, .role], name: { $0 == .contact ? "ContactId" : $0 == .role ? "Role" : $0.rawValue })
    var primary: [String: StakeholderRole] = [:], all: [String: [StakeholderRole]] = [:]
    var missing: (count: Int, first: String, line: Int)?
    while try t.next() {
      guard let ref = t.value(.contact) else { throw t.error("empty ContactId") }
      guard let id = contacts.match(ref) else {
        missing = missing.map { ($0.count + 1, $0.first, $0.line) } ?? (1, ref, t.line)
        continue
      }
      guard let text = t.value(.role), let role = try preset.role(text).get(in: t) else { continue }
      if let p = t.value(.primary), try ValueParsing.boolean(p, column: "IsPrimary").get(in: t) { primary[id] = primary[id] ?? role }
      all[id, default: []].append(role)
    }
    var roles: [String: StakeholderRole] = [:]
    for (id, rs) in all {
      let strongest: StakeholderRole? = CRMPreset.precedence.first { rs.contains($0) }
      if let r = primary[id] ?? strongest { roles[id] = r }
    }
    return (roles, missing)
  }

  /// Our team's users, found by id, e-mail or full name (case-insensitive).
  struct UserTable {
    private var people: [Person] = []
    private var byKey: [String: Int] = [:]
    private var ids: IDMatcher = IDMatcher([], preset: nil)
    init() {}
    init(_ people: [Person], emails: [String?], preset: CRMPreset) {
      self.people = people
      ids = IDMatcher(people.map(\.id), preset: preset)
      for (i, p) in people.enumerated() {
        byKey[p.id] = i
        if let e = emails[i] { byKey["mail:" + e.lowercased()] = byKey["mail:" + e.lowercased()] ?? i }
        if let n = p.name { byKey["name:" + n.lowercased()] = byKey["name:" + n.lowercased()] ?? i }
      }
    }
    func match(_ ref: String) -> Person? {
      if let id = ids.match(ref), let i = byKey[id] { return people[i] }
      if let i = byKey["mail:" + ref.lowercased()] ?? byKey["name:" + ref.lowercased()] { return people[i] }
      return nil
    }
  }

  static func readUsers(_ path: String, preset: CRMPreset, text: InputText) throws -> UserTable {
    let aliases: [String: SideField] = [
      "id": .id, "userid": .id, "recordid": .id, "ownerid": .id, "systemuserid": .id,
      "name": .name, "fullname": .name, "firstname": .firstName, "lastname": .lastName,
      "title": .title, "jobtitle": .title, "department": .department, "businessunit": .department,
      "email": .email, "emailaddress": .email, "internalemailaddress": .email, "primaryemail": .email,
    ]
    var t = try CSVTable<SideField>(data: try InputFile.bytes(path, text: text), file: path, aliases: aliases, required: [], name: { $0.rawValue })
    guard t.has(.id) || t.has(.email) else {
      throw InputError(file: path, line: 1, problem: "a users file needs an Id (or Email) column (columns found: \(t.header.map { $0.trimmingBlanks() }.joined(separator: ", ")))")
    }
    var people: [Person] = [], emails: [String?] = []
    var seen = Set<String>()
    while try t.next() {
      guard let id = (t.value(.id) ?? t.value(.email)).map(preset.canonical) else { throw t.error("a user with no Id or Email") }
      guard seen.insert(id).inserted else { throw t.error("duplicate user \(quoted(id))") }
      var p = Person(id: id)
      p.isInternal = true
      p.name = t.value(.name) ?? [t.value(.firstName), t.value(.lastName)].compactMap { $0 }.joined(separator: " ")
      if p.name?.isEmpty == true { p.name = nil }
      p.title = t.value(.title)
      p.department = t.value(.department)
      people.append(p)
      emails.append(t.value(.email))
    }
    return UserTable(people, emails: emails, preset: preset)
  }

  // MARK: LinkedIn

  /// LinkedIn's `Connections.csv` opens with `Notes:` and a quoted paragraph before its header: those lines are
  /// emptied (their line breaks kept, so line numbers stay the file's), up to the line holding `First Name`.
  /// A copy of `data` with the preamble blanked (`blankPreamble`).
  static func withoutPreamble(_ data: InputBytes) -> InputBytes {
    var bytes = data.array
    blankPreamble(&bytes)
    return InputBytes(bytes)
  }

  /// The column `linkedInRows` adds: each connection's id.
  static let linkedInIDColumn = "Tiemap Id"

  /// A LinkedIn `Connections.csv` of any generation made readable, every row on its own line as in the file:
  /// the preamble blanked (`blankPreamble`); rows with no name, URL or e-mail (members who hide their data:
  /// recent exports keep a blank row for each) blanked and counted; and a `Tiemap Id` column added — the
  /// profile URL when there is one, else the e-mail address, else `li-` and the FNV-1a 64-bit hash (16 hex
  /// digits) of the folded first name, last name, company and connection date (`linkedInDerivedID`): exports
  /// from before the URL column (2018–2021) carry an e-mail for few connections. The derived id is the same in
  /// every run and every export that has the same name, company and date.
  /// - Complexity: O(size of the file).
  static func linkedInRows(_ data: InputBytes, file: String) throws -> (InputBytes, skipped: (count: Int, first: Int)?) {
    var raw = data.array
    blankPreamble(&raw)
    var parser = CSVParser(data: InputBytes(raw), file: file)
    var fields: [String] = []
    guard !parser.isBlank, let headerLine = try parser.next(into: &fields) else {
      throw InputError(file: file, line: 0, problem: "file is empty (expected a header line)")
    }
    let names = fields.map { normalizedColumnName($0.trimmingBlanks()) }
    func index(_ options: [String]) -> Int? { options.lazy.compactMap { names.firstIndex(of: $0) }.first }
    let (first, last) = (index(["firstname"]), index(["lastname"]))
    let (url, email) = (index(["url", "profileurl"]), index(["emailaddress", "email"]))
    let (company, connected) = (index(["company"]), index(["connectedon"]))
    var out = LineKeptCSV(reserving: raw.count + raw.count / 4)
    out.record(fields + [linkedInIDColumn], at: headerLine)
    let width = fields.count
    var skipped: (count: Int, first: Int)?
    while let l = try parser.next(into: &fields) {
      func value(_ i: Int?) -> String { i.flatMap { $0 < fields.count ? fields[$0].trimmingBlanks() : nil } ?? "" }
      let (f, n, u, e) = (value(first), value(last), value(url), value(email))
      if f.isEmpty && n.isEmpty && u.isEmpty && e.isEmpty && fields.count <= width {
        skipped = skipped.map { ($0.count + 1, $0.first) } ?? (1, l)
        continue
      }
      // Rows of another width keep it, for the row-width error; the id goes last.
      let id = !u.isEmpty ? u : !e.isEmpty ? e : linkedInDerivedID(first: f, last: n, company: value(company), connected: value(connected))
      out.record(fields + [id], at: l)
    }
    return (InputBytes(out.bytes), skipped)
  }

  /// `li-` and 16 hex digits: FNV-1a 64 over the first name, last name, company and connection date, each folded
  /// (lower case, runs of white space as one space, trimmed; the date as ISO `YYYY-MM-DD` when it reads as one),
  /// joined by U+001F.
  /// - Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake (2019), *The FNV Non-Cryptographic Hash Algorithm*,
  ///   IETF draft-eastlake-fnv-17.
  static func linkedInDerivedID(first: String, last: String, company: String, connected: String) -> String {
    func folded(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    let date = (try? connectedOn(connected).get())?.description ?? folded(connected)
    let key = [folded(first), folded(last), folded(company), date].joined(separator: "\u{1F}")
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    let hex = String(h, radix: 16)
    return "li-" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func blankPreamble(_ bytes: inout [UInt8]) {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let marker = Array("First Name".utf8)
    var inQuotes = false
    var lineStart = start
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x22 { inQuotes.toggle() }
      if b == 0x0A && !inQuotes || i == bytes.count - 1 {
        let line = bytes[lineStart..<i]
        if line.count >= marker.count, (0...(line.count - marker.count)).contains(where: { line.dropFirst($0).starts(with: marker) }) {
          bytes.replaceSubrange(start..<lineStart, with: bytes[start..<lineStart].filter { $0 == 0x0A })
          return
        }
        lineStart = i + 1
      }
      i += 1
    }
  }

  /// The values of one column (by the row's line), converted by `convert`, which names the problem of a bad one.
  static func columnValues<T>(_ bytes: InputBytes, file: String, column: String, _ convert: (String) -> Result<T, CellProblem>) throws -> [Int: T] {
    var t = try CSVTable<SideField>(data: bytes, file: file, aliases: [normalizedColumnName(column): .name], required: [.name], name: { _ in column })
    var out: [Int: T] = [:]
    while try t.next() {
      guard let v = t.value(.name) else { continue }
      out[t.line] = try convert(v).get(in: t)
    }
    return out
  }

  /// A `Connected On` date in every form LinkedIn has written: `30 May 2024` and `28 Nov 2021` (2019 on), the US
  /// `1/8/18, 6:14 PM` of 2018 exports (month/day/two-digit year, the time ignored; `1/8/2018` too), or ISO.
  static func connectedOn(_ v: String) -> Result<Day, CellProblem> {
    let v = v.trimmingBlanks()
    if let d = Day(iso: v) { return .success(d) }
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let parts = v.split(separator: " ")
    if parts.count == 3, let day = Int(parts[0]), let m = months.firstIndex(of: parts[1].prefix(3).lowercased()),
       let year = Int(parts[2]), let d = Day(year: year, month: m + 1, day: day) {
      return .success(d)
    }
    let date = v.split(separator: ",", maxSplits: 1).first.map { String($0).trimmingBlanks() } ?? ""
    let mdy = date.split(separator: "/")
    if mdy.count == 3, let m = Int(mdy[0]), let day = Int(mdy[1]), let y = Int(mdy[2]), mdy[2].count == 2 || mdy[2].count == 4,
       let d = Day(year: mdy[2].count == 2 ? 2000 + y : y, month: m, day: day) {
      return .success(d)
    }
    return .failure(CellProblem("Connected On \(quoted(v)) is not a date (30 May 2024, or 1/8/18, 6:14 PM)"))
  }
}

extension ContactsReader.Mapping {
  /// The header name (as written) that gives `field`.
  func column(of field: ContactsReader.Field, in header: [String]) -> String? {
    guard let names = try? aliases((header, 1), file: "") else { return nil }
    return header.first { names[normalizedColumnName($0.trimmingBlanks())] == field }
  }
}

/// The header name (as written) normalised as `name`.
func column(named name: String?, in header: [String]) -> String? {
  name.flatMap { n in header.first { normalizedColumnName($0.trimmingBlanks()) == n } }
}
