import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

struct Risk: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The chance of a rupture within a horizon, per contact and per account (discrete-time hazard model).",
    discussion: """
      A person-period logistic regression (Singer & Willett 2003) fitted by IRLS: one row per contact and --period \
      days from their first contact until they rupture (a churned outcome, or tolerance capital below the rupture \
      threshold: --ruptures) or the history ends. Features at each period's start: the tolerance balance and its \
      trend, transient and cumulative incidents in the last 90 days, log(1 + days since the last contact), the \
      number of our team members who met them, whether they are held at P1/P2, and whether the --window days before \
      contain each of the top --pattern-features patterns of `tiemap patterns`. A feature that does not vary is \
      left out. Evaluated on a time split (--split, default: the last period start leaving a full --horizon): \
      fitted on the periods that end by it, it predicts the contacts alive at it — Brier score, AUC and a \
      calibration table against the ruptures within the horizon. The coefficients and every contact's risk come \
      from the model fitted on the whole history; risk = 1 − (1 − hazard)^(horizon / period). --survival FILE \
      writes Kaplan–Meier curves by --survival-by with Greenwood (log-log) 95 % intervals; --periods FILE the \
      person-period table; --durations FILE each relationship's duration.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var sequence: SequenceArguments
  @OptionGroup var tolerance: ToleranceOptions
  @OptionGroup var out: OutputOptions

  @Option(help: ArgumentHelp("Horizon of the risk, in days (90 or 90d).", valueName: "days")) var horizon = "90d"
  @Option(help: ArgumentHelp("Length of a person-period, in days.", valueName: "days")) var period = 30
  @Option(help: ArgumentHelp("Evaluation split date (default: a horizon before the end of the history).", valueName: "date")) var split: String?
  @Option(help: ArgumentHelp("Top patterns used as features.", valueName: "n")) var patternFeatures = 2
  @Option(help: ArgumentHelp("Least share of the episodes a pattern feature must be in.", valueName: "share")) var minSupport = 0.1
  @Option(help: ArgumentHelp("Kaplan–Meier segments: a contact column (proximity, role, account, department, …) or an attribute.", valueName: "column"))
  var survivalBy = "proximity"
  @Option(help: ArgumentHelp("Also write the Kaplan–Meier curves as CSV to this file.", valueName: "file")) var survival: String?
  @Option(help: ArgumentHelp("Also write the person-period table as CSV to this file.", valueName: "file")) var periods: String?
  @Option(help: ArgumentHelp("Also write each relationship's duration as CSV to this file.", valueName: "file")) var durations: String?
  @Option(help: ArgumentHelp("Contacts in the table (all in CSV and JSON).", valueName: "n")) var top = 20
  @Option(help: "Worker threads (the output does not depend on it).") var threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

  var horizonDays: Int? {
    let t = horizon.hasSuffix("d") ? String(horizon.dropLast()) : horizon
    return Int(t).flatMap { (1...3_650).contains($0) ? $0 : nil }
  }

  func validate() throws {
    if input.interactions == nil && input.workspace == nil { throw ValidationError("tiemap risk needs --interactions FILE (the contact history).") }
    guard horizonDays != nil else { throw ValidationError("--horizon '\(horizon)' must be 1 to 3,650 days (90 or 90d).") }
    guard (1...365).contains(period) else { throw ValidationError("--period must be 1 to 365 days.") }
    if let split, Day(iso: split) == nil { throw ValidationError("--split '\(split)' is not a date (YYYY-MM-DD).") }
    guard (0...10).contains(patternFeatures) else { throw ValidationError("--pattern-features must be 0 to 10.") }
    guard minSupport > 0, minSupport <= 1 else { throw ValidationError("--min-support must be a share in (0, 1].") }
    guard top >= 1, threads >= 1 else { throw ValidationError("--top and --threads must be at least 1.") }
    _ = try sequence.options(model: tolerance.model())
  }

  func run() throws {
    let loaded = try input.load(evaluatesAtDate: true)
    guard !loaded.interactions.isEmpty else { throw RunError("\(input.interactions ?? input.workspace!): no interactions to learn from.") }
    let g = loaded.graph
    let groups = try g.groups(byColumn: survivalBy)
    let history = g.eventHistory(loaded.interactions, options: try sequence.options(model: tolerance.model()),
                                 asOf: input.asOf.flatMap { Day(iso: $0) })
    var o = RiskOptions()
    o.horizonDays = Int32(horizonDays!); o.periodDays = Int32(period); o.split = split.flatMap { Day(iso: $0) }
    o.patternFeatures = patternFeatures; o.patterns.minSupport = minSupport; o.patterns.threads = threads
    let r: RuptureRisk
    do { r = try history.ruptureRisk(graph: g, interactions: loaded.interactions, options: o) } catch { throw RunError("tiemap risk: \(error)") }
    let curves = history.survivalCurves(segment: groups)
    if let survival { try AtomicFile.write(HistoryReport.survival(curves).csv(), to: survival) }
    if let periods { try AtomicFile.write(HistoryReport.periods(r.periods, history: history, graph: g).csv(), to: periods) }
    if let durations { try AtomicFile.write(HistoryReport.durations(history, segment: groups, graph: g).csv(), to: durations) }
    let e = r.evaluation
    let coefficients = HistoryReport.coefficients(r.model), contacts = HistoryReport.contacts(r, graph: g)
    let accounts = HistoryReport.accounts(r, graph: g), calibration = HistoryReport.calibration(e)
    let asOf = Day(daysSinceEpoch: history.end).description
    switch out.resolvedFormat {
    case .csv: try out.emit(contacts.csv())
    case .json:
      try out.emit(JSONValue.object([
        ("as_of", .string(asOf)), ("horizon_days", .number(Double(o.horizonDays))), ("period_days", .number(Double(o.periodDays))),
        ("model", .object([("rows", .number(Double(r.model.rows))), ("ruptures", .number(Double(r.model.events))),
                           ("iterations", .number(Double(r.model.fit.iterations))), ("log_likelihood", .number(r.model.fit.logLikelihood)),
                           ("dropped", .array(r.model.dropped.map { .string($0) })), ("coefficients", coefficients.jsonRows)])),
        ("evaluation", .object([("split", .string(e.split.description)), ("train_rows", .number(Double(e.model.rows))),
                                ("contacts", .number(Double(e.contacts))), ("ruptures", .number(Double(e.ruptures))),
                                ("brier", .number(e.brier)), ("auc", e.auc.map { .number($0) } ?? .null),
                                ("calibration", calibration.jsonRows)])),
        ("accounts", accounts.jsonRows), ("contacts", contacts.jsonRows),
        ("survival", .array(curves.map { c in .object([("segment", .string(c.segment)), ("relationships", .number(Double(c.atRisk[0]))),
                                                       ("ruptures", .number(Double(c.events.reduce(0, +)))),
                                                       ("median_days", c.median.map { .number($0) } ?? .null)]) })),
      ]).rendered())
    case .table:
      var text = "Rupture risk within \(o.horizonDays) days at \(asOf): hazard per \(o.periodDays)-day period, fitted on "
        + "\(Cell.count(r.model.rows, "person-period")) (\(Cell.count(r.model.events, "rupture")))\n\n" + coefficients.text()
      if !r.model.dropped.isEmpty { text += "\nLeft out (constant): " + r.model.dropped.joined(separator: ", ") + "\n" }
      text += "\nEvaluation: fitted on the periods to \(e.split), \(e.contacts) contacts alive then, \(e.ruptures) ruptured within "
        + "\(o.horizonDays) days — Brier \(Cell.fixed(e.brier, digits: 4)), AUC \(e.auc.map { Cell.fixed($0, digits: 3) } ?? "n/a")\n\n"
        + calibration.text()
      text += "\nAccounts, most expected ruptures first\n\n" + accounts.text(limit: out.output == nil ? top : nil)
      let narrow = ResultTable(columns: Array(contacts.columns.prefix(6)), rows: contacts.rows.map { Array($0.prefix(6)) })
      text += "\nContacts most at risk (every feature in CSV and JSON)\n\n" + narrow.text(limit: out.output == nil ? top : nil)
      text += "\nSurvival of relationships (Kaplan–Meier) by \(survivalBy): median days "
        + curves.map { "\($0.segment) \($0.median.map { String(Int($0)) } ?? "not reached")" }.joined(separator: ", ") + "\n"
      try out.emit(text)
    }
  }
}
