import ArgumentParser
import GraphFormats
import NetworkAnalysis

struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "People, ties by kind, accounts, components, density and the tops of the org chart.")

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  func run() throws {
    let loaded = try input.load()
    let summary = loaded.graph.summary(interactions: loaded.interactions)
    switch out.resolvedFormat {
    case .csv: try out.emit(SummaryReport.csv(summary, graph: loaded.graph))
    case .json: try out.emit(SummaryReport.json(summary, graph: loaded.graph))
    case .table: try out.emit(SummaryReport.table(summary, graph: loaded.graph, title: loaded.files.joined(separator: " + ")))
    }
  }
}
