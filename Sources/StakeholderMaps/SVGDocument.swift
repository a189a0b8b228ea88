import GraphFormats

/// A small SVG writer for Tiemap's charts: every piece of user text enters through `text` or a `title`, and is
/// escaped there (`Escape.markup`); colours and numbers are Tiemap's own.
struct SVGDocument {
  let width: Double, height: Double
  private var body = ""
  private var usesHatch = false

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  private static func n(_ x: Double) -> String { Cell.fixed(x, digits: 1) }

  mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil,
                     strokeWidth: Double = 1, dash: Bool = false, rx: Double = 0, title: String? = nil) {
    body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" fill=\"\(fill)\""
    if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
    if dash { body += " stroke-dasharray=\"4 3\"" }
    if rx > 0 { body += " rx=\"\(Self.n(rx))\"" }
    if let title { body += "><title>\(Escape.markup(title))</title></rect>\n" } else { body += "/>\n" }
  }

  /// A rectangle hatched with dark diagonal lines over what is under it (the derived part of a bar).
  mutating func hatch(_ x: Double, _ y: Double, _ w: Double, _ h: Double, title: String? = nil) {
    usesHatch = true
    rect(x, y, w, h, fill: "url(#tiemap-hatch)", title: title)
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: Bool = false) {
    body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
    body += dash ? " stroke-dasharray=\"4 3\"/>\n" : "/>\n"
  }

  enum Anchor: String { case start, middle, end }

  mutating func text(_ s: String, _ x: Double, _ y: Double, size: Double = 12, bold: Bool = false,
                     anchor: Anchor = .start, fill: String = "#212121", title: String? = nil) {
    // The family on every text: a chart's body placed on a page (`PageFit`) leaves its root element behind.
    body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-family=\"\(StakeholderMap.cssFontFamily)\" font-size=\"\(Self.n(size))\""
    if bold { body += " font-weight=\"bold\"" }
    if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
    body += " fill=\"\(fill)\">"
    if let title { body += "<title>\(Escape.markup(title))</title>" }
    body += Escape.markup(s) + "</text>\n"
  }

  /// The document, standalone (XML declaration) or for inlining in HTML.
  func text(standalone: Bool = true, id: String? = nil) -> String {
    var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\""
    if let id { out += " id=\"\(id)\"" }
    out += " width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\""
    out += " font-family=\"\(StakeholderMap.cssFontFamily)\" role=\"img\">\n"
    if usesHatch {
      // One definition per chart; charts inlined in one page define it identically.
      out += "<defs><pattern id=\"tiemap-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      out += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#212121\" stroke-width=\"1.6\" stroke-opacity=\"0.55\"/></pattern></defs>\n"
    }
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n" + body + "</svg>\n"
    return out
  }
}
