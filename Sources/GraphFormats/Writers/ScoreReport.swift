import NetworkAnalysis
import SocialGraph

/// `tiemap score`: one row per contact (DESIGN.md's columns), one row per account (`--accounts-out`), and the
/// rejected rows (`--rejects`).
public enum ScoreReport {
  /// How contact rows are written: CSV, or one JSON object per line (keys in column order).
  public enum Format: String, Sendable, CaseIterable { case csv, jsonl }

  public static let contactColumns = [
    "id", "name", "account", "role", "proximity", "tie_strength", "declared_influence", "structural_influence",
    "interest", "quadrant", "strategy", "silent_influencer", "risk", "priority", "proximity_source", "covered",
    "single_threaded", "reach_lost", "trust_balance", "trust_status", "last_contact_days", "input_flags",
  ]

  /// Why a `--columns` list is refused.
  public struct ColumnsProblem: Error, Sendable { public var message: String }

  /// How the contact rows are laid out: which columns in which order (`--columns`; nil: all), the strategy as its
  /// code or its sentence (`--strategy`), and each contact's input flags (a `--rejects` run: `owner_rejected`,
  /// `manager_rejected`), by id.
  public struct Layout: Sendable {
    public var columns: [Int]?
    public var strategyText = false
    public var flags: [String: [String]] = [:]
    public init() {}

    /// The columns named in `list` (comma-separated, in that order), or the problem.
    public static func columns(_ list: String) -> Result<[Int], ColumnsProblem> {
      var out: [Int] = []
      for raw in list.split(separator: ",", omittingEmptySubsequences: false) {
        let name = String(raw).trimmingBlanks()
        guard let k = contactColumns.firstIndex(of: name) else {
          return .failure(ColumnsProblem(message: "\(quoted(name)) is not a score column (\(contactColumns.joined(separator: ", ")))"))
        }
        guard !out.contains(k) else { return .failure(ColumnsProblem(message: "\(quoted(name)) is named twice")) }
        out.append(k)
      }
      return .success(out)
    }

    /// The names of the columns written.
    public var names: [String] { columns.map { $0.map { contactColumns[$0] } } ?? contactColumns }
  }

  /// The cells of each contact of `s`, with the contact's index in the portfolio (to put rows in input order).
  public static func contactRows(_ s: AccountScore, layout: Layout = Layout()) -> [(person: NodeIndex, cells: [Cell])] {
    s.contacts.map { c in
      var cells: [Cell] = []
      cells.reserveCapacity(contactColumns.count)
      contactCells(s, c, layout: layout, into: &cells)
      return (s.slice.people[Int(c.person)], cells)
    }
  }

  /// The cells of contact `c` of `s` as `layout` lays them out, each handed to `sink`: all columns as they are
  /// made, or the chosen ones from a row made first.
  static func contactCells<Sink: CellSink>(_ s: AccountScore, _ c: ContactScore, layout: Layout, into sink: inout Sink) {
    guard let chosen = layout.columns else { allCells(s, c, layout: layout, into: &sink); return }
    var row: [Cell] = []
    row.reserveCapacity(contactColumns.count)
    allCells(s, c, layout: layout, into: &row)
    for k in chosen { sink.append(row[k]) }
  }

  /// The cells of contact `c` of `s`, in column order (`contactColumns`), each handed to `sink` as it is made.
  static func allCells<Sink: CellSink>(_ s: AccountScore, _ c: ContactScore, layout: Layout, into sink: inout Sink) {
    let p = s.slice.graph.people[Int(c.person)]
    sink.append(.text(p.id)); sink.append(.text(p.displayName)); sink.append(.text(s.slice.name))
    sink.append(p.role.map { .text($0.rawValue) } ?? .empty)
    sink.append(c.proximity.map { .text($0.label) } ?? .empty)
    sink.append(c.tieStrength.map { .number($0) } ?? .empty)
    sink.append(p.influence.map { .int($0) } ?? .empty)
    sink.append(.number(c.structuralInfluence))
    sink.append(p.interest.map { .int($0) } ?? .empty)
    sink.append(c.quadrant.map { .text($0.rawValue) } ?? .empty)
    sink.append(c.quadrant.map { .text(layout.strategyText ? $0.strategy : $0.strategyCode) } ?? .empty)
    sink.append(.bool(c.silentInfluencer))
    sink.append(.text(c.risks.isEmpty ? "" : c.risks.map(\.name).joined(separator: ";")))
    sink.append(c.priority.map { .number($0) } ?? .empty)
    sink.append(.text(c.proximity == nil ? "" : c.proximityDerived ? "derived" : "declared"))
    sink.append(.bool(c.covered)); sink.append(.bool(c.singleThreaded)); sink.append(.number(c.reachLost))
    sink.append(c.trust.map { .number($0.state.balance) } ?? .empty)
    sink.append(c.trust.map { .text($0.status.rawValue) } ?? .empty)
    sink.append(c.lastContactDays.map { .int($0) } ?? .empty)
    sink.append(layout.flags.isEmpty ? .empty : layout.flags[p.id].map { .text($0.joined(separator: ";")) } ?? .empty)
  }

  /// One account's contact lines, one after the other in one buffer: line i is `bytes[ends[i − 1] ..< ends[i]]`,
  /// for the contact at index `people[i]` of the portfolio.
  public struct AccountLines: Sendable {
    public var bytes: [UInt8] = []
    public var people: [NodeIndex] = []
    public var ends: [Int] = []
    public init() {}
  }

  /// The contact rows of `s` as lines of `format`, with each contact's index in the portfolio. CSV cells go
  /// straight into the account's buffer (no row of cells is made).
  public static func contactLines(_ s: AccountScore, format: Format, layout: Layout = Layout()) -> AccountLines {
    var out = AccountLines()
    out.people.reserveCapacity(s.contacts.count); out.ends.reserveCapacity(s.contacts.count)
    var lines = CSVWriter.LineSink()   // the account's buffer: CSV cells as they are made, or whole JSON lines
    lines.bytes.reserveCapacity(160 * s.contacts.count)
    for c in s.contacts {
      if format == .csv {
        contactCells(s, c, layout: layout, into: &lines)
        lines.endLine()
      } else {
        var cells: [Cell] = []
        cells.reserveCapacity(contactColumns.count)
        contactCells(s, c, layout: layout, into: &cells)
        lines.bytes.append(contentsOf: jsonLine(columns: layout.names, cells: cells).utf8)
      }
      out.people.append(s.slice.people[Int(c.person)]); out.ends.append(lines.bytes.count)
    }
    out.bytes = lines.bytes
    return out
  }

  /// What comes before the contact lines: the CSV header (nothing for JSON lines).
  public static func header(_ format: Format, layout: Layout = Layout()) -> String {
    format == .csv ? CSVWriter.line(layout.names.map { .text($0) }) : ""
  }

  /// `header`, then the contact lines of several accounts in input order (`people` is the number of people in the
  /// portfolio): gathered from the accounts' buffers as the output is written (nothing is copied before).
  public static func inInputOrder(_ accounts: [AccountLines], people: Int, header: String = "") -> AtomicFile.Contents {
    var byPerson = [AtomicFile.Span](repeating: AtomicFile.Span(source: -1, start: 0, end: 0), count: people)
    for (k, list) in accounts.enumerated() {
      for (i, v) in list.people.enumerated() {
        byPerson[Int(v)] = AtomicFile.Span(source: Int32(k), start: i == 0 ? 0 : list.ends[i - 1], end: list.ends[i])
      }
    }
    return .gathered(header: header, sources: accounts.map(\.bytes), spans: byPerson.filter { $0.source >= 0 })
  }

  public static let accountColumns = [
    "account", "people", "p1", "p2", "p3", "p4", "unknown", "derived", "coverage", "decision_circuit",
    "decision_circuit_covered", "decision_circuit_coverage", "decision_makers", "decision_makers_covered",
    "team_members", "single_threaded", "silent_influencers", "mean_trust_balance", "trust_at_risk", "ruptured",
    "buying_group_completeness", "missing_roles", "warnings", "warm_reach",
  ]

  /// The account's row: sizes, proximity counts, coverage (share of contacts held at P1/P2), the decision circuit,
  /// threads, silent influencers, trust, buying-group completeness with the missing roles (`role=count more`),
  /// and the warnings joined by `;`.
  public static func accountRow(_ s: AccountScore) -> [Cell] {
    let a = s.account
    let n = a.contacts.count
    let counts = a.proximityCounts
    let cov = a.coverage
    let derived = s.analysis.evidence.derived.count
    return [
      .text(a.name), .int(n)] + counts.map { .int($0) } + [.int(derived),
      n == 0 ? .empty : .number(Double(counts[0] + counts[1]) / Double(n)),
      .int(cov.decisionCircuit.count), .int(cov.covered.count), cov.share.map { .number($0) } ?? .empty,
      .int(cov.decisionMakers), .int(cov.decisionMakersCovered), .int(cov.teamMembers.count),
      .int(a.singleThreaded.count), .int(a.silentInfluencers.count),
      s.meanTrustBalance.map { .number($0) } ?? .empty, .int(s.trustAtRisk), .int(s.ruptured),
      .number(s.buyingGroup.share),
      .text(s.buyingGroup.missing.map { "\($0.role.rawValue)=\($0.count)" }.joined(separator: ";")),
      .text(s.warnings.map(\.name).joined(separator: ";")), .number(a.warmReach),
    ]
  }

  public static let rejectColumns = ["file", "line", "account", "id", "reason"]

  /// The rejects file: a header and one row per rejected row or account contact.
  public static func rejects(_ log: RejectLog) -> String {
    CSVWriter.table(header: rejectColumns, rows: log.entries.map { e in
      [.text(e.file), e.line > 0 ? .int(InputFile.row(of: e.line, in: e.file)) : .empty, e.account.map { .text($0) } ?? .empty,
       e.id.map { .text($0) } ?? .empty, .text(e.reason)]
    })
  }

  /// One JSON object on one line (JSON lines), keys in column order.
  public static func jsonLine(columns: [String], cells: [Cell]) -> String {
    JSONValue.object(zip(columns, cells).map { ($0, JSONValue($1)) }).compact() + "\n"
  }
}
