import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

/// How the contact history becomes token sequences and what a rupture is (`patterns`, `risk`).
struct SequenceArguments: ParsableArguments {
  @Option(help: ArgumentHelp("Days before a rupture that form its episode (and the length of each control window).", valueName: "days"))
  var window = 90
  @Option(help: ArgumentHelp("Silences longer than these many days become gap tokens (gap>Nd, the longest exceeded).", valueName: "days,…"))
  var gaps = "30,60,90"
  @Option(help: ArgumentHelp("What counts as a rupture: churned (outcome churned), tolerance (the balance below the rupture threshold) or both.", valueName: "kind"))
  var ruptures = "both"
  @Option(help: "Seed of the control windows' dates.") var seed = TiemapDefaults.seed

  func options(model: ToleranceModel) throws -> SequenceOptions {
    var o = SequenceOptions()
    guard (1...3_650).contains(window) else { throw ValidationError("--window must be 1 to 3,650 days.") }
    let buckets = gaps.split(separator: ",").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
    guard !buckets.isEmpty, buckets.allSatisfy({ $0 != nil && $0! > 0 && $0! <= 3_650 }) else {
      throw ValidationError("--gaps '\(gaps)' must be day counts from 1 to 3,650, separated by commas.")
    }
    guard ["churned", "tolerance", "both"].contains(ruptures) else { throw ValidationError("--ruptures must be churned, tolerance or both.") }
    o.windowDays = Int32(window); o.gapBuckets = buckets.map { $0! }.sorted(); o.model = model; o.seed = seed
    o.toleranceRuptures = ruptures != "churned"
    o.churnedRuptures = ruptures != "tolerance"
    return o
  }
}

struct Patterns: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Sequences of touchpoints that precede a rupture (PrefixSpan), against time-matched controls.",
    discussion: """
      Each contact's history becomes event tokens: channel:+ (a positive touchpoint), channel:0, channel:- (an \
      incident, followed by incident:cumulative when it is cumulative), and gap>Nd for a silence longer than N days (--gaps). A rupture is an \
      interaction with outcome churned, or the tolerance capital falling below the rupture threshold (--ruptures). \
      An episode is the --window days before a rupture; a control a window of the same length from a contact who \
      did not rupture, ending on one of the ruptures' dates (drawn with --seed). PrefixSpan (Pei et al. 2001) finds \
      the patterns in at least --min-support of the episodes, each occurrence within the window and, with \
      --max-gap, at most that many days between consecutive tokens. Columns: episodes and controls containing the \
      pattern, support (share of episodes), control_support, confidence (of the windows with the pattern, the \
      share that are episodes) and lift ((episodes + 1)/(E + 2) over (controls + 1)/(C + 2), Laplace-smoothed). \
      Ranked by --rank, then by episodes. --sequences FILE writes every window's tokens as CSV. \
      --associations mines instead the channels used together in a contact's calendar month (Apriori, Agrawal & \
      Srikant 1994): combinations in at least --association-support of the contact-months, each with the mean \
      change of the tolerance balance over the following month (trust_gain_next_month, against the mean of all \
      contact-months), and the rules between them with confidence ≥ --min-confidence, highest lift first; CSV and \
      the table give the combinations, JSON both. --baskets FILE writes each contact-month's channels.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var sequence: SequenceArguments
  @OptionGroup var tolerance: ToleranceOptions
  @OptionGroup var out: OutputOptions

  @Option(help: ArgumentHelp("Least share of the episodes a pattern must be in.", valueName: "share")) var minSupport = 0.1
  @Option(help: ArgumentHelp("Longest pattern, in tokens.", valueName: "n")) var maxLength = 4
  @Option(help: ArgumentHelp("Most days between consecutive tokens of a pattern's occurrence.", valueName: "days")) var maxGap: Int?
  @Option(help: ArgumentHelp("Ranking: lift, support or confidence.", valueName: "key")) var rank = "lift"
  @Option(help: ArgumentHelp("Patterns in the table (all in CSV and JSON).", valueName: "n")) var top = 20
  @Option(help: ArgumentHelp("Also write every episode and control window's tokens as CSV to this file.", valueName: "file")) var sequences: String?
  @Flag(help: "Channels used together in a contact's month (Apriori) and the trust change that followed, instead of sequences.")
  var associations = false
  @Option(help: ArgumentHelp("With --associations: least share of the contact-months a combination must be in.", valueName: "share"))
  var associationSupport = 0.02
  @Option(help: ArgumentHelp("With --associations: least confidence of a rule.", valueName: "share")) var minConfidence = 0.3
  @Option(help: ArgumentHelp("With --associations: also write each contact-month's channels as CSV to this file.", valueName: "file"))
  var baskets: String?
  @Option(help: "Worker threads (the output does not depend on it).") var threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

  func validate() throws {
    if input.interactions == nil && input.workspace == nil { throw ValidationError("tiemap patterns needs --interactions FILE (the contact history).") }
    guard minSupport > 0, minSupport <= 1 else { throw ValidationError("--min-support must be a share in (0, 1].") }
    guard (1...20).contains(maxLength) else { throw ValidationError("--max-length must be 1 to 20.") }
    if let g = maxGap { guard (0...3_650).contains(g) else { throw ValidationError("--max-gap must be 0 to 3,650 days.") } }
    guard RupturePatternOptions.Rank(rawValue: rank) != nil else { throw ValidationError("--rank must be lift, support or confidence.") }
    guard top >= 1, threads >= 1 else { throw ValidationError("--top and --threads must be at least 1.") }
    guard associationSupport > 0, associationSupport <= 1, minConfidence >= 0, minConfidence <= 1 else {
      throw ValidationError("--association-support must be a share in (0, 1] and --min-confidence in [0, 1].")
    }
    if baskets != nil && !associations { throw ValidationError("--baskets goes with --associations.") }
    _ = try sequence.options(model: tolerance.model())
  }

  func run() throws {
    let loaded = try input.load(evaluatesAtDate: true)
    guard !loaded.interactions.isEmpty else { throw RunError("\(input.interactions ?? input.workspace!): no interactions to learn from.") }
    let so = try sequence.options(model: tolerance.model())
    let history = loaded.graph.eventHistory(loaded.interactions, options: so, asOf: input.asOf.flatMap { Day(iso: $0) })
    if associations { return try emitAssociations(history, loaded.interactions) }
    var o = RupturePatternOptions()
    o.minSupport = minSupport; o.maxLength = maxLength; o.maxGap = maxGap.map { Int32($0) }
    o.rank = RupturePatternOptions.Rank(rawValue: rank)!; o.threads = threads
    let result = history.rupturePatterns(o)
    if let sequences {
      try AtomicFile.write(HistoryReport.sequences(result.episodeWindows, result.controlWindows, history: history, graph: loaded.graph).csv(),
                           to: sequences)
    }
    let meta: [(String, JSONValue)] = [
      ("as_of", .string(Day(daysSinceEpoch: history.end).description)), ("episodes", .number(Double(result.episodes))),
      ("controls", .number(Double(result.controls))), ("window_days", .number(Double(so.windowDays))),
      ("min_support", .number(minSupport)), ("max_length", .number(Double(maxLength))),
      ("max_gap_days", maxGap.map { .number(Double($0)) } ?? .null), ("rank", .string(rank)),
    ]
    switch out.resolvedFormat {
    case .csv: try out.emit(HistoryReport.patterns(result).csv())
    case .json: try out.emit(HistoryReport.patterns(result).json(meta: meta, rowsKey: "patterns"))
    case .table:
      let head = "Patterns before a rupture: \(Cell.count(result.episodes, "episode")) of \(so.windowDays) days against "
        + "\(Cell.count(result.controls, "control")), at least \(Int((minSupport * 100).rounded())) % of the episodes; "
        + "\(Cell.count(result.patterns.count, "pattern")), ranked by \(rank)\n\n"
      try out.emit(head + HistoryReport.patterns(result, limit: out.output == nil ? top : nil).text())
    }
  }

  func emitAssociations(_ history: EventHistory, _ xs: [Interaction]) throws {
    var o = AssociationOptions()
    o.minSupport = associationSupport; o.minConfidence = minConfidence; o.maxLength = maxLength
    let a = history.touchpointAssociations(xs, options: o)
    if let baskets {
      let t = ResultTable(columns: ["channels"], rows: a.baskets.map { [.text($0.map { a.channels[Int($0)] }.joined(separator: " "))] })
      try AtomicFile.write(t.csv(), to: baskets)
    }
    let sets = HistoryReport.itemsets(a), rules = HistoryReport.rules(a)
    let baseline: JSONValue = a.baselineGain.map { .number($0) } ?? .null
    switch out.resolvedFormat {
    case .csv: try out.emit(sets.csv())
    case .json:
      try out.emit(JSONValue.object([("contact_months", .number(Double(a.transactions))), ("min_support", .number(associationSupport)),
                                     ("min_confidence", .number(minConfidence)), ("baseline_trust_gain", baseline),
                                     ("itemsets", sets.jsonRows), ("rules", rules.jsonRows)]).rendered())
    case .table:
      let base = a.baselineGain.map { Cell.fixed($0, digits: 3) } ?? "n/a"
      var text = "Channels used together in a contact's month: \(Cell.count(a.transactions, "contact-month")), combinations in at least "
        + "\(Cell.fixed(associationSupport * 100, digits: 1)) % of them; trust_gain_next_month against \(base) for all months\n\n"
      text += HistoryReport.itemsets(a, minSize: 2).text(limit: out.output == nil ? top : nil)
      text += "\nRules (confidence ≥ \(Cell.fixed(minConfidence, digits: 2))), highest lift first\n\n" + rules.text(limit: out.output == nil ? top : nil)
      try out.emit(text)
    }
  }
}
