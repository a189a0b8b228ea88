/// Where a lenient read (`tiemap score --rejects FILE`) puts the rows it cannot use, instead of stopping: each
/// with its file, line and reason. A row is either used or logged here, never dropped silently. People whose row
/// was rejected are remembered, so a tie or interaction naming them is rejected with that reason.
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

  public init() {}

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
