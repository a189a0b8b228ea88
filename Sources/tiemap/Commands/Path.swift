import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

struct Path: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Warm introduction paths: the most reliable chains of ties from our team to a contact.",
    discussion: """
      A path's reliability is the product of its ties' probabilities (a tie's weight when every weight is in \
      (0, 1], else weight / largest weight), so the best path is the shortest on −ln p (Dijkstra); the next best \
      loopless alternatives follow by Yen's algorithm (1971), in non-increasing reliability. Ties count in both \
      directions. Without --from, paths start from every member of our team (internal = true).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Start from these people (default: every member of our team).", valueName: "id"))
  var from: [String] = []

  @Option(help: ArgumentHelp("The person to reach.", valueName: "id"))
  var to: String

  @Option(name: .customLong("k"), help: "How many paths: the best and the next best alternatives.")
  var count = 3

  @Option(help: "Longest chain allowed, in hops.")
  var maxHops: Int?

  @Option(parsing: .upToNextOption, help: ArgumentHelp("People no path may go through.", valueName: "id"))
  var avoid: [String] = []

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Use only ties of these kinds (e.g. friendship advice).", valueName: "kind"))
  var viaKind: [String] = []

  func validate() throws {
    guard (1...TiemapLimits.paths).contains(count) else { throw ValidationError("--k must be from 1 to \(Cell.grouped(TiemapLimits.paths)).") }
    if let h = maxHops, !(1...TiemapLimits.hops).contains(h) { throw ValidationError("--max-hops must be from 1 to \(Cell.grouped(TiemapLimits.hops)).") }
  }

  func run() throws {
    if input.interactions != nil { Terminal.warning("\(Self._commandName) does not use the contact history: --interactions is read for its checks only") }
    let loaded = try input.load()
    let g = loaded.graph
    let target = try g.requirePerson(to, option: "--to")
    let sources: [NodeIndex]
    if from.isEmpty {
      sources = g.internalPeople.filter { $0 != target }
      guard !sources.isEmpty else {
        throw RunError("No member of our team in the contacts (internal = true): give --from ID.")
      }
    } else {
      sources = try from.map { try g.requirePerson($0, option: "--from") }
      if sources.contains(target) { throw RunError("--from and --to name the same person ('\(to)').") }
    }
    let avoided = try Set(avoid.map { try g.requirePerson($0, option: "--avoid") })
    if avoided.contains(target) { throw RunError("--avoid names the target ('\(to)').") }
    let view: GraphView
    if viaKind.isEmpty {
      view = g.social
    } else {
      view = g.combinedView(kinds: Set(try viaKind.map { name in
        guard let k = g.kindIndex(of: TieKind(name)) else {
          throw RunError("--via-kind: no ties of kind '\(name)'. Kinds here: \(g.kinds.map(\.name).joined(separator: ", ")).")
        }
        return k
      }))
    }
    let paths = view.mostReliablePaths(from: sources, to: target, probabilities: view.spreadProbabilities(.tie),
                                       options: PathSearchOptions(count: count, maxHops: maxHops, avoid: avoided))
    switch out.resolvedFormat {
    case .csv: try out.emit(ReachReport.paths(paths, graph: g).csv())
    case .json: try out.emit(ReachReport.pathsJSON(paths, from: sources, to: target, graph: g))
    case .table: try out.emit(ReachReport.pathsText(paths, to: target, graph: g))
    }
  }
}

extension SocialGraph {
  /// The person an option names, or a usage error naming the option and the id.
  /// The person an option names: by id, else by a name (ignoring case) that only one person has.
  func requirePerson(_ id: String, option: String) throws -> NodeIndex {
    if let v = index(of: id) { return v }
    let folded = id.lowercased()
    let named = people.indices.filter { people[$0].name?.lowercased() == folded }
    if named.count == 1 { return NodeIndex(named[0]) }
    if named.count > 1 {
      throw RunError("\(option): \(named.count) people are called '\(id)' (\(named.prefix(5).map { people[$0].id }.joined(separator: ", "))); give an id.")
    }
    throw RunError("\(option): no person with id or name '\(id)'.")
  }
}
