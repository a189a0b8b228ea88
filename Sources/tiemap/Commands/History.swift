import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
import Workspace
#if canImport(Glibc)
import Glibc
#endif

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Each account over the snapshots of a workspace: proximity counts, coverage, threads, trust, buying group.",
    discussion: """
      One row per account and snapshot (oldest first): the columns of `tiemap score --accounts-out` — people, P1–P4 \\
      counts, coverage, decision-circuit coverage, decision makers covered, single-threaded and silent influencers, \\
      mean tolerance capital and the contacts at risk or ruptured, buying-group completeness and missing roles, the \\
      relationship warnings — each snapshot analysed as `tiemap score` analyses it, at the snapshot's date. CSV and \\
      JSON hold every column; the table the ones a review reads first.
      """)

  @Option(help: ArgumentHelp("The workspace (tiemap import).", valueName: "file")) var workspace: String
  @Option(help: ArgumentHelp("Only this account.", valueName: "name")) var account: String?
  @Option(help: ArgumentHelp("Only the snapshots from this date.", valueName: "date")) var since: String?
  @Option(help: ArgumentHelp("Buying-group template: role=count,… (default decision_maker=1,influencer=2,technical_expert=1,end_user=1,gatekeeper=1).", valueName: "template"))
  var buyingGroup: String?
  @Option(help: "Worker threads (the output does not depend on it).") var threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  @OptionGroup var out: OutputOptions

  static let tableColumns = ["as_of", "account", "people", "p1", "p2", "p3", "p4", "decision_circuit_coverage", "single_threaded",
                             "silent_influencers", "mean_trust_balance", "trust_at_risk", "buying_group_completeness", "warnings"]

  func validate() throws {
    if let since, Day(iso: since) == nil { throw ValidationError("--since '\(since)' is not a date (YYYY-MM-DD).") }
    if let b = buyingGroup, case .failure(let p) = BuyingGroupTemplate.parse(b) { throw ValidationError("--buying-group: \(p)") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
  }

  func run() throws {
    let ws = try Workspace(path: workspace, create: false)
    let from = since.flatMap { Day(iso: $0) }
    let days = try ws.snapshots().filter { from == nil || $0 >= from! }
    guard !days.isEmpty else { throw RunError("\(workspace): no snapshot\(since.map { " from \($0)" } ?? "") (tiemap import)") }
    var o = ScoreOptions()
    if let b = buyingGroup, case .success(let t) = BuyingGroupTemplate.parse(b) { o.buyingGroup = t }
    var rows: [[Cell]] = []
    var seen = false
    try ws.eachScoredSnapshot(from: from, account: account, options: o, threads: threads) { day, accounts in
      seen = true
      for s in accounts { rows.append([.text(day.description)] + ScoreReport.accountRow(s)) }
    }
    if let account, !seen { throw RunError("--account: no contact in account '\(account)' in any snapshot of \(workspace).") }
    let table = ResultTable(columns: ["as_of"] + ScoreReport.accountColumns, rows: rows)
    switch out.resolvedFormat {
    case .csv: try out.emit(table.csv())
    case .json: try out.emit(table.json(meta: [("snapshots", .array(days.map { .string($0.description) }))], rowsKey: "accounts"))
    case .table:
      let keep = Self.tableColumns.compactMap { table.columns.firstIndex(of: $0) }
      let narrow = ResultTable(columns: keep.map { table.columns[$0] }, rows: table.rows.map { r in keep.map { r[$0] } })
      try out.emit(narrow.text())
    }
  }
}
