import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

struct Brokers: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Gould–Fernandez brokerage roles by group, and the weak-tie brokers between groups.",
    discussion: """
      Counts, for each person v, the open two-paths a → v → b (no tie a → b) by group: coordinator (all three in \
      one group), itinerant (a and b in a group other than v's), gatekeeper (a outside, b in v's group), \
      representative (a in v's group, b outside), liaison (three groups). Without --kind the social view is used, \
      each tie in both directions; --kind names a layer (e.g. advice, which is directed). --weak-ties lists instead \
      the people whose weak ties reach other groups (Granovetter), ranked.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Option(help: ArgumentHelp("Group people by this column: department, account, role, title, owner, proximity, or an attribute.", valueName: "column"))
  var groupBy: String?

  @Option(help: ArgumentHelp("Read groups from a file of 'id group' lines (or a CSV with id,group).", valueName: "file"))
  var groups: String?

  @Option(help: ArgumentHelp("Use the ties of this kind only (e.g. advice).", valueName: "kind"))
  var kind: String?

  @Flag(help: "List the weak-tie brokers (weak ties into other groups) instead of the role counts.")
  var weakTies = false

  @Option(help: "With --weak-ties: ties below this strength are weak.")
  var strongThreshold = 0.5

  func validate() throws {
    if (groupBy == nil) == (groups == nil) { throw ValidationError("Give either --group-by COLUMN or --groups FILE.") }
    guard (0...1).contains(strongThreshold) else { throw ValidationError("--strong-threshold must be between 0 and 1.") }
  }

  func run() throws {
    let loaded = try input.load()
    let g = loaded.graph
    let grouping: Groups
    do { grouping = try groupBy.map { try g.groups(byColumn: $0) } ?? GroupsReader.read(groups!, graph: g) }
    catch let e as UnknownGroupingColumn { throw RunError("--group-by: \(e)") }
    if weakTies {
      var model = TieStrengthModel()
      model.strongThreshold = strongThreshold
      let t = g.tieMeasures(model: model, interactions: loaded.interactions)
      let list = g.weakTieBrokers(group: grouping.group, isStrong: t.strengths.isStrong, embeddedness: t.neighbourhoods.embeddedness)
      try emit(BrokersReport.weakTieBrokers(list, groups: grouping, graph: g), key: "brokers")
      return
    }
    let view = try g.view(kind: kind ?? input.defaultKind)
    let roles = view.brokerageRoles(group: grouping.group)
    var table = BrokersReport.roles(roles, groups: grouping, graph: g, withNames: out.resolvedFormat == .table)
    if out.resolvedFormat == .table {   // on a terminal, the busiest brokers first (input order among equals)
      let total = roles.total
      table = table.sortedDescending { total[$0] }
    }
    try emit(table, key: "people")
  }

  func emit(_ table: ResultTable, key: String) throws {
    switch out.resolvedFormat {
    case .csv: try out.emit(table.csv())
    case .json: try out.emit(table.json(rowsKey: key))
    case .table: try out.emit(table.text(limit: out.output == nil ? 40 : nil))
    }
  }
}
