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
  /// - Throws: `InputError` for an empty file, a header with no rows, a missing `id` column, a row with the
  ///   wrong number of fields, an empty or duplicate id, or a bad role, proximity, influence, interest or
  ///   internal value.
  /// - Parameter rejects: log bad rows there and go on (their ids are remembered as rejected) instead of throwing.
  public static func read(_ bytes: [UInt8], file: String, rejects: RejectLog? = nil) throws -> (people: [Person], lines: [Int]) {
    var table = try CSVTable<Field>(bytes: bytes, file: file, aliases: aliases, required: [.id], name: { $0.rawValue })
    var people: [Person] = [], lines: [Int] = []
    let bound = CSVParser.recordBound(bytes)
    people.reserveCapacity(bound); lines.reserveCapacity(bound)
    var firstLine: [String: Int] = [:]   // the line of each accepted id
    var shared = SharedValues()
    while try table.next(rejects) {
      do {
        var p = try person(in: table, seen: firstLine)
        // Accounts, departments and titles repeat across rows: one copy of each (a million contacts hold a few
        // thousand distinct values).
        p.account = p.account.map { shared.value($0) }
        p.department = p.department.map { shared.value($0) }
        p.title = p.title.map { shared.value($0) }
        firstLine[p.id] = table.line
        people.append(p)
        lines.append(table.line)
      } catch let e as InputError where rejects != nil {
        let id = table.value(.id)
        rejects!.add(e, account: table.value(.account), id: id)
        // A duplicate leaves the first row standing; any other bad row makes its id a rejected person.
        if let id, firstLine[id] == nil { rejects!.rejectPerson(id, file: file, line: table.line) }
      }
    }
    return (people, lines)
  }

  /// The person of the table's current row; `seen` holds the ids already accepted, with their lines.
  private static func person(in table: CSVTable<Field>, seen: [String: Int]) throws -> Person {
    guard let id = table.value(.id) else { throw table.error("empty id") }
    if let first = seen[id] { throw table.error("duplicate id \(quoted(id)) (first on line \(first))") }
    var p = Person(id: id)
    p.name = table.value(.name)
    if p.name == nil {
      let parts = [table.value(.firstName), table.value(.lastName)].compactMap { $0 }
      if !parts.isEmpty { p.name = parts.joined(separator: " ") }
    }
    p.title = table.value(.title)
    p.account = table.value(.account)
    p.department = table.value(.department)
    p.reportsTo = table.value(.reportsTo)
    p.owner = table.value(.owner)
    if let r = table.value(.role) { p.role = try ValueParsing.role(r).get(in: table) }
    if let v = table.value(.proximity) { p.proximity = try ValueParsing.proximity(v).get(in: table) }
    if let v = table.value(.influence) {
      p.influence = try ValueParsing.integer(v, column: "influence", in: 1...5).get(in: table)
    }
    if let v = table.value(.interest) {
      p.interest = try ValueParsing.integer(v, column: "interest", in: 1...5).get(in: table)
    }
    if let v = table.value(.internal) { p.isInternal = try ValueParsing.boolean(v, column: "internal").get(in: table) }
    p.attributes = table.extraColumns.map { Attribute(name: $0.name, value: table.fields[$0.index].trimmingBlanks()) }
    return p
  }
}

/// One stored copy of each distinct value (later equal values share its storage).
struct SharedValues {
  private var values: Set<String> = []
  mutating func value(_ s: String) -> String {
    if let found = values.firstIndex(of: s) { return values[found] }
    values.insert(s)
    return s
  }
}
