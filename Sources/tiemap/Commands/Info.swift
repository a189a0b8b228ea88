import ArgumentParser
import GraphFormats
import NetworkAnalysis

struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "People, ties by kind, accounts, components, density, communities and modularity, and the tops of the org chart.")

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Flag(help: "Weight the community search (modularity) by tie weight, as `tiemap metrics --weighted`.")
  var weighted = false

  @Option(help: "Seed of the community search, as in `tiemap metrics`.")
  var seed = TiemapDefaults.seed

  @Option(help: "Community search: louvain or leiden, as in `tiemap metrics`.")
  var communities: CommunityMethod = .louvain

  @Flag(help: "Skip the community search (faster on very large graphs).")
  var noCommunities = false

  func run() throws {
    let loaded = try input.load()
    let summary = loaded.graph.summary(interactions: loaded.interactions,
                                       communities: noCommunities ? nil : (weighted: weighted, seed: seed),
                                       communityMethod: communities)
    switch out.resolvedFormat {
    case .csv: try out.emit(SummaryReport.csv(summary, graph: loaded.graph))
    case .json: try out.emit(SummaryReport.json(summary, graph: loaded.graph))
    case .table: try out.emit(SummaryReport.table(summary, graph: loaded.graph, title: loaded.files.joined(separator: " + ")))
    }
  }
}
