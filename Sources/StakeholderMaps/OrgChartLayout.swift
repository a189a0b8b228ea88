/// The org-chart layout of Tiemap's `--layout org` maps: positions for every box, department frames and the
/// reports-to connectors, computed here and handed to Graphviz pinned (`nop2`), which then only draws.
///
/// Why not `dot`: a reports-to tree laid out by rank puts every person of one level on one row, so a 150-person
/// account comes out ~10,000 pt wide. Org-chart tools instead (1) hang leaf reports in a column under their
/// manager, joined by a spine on the left, and (2) wrap a manager's sub-teams onto several rows when one row
/// would be too wide. This is the tidy-tree idea of Reingold & Tilford (1981), "Tidier drawings of trees",
/// *IEEE Trans. Software Eng.* SE-7(2):223–228, with subtrees packed as rectangles (no contour interleaving),
/// plus the vertical leaf stacking and row wrapping of org-chart software (e.g. Walker 1990's "tidy" charts
/// stack leaves the same way).
///
/// Coordinates are points; the layout works top-down (y grows downwards) and `placement` flips to Graphviz's
/// y-up convention.
struct OrgChartLayout {
  struct Point: Equatable { var x: Double; var y: Double }
  struct Size { var width: Double; var height: Double }

  /// One person's box size, manager (index into the same arrays) and frame group (department).
  var sizes: [Size]
  var manager: [Int?]
  var group: [String]
  /// People drawn in the "our team" frame instead of the account tree.
  var isTeam: [Bool]
  /// Leaves per column under one manager before a new column starts.
  var stackColumn = 10
  /// Rows wrap past this width.
  var maxWidth = 1_150.0
  /// A block placed after the trees (the legend), if any.
  var extra: Size?

  static let hGap = 16.0, busDrop = 14.0, leafGap = 8.0, leafIndent = 14.0
  static let framePad = 8.0, frameLabel = 20.0

  struct Frame { var label: String; var minX, minY, maxX, maxY: Double; var team: Bool }
  struct Connector { var manager: Int; var report: Int; var points: [Point] }
  struct Placement {
    var centres: [Point?]
    var frames: [Frame]
    var frameLabels: [(text: String, left: Point)]
    var connectors: [Connector]
    var extraCentre: Point?
    var width: Double, height: Double
  }

  // A laid-out group of items, relative to its own top-left corner.
  private struct Block {
    var width = 0.0, height = 0.0
    /// Where a manager's line arrives on the top edge.
    var anchorX = 0.0
    /// The people a line entering at the anchor goes on to, with the rest of the path from the anchor.
    var entries: [(person: Int, tail: [Point])] = []
    var centres: [(Int, Point)] = []
    var frames: [Frame] = []
    var labels: [(String, Point)] = []
    var connectors: [Connector] = []
    var extra: Point?

    mutating func shift(_ dx: Double, _ dy: Double) {
      func m(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
      anchorX += dx
      entries = entries.map { ($0.person, $0.tail.map(m)) }
      centres = centres.map { ($0.0, m($0.1)) }
      frames = frames.map { Frame(label: $0.label, minX: $0.minX + dx, minY: $0.minY + dy, maxX: $0.maxX + dx, maxY: $0.maxY + dy, team: $0.team) }
      labels = labels.map { ($0.0, m($0.1)) }
      connectors = connectors.map { Connector(manager: $0.manager, report: $0.report, points: $0.points.map(m)) }
      extra = extra.map(m)
    }

    mutating func absorb(_ b: Block) {
      centres += b.centres; frames += b.frames; labels += b.labels; connectors += b.connectors
      if let e = b.extra { extra = e }
    }
  }

  func placement() -> Placement {
    let n = sizes.count
    // A reports-to cycle has no root, so nobody on it would be placed: cut each cycle at the person where the
    // walk up first comes back (they are drawn as a top of their own).
    var manager = self.manager
    var state = [UInt8](repeating: 0, count: n)   // 0 unseen, 1 on the current walk, 2 reaches a top
    for start in 0..<n where state[start] == 0 {
      var walk: [Int] = []
      var v = start
      while state[v] == 0 {
        state[v] = 1; walk.append(v)
        guard let m = manager[v] else { break }
        if state[m] == 1 { manager[v] = nil; break }
        v = m
      }
      for w in walk { state[w] = 2 }
    }
    var reports = [[Int]](repeating: [], count: n)
    for v in 0..<n { if let m = manager[v] { reports[m].append(v) } }

    // Top level: the account's trees, then our team in one frame, then the legend; wrapped like any row.
    var top: [Block] = []
    for v in 0..<n where manager[v] == nil && !isTeam[v] {
      let b = tree(v, reports)
      let mixed = reports[v].contains { group[$0] != group[v] }
      top.append(mixed ? b : framed(b, label: group[v], team: false, incoming: false))
    }
    let teamRoots = (0..<n).filter { manager[$0] == nil && isTeam[$0] }
    if !teamRoots.isEmpty {
      let row = rows(teamRoots.map { tree($0, reports) }, under: nil)
      top.append(framed(row.block, label: "Our team", team: true, incoming: false))
    }
    if let extra {
      var b = Block(width: extra.width, height: extra.height)
      b.extra = Point(x: extra.width / 2, y: extra.height / 2)
      top.append(b)
    }
    let all = rows(top, under: nil).block

    var centres = [Point?](repeating: nil, count: n)
    let flip = { (p: Point) in Point(x: p.x, y: all.height - p.y) }
    for (v, c) in all.centres { centres[v] = flip(c) }
    return Placement(
      centres: centres,
      frames: all.frames.map { Frame(label: $0.label, minX: $0.minX, minY: all.height - $0.maxY, maxX: $0.maxX, maxY: all.height - $0.minY, team: $0.team) },
      frameLabels: all.labels.map { ($0.0, flip($0.1)) },
      connectors: all.connectors.map { Connector(manager: $0.manager, report: $0.report, points: $0.points.map(flip)) },
      extraCentre: all.extra.map(flip), width: all.width, height: all.height)
  }

  /// Person `root` and everyone below, built bottom-up without recursion (a reports-to chain is as deep as the
  /// data makes it: 10,000 levels would overflow the stack): each manager's block is assembled once the blocks
  /// of the managers below them are done, and those are moved into it.
  private func tree(_ root: Int, _ reports: [[Int]]) -> Block {
    var built: [Int: Block] = [:]
    var stack: [(v: Int, expanded: Bool)] = [(root, false)]
    while let (v, expanded) = stack.popLast() {
      if expanded {
        let block = assemble(v, reports) { built.removeValue(forKey: $0)! }   // done: pushed after v, popped before
        built[v] = block
      } else {
        stack.append((v, true))
        for m in reports[v].reversed() where !reports[m].isEmpty { stack.append((m, false)) }
      }
    }
    return built[root]!
  }

  /// Person `v` and everyone below: leaves hang in columns, sub-teams sit in (wrapped) rows. `below(m)` gives the
  /// finished block of each manager m reporting to v.
  private func assemble(_ v: Int, _ reports: [[Int]], below: (Int) -> Block) -> Block {
    let s = sizes[v]
    let kids = reports[v]
    let leaves = kids.filter { reports[$0].isEmpty }
    let managers = kids.filter { !reports[$0].isEmpty }
    var node = Block(width: s.width, height: s.height, anchorX: s.width / 2)
    node.centres = [(v, Point(x: s.width / 2, y: s.height / 2))]
    node.entries = [(v, [Point(x: s.width / 2, y: 0)])]
    guard !kids.isEmpty else { return node }

    let columns = stride(from: 0, to: leaves.count, by: stackColumn).map { Array(leaves[$0..<min($0 + stackColumn, leaves.count)]) }
    if managers.isEmpty && columns.count == 1 {
      // Hanging column: the spine drops straight from the manager's box.
      var col = leafColumn(columns[0], spineX: Self.leafIndent)
      col.shift(0, s.height + Self.busDrop)
      var b = node
      b.width = max(s.width, col.width)
      b.height = col.height + s.height + Self.busDrop
      let from = Point(x: Self.leafIndent, y: s.height)
      for (p, tail) in col.entries { b.connectors.append(Connector(manager: v, report: p, points: [from] + tail)) }
      b.absorb(col)
      return b
    }
    var subs = columns.map { leafColumn($0, spineX: 6) }
    for m in managers {
      let t = below(m)
      subs.append(group[m] != group[v] ? framed(t, label: group[m], team: isTeam[m]) : t)
    }
    var (b, centreX) = rows(subs, under: v, parentSize: s)
    b.centres.append((v, Point(x: centreX, y: s.height / 2)))
    b.entries = [(v, [Point(x: centreX, y: 0)])]
    b.anchorX = centreX
    return b
  }

  /// Leaves stacked top-down, each joined to a spine at `spineX` by a short stub.
  private func leafColumn(_ leaves: [Int], spineX: Double) -> Block {
    var b = Block(anchorX: spineX)
    var y = 0.0
    let left = spineX + Self.leafIndent
    for v in leaves {
      let s = sizes[v]
      b.centres.append((v, Point(x: left + s.width / 2, y: y + s.height / 2)))
      b.entries.append((v, [Point(x: spineX, y: 0), Point(x: spineX, y: y + s.height / 2), Point(x: left, y: y + s.height / 2)]))
      b.width = max(b.width, left + s.width)
      y += s.height + Self.leafGap
    }
    b.height = y - Self.leafGap
    return b
  }

  /// `blocks` side by side, wrapped onto rows no wider than `maxWidth`; with a parent, its box on top and a bus
  /// per row (rows after the first are fed by a trunk down the left gutter). Returns the block and the parent's
  /// centre x.
  private func rows(_ blocks: [Block], under parent: Int?, parentSize: Size = Size(width: 0, height: 0)) -> (block: Block, centreX: Double) {
    // Greedy rows, each at most maxWidth (a wider block stands alone).
    var grouped: [[Block]] = [[]]
    var width = 0.0
    for b in blocks {
      if !grouped[grouped.count - 1].isEmpty && width + Self.hGap + b.width > maxWidth {
        grouped.append([]); width = 0
      }
      width += (grouped[grouped.count - 1].isEmpty ? 0 : Self.hGap) + b.width
      grouped[grouped.count - 1].append(b)
    }
    let multi = grouped.count > 1 && parent != nil
    let gutter = multi ? Self.hGap : 0
    var out = Block()
    // Under a manager, each row hangs from a bus busDrop above it.
    let rowGap = parent == nil ? 2 * Self.hGap : 2 * Self.busDrop + Self.hGap
    var y = parent == nil ? 0 : parentSize.height + 2 * Self.busDrop
    var placed: [[Block]] = []
    var rowTops: [Double] = []
    for row in grouped {
      var x = gutter
      var r: [Block] = []
      var rowHeight = 0.0
      for var b in row {
        b.shift(x, y)
        x += b.width + Self.hGap
        rowHeight = max(rowHeight, b.height)
        r.append(b)
      }
      out.width = max(out.width, x - Self.hGap)
      placed.append(r)
      rowTops.append(y)
      y += rowHeight + rowGap
    }
    out.height = y - rowGap
    guard let parent else {
      for r in placed { for b in r { out.absorb(b) } }
      return (out, 0)
    }
    // The parent sits centred over the first row's anchors (kept inside the block).
    let first = placed[0]
    var centreX = (first.first!.anchorX + first.last!.anchorX) / 2
    centreX = min(max(centreX, parentSize.width / 2), max(out.width, parentSize.width) - parentSize.width / 2)
    if parentSize.width > out.width {
      // a narrow team under a wide box: centre the team
      let dx = (parentSize.width - out.width) / 2
      for i in placed.indices { for j in placed[i].indices { placed[i][j].shift(dx, 0) } }
      out.width = parentSize.width
      centreX = parentSize.width / 2
    }
    let from = Point(x: centreX, y: parentSize.height)
    let trunkX = gutter / 2
    let firstBus = rowTops[0] - Self.busDrop
    for (k, r) in placed.enumerated() {
      let busY = rowTops[k] - Self.busDrop
      for b in r {
        for (p, tail) in b.entries {
          var path = [from, Point(x: centreX, y: firstBus)]
          if k > 0 { path += [Point(x: trunkX, y: firstBus), Point(x: trunkX, y: busY)] }
          path += [Point(x: tail[0].x, y: busY)] + tail
          out.connectors.append(Connector(manager: parent, report: p, points: simplified(path)))
        }
        out.absorb(b)
      }
    }
    return (out, centreX)
  }

  /// A block inside a rounded frame with its department's name on the top strip, at the left. When a manager's
  /// line comes in (`incoming`) and would cross the name, the content moves right to clear it.
  private func framed(_ inner: Block, label: String, team: Bool, incoming: Bool = true) -> Block {
    var b = inner
    let textWidth = TextMetrics.width(label, size: 11, bold: true)
    // At least as wide as its name; narrower content is centred.
    var width = max(inner.width + 2 * Self.framePad, textWidth + 2 * Self.framePad + 4)
    var dx = (width - inner.width) / 2
    let clear = Self.framePad + textWidth + 8   // the line must arrive right of the name
    if incoming && inner.anchorX + dx < clear {
      dx = clear - inner.anchorX
      width = max(width, dx + inner.width + Self.framePad)
    }
    b.shift(dx, Self.frameLabel)
    b.width = width
    b.height = inner.height + Self.frameLabel + Self.framePad
    b.frames.insert(Frame(label: label, minX: 0, minY: 0, maxX: b.width, maxY: b.height, team: team), at: 0)
    b.labels.append((label, Point(x: Self.framePad, y: Self.frameLabel / 2 + 1)))
    b.entries = b.entries.map { ($0.person, [Point(x: $0.tail[0].x, y: 0)] + $0.tail) }
    return b
  }

  /// Drops repeated points and the middle of straight runs.
  private func simplified(_ points: [Point]) -> [Point] {
    var out: [Point] = []
    for p in points where out.last != p {
      if out.count >= 2 {
        let a = out[out.count - 2], b = out[out.count - 1]
        if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) { out[out.count - 1] = p; continue }
      }
      out.append(p)
    }
    return out
  }
}
