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
      --audit ranks the channels by points per unit of cost, with what they did to the balances, then (table and \
      JSON) the channels used together in a contact's month, ranked by the balance change over the month after. --timeline FILE \
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

  @OptionGroup var tolerance: ToleranceOptions

  @Option(help: "Days ahead of the projection (no further contact).") var horizon = 30.0

  func model() throws -> ToleranceModel {
    var m = try tolerance.model()
    guard horizon.isFinite, horizon >= 0 else { throw ValidationError("--horizon must be a finite number of days, not negative.") }
    m.horizonDays = horizon
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
      // Channel combinations of a contact's month and the trust change over the month after (tiemap patterns --associations).
      var so = SequenceOptions()
      so.model = m
      let combinations = HistoryReport.itemsets(g.eventHistory(loaded.interactions, options: so, asOf: day).touchpointAssociations(loaded.interactions),
                                                minSize: 2, byGain: true)
      switch out.resolvedFormat {
      case .csv: try out.emit(table.csv())
      case .json: try out.emit(JSONValue.object([("as_of", .string(asOfText)), ("channels", table.jsonRows), ("combinations", combinations.jsonRows)]).rendered())
      case .table:
        try out.emit("Contact audit, \(Cell.count(loaded.interactions.count, "interaction")) to \(asOfText): influence (points) against cost\n\n" + table.text()
                     + "\nChannels used together in a contact's month, largest trust gain over the next month first (tiemap patterns --associations)\n\n"
                     + combinations.text(limit: out.output == nil ? 10 : nil))
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
