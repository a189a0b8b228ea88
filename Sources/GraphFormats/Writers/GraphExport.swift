import SocialGraph

/// A graph for the tools analysts move it to (Gephi, NetworkX, igraph, Cytoscape, yEd): every person with their
/// fields and any measures as typed node attributes, every tie (as given, one per input row: parallel ties of
/// different kinds stay apart) with its weight, kind, dates, interactions and extra columns as edge attributes.
///
/// Direction: a graph whose ties are all directed, or all undirected, is written as such. A mixed graph (the usual
/// CRM account: `reports_to` and advice directed, relationships undirected) is written directed, because NetworkX
/// and igraph read one direction per graph: each undirected tie becomes its two arcs, marked `undirected=true`, which
/// Tiemap's readers fold back into one tie. Columns with no value for anyone are left out; ids are the contact ids.
/// - Complexity: O(n · columns + m) per format.
public struct GraphExport: Sendable {
  public enum ValueType: String, Sendable { case string, int, double, boolean }
  public struct Column: Sendable {
    public var name: String
    public var type: ValueType
    /// One per person (nodes) or per written edge (edges); nil when absent.
    public var values: [String?]
  }
  public struct Edge: Sendable {
    public var source: Int, target: Int
    public var directed: Bool
    public var tie: Int
  }

  /// Where a person is drawn, in Gephi's terms (GEXF's `viz:position`, `viz:size`, `viz:color`).
  public struct Drawn: Sendable, Equatable {
    public var x: Double, y: Double, size: Double
    public var red: UInt8, green: UInt8, blue: UInt8
    public init(x: Double, y: Double, size: Double, red: UInt8, green: UInt8, blue: UInt8) {
      self.x = x; self.y = y; self.size = size; self.red = red; self.green = green; self.blue = blue
    }
  }

  public let ids: [String]
  public let directed: Bool
  /// One per person (nil: not drawn), written into GEXF so the graph opens in Gephi as Tiemap drew it; empty: none.
  public var drawing: [Drawn?] = []
  /// True when two edges join the same pair (NetworkX: a multigraph).
  public let multigraph: Bool
  public var nodeColumns: [Column] = []
  public var edgeColumns: [Column] = []
  public let edges: [Edge]

  /// The graph `g` with `measures` (name, one value per person) as double node attributes.
  public init(graph g: SocialGraph, measures: [(name: String, values: [Double])] = []) {
    ids = g.people.map(\.id)
    let anyDirected = g.ties.contains { $0.isDirected && !$0.isSelfLoop }
    let anyUndirected = g.ties.contains { !$0.isDirected || $0.isSelfLoop }
    directed = anyDirected
    var edges: [Edge] = []
    edges.reserveCapacity(g.ties.count)
    for (i, t) in g.ties.enumerated() {
      let (u, v) = (Int(t.source), Int(t.target))
      edges.append(Edge(source: u, target: v, directed: t.isDirected, tie: i))
      if anyDirected && !t.isDirected && u != v { edges.append(Edge(source: v, target: u, directed: false, tie: i)) }
    }
    self.edges = edges
    var seen = Set<Int64>()
    multigraph = edges.contains { !seen.insert(Self.pair($0, directed: anyDirected)).inserted }

    func add(_ name: String, _ type: ValueType, _ value: (Person) -> String?) {
      let values = g.people.map(value)
      if values.contains(where: { $0 != nil }) { nodeColumns.append(Column(name: name, type: type, values: values)) }
    }
    add("name", .string) { $0.name }
    add("title", .string) { $0.title }
    add("account", .string) { $0.account }
    add("department", .string) { $0.department }
    add("reports_to", .string) { $0.reportsTo }
    add("role", .string) { $0.role?.rawValue }
    add("proximity", .string) { $0.proximity?.label }
    add("influence", .int) { $0.influence.map(String.init) }
    add("interest", .int) { $0.interest.map(String.init) }
    add("owner", .string) { $0.owner }
    add("internal", .boolean) { $0.isInternal ? "true" : "false" }
    var extra: [String] = []
    for p in g.people { for a in p.attributes where !extra.contains(a.name) { extra.append(a.name) } }
    let taken = Set(nodeColumns.map(\.name))
    for name in extra where !taken.contains(name) {
      let values = g.people.map { $0.attribute(name) }
      nodeColumns.append(Column(name: name, type: Self.inferredType(values), values: values))
    }
    // Measures beside the fields; one named like a field (the structural `influence` score beside the declared
    // influence) is written `structural_influence`, as `tiemap score` names it, or with `_measure` after it.
    for (name, values) in measures {
      let names = Set(nodeColumns.map(\.name))
      let unique = !names.contains(name) ? name : name == "influence" && !names.contains("structural_influence") ? "structural_influence" : name + "_measure"
      nodeColumns.append(Column(name: unique, type: .double, values: values.map { $0.isFinite ? "\($0)" : nil }))
    }

    func edgeColumn(_ name: String, _ type: ValueType, _ value: (Tie, Int) -> String?) {
      let values = edges.map { value(g.ties[$0.tie], $0.tie) }
      if values.contains(where: { $0 != nil }) { edgeColumns.append(Column(name: name, type: type, values: values)) }
    }
    edgeColumn("weight", .double) { t, _ in "\(t.weight)" }
    edgeColumn("kind", .string) { t, _ in g.kinds[Int(t.kind)].name }
    edgeColumn("since", .string) { t, _ in t.since?.description }
    edgeColumn("last_contact", .string) { t, _ in t.lastContact?.description }
    edgeColumn("interactions", .int) { t, _ in t.interactions.map { "\($0)" } }
    for (c, name) in g.tieAttributeNames.enumerated() {
      let values = edges.map { e -> String? in let v = g.tieAttribute(e.tie, c); return v.isEmpty ? nil : v }
      if values.contains(where: { $0 != nil }) { edgeColumns.append(Column(name: name, type: Self.inferredType(values), values: values)) }
    }
    if anyDirected && anyUndirected {
      let values = edges.map { $0.directed ? nil : "true" as String? }
      edgeColumns.append(Column(name: "undirected", type: .boolean, values: values))
    }
  }

  /// The type of an extra column, so that Gephi can size or colour by it and NetworkX reads numbers: `int` when
  /// every value is an integer written canonically (`42`, not `042` or `+42`), `double` when every value is an
  /// integer or a finite decimal written canonically (`0.5`, `1e-07` as Swift writes it), `boolean` for only
  /// `true`/`false`, else `string`. Canonical only, so that every reader gives back the text that was written.
  static func inferredType(_ values: [String?]) -> ValueType {
    var (ints, doubles, booleans, any) = (true, true, true, false)
    for case let v? in values {
      any = true
      if booleans && v != "true" && v != "false" { booleans = false }
      let int = Int(v).map { String($0) == v } ?? false
      if ints && !int { ints = false }
      if doubles && !int { doubles = Double(v).map { $0.isFinite && String($0) == v } ?? false }
      if !ints && !doubles && !booleans { return .string }
    }
    guard any else { return .string }
    return ints ? .int : doubles ? .double : booleans ? .boolean : .string
  }

  /// The pair an edge joins, as one key: ordered in a directed graph, either way round in an undirected one.
  static func pair(_ e: Edge, directed: Bool) -> Int64 {
    let (a, b) = directed ? (e.source, e.target) : (min(e.source, e.target), max(e.source, e.target))
    return Int64(a) << 32 | Int64(b)
  }

  // MARK: GraphML

  /// GraphML 1.0 (Brandes et al.), keys typed, as NetworkX's `read_graphml` and igraph's `Read_GraphML` read it.
  /// - Reference: U. Brandes, M. Eiglsperger, J. Lerner, C. Pich (2013), "Graph Markup Language (GraphML)", in
  ///   R. Tamassia (ed.), *Handbook of Graph Drawing and Visualization*, CRC Press, 517–541.
  public func graphML() -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for (k, c) in nodeColumns.enumerated() {
      out += "  <key id=\"d\(k)\" for=\"node\" attr.name=\"\(Escape.xmlData(c.name))\" attr.type=\"\(c.type.rawValue)\"/>\n"
    }
    for (k, c) in edgeColumns.enumerated() {
      out += "  <key id=\"e\(k)\" for=\"edge\" attr.name=\"\(Escape.xmlData(c.name))\" attr.type=\"\(c.type.rawValue)\"/>\n"
    }
    out += "  <graph id=\"G\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
    for (v, id) in ids.enumerated() {
      out += "    <node id=\"\(Escape.xmlData(id))\">"
      for (k, c) in nodeColumns.enumerated() { if let x = c.values[v] { out += "<data key=\"d\(k)\">\(Escape.xmlData(x))</data>" } }
      out += "</node>\n"
    }
    for (i, e) in edges.enumerated() {
      out += "    <edge source=\"\(Escape.xmlData(ids[e.source]))\" target=\"\(Escape.xmlData(ids[e.target]))\">"
      for (k, c) in edgeColumns.enumerated() { if let x = c.values[i] { out += "<data key=\"e\(k)\">\(Escape.xmlData(x))</data>" } }
      out += "</edge>\n"
    }
    return out + "  </graph>\n</graphml>\n"
  }

  // MARK: GEXF

  /// GEXF 1.3 (Gephi): the name as the node's label, typed attributes, weights on edges, and with `drawing` each
  /// drawn person's position, size and colour (`viz:`), so that Gephi shows the map as Tiemap drew it.
  /// - Reference: GEXF Working Group (2022), *GEXF 1.3 Primer*, gexf.net.
  public func gexf() -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
    out += "  <meta><creator>Tiemap</creator></meta>\n"
    out += "  <graph defaultedgetype=\"\(directed ? "directed" : "undirected")\" mode=\"static\">\n"
    func type(_ t: ValueType) -> String { t == .int ? "integer" : t.rawValue }
    let labelled = nodeColumns.first { $0.name == "name" }
    let nodeAttributes = nodeColumns.filter { $0.name != "name" }
    out += "    <attributes class=\"node\">\n"
    for (k, c) in nodeAttributes.enumerated() { out += "      <attribute id=\"\(k)\" title=\"\(Escape.xmlData(c.name))\" type=\"\(type(c.type))\"/>\n" }
    out += "    </attributes>\n"
    let edgeAttributes = edgeColumns.filter { $0.name != "weight" }
    let weights = edgeColumns.first { $0.name == "weight" }
    out += "    <attributes class=\"edge\">\n"
    for (k, c) in edgeAttributes.enumerated() { out += "      <attribute id=\"\(k)\" title=\"\(Escape.xmlData(c.name))\" type=\"\(type(c.type))\"/>\n" }
    out += "    </attributes>\n    <nodes>\n"
    for (v, id) in ids.enumerated() {
      out += "      <node id=\"\(Escape.xmlData(id))\" label=\"\(Escape.xmlData(labelled?.values[v] ?? id))\">"
      var values = ""
      for (k, c) in nodeAttributes.enumerated() { if let x = c.values[v] { values += "<attvalue for=\"\(k)\" value=\"\(Escape.xmlData(x))\"/>" } }
      if !values.isEmpty { out += "<attvalues>\(values)</attvalues>" }
      if v < drawing.count, let d = drawing[v] {
        out += "<viz:color r=\"\(d.red)\" g=\"\(d.green)\" b=\"\(d.blue)\"/>"
        out += "<viz:position x=\"\(Cell.fixed(d.x, digits: 2))\" y=\"\(Cell.fixed(d.y, digits: 2))\" z=\"0.0\"/>"
        out += "<viz:size value=\"\(Cell.fixed(d.size, digits: 2))\"/>"
      }
      out += "</node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (i, e) in edges.enumerated() {
      out += "      <edge id=\"\(i)\" source=\"\(Escape.xmlData(ids[e.source]))\" target=\"\(Escape.xmlData(ids[e.target]))\""
      if let w = weights?.values[i] { out += " weight=\"\(w)\"" }
      var values = ""
      for (k, c) in edgeAttributes.enumerated() { if let x = c.values[i] { values += "<attvalue for=\"\(k)\" value=\"\(Escape.xmlData(x))\"/>" } }
      out += values.isEmpty ? "/>\n" : "><attvalues>\(values)</attvalues></edge>\n"
    }
    return out + "    </edges>\n  </graph>\n</gexf>\n"
  }

  // MARK: Node-link JSON

  /// Node-link JSON as NetworkX's `node_link_data` writes it (3.4 and later: `edges`) and d3 reads it (nodes with
  /// `id`, edges with `source` and `target` ids): `directed`, `multigraph`, `graph`, `nodes`, `edges`.
  public func nodeLink() -> String {
    func value(_ c: Column, _ x: String) -> JSONValue {
      switch c.type {
      case .string: return .string(x)
      case .int: return Int(x).map(JSONValue.int) ?? .string(x)
      case .double: return Double(x).map(JSONValue.number) ?? .string(x)
      case .boolean: return .bool(x == "true")
      }
    }
    let nodes: [JSONValue] = ids.indices.map { v in
      var fields: [(String, JSONValue)] = []
      for c in nodeColumns { if let x = c.values[v] { fields.append((c.name, value(c, x))) } }
      fields.append(("id", .string(ids[v])))
      return .object(fields)
    }
    var keys: [Int64: Int] = [:]
    let links: [JSONValue] = edges.indices.map { i in
      let e = edges[i]
      var fields: [(String, JSONValue)] = []
      for c in edgeColumns { if let x = c.values[i] { fields.append((c.name, value(c, x))) } }
      fields.append(("source", .string(ids[e.source])))
      fields.append(("target", .string(ids[e.target])))
      if multigraph {
        let pair = Self.pair(e, directed: directed)
        fields.append(("key", .int(keys[pair, default: 0])))
        keys[pair, default: 0] += 1
      }
      return .object(fields)
    }
    return JSONValue.object([("directed", .bool(directed)), ("multigraph", .bool(multigraph)), ("graph", .object([])),
                             ("nodes", .array(nodes)), ("edges", .array(links))]).rendered()
  }

  // MARK: DOT and CSV

  /// DOT with the contact ids as node names and every attribute on its node and edge (Graphviz, Gephi, NetworkX's
  /// pydot reader).
  public func dot() -> String {
    func q(_ text: String, _ attribute: String) -> String { "\"" + Escape.dotString(text, attribute: attribute) + "\"" }
    func list(_ columns: [Column], _ i: Int) -> String {
      let a = columns.compactMap { c in c.values[i].map { "\(q(c.name, c.name))=\(q($0, c.name))" } }
      return a.isEmpty ? "" : " [" + a.joined(separator: ", ") + "]"
    }
    var out = (directed ? "digraph" : "graph") + " tiemap {\n"
    let arrow = directed ? " -> " : " -- "
    for (v, id) in ids.enumerated() { out += "  \(q(id, "id"))\(list(nodeColumns, v));\n" }
    for (i, e) in edges.enumerated() { out += "  \(q(ids[e.source], "id"))\(arrow)\(q(ids[e.target], "id"))\(list(edgeColumns, i));\n" }
    return out + "}\n"
  }

  // MARK: GML

  /// GML (Himsolt 1997) as NetworkX's `read_gml` reads it: each node's `label` its id (NetworkX's node key), the
  /// fields and measures as keys (numbers bare, text quoted with `&`, `"` and non-ASCII characters written as
  /// character references), `multigraph 1` when two edges join one pair. Keys are made GML keys: letters, digits
  /// and `_`, starting with a letter (`last contact` → `last_contact`, `2nd` → `k2nd`).
  /// - Reference: M. Himsolt (1997), *GML: A portable Graph File Format*, Universität Passau.
  public func gml() -> String {
    func key(_ name: String) -> String {
      var k = String(name.unicodeScalars.map { s -> Character in
        (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))) ? Character(s) : "_" })
      if k.first.map({ !$0.isLetter }) ?? true { k = "k" + k }
      return k
    }
    func string(_ v: String) -> String {
      var out = "\""
      for s in v.unicodeScalars {
        switch s {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        default: if s.isASCII && s.value >= 0x20 { out.unicodeScalars.append(s) } else { out += "&#\(s.value);" }
        }
      }
      return out + "\""
    }
    func value(_ c: Column, _ x: String) -> String {
      switch c.type {
      case .int, .double: return Double(x).map { $0.isFinite } == true ? x : string(x)
      case .boolean: return x == "true" ? "1" : "0"
      case .string: return string(x)
      }
    }
    let nodeKeys = nodeColumns.map { key($0.name) == "label" || key($0.name) == "id" ? "tiemap_" + key($0.name) : key($0.name) }
    let edgeKeys = edgeColumns.map { ["source", "target", "id", "key"].contains(key($0.name)) ? "tiemap_" + key($0.name) : key($0.name) }
    var out = "graph [\n"
    if directed { out += "  directed 1\n" }
    if multigraph { out += "  multigraph 1\n" }
    for (v, id) in ids.enumerated() {
      out += "  node [\n    id \(v)\n    label \(string(id))\n"
      for (c, column) in nodeColumns.enumerated() { if let x = column.values[v] { out += "    \(nodeKeys[c]) \(value(column, x))\n" } }
      out += "  ]\n"
    }
    for (i, e) in edges.enumerated() {
      out += "  edge [\n    source \(e.source)\n    target \(e.target)\n"
      for (c, column) in edgeColumns.enumerated() { if let x = column.values[i] { out += "    \(edgeKeys[c]) \(value(column, x))\n" } }
      out += "  ]\n"
    }
    return out + "]\n"
  }

  // MARK: Pajek

  /// A Pajek network (`.net`) as Pajek and NetworkX's `read_pajek` read it: `*Vertices n` with each person's id as
  /// the label (then `0.0 0.0 ellipse` — Pajek's coordinates and shape, which must come before any pair — and the
  /// fields as `key "value"` pairs), then one `*Edges` or `*Arcs` section per tie kind and direction
  /// (`*Arcs :2 "advice"`), each line `u v weight`. Pajek cannot quote a quote: one in a label or value is written
  /// as an apostrophe; line breaks as spaces.
  /// - Reference: W. de Nooy, A. Mrvar, V. Batagelj (2018), *Exploratory Social Network Analysis with Pajek*, 3rd ed.
  public func pajek() -> String {
    func q(_ v: String) -> String {
      "\"" + String(v.map { $0 == "\"" ? "'" : ($0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t") ? " " : $0 }) + "\""
    }
    func word(_ v: String) -> String { String(v.map { $0 == " " || $0 == "\t" || $0 == "\"" || $0.isNewline ? "_" : $0 }) }
    var out = "*Vertices \(ids.count)\n"
    for (v, id) in ids.enumerated() {
      out += "\(v + 1) \(q(id)) 0.0 0.0 ellipse"
      for column in nodeColumns { if let x = column.values[v] { out += " \(word(column.name)) \(q(x))" } }
      out += "\n"
    }
    // Sections by kind and direction, in order of first appearance; an undirected tie of a mixed graph once, as an edge.
    let kindColumn = edgeColumns.first { $0.name == "kind" }
    let weightColumn = edgeColumns.first { $0.name == "weight" }
    var sections: [(kind: String, directed: Bool)] = []
    var lines: [[String]] = []
    var written = Set<Int>()
    for (i, e) in edges.enumerated() {
      if !e.directed && !written.insert(e.tie).inserted { continue }
      let kind = kindColumn?.values[i] ?? "edge"
      let section = (kind, e.directed)
      let k = sections.firstIndex { $0 == section } ?? { sections.append(section); lines.append([]); return sections.count - 1 }()
      lines[k].append("\(e.source + 1) \(e.target + 1) \(weightColumn?.values[i] ?? "1")")
    }
    for (k, section) in sections.enumerated() {
      out += (section.directed ? "*Arcs" : "*Edges") + (sections.count > 1 || section.kind != "edge" ? " :\(k + 1) \(q(section.kind))" : "") + "\n"
      out += lines[k].joined(separator: "\n") + "\n"
    }
    return out
  }

  /// The ties as a CSV edge list — `source,target`, then the edge columns — cells neutralised for spreadsheets.
  public func edgeListCSV() -> String {
    var out = (["source", "target"] + edgeColumns.map(\.name)).map(Escape.csvCell).joined(separator: ",") + "\n"
    for (i, e) in edges.enumerated() {
      out += ([ids[e.source], ids[e.target]] + edgeColumns.map { $0.values[i] ?? "" }).map(Escape.csvCell).joined(separator: ",") + "\n"
    }
    return out
  }
}
