import GraphFormats

/// Communities on the network map as colour fields: under every member of a community of three or more, a halo
/// in the community's colour (its box grown by `margin` on each side, rounded), all halos drawn in one group at
/// `opacity`, so that the halos of one community merge into a field of an even tint and neighbouring communities
/// meet at an edge instead of mixing. Drawn on Graphviz's SVG once the layout is done (positions are the layout's),
/// under the edges and the people.
/// - Complexity: O(SVG size + n).
enum CommunityFields {
  static let margin = 16.0, opacity = 0.16, smallest = 3

  /// `svg` (a network map, whose people are `<g id="p…">` nodes) with the fields of `community` (by person index;
  /// −1 for none) drawn in `colours` (by community, cycling).
  static func draw(on svg: String, community: [Int], colours: [String]) throws -> String {
    let d = try SVGDrawing(svg)
    var members: [Int: Int] = [:]
    for c in community where c >= 0 { members[c, default: 0] += 1 }
    var halos = ""
    func n(_ x: Double) -> String { Cell.fixed(x, digits: 2) }
    // By community, then by person, so that the drawing order (and the bytes) are stable.
    let placed = d.nodes.compactMap { node -> (c: Int, v: Int, box: SVGDrawing.Box)? in
      guard node.id.hasPrefix("p"), let v = Int(node.id.dropFirst()), community.indices.contains(v) else { return nil }
      let c = community[v]
      return c >= 0 && members[c, default: 0] >= smallest ? (c, v, node.box) : nil
    }.sorted { ($0.c, $0.v) < ($1.c, $1.v) }
    guard !placed.isEmpty else { return svg }
    for p in placed {
      let (x0, y0) = d.graphPoint(p.box.x0 - margin, p.box.y0 - margin)
      let (x1, y1) = d.graphPoint(p.box.x1 + margin, p.box.y1 + margin)
      let (x, y, w, h) = (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
      halos += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" rx=\"\(n(min(w, h) / 2))\" fill=\"\(colours[p.c % colours.count])\"/>\n"
    }
    return d.inserting("<g class=\"community-fields\" opacity=\"\(opacity)\">\n" + halos + "</g>\n")
  }
}
