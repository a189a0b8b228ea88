import GraphFormats
import SocialGraph

extension StakeholderMap {
  /// Where each person is on the map Tiemap draws (`options`: the network or the org map), for a GEXF file that
  /// opens in Gephi as drawn: the centre of their box (in points, y upwards as Gephi's), half its height as the
  /// size, its fill (proximity, or our team's colour) as the colour. Nil for someone the map does not show.
  /// The map is laid out once, by Graphviz, exactly as `tiemap map` draws it.
  /// - Complexity: that of the map's layout.
  public static func placements(graph g: SocialGraph, measures m: MapMeasures, options o: MapOptions) throws -> [GraphExport.Drawn?] {
    let svg = try render(graph: g, measures: m, options: o, format: .svg)
    let drawing = try SVGDrawing(String(decoding: svg, as: UTF8.self))
    var out = [GraphExport.Drawn?](repeating: nil, count: g.people.count)
    for (id, b) in drawing.nodes {
      guard id.hasPrefix("p"), let v = Int(id.dropFirst()), v >= 0, v < out.count else { continue }
      let hex = fill(of: v, g, m).dropFirst()
      let rgb = stride(from: 0, to: 6, by: 2).map { k -> UInt8 in
        let s = hex.index(hex.startIndex, offsetBy: k, limitedBy: hex.endIndex) ?? hex.endIndex
        let e = hex.index(s, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
        return UInt8(hex[s..<e], radix: 16) ?? 255
      }
      out[v] = GraphExport.Drawn(x: (b.x0 + b.x1) / 2, y: -(b.y0 + b.y1) / 2, size: max(1, (b.y1 - b.y0) / 2),
                                 red: rgb[0], green: rgb[1], blue: rgb[2])
    }
    return out
  }
}
