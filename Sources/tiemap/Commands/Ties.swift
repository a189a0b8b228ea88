import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

extension TieStrengthModel.Dimension: ExpressibleByArgument {}

struct Ties: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "One row per tie: Granovetter strength and class, embeddedness, overlap, bridges, local bridges and span.",
    discussion: """
      strength = Σ w_d · z_d over intensity, frequency, recency, duration, reciprocity, multiplexity and \
      structural overlap (Granovetter 1973; Marsden & Campbell 1984); dimensions the input says nothing about are \
      dropped and the others rescaled. overlap is Onnela et al. (2007), empty where it is 0/0 (neither end has \
      another contact); span is the number of ties on the shortest other path between a local bridge's ends \
      (Granovetter's degree of a local bridge, with or without weights), inf when none. --per-person lists each person's strong \
      and weak ties and strong-triadic-closure violations instead.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  /// Gone: spans count ties (Granovetter), whatever the weights. Kept hidden to say so instead of "unknown option".
  @Flag(help: .hidden)
  var weighted = false

  @Option(help: "Ties at or above this strength are strong.")
  var strongThreshold = 0.5

  @Option(help: ArgumentHelp("Weights of the strength dimensions, e.g. intensity=0.4,frequency=0.3 (others keep their defaults, then all are rescaled to sum to 1).", valueName: "d=w,…"))
  var strengthWeights: String?

  @Option(help: "Interactions at which frequency reaches 1 − 1/e.")
  var frequencyScale = 12.0

  @Option(help: "Half-life of recency, in days.")
  var recencyHalfLife = 180.0

  @Option(help: "Years at which duration reaches 1 − 1/e.")
  var durationScale = 3.0

  /// `--as-of` (in the input options): the date evaluated at, and with --workspace the snapshot.
  var asOf: String? { input.asOf }

  @Flag(help: "One row per person (strong ties, weak ties, strong-triadic-closure violations).")
  var perPerson = false

  func model() throws -> TieStrengthModel {
    var m = TieStrengthModel()
    guard strongThreshold.isFinite, (0...1).contains(strongThreshold) else { throw ValidationError("--strong-threshold must be between 0 and 1.") }
    guard frequencyScale > 0, recencyHalfLife > 0, durationScale > 0 else {
      throw ValidationError("--frequency-scale, --recency-half-life and --duration-scale must be > 0.")
    }
    m.strongThreshold = strongThreshold
    m.frequencyScale = frequencyScale; m.recencyHalfLife = recencyHalfLife; m.durationScale = durationScale
    if let asOf {
      guard let d = Day(iso: asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD).") }
      m.asOf = d
    }
    if let spec = strengthWeights {
      for part in spec.split(separator: ",") {
        let kv = part.split(separator: "=")
        guard kv.count == 2, let d = TieStrengthModel.Dimension(rawValue: String(kv[0]).filter { $0 != " " }),
              let w = Double(kv[1].filter { $0 != " " }), w >= 0, w.isFinite else {
          throw ValidationError("--strength-weights: '\(part)' is not dimension=weight (dimensions: \(TieStrengthModel.Dimension.allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        m.weights[d] = w
      }
      guard m.weights.values.reduce(0, +) > 0 else { throw ValidationError("--strength-weights: the weights sum to 0.") }
    }
    return m
  }

  func validate() throws {
    if weighted {
      throw ValidationError("--weighted is not an option of ties: span counts the ties on the shortest other path (Granovetter's degree of a local bridge), whatever their weights.")
    }
    _ = try model()
  }

  func run() throws {
    let loaded = try input.load(evaluatesAtDate: true)
    let g = loaded.graph
    let t = g.tieMeasures(model: try model(), interactions: loaded.interactions)
    let table = perPerson ? TiesReport.people(t, graph: g) : TiesReport.ties(t, graph: g)
    switch out.resolvedFormat {
    case .csv: try out.emit(table.csv())
    case .json: try out.emit(TiesReport.json(t, graph: g))
    case .table:
      // On a terminal the ties that matter most to Granovetter first: bridges and local bridges by span (widest
      // first), then the rest by strength; people by strong-triadic-closure violations.
      let sorted = perPerson
        ? table.sortedDescending { t.stcViolations[$0] }
        : table.sortedDescending { e in t.span[e].map { 10 + $0 } ?? t.strengths.strength[e] }   // strength ≤ 1 < 10 + span
      try out.emit(sorted.text(limit: out.output == nil ? 60 : nil))
    }
  }
}
