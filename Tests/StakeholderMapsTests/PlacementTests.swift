// GEXF with the map's drawing: every person the map shows has a position, size and colour (the box's centre, its
// proximity fill), written as Gephi's viz elements that the GEXF reader skips, so the graph reads back the same.
import Testing
@testable import GraphFormats
import SocialGraph
import NetworkAnalysis
@testable import StakeholderMaps

@Suite(.serialized) struct PlacementTests {
  @Test(arguments: [MapLayout.network, .org])
  func everyoneShownIsPlacedAsDrawn(_ layout: MapLayout) throws {
    let input = try sampleAccount()
    let g = input.graph
    let m = MapMeasures(graph: g, interactions: input.interactions)
    var o = MapOptions()
    o.layout = layout
    let placed = try StakeholderMap.placements(graph: g, measures: m, options: o)
    let shown = Set(StakeholderMap.people(g, o))
    #expect(placed.indices.allSatisfy { (placed[$0] != nil) == shown.contains($0) })
    // Distinct positions, and the colours of the map's fills.
    let points = Set(placed.compactMap { $0.map { "\($0.x),\($0.y)" } })
    #expect(points.count == shown.count)
    for v in shown {
      let d = try #require(placed[v])
      let hex = "#" + [d.red, d.green, d.blue].map { String($0, radix: 16, uppercase: true).leftPadded(2) }.joined()
      #expect(hex == StakeholderMap.fill(of: v, g, m).uppercased())
      #expect(d.size > 5 && d.y <= 0, "y upwards: the map's top is at y = 0")
    }
    // The org map's chief is above their reports.
    if layout == .org, let boss = g.people.indices.first(where: { v in shown.contains(v) && g.people.contains { $0.reportsTo == g.people[v].id } }) {
      let report = try #require(g.people.indices.first { shown.contains($0) && g.people[$0].reportsTo == g.people[boss].id })
      #expect(placed[boss]!.y > placed[report]!.y)
    }
    var x = GraphExport(graph: g)
    x.drawing = placed
    let gexf = x.gexf()
    #expect(gexf.components(separatedBy: "<viz:position ").count - 1 == shown.count)
    var b = SocialGraphBuilder()
    _ = try GEXFReader.read(Array(gexf.utf8), file: "g.gexf", into: &b)
    let back = try b.build()
    #expect(GraphExport(graph: back).gexf() == GraphExport(graph: g).gexf(), "the drawing is not part of the graph read back")
  }
}

extension String {
  func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
