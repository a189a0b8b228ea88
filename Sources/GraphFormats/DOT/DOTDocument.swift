/// A Graphviz graph as data: nodes, edges and clusters with their attributes. `text` turns it into DOT, and is the
/// only place Tiemap writes DOT, so every user-supplied string is escaped once, there (STYLE.md §11).
///
/// Node and cluster names in the DOT text are generated (`n0`, `n1`, `cluster_0`), never taken from the input;
/// user text only ever appears as an attribute value.
public struct DOTDocument: Sendable {
  public var directed: Bool
  public var graphAttributes: [(String, DOTValue)]
  public var nodeDefaults: [(String, DOTValue)]
  public var edgeDefaults: [(String, DOTValue)]
  public var nodes: [Node]
  public var edges: [Edge]
  public var clusters: [Cluster]
  /// Groups of nodes drawn on one rank (`{rank=same; …}`).
  public var sameRank: [[Int]]

  public struct Node: Sendable {
    public var attributes: [(String, DOTValue)]
    /// The cluster this node is drawn in (index into `clusters`), if any.
    public var cluster: Int?
    public init(attributes: [(String, DOTValue)], cluster: Int? = nil) {
      self.attributes = attributes
      self.cluster = cluster
    }
  }

  public struct Edge: Sendable {
    public var from: Int
    public var to: Int
    public var attributes: [(String, DOTValue)]
    public init(from: Int, to: Int, attributes: [(String, DOTValue)] = []) {
      self.from = from
      self.to = to
      self.attributes = attributes
    }
  }

  public struct Cluster: Sendable {
    public var attributes: [(String, DOTValue)]
    /// The enclosing cluster, for nested clusters.
    public var parent: Int?
    public init(attributes: [(String, DOTValue)], parent: Int? = nil) {
      self.attributes = attributes
      self.parent = parent
    }
  }

  public init(directed: Bool) {
    self.directed = directed
    graphAttributes = []; nodeDefaults = []; edgeDefaults = []
    nodes = []; edges = []; clusters = []; sameRank = []
  }

  /// Adds a node and returns its index.
  @discardableResult
  public mutating func addNode(_ attributes: [(String, DOTValue)], cluster: Int? = nil) -> Int {
    nodes.append(Node(attributes: attributes, cluster: cluster))
    return nodes.count - 1
  }

  /// Adds a cluster and returns its index.
  @discardableResult
  public mutating func addCluster(_ attributes: [(String, DOTValue)], parent: Int? = nil) -> Int {
    clusters.append(Cluster(attributes: attributes, parent: parent))
    return clusters.count - 1
  }

  /// The DOT text. Deterministic: the same document gives the same bytes.
  public var text: String {
    var out = directed ? "digraph tiemap {\n" : "graph tiemap {\n"
    func list(_ attrs: [(String, DOTValue)]) -> String {
      attrs.map { "\($0.0)=\($0.1.dot)" }.joined(separator: ", ")
    }
    if !graphAttributes.isEmpty { out += "  graph [\(list(graphAttributes))];\n" }
    if !nodeDefaults.isEmpty { out += "  node [\(list(nodeDefaults))];\n" }
    if !edgeDefaults.isEmpty { out += "  edge [\(list(edgeDefaults))];\n" }
    // Clusters nest: write each top-level cluster with its members and sub-clusters.
    var membersOf = [[Int]](repeating: [], count: clusters.count)
    var childrenOf = [[Int]](repeating: [], count: clusters.count)
    for (i, n) in nodes.enumerated() { if let c = n.cluster { membersOf[c].append(i) } }
    for (i, c) in clusters.enumerated() { if let p = c.parent { childrenOf[p].append(i) } }
    func cluster(_ c: Int, indent: String) {
      out += "\(indent)subgraph cluster_\(c) {\n"
      for (k, v) in clusters[c].attributes { out += "\(indent)  \(k)=\(v.dot);\n" }
      for i in membersOf[c] { out += "\(indent)  n\(i) [\(list(nodes[i].attributes))];\n" }
      for child in childrenOf[c] { cluster(child, indent: indent + "  ") }
      out += "\(indent)}\n"
    }
    for c in clusters.indices where clusters[c].parent == nil { cluster(c, indent: "  ") }
    for (i, n) in nodes.enumerated() where n.cluster == nil { out += "  n\(i) [\(list(n.attributes))];\n" }
    for group in sameRank where !group.isEmpty {
      out += "  { rank=same; " + group.map { "n\($0);" }.joined(separator: " ") + " }\n"
    }
    let arrow = directed ? " -> " : " -- "
    for e in edges {
      out += "  n\(e.from)\(arrow)n\(e.to)"
      out += e.attributes.isEmpty ? ";\n" : " [\(list(e.attributes))];\n"
    }
    out += "}\n"
    return out
  }
}

/// An attribute value. User text goes in `.text` (a quoted DOT string) or an `HTMLLabel`; `.keyword` is for
/// Tiemap's own constants only (shapes, colours, numbers) and is checked to be a plain identifier.
public enum DOTValue: Sendable, Equatable {
  case text(String)
  /// User text drawn left-justified in its node (Graphviz's `\l` line end).
  case leftText(String)
  case number(Double)
  case keyword(String)
  case html(HTMLLabel)

  var dot: String {
    switch self {
    case .text(let s): return DOTValue.quoted(s)
    case .leftText(let s): return String(DOTValue.quoted(s).dropLast()) + "\\l\""
    case .number(let d): return Cell.fixed(d, digits: 3)
    case .keyword(let k):
      precondition(k.utf8.allSatisfy { $0 == 0x2B || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D || $0 == 0x23 || $0 == 0x2C
                                        || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) },
                   "DOT keyword values are Tiemap's own constants")
      return DOTValue.quoted(k)
    case .html(let h): return "<\(h.markup)>"
    }
  }

  /// A DOT double-quoted string of user text: `"` escaped, and each `\` written as four (agmemread's lexer
  /// turns `\\` into `\`, then Graphviz expands `\N`, `\G`, `\n`, `\l` and turns `\\` into `\`; measured with 2.42),
  /// `&` written `&amp;` (Graphviz decodes HTML entities in plain strings too, so `&#x1F600;` or `AT&amp;T` in a
  /// name would otherwise be drawn as something else, or as invalid UTF-8), line breaks turned into Graphviz's
  /// centred line break, other control characters dropped.
  public static func quoted(_ s: String) -> String {
    "\"" + escapingUserText(s) { ch in
      switch ch {
      case "\"": return "\\\""
      case "\\": return "\\\\\\\\"   // the DOT lexer halves it, then Graphviz's \N \G expansion halves it again
      case "\n": return "\\n"
      case "&": return "&amp;"   // Graphviz decodes entities in strings: "AT&amp;T" would be drawn "AT&T"
      default: return nil
      }
    } + "\""
  }
}

/// A Graphviz HTML-like label built from escaped pieces: user text enters only through `text(_:)`, which escapes
/// `& < > "`, doubles `\` (which Graphviz would otherwise expand) and turns line breaks into `<br/>`.
public struct HTMLLabel: Sendable, Equatable {
  public private(set) var markup: String = ""
  public init() {}

  /// Appends user text, escaped.
  public mutating func text(_ s: String) {
    markup += escapingUserText(s) { ch in
      switch ch {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "\\": return "\\\\"   // Graphviz expands \N, \G, \l in HTML-label text too
      case "\n": return "<br/>"
      default: return nil
      }
    }
  }

  /// Appends Tiemap's own markup (tags such as `<b>`, `<br/>`, `<font …>`); never user text.
  public mutating func tag(_ t: StaticString) { markup += t.description }

  /// Appends a `<font>` start tag with Tiemap's own colour and size.
  public mutating func font(color: String? = nil, pointSize: Double? = nil) {
    var t = "<font"
    if let color {
      precondition(color.utf8.allSatisfy { $0 == 0x23 || (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) })
      t += " color=\"\(color)\""
    }
    if let pointSize { t += " point-size=\"\(Cell.fixed(pointSize, digits: 1))\"" }
    markup += t + ">"
  }
}

/// User text for Graphviz with `replacement` applied per scalar; carriage returns and tabs become spaces and
/// other control characters are dropped (they would break the DOT text or the SVG).
func escapingUserText(_ s: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
  var out = ""
  for ch in s.unicodeScalars {
    if let r = replacement(ch) { out += r; continue }
    if ch == "\r" || ch == "\t" { out += " "; continue }
    if ch.value < 0x20 || ch.value == 0x7F { continue }
    // Noncharacters are not allowed in XML (so not in Graphviz's SVG): shown as the replacement character.
    if ch.value == 0xFFFE || ch.value == 0xFFFF { out += "\u{FFFD}"; continue }
    out.unicodeScalars.append(ch)
  }
  return out
}
