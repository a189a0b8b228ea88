import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
import Workspace
#if canImport(Glibc)
import Glibc
#endif

struct Alerts: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What needs action since the previous snapshot of a workspace: who left or moved, coverage, silence, trust, team.",
    discussion: """
      Compares the latest snapshot with the one before it (--since DATE: every snapshot after that date with its \\
      predecessor). Alerts: decision_maker_left, champion_left (an influencer held at P1), moved_to_tracked_account (a \\
      warm lead), role_changed and title_changed (of a decision maker or champion), decision_circuit_coverage_fell, \\
      p1_silent (held at P1, no contact for --silence-days), trust_at_risk and ruptured (tolerance capital), \\
      only_tie_into_department_lost, bridge_lost (the only tie between two groups of two or more), owner_over_dunbar — each with the person, the account, the reason and the \\
      suggested action, as CSV or JSON for a scheduler to mail, a table on a terminal. Exit status 0 with or without \\
      alerts.
      """)

  @Option(help: ArgumentHelp("The workspace (tiemap import).", valueName: "file")) var workspace: String
  @Option(help: ArgumentHelp("Every snapshot after this date, each against the one before it (default: the latest only).", valueName: "date"))
  var since: String?
  @Option(help: "p1_silent: days without contact.") var silenceDays = 90
  @Option(help: "Worker threads (the output does not depend on it).") var threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  @OptionGroup var out: OutputOptions

  func validate() throws {
    if let since, Day(iso: since) == nil { throw ValidationError("--since '\(since)' is not a date (YYYY-MM-DD).") }
    guard silenceDays >= 1 else { throw ValidationError("--silence-days must be at least 1.") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
  }

  func run() throws {
    let ws = try Workspace(path: workspace, create: false)
    let days = try ws.snapshots()
    guard days.count >= 2 else { throw RunError("\(workspace): alerts compare two snapshots; it holds \(days.count) (tiemap import another)") }
    let from = since.flatMap { Day(iso: $0) }
    let pairs = (1..<days.count).filter { from == nil ? $0 == days.count - 1 : days[$0] > from! }
    var o = AlertOptions()
    o.silenceDays = silenceDays
    var found: [SnapshotAlert] = []
    // Each snapshot from the one before the first compared, scored once, against its predecessor.
    var previous: SnapshotState?
    if let first = pairs.first {
      try ws.eachScoredSnapshot(from: days[first - 1], account: nil, threads: threads) { day, accounts in
        let state = SnapshotState(day: day, accounts: accounts)
        if let previous { found += state.alerts(since: previous, options: o) }
        previous = state
      }
    }
    let table = ResultTable(columns: ["as_of", "account", "kind", "person", "name", "reason", "action"], rows: found.map { a in
      [.text(a.asOf.description), .text(a.account), .text(a.kind.rawValue), a.person.map { .text($0) } ?? .empty,
       a.name.map { .text($0) } ?? .empty, .text(a.reason), .text(a.action)]
    })
    switch out.resolvedFormat {
    case .csv: try out.emit(table.csv())
    case .json: try out.emit(table.json(meta: [("snapshots", .array(pairs.map { .string(days[$0].description) }))], rowsKey: "alerts"))
    case .table:
      try out.emit(found.isEmpty ? "No alerts since \(pairs.first.map { days[$0 - 1] } ?? days.last!).\n" : table.text())
    }
  }
}
