import ArgumentParser
import Foundation
import GraphFormats
import NetworkAnalysis
import SocialGraph
import StakeholderMaps

extension MapLayout: ExpressibleByArgument {}
extension Chart: ExpressibleByArgument {}
extension FitTarget: ExpressibleByArgument {}

/// What `--page-by` splits the org map by.
enum PageBy: String, ExpressibleByArgument, CaseIterable { case department }

struct Map: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a stakeholder map (org chart or relationship network) to SVG, PNG, PDF or DOT.",
    discussion: """
      The format comes from the -o extension (.svg, .png, .pdf, .dot). --layout org draws the reports-to hierarchy \
      top-down with departments as clusters and long teams stacked in columns; --layout network draws the social \
      ties with communities as outline colours. Shapes are roles, fills are proximity P1–P4 (P4 dashed: not \
      covered), name size is declared influence, ★ marks silent influencers, line width is tie strength, dashed \
      lines are weak ties (below the account's natural break, given in the legend) and orange lines the widest bridges. Layout and rendering run in-process through Graphviz.
      """)

  @OptionGroup var input: InputOptions

  @Option(name: .short, help: ArgumentHelp("The map file: .svg, .png, .pdf, .dot, or .pptx (a deck of the map's slides).", valueName: "file"))
  var output: String

  @Option(help: "org (reports-to hierarchy) or network (social ties).")
  var layout: MapLayout = .org

  @Option(help: ArgumentHelp("Only this account: its contacts, their ties and our team's ties into them, analysed on their own.", valueName: "name"))
  var account: String?

  @Option(help: ArgumentHelp("An ego map around this person's id.", valueName: "id"))
  var focus: String?

  @Option(help: "With --focus: how many ties away to include.")
  var depth = 1

  @Option(help: ArgumentHelp("Draw an account chart instead of a map (SVG, PNG or PDF): proximity (contacts per P1–P4), matrix (proximity × influence heat map) or grid (power/interest).", valueName: "chart"))
  var chart: Chart?

  @Option(help: ArgumentHelp("Org map: fold everyone below this level of the reports-to tree (the top is level 0) into one summary box per manager with their P1–P4 counts; decision makers and influencers stay visible.", valueName: "level"))
  var collapseBelow: Int?

  @Option(name: .customLong("page-by"), help: ArgumentHelp("Org map as pages: an overview of the departments (head count, coverage, the ties between them), then one page per department. -o map.pdf writes one multi-page PDF; -o DIR/ writes an SVG and a PNG per page.", valueName: "department"))
  var pageBy: PageBy?

  @Option(help: ArgumentHelp("Pages for a slide (16:9, 960 × 540 pt), A4 (portrait or landscape) or a 1920 × 1080 screen, with every text at 9 pt or more there: the whole map on one page when it fits; else an org map goes by department (as --page-by), and a page still too large is cut into parts between boxes. -o map.pdf: one PDF; -o DIR/: an SVG and a PNG per page; -o map.png or .svg when one page holds it.", valueName: "target"))
  var fit: FitTarget?

  @Option(help: ArgumentHelp("Title above the map (default: the account and the kind of map).", valueName: "text"))
  var title: String?

  /// The -o extension, lowercased: svg, png, pdf or dot.
  var fileExtension: String {
    output.lastIndex(of: ".").map { output[output.index(after: $0)...].lowercased() } ?? ""
  }

  /// `-o DIR/` (or an existing directory): the pages of `--page-by`.
  var outputIsDirectory: Bool {
    var isDir: ObjCBool = false
    return output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDir) && isDir.boolValue)
  }

  /// The pages' target: --fit's, or slides for a deck (-o deck.pptx).
  var target: FitTarget? { fit ?? (fileExtension == "pptx" ? .slide : nil) }

  func validate() throws {
    if fileExtension == "pptx" {
      if chart != nil { throw ValidationError("-o .pptx writes a deck of the map's pages; a --chart goes to -o chart.png, .svg or .pdf.") }
      return
    }
    if fit != nil {
      guard outputIsDirectory || RenderFormat(rawValue: fileExtension) != nil else {
        throw ValidationError("--fit lays the map out on pages: give -o map.pdf, map.pptx, map.png, map.svg or DIR/.")
      }
      if chart != nil && (pageBy != nil || outputIsDirectory) { throw ValidationError("--fit on a chart writes one page: give -o chart.png, .svg or .pdf.") }
    }
    if pageBy != nil {
      guard outputIsDirectory || fileExtension == "pdf" else {
        throw ValidationError("--page-by writes a multi-page PDF (-o map.pdf) or an SVG and a PNG per page (-o DIR/).")
      }
      guard layout == .org, chart == nil, focus == nil else { throw ValidationError("--page-by pages the org map: it takes no --layout network, --chart or --focus.") }
      return
    }
    guard fileExtension == "dot" || RenderFormat(rawValue: fileExtension) != nil || (fit != nil && outputIsDirectory) else { throw ValidationError("-o: give a file ending in .svg, .png, .pdf or .dot.") }
    guard (1...TiemapLimits.hops).contains(depth) else { throw ValidationError("--depth must be from 1 to \(Cell.grouped(TiemapLimits.hops)).") }
    if let c = collapseBelow, c < 0 { throw ValidationError("--collapse-below must be 0 or more.") }
    if collapseBelow != nil && (layout != .org || chart != nil || focus != nil) {
      throw ValidationError("--collapse-below folds the org map: it takes no --layout network, --chart or --focus.")
    }
    if chart != nil && RenderFormat(rawValue: fileExtension) == nil { throw ValidationError("--chart writes SVG, PNG or PDF: give -o a file ending in .svg, .png or .pdf.") }
    if chart != nil && focus != nil { throw ValidationError("--chart describes a whole account; it takes no --focus.") }
  }

  func run() throws {
    var loaded = try input.load()
    let account = try loaded.graph.requireAccount(self.account)
    if let account { loaded = try loaded.account(account) }
    let g = loaded.graph
    var o = MapOptions()
    o.layout = layout
    o.account = account
    o.depth = depth
    o.title = title
    o.collapseBelow = collapseBelow
    if let focus { o.focus = try g.requirePerson(focus, option: "--focus") }
    if chart == nil {
      switch MapSizeCheck(graph: g, options: o) {
      case .fine: break
      case .warn(let message): if fit == nil { Terminal.warning(message) }
      case .refuse(let message): throw RunError(message)
      }
    }
    let measures = MapMeasures(graph: g, interactions: loaded.interactions)
    if let fit = target {
      let pages: [FittedPage]
      if let chart {
        pages = [try chart.page(graph: g, measures: measures, account: account, title: title, target: fit)]
      } else {
        pages = try PageFit.map(graph: g, measures: measures, options: o, target: fit, byDepartment: pageBy != nil)
      }
      return try writeFitted(pages, fit)
    }
    if let chart {
      return try AtomicFile.write(try chart.render(graph: g, measures: measures, account: account,
                                                   format: RenderFormat(rawValue: fileExtension)!), to: output)
    }
    if pageBy != nil { return try writePages(g, measures, o) }
    guard let format = RenderFormat(rawValue: fileExtension) else {   // .dot
      return try AtomicFile.write(StakeholderMap.document(graph: g, measures: measures, options: o).0.text, to: output)
    }
    try AtomicFile.write(try StakeholderMap.render(graph: g, measures: measures, options: o, format: format), to: output)
  }

  /// `--page-by department`: every page rendered, then written together (a multi-page PDF, or per-page files).
  func writePages(_ g: SocialGraph, _ m: MapMeasures, _ o: MapOptions) throws {
    let pages = DepartmentPages.pages(graph: g, measures: m, options: o)
    guard outputIsDirectory else {
      let svgs = try pages.map { try GraphvizRenderer.render(dot: $0.document.text, engine: $0.engine, format: .svg) }
      return try AtomicFile.write(try PDFPages.render(svgs), to: output)
    }
    try writeDirectory(try pages.map { page in
      let rendered = try GraphvizRenderer.render(dot: page.document.text, engine: page.engine, formats: [.svg, .png])
      return (page.title, rendered[0], rendered[1])
    })
    print("wrote \(pages.count) pages to \(output): \(pages.map(\.title).joined(separator: ", "))")
  }

  /// `--fit`: the pages as one PDF, as files in a directory, or as the one SVG or PNG asked for when one page holds it.
  func writeFitted(_ pages: [FittedPage], _ fit: FitTarget) throws {
    let svgs = pages.map { Array($0.svg.utf8) }
    let what = "\(pages.count) \(fit.rawValue) page\(pages.count == 1 ? "" : "s")"
    if outputIsDirectory {
      try writeDirectory(try zip(pages, svgs).map { ($0.title, $1, try PDFPages.png($1, pixelsPerPoint: fit.pixelsPerPoint)) })
    } else if fileExtension == "pptx" {
      // One slide a page: its title as the slide's text, the page (less that title) as an SVG picture with a PNG.
      let slides = try pages.map(PlanDeck.picture)
      try AtomicFile.write(try PPTXWriter.deck(slides, width: pages[0].width, height: pages[0].height), to: output)
    } else if fileExtension == "pdf" {
      try AtomicFile.write(try PDFPages.render(svgs), to: output)
    } else {
      guard pages.count == 1 else {
        throw RunError("--fit \(fit.rawValue): this map takes \(what) to keep its text at \(Int(PageFit.minimumType)) pt or more; "
                       + "give -o map.pdf for one PDF, or -o DIR/ for an SVG and a PNG per page.")
      }
      try AtomicFile.write(fileExtension == "png" ? try PDFPages.png(svgs[0], pixelsPerPoint: fit.pixelsPerPoint) : svgs[0], to: output)
    }
    print("wrote \(what) to \(output) (smallest text \(Int(PageFit.minimumType)) pt or more)")
  }

  /// Pages as NN-title.svg and NN-title.png in the -o directory, written together.
  func writeDirectory(_ pages: [(title: String, svg: [UInt8], png: [UInt8])]) throws {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    var files: [(path: String, contents: AtomicFile.Contents)] = []
    for (i, page) in pages.enumerated() {
      let slug = page.title.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
        .split(separator: "-").joined(separator: "-")
      let base = (output.hasSuffix("/") ? output : output + "/") + String(format: "%02d-", i) + (slug.isEmpty ? "page" : slug)
      files.append((base + ".svg", .bytes(page.svg)))
      files.append((base + ".png", .bytes(page.png)))
    }
    try AtomicFile.writeAll(files)
  }
}
