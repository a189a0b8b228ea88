import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

struct Trust: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tolerance capital (Kaufman): trust balances, rupture alerts, and the contact audit.",
    discussion: """
      Each contact's balance = capital − transient dip. A positive touchpoint of p points adds \
      gain-per-point · p · (1 − capital / cap), the cap growing from cap-floor · cap to cap over cap-ramp days; an \
      incident of s points costs penalty-per-point · s, all of it a dip when transient (the default), \
      cumulative-share of it lasting when cumulative. Dips fade with transient-half-life; after grace days \
      without contact the capital decays with inactivity-half-life. ruptured: balance < rupture-threshold; \
      at_risk: balance, or the balance projected horizon days ahead, below threshold + warning-margin. \
      --audit ranks the channels by points per unit of cost, with what they did to the balances. --timeline FILE \
      writes every interaction's step as CSV. Needs --interactions FILE (with or without --contacts).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Flag(help: "The contact audit: each channel's influence against its cost.")
  var audit = false

  @Option(help: ArgumentHelp("Also write the timeline (every interaction's step) as CSV to this file.", valueName: "file"))
  var timeline: String?

  /// `--as-of` (in the input options): the date evaluated at, and with --workspace the snapshot.
  var asOf: String? { input.asOf }

  @Option(help: "Capital at the first contact.") var initial = 10.0
  @Option(help: "Largest capital a relationship can reach.") var cap = 100.0
  @Option(help: "Share of the cap open at the first contact.") var capFloor = 0.3
  @Option(help: "Days for the cap to open fully.") var capRamp = 730.0
  @Option(help: "Capital gained per positive point (before saturation).") var gainPerPoint = 2.0
  @Option(help: "Balance lost per incident point.") var penaltyPerPoint = 3.0
  @Option(help: "Share of a cumulative incident that never fades.") var cumulativeShare = 0.6
  @Option(help: "Half-life of a dip, in days.") var transientHalfLife = 30.0
  @Option(help: "Days without contact before the capital starts to decay.") var grace = 60.0
  @Option(help: "Half-life of the capital without contact, in days.") var inactivityHalfLife = 180.0
  @Option(help: "Balance below which the relationship is ruptured.") var ruptureThreshold = 0.0
  @Option(help: "Margin above the threshold that already counts as at risk.") var warningMargin = 5.0
  @Option(help: "Days ahead of the projection (no further contact).") var horizon = 30.0
  @Option(help: "Days over which the trend is measured.") var trendDays = 90.0

  func model() throws -> ToleranceModel {
    var m = ToleranceModel()
    m.initial = initial; m.cap = cap; m.capFloor = capFloor; m.capRampDays = capRamp; m.gainPerPoint = gainPerPoint
    m.penaltyPerPoint = penaltyPerPoint; m.cumulativeShare = cumulativeShare; m.transientHalfLifeDays = transientHalfLife
    m.graceDays = grace; m.inactivityHalfLifeDays = inactivityHalfLife; m.ruptureThreshold = ruptureThreshold
    m.warningMargin = warningMargin; m.horizonDays = horizon; m.trendDays = trendDays
    let values = [initial, cap, capFloor, capRamp, gainPerPoint, penaltyPerPoint, cumulativeShare, transientHalfLife, grace,
                  inactivityHalfLife, ruptureThreshold, warningMargin, horizon, trendDays]
    guard values.allSatisfy(\.isFinite) else { throw ValidationError("Every trust parameter must be a finite number.") }
    guard cap > 0, transientHalfLife > 0, inactivityHalfLife > 0, capRamp > 0 else {
      throw ValidationError("--cap, --transient-half-life, --inactivity-half-life and --cap-ramp must be > 0.")
    }
    guard (0...1).contains(capFloor), (0...1).contains(cumulativeShare) else {
      throw ValidationError("--cap-floor and --cumulative-share must be between 0 and 1.")
    }
    guard initial >= 0, gainPerPoint >= 0, penaltyPerPoint >= 0, grace >= 0, warningMargin >= 0, horizon >= 0, trendDays >= 0 else {
      throw ValidationError("--initial, --gain-per-point, --penalty-per-point, --grace, --warning-margin, --horizon and --trend-days must not be negative.")
    }
    return m
  }

  func validate() throws {
    _ = try model()
    if input.interactions == nil && input.workspace == nil { throw ValidationError("tiemap trust needs --interactions FILE (the contact history).") }
    if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD).") }
  }

  func run() throws {
    let loaded = try input.load(evaluatesAtDate: true)
    let g = loaded.graph
    guard !loaded.interactions.isEmpty else { throw RunError("\(input.interactions ?? input.workspace!): no interactions to evaluate.") }
    let m = try model()
    let day = asOf.flatMap { Day(iso: $0) }
    let trust = g.toleranceCapital(loaded.interactions, model: m, asOf: day)
    if let timeline { try AtomicFile.write(TrustReport.timeline(trust, interactions: loaded.interactions, graph: g).csv(), to: timeline) }
    let asOfText = (day ?? loaded.interactions.map(\.date).max()!).description
    if audit {
      let table = TrustReport.audit(g.contactAudit(loaded.interactions, trust: trust))
      switch out.resolvedFormat {
      case .csv: try out.emit(table.csv())
      case .json: try out.emit(table.json(meta: [("as_of", .string(asOfText))], rowsKey: "channels"))
      case .table: try out.emit("Contact audit, \(Cell.count(loaded.interactions.count, "interaction")) to \(asOfText): influence (points) against cost\n\n" + table.text())
      }
      return
    }
    let contacts = TrustReport.contacts(trust, graph: g)
    let accounts = TrustReport.accounts(trust, graph: g)
    let risky = trust.enumerated().filter { $0.element.status != .healthy }
      .sorted { ($0.element.status, $0.element.state.balance, $0.offset) < ($1.element.status, $1.element.state.balance, $1.offset) }
    let atRisk = ResultTable(columns: contacts.columns, rows: risky.map { contacts.rows[$0.offset] })
    switch out.resolvedFormat {
    case .csv: try out.emit(contacts.csv())
    case .json:
      try out.emit(JSONValue.object([
        ("as_of", .string(asOfText)),
        ("model", .object([("initial", .number(m.initial)), ("cap", .number(m.cap)), ("cap_floor", .number(m.capFloor)),
                           ("cap_ramp_days", .number(m.capRampDays)), ("gain_per_point", .number(m.gainPerPoint)),
                           ("penalty_per_point", .number(m.penaltyPerPoint)), ("cumulative_share", .number(m.cumulativeShare)),
                           ("transient_half_life_days", .number(m.transientHalfLifeDays)), ("grace_days", .number(m.graceDays)),
                           ("inactivity_half_life_days", .number(m.inactivityHalfLifeDays)),
                           ("rupture_threshold", .number(m.ruptureThreshold)), ("warning_margin", .number(m.warningMargin)),
                           ("horizon_days", .number(m.horizonDays)), ("trend_days", .number(m.trendDays))])),
        ("accounts", accounts.jsonRows), ("at_risk", atRisk.jsonRows), ("contacts", contacts.jsonRows),
      ]).rendered())
    case .table:
      var text = "Tolerance capital at \(asOfText) (\(trust.count) contacts with a history)\n\n" + accounts.text()
      text += "\nAt risk (\(risky.count)): ruptured first, lowest balance first\n\n" + atRisk.text(limit: out.output == nil ? 30 : nil)
      try out.emit(text)
    }
  }
}
