import SocialGraph

// MARK: Dynamics 365 connections

extension CRMImport {
  enum ConnectionField: String, CaseIterable { case from, to, fromRole = "record1roleid", toRole = "record2roleid", master = "ismaster", state = "statecode" }

  static let connectionAliases: [String: ConnectionField] = [
    "record1id": .from, "connectedfrom": .from, "record2id": .to, "connectedto": .to,
    "record1roleid": .fromRole, "rolefrom": .fromRole, "asthisrole": .fromRole, "record2roleid": .toRole, "roleto": .toRole,
    "ismaster": .master, "statecode": .state, "status": .state,
  ]

  /// Whether a ties file is a Dynamics connections export (`record1id`, `record2id`).
  static func isConnections(_ header: [String]) -> Bool {
    let names = Set(header.map { normalizedColumnName($0.trimmingBlanks()) })
    return (names.contains("record1id") && names.contains("record2id")) || (names.contains("connectedfrom") && names.contains("connectedto"))
  }

  /// The tie a pair of connection roles stands for: manager and employee a reports-to tie (from the employee),
  /// an influencer or advisor an advice tie (from the one advised, as Krackhardt's "goes to for advice"),
  /// colleagues a collaboration, friends a friendship, anything else a relationship. `fromIsSource`: the tie goes
  /// from record 1 to record 2.
  static func connectionKind(_ fromRole: String?, _ toRole: String?) -> (kind: TieKind, directed: Bool, fromIsSource: Bool) {
    func key(_ r: String?) -> String { normalizedColumnName(r ?? "") }
    let (a, b) = (key(fromRole), key(toRole))
    let bosses: Set<String> = ["manager", "supervisor", "boss", "linemanager"], reports: Set<String> = ["employee", "subordinate", "directreport", "report"]
    let advisors: Set<String> = ["influencer", "advisor", "adviser", "mentor", "trustedadvisor"], advised: Set<String> = ["influenced", "advisee", "mentee"]
    if bosses.contains(a) || reports.contains(b) { return (.reportsTo, true, false) }
    if bosses.contains(b) || reports.contains(a) { return (.reportsTo, true, true) }
    if advisors.contains(a) || advised.contains(b) { return (.advice, true, false) }
    if advisors.contains(b) || advised.contains(a) { return (.advice, true, true) }
    let colleagues: Set<String> = ["colleague", "coworker", "formercolleague", "partner", "teammember"]
    if colleagues.contains(a) || colleagues.contains(b) { return (.collaboration, false, true) }
    if a == "friend" || b == "friend" { return (.friendship, false, true) }
    return (.relationship, false, true)
  }

  /// A Dynamics connections export as ties between the contacts and users read: each connection once (Dynamics
  /// stores a reciprocal record beside each; `ismaster` picks one, else the reverse of a tie already read is
  /// skipped), inactive ones (`statecode` 1, Inactive) left out, connections to records that are not people
  /// (accounts, opportunities) counted in a warning.
  static func connections(_ bytes: InputBytes, file: String, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    var t = try CSVTable<ConnectionField>(data: bytes, file: file, aliases: connectionAliases, required: [.from, .to],
                                          name: { $0 == .from ? "record1id" : $0 == .to ? "record2id" : $0.rawValue })
    var seen = Set<[Int32]>()
    var notPeople: (count: Int, first: String, line: Int)?
    var inactive = 0
    while try t.next() {
      if let m = t.value(.master), !(try ValueParsing.boolean(m, column: "ismaster").get(in: t)) { continue }
      if let s = t.value(.state), s == "1" || s.lowercased() == "inactive" { inactive += 1; continue }
      guard let a = t.value(.from).map(CRMPreset.dynamics.canonical), let b = t.value(.to).map(CRMPreset.dynamics.canonical) else {
        throw t.error("a connection needs both record1id and record2id")
      }
      guard let u = builder.index(of: a), let v = builder.index(of: b) else {
        let missing = builder.index(of: a) == nil ? a : b
        notPeople = notPeople.map { ($0.count + 1, $0.first, $0.line) } ?? (1, missing, t.line)
        continue
      }
      let (kind, directed, forward) = connectionKind(t.value(.fromRole), t.value(.toRole))
      let (s, d) = forward ? (u, v) : (v, u)
      let k = builder.kindIndex(for: kind)
      guard seen.insert(directed ? [s, d, Int32(k)] : [min(s, d), max(s, d), Int32(k)]).inserted else { continue }
      do { try builder.addTie(Tie(source: s, target: d, weight: 1, kind: k, isDirected: directed)) }
      catch let e as SocialGraphError { throw t.error(e.description) }
    }
    var warnings: [InputWarning] = []
    if let n = notPeople {
      warnings.append(InputWarning(file: file, line: n.line,
        message: "\(n.count) connection\(n.count == 1 ? " joins" : "s join") a record that is not a contact or user read (first: \(quoted(n.first))): accounts and opportunities are not people; left out"))
    }
    if inactive > 0 { warnings.append(InputWarning(file: file, line: 0, message: "\(inactive) inactive connection\(inactive == 1 ? "" : "s") left out")) }
    return warnings
  }
}
