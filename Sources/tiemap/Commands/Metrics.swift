import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

extension PersonMeasure: ExpressibleByArgument {}
extension CommunityMethod: ExpressibleByArgument {}

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "One row per person: centrality, structural holes, community and structural influence.",
    discussion: """
      Measures follow NetworkX's definitions (closeness with the Wasserman–Faust correction, normalised \
      betweenness, unit-norm eigenvector, PageRank alpha 0.85) on the combined social view: every tie undirected, \
      a reciprocated pair once. On a directed layer (--kind advice, or --graph FILE --directed) the columns are \
      \(PersonMeasure.directed.map(\.rawValue).joined(separator: ", ")): degree and strength split in and out, \
      closeness and harmonic from incoming distances, betweenness and PageRank follow the arrows, and constraint, \
      effective size, efficiency and hierarchy use Burt's mutual weight z_ij + z_ji. With --weighted a \
      tie's length is 1/weight for path measures and its weight a strength elsewhere. Columns: \
      \(PersonMeasure.allCases.map(\.rawValue).joined(separator: ", ")).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Flag(help: "Use tie weights (length 1/weight for path measures, strength elsewhere).")
  var weighted = false

  @Option(help: ArgumentHelp("Contact fields to add after id: name, title, account, department, role, proximity, owner (comma-separated).", valueName: "a,b,…"),
          transform: { text in
            try text.split(separator: ",").map { part in
              let name = part.trimmingCharacters(in: .whitespaces)
              guard let f = ContactField(rawValue: name) else {
                throw ValidationError("--with-fields: '\(name)' is not a contact field (\(ContactField.allCases.map(\.rawValue).joined(separator: ", "))).")
              }
              return f
            }
          })
  var withFields: [ContactField] = []

  @Option(help: ArgumentHelp("Compute only these columns (comma-separated).", valueName: "a,b,…"),
          transform: { text in
            guard text.contains(where: { $0 != "," && $0 != " " }) else {
              throw ValidationError("--measures needs at least one measure.\nChoose from: \(PersonMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return try text.split(separator: ",").map { part in
              let name = String(part.filter { $0 != " " })
              guard let m = PersonMeasure(rawValue: name) else {
                throw ValidationError("Unknown measure '\(name)'.\nChoose from: \(PersonMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
              }
              return m
            }
          })
  var measures: [PersonMeasure]?

  @Option(help: ArgumentHelp("Use the ties of this kind only (e.g. advice, reports_to); directed kinds give directed measures.",
                             valueName: "kind"))
  var kind: String?

  @Option(help: ArgumentHelp("Estimate betweenness from this many sources drawn with --seed (Brandes & Pich 2007) instead of all people: for very large graphs.",
                             valueName: "k"))
  var betweennessSamples: Int?

  @Option(help: "Seed of the community search (Louvain) and of the betweenness sources.")
  var seed = TiemapDefaults.seed

  @Option(help: "Resolution of the community search (1 = standard modularity; higher finds smaller communities).")
  var resolution: Double = 1

  @Option(help: "Community search: louvain (Blondel et al. 2008) or leiden (Traag et al. 2019: connected communities).")
  var communities: CommunityMethod = .louvain

  func validate() throws {
    guard resolution > 0, resolution.isFinite else { throw ValidationError("--resolution must be a number > 0.") }
    if let k = betweennessSamples, k < 1 { throw ValidationError("--betweenness-samples must be at least 1.") }
  }

  func run() throws {
    if input.interactions != nil { Terminal.warning("\(Self._commandName) does not use the contact history: --interactions is read for its checks only") }
    let loaded = try input.load()
    let g = loaded.graph
    let kind = self.kind ?? input.defaultKind
    let view = try g.view(kind: kind)
    let defined = view.isDirected ? PersonMeasure.directed : PersonMeasure.undirected
    let wanted = measures ?? defined
    if let odd = wanted.first(where: { !defined.contains($0) }) {
      throw RunError(view.isDirected
        ? "'\(odd.rawValue)' is computed on undirected views; the '\(kind!)' ties are directed (measures here: \(defined.map(\.rawValue).joined(separator: ", ")))."
        : "'\(odd.rawValue)' needs a directed view such as --kind advice (measures here: \(defined.map(\.rawValue).joined(separator: ", "))).")
    }
    let m = view.personMeasures(Set(wanted), weighted: weighted, seed: seed, resolution: resolution,
                                betweennessSamples: betweennessSamples, communityMethod: communities)
    for note in m.notes { Terminal.warning(note) }
    var meta = [("kind", kind.map { JSONValue.string($0) } ?? .string("social")), ("directed", .bool(view.isDirected))]
      + MetricsReport.jsonMeta(m)
    if let k = betweennessSamples, wanted.contains(.betweenness) {
      meta.append(("betweenness_sources", .int(min(k, view.nodeCount))))
    }
    switch out.resolvedFormat {
    case .csv: try out.emit(MetricsReport.table(m, graph: g, fields: withFields).csv())
    case .json: try out.emit(MetricsReport.table(m, graph: g, fields: withFields).json(meta: meta, rowsKey: "people"))
    case .table:
      // On a terminal the most influential first: by the influence score, else PageRank, else input order.
      var table = MetricsReport.table(m, graph: g, withNames: true, fields: withFields)
      if let key = m.values[.influence] ?? m.values[.pagerank] { table = table.sortedDescending { key[$0] } }
      try out.emit(table.text(limit: out.output == nil ? 60 : nil))
    }
  }
}
