import ArgumentParser
import GraphFormats
import NetworkAnalysis
import StakeholderMaps

/// Which of Tiemap's maps a GEXF file carries the drawing of.
enum ConvertDrawing: String, CaseIterable, ExpressibleByArgument {
  case network, org, none
}

/// What `convert` writes, from -o's extension.
enum GraphOutputFormat: String, CaseIterable {
  case graphml, gexf, json, dot, csv, gml, net
}

struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the input as GraphML, GEXF 1.3, node-link JSON, DOT, a CSV edge list, GML or Pajek, for Gephi, NetworkX, igraph, Cytoscape, yEd or Pajek.",
    discussion: """
      The format comes from the -o extension (.graphml, .gexf, .json, .dot, .csv, .gml, .net for Pajek). Nodes are the contact ids with \
      every field of the contacts file (name, title, account, department, reports_to, role, proximity, influence, \
      interest, owner, internal and any extra column) as typed attributes; edges are the ties, one per input row, \
      with weight, kind, dates, interactions and extra columns. A graph whose ties are all directed or all undirected \
      is written so; a mixed one (reports_to and advice directed, relationships not) is written directed, each \
      undirected tie as its two arcs marked undirected=true. --with-measures adds the person measures of `tiemap \
      metrics` (undirected social view) as numeric attributes, to size or colour by them in Gephi. A GEXF file also \
      carries the drawing of Tiemap's network map (--drawing org: the org map; none: no drawing) — each person's \
      position, size and proximity colour — so it opens in Gephi as Tiemap draws it.
      """)

  @OptionGroup var input: InputOptions

  @Option(name: .short, help: ArgumentHelp("The file: .graphml, .gexf, .json (node-link), .dot, .csv (edge list), .gml or .net (Pajek).", valueName: "file"))
  var output: String

  @Flag(help: "Add the person measures (degree, betweenness, PageRank, constraint, community, influence…) as node attributes.")
  var withMeasures = false

  @Flag(help: "With --with-measures: weight the measures by tie weight, as `tiemap metrics --weighted`.")
  var weighted = false

  @Option(help: "GEXF: the map whose drawing (positions, sizes, colours) the file carries, for Gephi.")
  var drawing: ConvertDrawing = .network

  var format: GraphOutputFormat? {
    output.lastIndex(of: ".").flatMap { GraphOutputFormat(rawValue: output[output.index(after: $0)...].lowercased()) }
  }

  func validate() throws {
    guard format != nil else { throw ValidationError("-o: give a file ending in .graphml, .gexf, .json, .dot, .csv, .gml or .net (Pajek).") }
    if weighted && !withMeasures { throw ValidationError("--weighted weights the measures: give --with-measures too.") }
    if drawing != .network && format != .gexf { throw ValidationError("--drawing goes into GEXF files: give -o a file ending in .gexf.") }
  }

  func run() throws {
    let loaded = try input.load()
    let g = loaded.graph
    var measures: [(name: String, values: [Double])] = []
    if withMeasures {
      let m = g.social.personMeasures(Set(PersonMeasure.undirected), weighted: weighted)
      measures = PersonMeasure.undirected.map { ($0.rawValue, m.column($0)) }
    }
    var export = GraphExport(graph: g, measures: measures)
    if format == .gexf && drawing != .none {
      var o = MapOptions()
      o.layout = drawing == .org ? .org : .network
      if case .refuse(let why) = MapSizeCheck(graph: g, options: o) {
        Terminal.warning("the GEXF file carries no drawing: \(why)")
      } else {
        export.drawing = try StakeholderMap.placements(graph: g, measures: MapMeasures(graph: g, interactions: loaded.interactions), options: o)
      }
    }
    let text: String
    switch format! {
    case .graphml: text = export.graphML()
    case .gexf: text = export.gexf()
    case .json: text = export.nodeLink()
    case .dot: text = export.dot()
    case .csv: text = export.edgeListCSV()
    case .gml: text = export.gml()
    case .net: text = export.pajek()
    }
    try AtomicFile.write(text, to: output)
  }
}
