/// Where a lenient read (`--rejects FILE`) puts the rows it cannot use, instead of stopping: each with its file,
/// line and reason. A row is either used or logged here, never dropped silently. People whose row was rejected are
/// remembered, so a tie or interaction naming them is rejected with that reason; a contact whose manager or owner
/// was rejected is kept without that reference and flagged (`flags`: `manager_rejected`, `owner_rejected`).
public final class RejectLog {
  public struct Entry: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// The account the row belongs to, when known.
    public var account: String?
    /// The person (contacts) or people (ties, interactions) the row names, when known.
    public var id: String?
    public var reason: String

    public init(file: String, line: Int, account: String? = nil, id: String? = nil, reason: String) {
      self.file = file; self.line = line; self.account = account; self.id = id; self.reason = reason
    }
  }

  public private(set) var entries: [Entry] = []
  /// Rejected contacts: id → where.
  public private(set) var rejectedIDs: [String: (file: String, line: Int)] = [:]

  /// Kept contacts whose row lost a reference to a rejected row: id → flags, in the order found.
  public private(set) var flags: [String: [String]] = [:]
  /// How many contacts carry each flag, and their accounts.
  public private(set) var flagged: [String: (contacts: Int, accounts: Set<String>)] = [:]

  public init() {}

  /// Rows kept without a reference to a rejected row, by column (`with`: interactions kept without their team member).
  public private(set) var keptWithout: [String: Int] = [:]

  func keptWithout(_ column: String) { keptWithout[column, default: 0] += 1 }

  func flag(_ id: String, _ flag: String, account: String?) {
    guard flags[id]?.contains(flag) != true else { return }
    flags[id, default: []].append(flag)
    var f = flagged[flag] ?? (0, [])
    f.contacts += 1
    if let account { f.accounts.insert(account) }
    flagged[flag] = f
  }

  /// Whether `entry` was rejected only because a row it names was (a tie or interaction naming a rejected person).
  public static func dependsOnRejected(_ entry: Entry) -> Bool { entry.reason.contains(" was rejected (") }

  public func add(_ e: InputError, account: String? = nil, id: String? = nil) {
    entries.append(Entry(file: e.file, line: e.line, account: account, id: id, reason: e.problem))
  }

  public func add(_ entry: Entry) { entries.append(entry) }

  func rejectPerson(_ id: String, file: String, line: Int) { rejectedIDs[id] = (file, line) }

  /// The reason to give for a row naming `id` when that person's row was rejected.
  func reasonFor(rejected id: String, column: String) -> String? {
    guard let r = rejectedIDs[id] else { return nil }
    return "\(column) \(quoted(id)) was rejected (\(r.file):\(r.line))"
  }
}
