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
      attrs.map { "\($0.0)=\($0.1.dot(for: $0.0))" }.joined(separator: ", ")
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
      for (k, v) in clusters[c].attributes { out += "\(indent)  \(k)=\(v.dot(for: k));\n" }
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

  /// The value as DOT, for the attribute `key` (Graphviz unescapes some attributes more than others).
  func dot(for key: String) -> String {
    switch self {
    case .text(let s): return DOTValue.quoted(s, attribute: key)
    case .leftText(let s): return String(DOTValue.quoted(s, attribute: key).dropLast()) + "\\l\""
    case .number(let d): return Cell.fixed(d, digits: 3)
    case .keyword(let k):
      precondition(k.utf8.allSatisfy { $0 == 0x2B || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D || $0 == 0x23 || $0 == 0x2C
                                        || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) },
                   "DOT keyword values are Tiemap's own constants")
      return DOTValue.quoted(k, attribute: key)
    case .html(let h): return "<\(h.markup)>"
    }
  }

  /// A DOT double-quoted string of user text for the attribute `attribute` (`Escape.dotString`).
  public static func quoted(_ s: String, attribute: String) -> String { "\"" + Escape.dotString(s, attribute: attribute) + "\"" }
}

/// A Graphviz HTML-like label built from escaped pieces: user text enters only through `text(_:)`, which escapes
/// `& < > "`, doubles `\` (which Graphviz would otherwise expand) and turns line breaks into `<br/>`.
public struct HTMLLabel: Sendable, Equatable {
  public private(set) var markup: String = ""
  public init() {}

  /// Appends user text, escaped (`Escape.dotLabel`).
  public mutating func text(_ s: String) { markup += Escape.dotLabel(s) }

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
