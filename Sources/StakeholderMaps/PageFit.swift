import Foundation
import GraphFormats
import SocialGraph

/// Where a fitted map is shown (`--fit`): the page in points, its margin, and the PNG's pixels per point.
public enum FitTarget: String, Sendable, CaseIterable {
  /// A 16:9 slide as PowerPoint and Keynote make it: 13.333 × 7.5 in = 960 × 540 pt; PNG 1920 × 1080.
  case slide
  /// ISO A4, 210 × 297 mm = 595.28 × 841.89 pt, portrait or landscape, whichever holds the page better; PNG at 144 dpi.
  case a4
  /// A 1920 × 1080 screen at 96 px per inch = 1440 × 810 pt; PNG 1920 × 1080.
  case screen

  /// The page sizes to choose from (width, height in points).
  var pageSizes: [(w: Double, h: Double)] {
    switch self {
    case .slide: [(960, 540)]
    case .a4: [(595.28, 841.89), (841.89, 595.28)]
    case .screen: [(1440, 810)]
    }
  }

  var margin: Double { self == .a4 ? 36 : 24 }

  /// The area inside the margins of the target's first page (A4: portrait).
  public var area: (w: Double, h: Double) { (pageSizes[0].w - 2 * margin, pageSizes[0].h - 2 * margin) }

  /// PNG pixels per point: 1920 px across a slide or a screen, 144 dpi on A4.
  public var pixelsPerPoint: Double { self == .screen ? 4.0 / 3 : 2 }
}

/// One page of a fitted map: a standalone SVG document of `width` × `height` points.
public struct FittedPage: Sendable {
  public var title: String
  public var svg: String
  public var width: Double, height: Double
  /// Points on the page per point of the drawing.
  public var scale: Double
}

extension FittedPage {
  /// The page's SVG without the title line `PageFit` draws on a part ("… · part k of n"), for a deck whose slides
  /// carry the title as text of their own.
  public var svgWithoutTitle: String {
    var lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
    if let k = lines.prefix(4).firstIndex(where: { $0.hasPrefix("<text ") }) { lines.remove(at: k) }
    return lines.joined(separator: "\n")
  }
}

/// Why a map cannot be fitted.
public struct FitError: Error, Sendable, CustomStringConvertible {
  public var description: String
}

/// `--fit slide|a4|screen`: a drawing (an SVG as Graphviz or the charts write it) placed on pages of the target
/// size so that its smallest text is at least `minimumType` points on the page.
///
/// The whole drawing goes on one page when, scaled to the page (at most `maxScale` ×), its smallest text reaches
/// `minimumType`. Otherwise it is drawn at the scale that brings the smallest text to `minimumType` and cut into
/// parts of one page each: rows first, then the columns of each row, every cut placed within the second half of
/// the page's length where it crosses fewest boxes (Graphviz's nodes) — a gap between them when there is one; boxes
/// larger than half a page (the org map's department frames) do not count. Parts with no box are left out; each
/// page holds only the elements that meet its part, and carries its title and "part k of n". An org map is first
/// wrapped to the page's width at that scale (`map`), so its parts are rows.
/// - Complexity: O(b log b + p·b) for b boxes and p pages, after one linear scan of the SVG.
public enum PageFit {
  public static let minimumType = 9.0
  public static let maxScale = 2.0
  /// Past this many pages a map is refused (fold teams with `--collapse-below`, draw one department or account).
  public static let maxPages = 200

  /// The pages of `svg` on `target`.
  /// - Throws: `FitError` when the SVG has no size, or the map needs more than `maxPages` pages.
  public static func pages(svg: String, title: String, target: FitTarget) throws -> [FittedPage] {
    try pages(try SVGDrawing(svg), title: title, target: target)
  }

  static func pages(_ d: SVGDrawing, title: String, target: FitTarget) throws -> [FittedPage] {
    let m = target.margin
    // One page: the page size (of the target's) that holds the drawing at the largest scale.
    var best: (size: (w: Double, h: Double), scale: Double)?
    for size in target.pageSizes {
      let s = min((size.w - 2 * m) / d.width, (size.h - 2 * m) / d.height, maxScale)
      if best == nil || s > best!.scale { best = (size, s) }
    }
    if let best, best.scale * (d.minimumFontSize ?? .infinity) >= minimumType - 1e-9 {
      return [page(d, title: title, part: nil, tile: (0, d.width, 0, d.height), size: best.size, scale: best.scale, margin: m)]
    }
    // Parts: at the scale that brings the smallest text to the minimum, on the page size that needs fewest.
    let s = minimumType / d.minimumFontSize! * (1 + 1e-4)   // a hair over, so that the file's rounding keeps 9 pt
    let header = 18.0
    var plan: (size: (w: Double, h: Double), tiles: [(Double, Double, Double, Double)])?
    for size in target.pageSizes {
      let tiles = d.tiles(width: (size.w - 2 * m) / s, height: (size.h - 2 * m - header) / s)
      if plan == nil || tiles.count < plan!.tiles.count { plan = (size, tiles) }
    }
    let (size, tiles) = plan!
    guard tiles.count <= maxPages else { throw tooMany(tiles.count, target) }
    return tiles.enumerated().map { k, tile in
      page(d, title: title, part: tiles.count == 1 ? nil : (k + 1, tiles.count), tile: tile, size: size, scale: s, margin: m, header: header)
    }
  }

  static func tooMany(_ count: Int, _ target: FitTarget) -> FitError {
    FitError(description: "the map needs \(Cell.grouped(count)) \(target.rawValue) pages to keep its text at \(Int(minimumType)) pt "
             + "(the cap is \(maxPages)): fold teams with --collapse-below LEVEL, or draw one account (--account) or one person's neighbourhood (--focus)")
  }

  /// The part `tile` (x0, x1, y0, y1 in the drawing's points) of `d`, scaled by `scale`, centred in the page's area.
  static func page(_ d: SVGDrawing, title: String, part: (Int, Int)?, tile: (Double, Double, Double, Double),
                   size: (w: Double, h: Double), scale s: Double, margin m: Double, header: Double = 0) -> FittedPage {
    let (x0, x1, y0, y1) = tile
    let (w, h) = ((x1 - x0) * s, (y1 - y0) * s)
    let (areaW, areaH) = (size.w - 2 * m, size.h - 2 * m - header)
    // One page: centred; parts: from the top left, so that they line up.
    let (px, py) = part == nil ? (m + max(0, (areaW - w) / 2), m + header + max(0, (areaH - h) / 2)) : (m, m + header)
    func n(_ x: Double) -> String { Cell.fixed(x, digits: 4) }
    let u = d.viewBox.w / d.width   // drawing units per point
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"\(n(size.w))pt\" height=\"\(n(size.h))pt\" viewBox=\"0 0 \(n(size.w)) \(n(size.h))\">\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
    var pageTitle = title
    if let (k, count) = part {
      pageTitle = "\(title) · part \(k) of \(count)"
      out += "<text x=\"\(n(m))\" y=\"\(n(m + 11))\" font-family=\"\(StakeholderMap.cssFontFamily)\" font-size=\"11\" fill=\"#424242\">\(Escape.markup(pageTitle))</text>\n"
    }
    out += "<svg x=\"\(n(px))\" y=\"\(n(py))\" width=\"\(n(w))\" height=\"\(n(h))\" viewBox=\"\(n(d.viewBox.x + x0 * u)) \(n(d.viewBox.y + y0 * u)) \(n((x1 - x0) * u)) \(n((y1 - y0) * u))\" overflow=\"hidden\">\n"
    out += d.body(for: tile)
    out += "</svg>\n</svg>\n"
    return FittedPage(title: pageTitle, svg: out, width: size.w, height: size.h, scale: s)
  }
}

/// What `PageFit` reads of an SVG: its size in points, its view box, its body, its smallest text, and the boxes of
/// Graphviz's elements (`<g class="node|edge|cluster">`), in points from the drawing's top left. It scans the
/// UTF-8 bytes once per kind of mark, with byte offsets throughout.
struct SVGDrawing {
  typealias Box = (x0: Double, x1: Double, y0: Double, y1: Double)
  private let bytes: [UInt8]
  var width = 0.0, height = 0.0
  var viewBox = (x: 0.0, y: 0.0, w: 0.0, h: 0.0)
  /// The body: the bytes between the root's opening and closing tags.
  private var content = 0..<0
  /// The smallest `font-size`, in points; nil without text.
  var minimumFontSize: Double?
  /// The boxes of the nodes, which cuts go between.
  var boxes: [Box] = []
  /// Graphviz's elements in order, each with its box (nil: no coordinates, kept on every page).
  private var elements: [(range: Range<Int>, box: Box?)] = []
  /// Before the first element (the background, the title) and from the graph's closing tag: on every page.
  private var prefix = 0..<0, suffix = 0..<0
  /// The nodes' `id`s (Tiemap's maps: "p" and the person's index) and boxes.
  var nodes: [(id: String, box: Box)] = []
  /// The graph's transform: a point of the graph is at s · (p + t) in the view box's units.
  private var transform = (sx: 1.0, sy: 1.0, tx: 0.0, ty: 0.0)

  init(_ svg: String) throws {
    bytes = Array(svg.utf8)
    guard let open = find("<svg", in: 0..<bytes.count), let close = find(">", in: open..<bytes.count),
          let end = findLast("</svg>", in: close..<bytes.count) else {
      throw FitError(description: "the drawing is not an SVG document")
    }
    let tag = open + 4..<close
    func length(_ name: String) -> Double? {
      guard let v = attribute(name, in: tag) else { return nil }
      return Double(v.hasSuffix("pt") || v.hasSuffix("px") ? String(v.dropLast(2)) : v)
    }
    guard let w = length("width"), let h = length("height"), w > 0, h > 0, w.isFinite, h.isFinite else {
      throw FitError(description: "the drawing has no size")
    }
    (width, height) = (w, h)
    let box = attribute("viewBox", in: tag).map { Self.numbers(in: Substring($0)) } ?? []
    viewBox = box.count == 4 && box[2] > 0 && box[3] > 0 ? (box[0], box[1], box[2], box[3]) : (0, 0, w, h)
    content = close + 1..<end
    let pt = width / viewBox.w
    // The graph's transform (Graphviz: scale(sx sy) rotate(0) translate(tx ty)), applied as scale ∘ translate.
    var (sx, sy, tx, ty) = (1.0, 1.0, 0.0, 0.0)
    if let g = find("class=\"graph\"", in: content), let gt = find(">", in: g..<content.upperBound),
       let t = attribute("transform", in: g..<gt) {
      if let r = t.range(of: "scale(") { let v = Self.numbers(in: t[r.upperBound...].prefix(while: { $0 != ")" })); if v.count >= 1 { (sx, sy) = (v[0], v.count > 1 ? v[1] : v[0]) } }
      if let r = t.range(of: "translate(") { let v = Self.numbers(in: t[r.upperBound...].prefix(while: { $0 != ")" })); if v.count == 2 { (tx, ty) = (v[0], v[1]) } }
    }
    transform = (sx, sy, tx, ty)
    func point(_ x: Double, _ y: Double) -> (Double, Double) {
      ((sx * (x + tx) - viewBox.x) * pt, (sy * (y + ty) - viewBox.y) * pt)
    }
    var smallest = Double.infinity
    var from = content.lowerBound
    while let r = find("font-size=\"", in: from..<content.upperBound) {
      from = r + 11
      if let v = Double(value(at: from)), v > 0 { smallest = min(smallest, v * sy * pt) }
    }
    minimumFontSize = smallest.isFinite ? smallest : nil
    // Elements: each from its `<g` to the next one's.
    var starts: [(Int, Bool)] = []
    for (k, mark) in ["class=\"node\"", "class=\"edge\"", "class=\"cluster\""].enumerated() {
      var from = content.lowerBound
      while let r = find(mark, in: from..<content.upperBound) {
        starts.append((findLast("<g ", in: max(content.lowerBound, r - 200)..<r) ?? r, k == 0))
        from = r + mark.utf8.count
      }
    }
    starts.sort { $0.0 < $1.0 }
    let last = findLast("</g>", in: content) ?? content.upperBound
    guard let first = starts.first, last > first.0 else { prefix = content; return }
    prefix = content.lowerBound..<first.0
    suffix = last..<content.upperBound
    for (i, (start, isNode)) in starts.enumerated() {
      let chunk = start..<(i + 1 < starts.count ? starts[i + 1].0 : last)
      var b = (x0: Double.infinity, x1: -Double.infinity, y0: Double.infinity, y1: -Double.infinity)
      func add(_ x: Double, _ y: Double) {
        let (px, py) = point(x, y)
        b = (min(b.x0, px), max(b.x1, px), min(b.y0, py), max(b.y1, py))
      }
      for name in [" points=\"", " d=\""] {
        var from = chunk.lowerBound
        while let r = find(name, in: from..<chunk.upperBound) {
          from = r + name.utf8.count
          let v = Self.numbers(in: Substring(value(at: from)))
          for k in stride(from: 0, to: v.count - 1, by: 2) { add(v[k], v[k + 1]) }
        }
      }
      for name in ["<ellipse", "<text"] {
        var from = chunk.lowerBound
        while let r = find(name, in: from..<chunk.upperBound) {
          let e = r + name.utf8.count..<(find(">", in: r..<chunk.upperBound) ?? chunk.upperBound)
          from = e.upperBound
          if name == "<ellipse" {
            guard let cx = attribute("cx", in: e).flatMap(Double.init), let cy = attribute("cy", in: e).flatMap(Double.init) else { continue }
            let rx = attribute("rx", in: e).flatMap(Double.init) ?? 0, ry = attribute("ry", in: e).flatMap(Double.init) ?? 0
            add(cx - rx, cy - ry); add(cx + rx, cy + ry)
          } else {
            guard let x = attribute("x", in: e).flatMap(Double.init), let y = attribute("y", in: e).flatMap(Double.init) else { continue }
            let size = attribute("font-size", in: e).flatMap(Double.init) ?? 10
            // Its width is not known here: 0.6 em a character (bytes), centred or from x as anchored.
            let characters = (find("<", in: e.upperBound..<chunk.upperBound) ?? chunk.upperBound) - e.upperBound - 1
            let half = 0.3 * size * Double(max(0, characters))
            let anchor = attribute("text-anchor", in: e)
            add(anchor == "middle" ? x - half : anchor == "end" ? x - 2 * half : x, y - size)
            add(anchor == "middle" ? x + half : anchor == "end" ? x : x + 2 * half, y + 0.3 * size)
          }
        }
      }
      guard b.x0 <= b.x1 else { elements.append((chunk, nil)); continue }
      elements.append((chunk, b))
      if isNode {
        boxes.append(b)
        if let id = attribute("id", in: chunk.lowerBound..<(find(">", in: chunk) ?? chunk.upperBound)) { nodes.append((id, b)) }
      }
    }
  }

  /// The drawing's body for the part `tile` (x0, x1, y0, y1 in points): what is on every page and the elements
  /// whose box meets the part (all of them when the part is the whole drawing).
  func body(for tile: (Double, Double, Double, Double)) -> String {
    let (x0, x1, y0, y1) = tile
    if elements.isEmpty || (x0 <= 0 && y0 <= 0 && x1 >= width && y1 >= height) { return String(decoding: bytes[content], as: UTF8.self) }
    var out = Array(bytes[prefix])
    for (range, box) in elements where box.map({ $0.x1 >= x0 && $0.x0 <= x1 && $0.y1 >= y0 && $0.y0 <= y1 }) ?? true {
      out += bytes[range]
    }
    out += bytes[suffix]
    return String(decoding: out, as: UTF8.self)
  }

  /// A point in the drawing's points (from its top left) in the graph's own coordinates, where what is inserted
  /// with `inserting` is drawn.
  func graphPoint(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
    let u = viewBox.w / width
    return ((x * u + viewBox.x) / transform.sx - transform.tx, (y * u + viewBox.y) / transform.sy - transform.ty)
  }

  /// The SVG with `markup` drawn under every element (after the graph's background and title).
  func inserting(_ markup: String) -> String {
    String(decoding: bytes[..<prefix.upperBound], as: UTF8.self) + markup + String(decoding: bytes[prefix.upperBound...], as: UTF8.self)
  }

  /// The first offset of `needle` within `range`.
  private func find(_ needle: String, in range: Range<Int>) -> Int? {
    let n = Array(needle.utf8)
    guard range.count >= n.count else { return nil }
    var i = range.lowerBound
    let stop = range.upperBound - n.count
    while i <= stop {
      if bytes[i] == n[0] {
        var k = 1
        while k < n.count && bytes[i + k] == n[k] { k += 1 }
        if k == n.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// The last offset of `needle` within `range`.
  private func findLast(_ needle: String, in range: Range<Int>) -> Int? {
    let n = Array(needle.utf8)
    guard range.count >= n.count else { return nil }
    var i = range.upperBound - n.count
    while i >= range.lowerBound {
      var k = 0
      while k < n.count && bytes[i + k] == n[k] { k += 1 }
      if k == n.count { return i }
      i -= 1
    }
    return nil
  }

  /// The text from `offset` to the next double quote.
  private func value(at offset: Int) -> String {
    var j = offset
    while j < bytes.count && bytes[j] != 0x22 { j += 1 }
    return String(decoding: bytes[offset..<j], as: UTF8.self)
  }

  /// The value of attribute `name` (preceded by white space) within `range` (a tag's text).
  private func attribute(_ name: String, in range: Range<Int>) -> String? {
    var from = range.lowerBound
    while let r = find(name + "=\"", in: from..<range.upperBound) {
      if r > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[r - 1]) { return value(at: r + name.utf8.count + 2) }
      from = r + 1
    }
    return nil
  }

  /// The parts of a drawing cut into pages holding `width` × `height` of it (points): see `PageFit`.
  func tiles(width w: Double, height h: Double) -> [(Double, Double, Double, Double)] {
    let rows = Self.cuts(length: height, page: h, blocked: boxes.filter { $0.y1 - $0.y0 <= h / 2 }.map { ($0.y0, $0.y1) })
    var tiles: [(Double, Double, Double, Double)] = []
    // A part is kept when it holds a box that counts (a person's, not a frame larger than half a page: a part
    // holding only a frame's edge would be a page with one line on it).
    let counted = boxes.contains { $0.x1 - $0.x0 <= w / 2 && $0.y1 - $0.y0 <= h / 2 }
    for (y0, y1) in zip(rows, rows.dropFirst()) {
      let inRow = boxes.filter { $0.y1 > y0 && $0.y0 < y1 }
      let columns = Self.cuts(length: width, page: w, blocked: inRow.filter { $0.x1 - $0.x0 <= w / 2 }.map { ($0.x0, $0.x1) })
      for (x0, x1) in zip(columns, columns.dropFirst()) {
        guard boxes.isEmpty || inRow.contains(where: {
          $0.x1 > x0 && $0.x0 < x1 && (!counted || ($0.x1 - $0.x0 <= w / 2 && $0.y1 - $0.y0 <= h / 2))
        }) else { continue }
        tiles.append((x0, x1, y0, y1))
      }
    }
    return tiles
  }

  /// Cut positions along a length, 0 and `length` included, no two more than `page` apart. Each cut is placed in
  /// the second half of its page where it crosses the fewest `blocked` intervals (padded by 2 pt), the latest such
  /// point: a gap between boxes when there is one, else through as few boxes as possible.
  /// - Complexity: O(b log b) to sort, then O(k log b) per cut for the k interval ends within its half page.
  static func cuts(length: Double, page: Double, blocked: [(Double, Double)]) -> [Double] {
    let starts = blocked.map { $0.0 - 2 }.sorted(), ends = blocked.map { $0.1 + 2 }.sorted()
    /// The number of values in `sorted` below `c` (or up to it, `orEqual`).
    func count(_ sorted: [Double], _ c: Double, orEqual: Bool = false) -> Int {
      var (lo, hi) = (0, sorted.count)
      while lo < hi {
        let mid = (lo + hi) / 2
        if sorted[mid] < c || (orEqual && sorted[mid] == c) { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    func crossing(_ c: Double) -> Int { count(starts, c) - count(ends, c, orEqual: true) }
    var cuts = [0.0]
    var a = 0.0
    while length - a > page + 1e-6 {
      let (lo, hi) = (a + page / 2, a + page)
      var best = (c: hi, n: crossing(hi))
      for sorted in [starts, ends] where best.n > 0 {
        var k = count(sorted, lo)
        while k < sorted.count && sorted[k] <= hi {
          let n = crossing(sorted[k])
          if n < best.n || (n == best.n && sorted[k] > best.c) { best = (sorted[k], n) }
          k += 1
        }
      }
      cuts.append(best.c)
      a = best.c
    }
    cuts.append(length)
    return cuts
  }

  /// The decimal numbers in `s`, in order (signs and exponents included; any other character separates them).
  static func numbers(in s: Substring) -> [Double] {
    let b = Array(s.utf8)
    func digit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
    func dot(_ k: Int) -> Bool { k < b.count && b[k] == 0x2E }
    func sign(_ k: Int) -> Bool { k < b.count && (b[k] == 0x2D || b[k] == 0x2B) }
    var out: [Double] = []
    var i = 0
    while i < b.count {
      guard digit(i) || (dot(i) && digit(i + 1)) || (sign(i) && (digit(i + 1) || (dot(i + 1) && digit(i + 2)))) else { i += 1; continue }
      var j = sign(i) ? i + 1 : i
      while digit(j) { j += 1 }
      if dot(j) { j += 1; while digit(j) { j += 1 } }
      if j < b.count, b[j] == 0x65 || b[j] == 0x45, digit(j + 1) || (sign(j + 1) && digit(j + 2)) {
        j += sign(j + 1) ? 2 : 1
        while digit(j) { j += 1 }
      }
      if let v = Double(String(decoding: b[i..<j], as: UTF8.self)) { out.append(v) }
      i = j
    }
    return out
  }
}

extension PageFit {
  /// The map of `options` on `target`'s pages. The whole map comes first; an org map that does not fit one page
  /// (and has more than one department) goes by department instead, as `--page-by department` does: an overview,
  /// then each department, each page cut into parts as it needs. `byDepartment` goes by department at once.
  public static func map(graph g: SocialGraph, measures m: MapMeasures, options o: MapOptions, target: FitTarget,
                         byDepartment: Bool) throws -> [FittedPage] {
    var o = o
    if !byDepartment {
      let title = o.title ?? o.account ?? Chart.accountName(g)
      let svg = try StakeholderMap.render(graph: g, measures: m, options: o, format: .svg)
      let drawing = try SVGDrawing(String(decoding: svg, as: UTF8.self))
      let byDepartments = o.layout == .org && o.focus == nil && DepartmentPages.departments(g, options: o).count > 1
      guard byDepartments else { return try pages(drawing, title: title, target: target) }
      if let whole = try? pages(drawing, title: title, target: target), whole.count == 1 { return whole }
      // Department pages wrapped to the page's width at the type size the fit needs, so that parts are rows.
      if let smallest = drawing.minimumFontSize {
        let widest = target.pageSizes.map(\.w).max()! - 2 * target.margin
        o.maxWidth = min(o.maxWidth, max(300, widest * smallest / minimumType - 60))
      }
    }
    let all = try DepartmentPages.pages(graph: g, measures: m, options: o).flatMap { page in
      let svg = try GraphvizRenderer.render(dot: page.document.text, engine: page.engine, format: .svg)
      return try pages(svg: String(decoding: svg, as: UTF8.self), title: page.title, target: target)
    }
    guard all.count <= maxPages else { throw tooMany(all.count, target) }
    return all
  }
}
