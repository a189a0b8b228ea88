// Maps through the Graphviz C library: valid SVG/PNG/PDF, Graphviz errors as Swift errors, hostile names escaped
// in DOT, SVG and HTML labels, and the org layout's stacking of wide teams.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import GraphFormats
import SocialGraph
@testable import StakeholderMaps

/// A small account whose names try to break every format they pass through.
func hostileAccount() throws -> SocialGraph {
  var b = SocialGraphBuilder()
  let names = [
    "Ann \"The Boss\" O'Neil", "Back\\slash \\N \\G \\l", "<script>alert(1)</script>", "Tom & Jerry > Co",
    "Line\nbreak", "Zoë 😀 Łukasz", "王小明", "عبد الله", "]; n0 -> n1 [label=x",
  ]
  for (i, name) in names.enumerated() {
    try b.addPerson(Person(id: "c\(i)", name: name, title: "Title <\(i)> & \"co\"", account: "Acme <&>",
                           department: i < 4 ? "Ops & <IT>" : "Sales \"EU\"", reportsTo: i == 0 ? nil : "c0",
                           role: StakeholderRole.allCases[i % 5], proximity: Proximity.allCases[i % 4], influence: 1 + i % 5))
  }
  let k = b.kindIndex(for: .collaboration)
  for (s, t) in [(1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (7, 8), (3, 4)] {
    try b.addTie(Tie(source: Int32(s), target: Int32(t), weight: 0.5, kind: k, isDirected: false))
  }
  return try b.build()
}

@Suite(.serialized) struct MapRenderingTests {
  @Test(arguments: MapLayout.allCases)
  func hostileNamesRenderToValidSVG(_ layout: MapLayout) throws {
    let g = try hostileAccount()
    var o = MapOptions(); o.layout = layout
    let (doc, engine) = StakeholderMap.document(graph: g, measures: MapMeasures(graph: g), options: o)
    let svg = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg)
    let text = String(decoding: svg, as: UTF8.self)
    // Valid XML, and no markup from a name survives as markup.
    let parser = XMLParser(data: Data(svg))
    #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
    #expect(!text.contains("<script"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(text.contains("Tom &amp; Jerry &gt; Co"))
    #expect(text.contains("王小明") && text.contains("عبد الله") && text.contains("Zoë 😀 Łukasz"))
    // Backslashes are literal, not Graphviz escapes (\N would print the node name "n1").
    #expect(text.contains("Back\\slash \\N \\G \\l"))
    // The DOT text has one node statement per person plus the legend: the injected "] ; n0 -> n1" made none.
    let statements = doc.text.split(separator: "\n").filter { $0.contains(" [label=<") }
    #expect(statements.count == g.count + 1)
  }

  @Test func quotingEscapesEverythingGraphvizWouldInterpret() {
    #expect(DOTValue.quoted("a\"b\\c\nd\u{7}e") == "\"a\\\"b\\\\\\\\c\\nde\"")
    var h = HTMLLabel()
    h.text("<b>&\"x\"\n\\N")
    #expect(h.markup == "&lt;b&gt;&amp;&quot;x&quot;<br/>\\\\N")
  }

  @Test func pngAndPdfAreRealFiles() throws {
    let g = try hostileAccount()
    let (doc, engine) = StakeholderMap.document(graph: g, measures: MapMeasures(graph: g), options: MapOptions())
    let png = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .png)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let pdf = try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .pdf)
    #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
  }

  @Test func graphvizErrorsAreSwiftErrors() {
    let e = #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "digraph { a -> }", engine: .dot, format: .svg) }
    #expect(e?.call == "agmemread")
    #expect(e?.description.contains("syntax error") == true)
    // The renderer still works after an error.
    #expect((try? GraphvizRenderer.render(dot: "digraph { a -> b }", engine: .dot, format: .svg))?.isEmpty == false)
  }

  // Twenty leaf reports under one manager: stacked in columns of 8 (3 columns), not one row of 20.
  @Test func wideTeamsAreStacked() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "boss", name: "Boss", account: "A", department: "D"))
    for i in 0..<20 { try b.addPerson(Person(id: "r\(i)", name: "Report \(i)", account: "A", department: "D", reportsTo: "boss")) }
    let g = try b.build()
    let (doc, engine) = StakeholderMap.document(graph: g, measures: MapMeasures(graph: g), options: MapOptions())
    let invisible = doc.edges.filter { $0.attributes.contains { $0.0 == "style" && $0.1 == .keyword("invis") } }
    #expect(invisible.count == 20 - 3)
    let svg = String(decoding: try GraphvizRenderer.render(dot: doc.text, engine: engine, format: .svg), as: UTF8.self)
    // width="…pt" of the whole drawing: 3 columns stay narrow (20 side by side would be ~1,500 pt).
    let width = svg.firstMatch(of: /<svg width="(\d+)pt"/).map { Int($0.1)! } ?? .max
    #expect(width < 1_100, "org map is \(width) pt wide")   // the legend takes about 250 pt
  }
}
