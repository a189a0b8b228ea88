import GRDB
import GraphFormats
import NetworkAnalysis
import SocialGraph

/// A portfolio's account maps over time: one SQLite file (`acme.tiemap`) holding dated snapshots of the people,
/// ties, contact history, survey answers and referrals, through GRDB.
///
/// **Storage.** Every record is kept with the dates it is valid for (`valid_from` ≤ snapshot < `valid_to`): a
/// snapshot adds only the records that changed since the previous one and closes the ones that went, so a
/// quarterly export that changes ten people stores ten rows, and the whole history of a record is there to query.
/// A record is its fields exactly as read (ids, numbers written back as they were parsed) and its place in the input;
/// a snapshot read back is therefore the same `LoadedInput`, in the same order, as the files it came from, and every
/// command prints the same bytes on it.
///
/// **Safety.** An import is one transaction: killed at any moment, the workspace holds the previous snapshot. The file
/// is in WAL mode, so readers are never blocked by an import. The schema has a version (GRDB's migrations); a
/// workspace written by a newer Tiemap is refused, not guessed at.
/// - Complexity: import O(records · log records) (an index lookup per record); read O(records of the snapshot).
public final class Workspace: Sendable {
  public let path: String
  private let db: DatabasePool

  /// The snapshots' dates, oldest first.
  public func snapshots() throws -> [Day] {
    try db.read { db in try String.fetchAll(db, sql: "SELECT as_of FROM snapshot ORDER BY as_of").compactMap { Day(iso: $0) } }
  }

  /// Opens the workspace at `path` (`create`: making it when missing), migrating an older schema.
  /// - Throws: `WorkspaceError` when the file is missing (and not to be created), not a Tiemap workspace, or from a
  ///   newer Tiemap.
  public init(path: String, create: Bool) throws {
    self.path = path
    if !create && !InputFile.exists(path) {
      throw WorkspaceError("\(path): no workspace here (make one with `tiemap import --workspace \(path) --as-of DATE --contacts …`)")
    }
    var config = Configuration()
    config.busyMode = .timeout(30)
    config.prepareDatabase { db in
      // A large page cache for the import's index updates; in WAL mode NORMAL sync keeps every commit atomic (a
      // killed import leaves the previous snapshot), only the last commit's durability on power loss is given up.
      try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL")
    }
    do {
      db = try DatabasePool(path: path, configuration: config)
      let migrator = Self.migrator
      if try db.read({ try migrator.hasBeenSuperseded($0) }) {
        let applied = try db.read { try migrator.appliedIdentifiers($0) }
        throw WorkspaceError("\(path): written by a newer Tiemap (schema \(applied.sorted().last ?? "?")); this one reads schemas up to \(Self.schema): upgrade Tiemap")
      }
      if try !db.read({ try $0.tableExists("snapshot") || $0.tableExists("grdb_migrations") }) {
        let tables = try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        guard tables.isEmpty else { throw WorkspaceError("\(path): an SQLite file that is not a Tiemap workspace (its tables: \(tables.prefix(5).joined(separator: ", ")))") }
        guard create else { throw WorkspaceError("\(path): an empty file, not a Tiemap workspace") }
      }
      try migrator.migrate(db)
    } catch let e as WorkspaceError {
      throw e
    } catch let e as DatabaseError {
      throw WorkspaceError("\(path): not a Tiemap workspace (SQLite: \(e.message ?? "\(e.resultCode)"))")
    }
  }

  /// The schema this Tiemap writes.
  public static let schema = "v1"

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: """
        CREATE TABLE snapshot (
          as_of TEXT PRIMARY KEY NOT NULL,
          files TEXT NOT NULL, kinds TEXT NOT NULL, tie_attributes TEXT NOT NULL, digest TEXT NOT NULL,
          people INTEGER NOT NULL, ties INTEGER NOT NULL, interactions INTEGER NOT NULL);
        """)
      for table in Table.allCases {
        // Beside the record, what queries select on: who it is about (the person, or a tie's source) and, for
        // people, the account.
        try db.execute(sql: """
          CREATE TABLE \(table.rawValue) (
            pk INTEGER PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL, who TEXT NOT NULL, account TEXT,
            valid_from TEXT NOT NULL, valid_to TEXT);
          CREATE INDEX \(table.rawValue)_current ON \(table.rawValue)(valid_to, ord);
          """)
      }
    }
    return m
  }

  enum Table: String, CaseIterable { case person, tie, interaction, survey, referral }

  // MARK: Import

  /// What an import did.
  public struct ImportSummary: Sendable, Equatable {
    public var asOf: Day
    /// False when the same snapshot was already there (nothing written).
    public var changed: Bool
    public var added: [String: Int] = [:], closed: [String: Int] = [:], kept: [String: Int] = [:]
  }

  /// Stores `input` as the snapshot of `asOf`, in one transaction. Records unchanged since the previous snapshot
  /// are kept, changed or new ones added, missing ones closed. The same snapshot imported again changes nothing.
  /// - Throws: `WorkspaceError` for a date before the latest snapshot (snapshots go in date order) or a different
  ///   snapshot of a date already there.
  /// - Parameter roles: what each of `input.files` is (`contacts`, `ties`, `interactions`, `surveys`, `referrals`).
  public func importSnapshot(_ input: LoadedInput, asOf: Day, roles: [String]) throws -> ImportSummary {
    let meta = Self.meta(input, roles: roles)
    let day = asOf.description
    return try db.write { db -> ImportSummary in
      if let existing = try String.fetchOne(db, sql: "SELECT digest FROM snapshot WHERE as_of = ?", arguments: [day]) {
        var digest = Digest(meta)
        for table in Table.allCases {
          digest.add(table)
          let rows = Self.source(table, of: input)
          for i in 0..<rows.count { digest.add(rows.record(i)) }
        }
        guard existing == digest.value else {
          throw WorkspaceError("\(path): a different snapshot of \(day) is already there (snapshots are not rewritten; import this one under another date)")
        }
        return ImportSummary(asOf: asOf, changed: false)
      }
      if let latest = try String.fetchOne(db, sql: "SELECT max(as_of) FROM snapshot"), latest > day {
        throw WorkspaceError("\(path): the latest snapshot is of \(latest); snapshots are imported in date order (this one is of \(day))")
      }
      var summary = ImportSummary(asOf: asOf, changed: true)
      var digest = Digest(meta)
      var counts: [Table: Int] = [:]
      for table in Table.allCases {
        let rows = Self.source(table, of: input)
        digest.add(table)
        counts[table] = rows.count
        let insert = try db.makeStatement(sql: "INSERT INTO \(table.rawValue) (ord, data, who, account, valid_from) VALUES (?, ?, ?, ?, ?)")
        func add(_ r: Record) throws { try insert.execute(arguments: [r.ord, r.data, r.who, r.account, day]) }
        var toClose: [Int64] = [], toAdd: [Int] = []
        if try Int.fetchOne(db, sql: "SELECT 1 FROM \(table.rawValue) WHERE valid_to IS NULL LIMIT 1") == nil {
          // Nothing valid now (the first snapshot, or the table was empty): every record is added as it is made.
          for i in 0..<rows.count {
            let r = rows.record(i)
            digest.add(r)
            try add(r)
          }
          summary.added[table.rawValue] = rows.count
          summary.kept[table.rawValue] = 0
          summary.closed[table.rawValue] = 0
          continue
        }
        // The records valid now, in input order, merged with the new ones by place: the same place with the same
        // fields is kept; else the old one is closed and the new one added. Decided first, written after, so the
        // cursor never reads rows this import changes.
        var next = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT pk, ord, data FROM \(table.rawValue) WHERE valid_to IS NULL ORDER BY ord")
        while let row = try cursor.next() {
          let (pk, ord, data): (Int64, Int, String) = (row[0], row[1], row[2])
          while next < rows.count && next < ord { digest.add(rows.record(next)); toAdd.append(next); next += 1 }
          if next < rows.count && next == ord {
            let r = rows.record(next)
            digest.add(r)
            if r.data != data { toClose.append(pk); toAdd.append(next) }
            next += 1
          } else {
            toClose.append(pk)
          }
        }
        while next < rows.count { digest.add(rows.record(next)); toAdd.append(next); next += 1 }
        let close = try db.makeStatement(sql: "UPDATE \(table.rawValue) SET valid_to = ? WHERE pk = ?")
        for pk in toClose { try close.execute(arguments: [day, pk]) }
        for i in toAdd { try add(rows.record(i)) }
        summary.added[table.rawValue] = toAdd.count
        summary.kept[table.rawValue] = rows.count - toAdd.count
        summary.closed[table.rawValue] = toClose.count
      }
      try db.execute(sql: """
        INSERT INTO snapshot (as_of, files, kinds, tie_attributes, digest, people, ties, interactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: [day, meta.files, meta.kinds, meta.tieAttributes, digest.value, counts[.person] ?? 0, counts[.tie] ?? 0,
                         counts[.interaction] ?? 0])
      return summary
    }
  }

  // MARK: Read

  /// The snapshot of `asOf`, or the latest one before it (nil: the latest of all), as the input it was imported from;
  /// without `feedback`, as read by a command that takes no survey answers or referrals (they and their files left out).
  /// - Throws: `WorkspaceError` when the workspace holds no snapshot then.
  public func load(asOf: Day?, feedback: Bool) throws -> (input: LoadedInput, snapshot: Day) {
    try db.read { db in
      let wanted = asOf?.description ?? "9999-12-31"
      guard let row = try Row.fetchOne(db, sql: "SELECT as_of, files, kinds, tie_attributes FROM snapshot WHERE as_of <= ? ORDER BY as_of DESC LIMIT 1",
                                       arguments: [wanted]) else {
        let first = try String.fetchOne(db, sql: "SELECT min(as_of) FROM snapshot")
        throw WorkspaceError(first.map { "\(path): no snapshot on or before \(wanted) (the first is of \($0))" }
                             ?? "\(path): the workspace holds no snapshot yet (tiemap import)")
      }
      let day: String = row[0]
      // The latest snapshot's records are exactly the ones still valid: read in order through the (valid_to, ord)
      // index, with no sort; an older one's are selected by their dates.
      let latest = try String.fetchOne(db, sql: "SELECT max(as_of) FROM snapshot") == day
      func records(_ table: Table) throws -> [String] {
        if latest { return try String.fetchAll(db, sql: "SELECT data FROM \(table.rawValue) WHERE valid_to IS NULL ORDER BY ord") }
        return try String.fetchAll(db, sql: """
          SELECT data FROM \(table.rawValue) WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY ord
          """, arguments: [day, day])
      }
      let input = try Self.rebuild(files: row[1], kinds: row[2], tieAttributes: row[3],
                                   people: try records(.person), ties: try records(.tie), interactions: try records(.interaction),
                                   surveys: feedback ? try records(.survey) : [], referrals: feedback ? try records(.referral) : [],
                                   feedback: feedback, path: path)
      return (input, Day(iso: day)!)
    }
  }
}

/// A workspace that cannot be opened, read or written as asked; the message says what to do.
public struct WorkspaceError: Error, CustomStringConvertible, Sendable {
  public let description: String
  init(_ d: String) { description = d }
}

extension Workspace {
  /// Every snapshot from `since` up to `asOf`, oldest first, with its accounts (`account`: the one of that name,
  /// ignoring case, and the snapshots without it left out) scored as `tiemap score` scores them, at its date.
  /// - Throws: `WorkspaceError` for an account that cannot be scored (nothing is left out silently).
  /// - Complexity: the analysis of every snapshot, one at a time.
  public func eachScoredSnapshot(from since: Day? = nil, upTo asOf: Day? = nil, account: String?, options: ScoreOptions = ScoreOptions(),
                                 threads: Int, _ body: (Day, [AccountScore]) throws -> Void) throws {
    for day in try snapshots() where (since == nil || day >= since!) && (asOf == nil || day <= asOf!) {
      let input = try load(asOf: day, feedback: false).input
      let name = account.flatMap { a in input.graph.people.lazy.compactMap(\.account).first { $0.lowercased() == a.lowercased() } }
      if account != nil && name == nil { continue }
      let partition = AccountPartition(input.graph.parts, interactions: input.interactions, only: name.map { n in { $0 == n } })
      var o = options
      o.asOf = day
      let scored = PortfolioScoring.score(partition, history: input.interactions, accounts: Array(0..<partition.count), options: o,
                                          threads: threads) { _, r in r }
      try body(day, try scored.enumerated().map { k, r in
        switch r {
        case .success(let s): return s
        case .failure(let why): throw WorkspaceError("\(day): account '\(partition.names[k])' cannot be analysed: \(why)")
        }
      })
    }
  }

  /// The standing of the accounts over the snapshots up to `asOf`: the report's trend. `account`: that account only
  /// (else all, summed).
  public func trend(upTo asOf: Day?, account: String?, options: ScoreOptions = ScoreOptions(), threads: Int) throws -> [TrendPoint] {
    var out: [TrendPoint] = []
    try eachScoredSnapshot(upTo: asOf, account: account, options: options, threads: threads) { out.append(TrendPoint(day: $0, accounts: $1)) }
    return out
  }
}
