import NetworkAnalysis
import SocialGraph

/// GraphML 1.0 (Brandes et al. 2013), as NetworkX's `write_graphml`, igraph, Gephi, yEd, Cytoscape and `tiemap
/// convert` write it: `<key>`s with `attr.name`, `attr.type` and a `<default>`, one `<graph>` with
/// `edgedefault`, `<node id>` and `<edge source target [directed]>` with `<data key>` values, in any order
/// (an edge may come before its nodes). Parallel edges are separate ties.
///
/// Node keys named like a contact field (`name`, `title`, `account`, `department`, `reports_to`, `role`,
/// `proximity`, `influence`, `interest`, `owner`, `internal`) are read and checked as the contacts file's columns;
/// `label` (Gephi's and yEd's name for it) is the name when there is no `name` key, and so is the text of yEd's
/// `<y:NodeLabel>` when neither is there. Other keys are the person's attributes. Edge keys `weight`, `kind`,
/// `since`, `last_contact`, `interactions`, `directed` and `undirected` are the ties file's; others are tie
/// attributes. Graph-level data is skipped. Graphics are dropped, with one warning naming their keys: yEd's
/// (`yfiles.type` keys), yFiles for HTML's (`y:attr.uri` keys: `NodeLabels`, `NodeGeometry`, `NodeStyle`…) and any
/// `<data>` that holds only elements; a node's label in them (`<y:NodeLabel>`, `<y:Label.Text>`, `<y:Label Text>`)
/// is its name when it has none. Key ids are unique per domain (`for`), as GraphML allows: igraph writes a graph
/// key and a node key with one id.
///
/// Refused, with the line: a DTD or entity (see `XMLStream`), a nested graph (a node holding a `<graph>`), a
/// hyperedge, an edge end that is not a node, a duplicate node id, a `<data>` of a key not declared for it.
/// A second top-level graph is not read (a warning says so).
/// - Reference: U. Brandes, M. Eiglsperger, J. Lerner, C. Pich (2013), "Graph Markup Language (GraphML)", in
///   R. Tamassia (ed.), *Handbook of Graph Drawing and Visualization*, CRC Press, 517–541.
/// - Complexity: O(size of the file).
enum GraphMLReader {
  struct Key {
    var name: String
    var domain: String   // node, edge, graph, all
    var defaultValue: String?
    var graphics: Bool
  }

  struct Record {
    var id: String   // nodes: the id; edges: "source\u{0}target"
    var target = ""
    var line: Int
    var values: [(key: Int, value: String)] = []
    var directed: String?
    var label: String?
  }

  static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    var keys: [Key] = []
    var keyIndex: [String: Int] = [:]   // by "domain id"
    var dropped = Set<Int>()
    var nodes: [Record] = [], edges: [Record] = []
    var edgeDefault: String?
    var warnings: [InputWarning] = []
    var sawRoot = false
    try XMLStream.read(bytes, file: file) { xml in
      var graphs = 0
      var graphDepth = -1
      while let event = try xml.next() {
        guard case .start(let e) = event else { continue }
        if !sawRoot {
          guard e.name == "graphml" else {
            throw xml.error(e.line, "the document is <\(e.name)>, not GraphML (<graphml>)")
          }
          sawRoot = true
          continue
        }
        switch e.name {
        case "key" where graphDepth < 0:
          guard let id = e["id"] else { throw xml.error(e.line, "<key> has no id") }
          let graphics = e["yfiles.type"] != nil || e["attr.uri"] != nil
          var key = Key(name: e["attr.name"] ?? id, domain: e["for"] ?? "all", defaultValue: nil, graphics: graphics)
          if !e.isEmpty {
            while let inner = try xml.next() {
              if case .start(let d) = inner {
                if d.name == "default" { key.defaultValue = try xml.text(of: d) } else { try xml.skip(d) }
              } else if case .end = inner {
                break
              }
            }
          }
          let scoped = key.domain + " " + id
          guard keyIndex[scoped] == nil else {
            throw xml.error(e.line, "<key id=\(quoted(id))> is declared twice for \(key.domain == "all" ? "all domains" : key.domain)")
          }
          keyIndex[scoped] = keys.count
          keys.append(key)
        case "graph":
          if graphDepth >= 0 {
            throw xml.error(e.line, "a nested graph (a node holding a <graph>) is not read: flatten it first (one graph of people and ties)")
          }
          graphs += 1
          if graphs > 1 {
            warnings.append(InputWarning(file: file, line: e.line, message: "a second <graph> is not read: Tiemap reads the first graph of a GraphML file"))
            try xml.skip(e)
            continue
          }
          graphDepth = e.depth
          edgeDefault = e["edgedefault"]
          if let d = edgeDefault, d != "directed" && d != "undirected" {
            throw xml.error(e.line, "edgedefault \(quoted(d)) must be directed or undirected")
          }
          if e.isEmpty { graphDepth = -1 }
        case "node" where graphDepth >= 0 && e.depth == graphDepth + 1:
          guard let id = e["id"], !id.isEmpty else { throw xml.error(e.line, "<node> has no id") }
          var r = Record(id: id, line: e.line)
          try readData(&xml, e, into: &r, keys: keys, keyIndex: keyIndex, domain: "node", dropped: &dropped)
          nodes.append(r)
        case "edge" where graphDepth >= 0 && e.depth == graphDepth + 1:
          guard let s = e["source"], let t = e["target"] else { throw xml.error(e.line, "<edge> needs a source and a target") }
          var r = Record(id: s, target: t, line: e.line)
          r.directed = e["directed"]
          try readData(&xml, e, into: &r, keys: keys, keyIndex: keyIndex, domain: "edge", dropped: &dropped)
          edges.append(r)
        case "hyperedge":
          throw xml.error(e.line, "hyperedges are not read: a tie joins two people")
        case "data", "desc", "default":
          try xml.skip(e)   // graph-level data and descriptions
        default:
          break
        }
      }
    }
    guard sawRoot else { throw InputError(file: file, line: 0, problem: "file is empty") }
    let graphicsKeys = keys.indices.filter { (keys[$0].graphics || dropped.contains($0)) && keys[$0].domain != "graph" && keys[$0].domain != "graphml" }
    if !graphicsKeys.isEmpty {
      warnings.insert(InputWarning(file: file, line: 0, message: "drawing data dropped (yEd/yFiles graphics, not people's or ties' fields): keys \(graphicsKeys.map { keys[$0].name }.joined(separator: ", "))"), at: 0)
    }
    for k in dropped { keys[k].graphics = true }

    // People, in document order.
    let nodeKeys = keys.indices.filter { keys[$0].domain == "node" || keys[$0].domain == "all" }
    let hasName = nodeKeys.contains { keys[$0].name == "name" }
    let nameKey = hasName ? "name" : nodeKeys.contains { keys[$0].name == "label" } ? "label" : "name"
    var index: [String: NodeIndex] = [:]
    index.reserveCapacity(nodes.count)
    for r in nodes {
      guard index[r.id] == nil else { throw InputError(file: file, line: r.line, problem: "node \(quoted(r.id)) is declared twice") }
      var fields = GraphRecords.Values()
      var attributes: [Attribute] = []
      for k in nodeKeys where !keys[k].graphics {
        guard let v = r.values.last(where: { $0.key == k })?.value ?? keys[k].defaultValue else { continue }
        let name = keys[k].name == nameKey ? "name" : keys[k].name
        if GraphRecords.personFields.contains(name) { fields.set(name, v) } else { attributes.append(Attribute(name: name, value: v)) }
      }
      if fields.value("name") == nil, let l = r.label { fields.set("name", l) }
      let p = try GraphRecords.person(id: r.id, field: fields.value, attributes: attributes) {
        InputError(file: file, line: r.line, problem: "node \(quoted(r.id)): \($0)")
      }
      try GraphRecords.add(p, line: r.line, file: file, into: &builder, index: &index)
    }
    try GraphRecords.checkManagers(builder) { InputError(file: file, line: nodes[$0].line, problem: "node \(quoted(nodes[$0].id)): \($1)") }

    // Ties, in document order; tie attributes: the edge keys that are not tie fields and have a value.
    let edgeKeys = keys.indices.filter { keys[$0].domain == "edge" || keys[$0].domain == "all" }.filter { !keys[$0].graphics }
    var used = Set<Int>()
    for r in edges { for (k, _) in r.values { used.insert(k) } }
    let extra = edgeKeys.filter { !GraphRecords.tieFields.contains(keys[$0].name) && (used.contains($0) || keys[$0].defaultValue != nil) }
    builder.declareTieAttributes(extra.map { keys[$0].name })
    let tieKeys = edgeKeys.filter { GraphRecords.tieFields.contains(keys[$0].name) }
    var adder = GraphRecords.TieAdder(graphDirected: edgeDefault == "directed")
    for r in edges {
      let (u, v) = try GraphRecords.ends(r.id, r.target, line: r.line, file: file, in: index)
      func value(_ k: Int) -> String? { r.values.last(where: { $0.key == k })?.value ?? keys[k].defaultValue }
      var fields = GraphRecords.Values()
      for k in tieKeys { if let x = value(k) { fields.set(keys[k].name, x) } }
      if let d = r.directed { fields.set("directed", d) }
      try adder.add(u, v, field: fields.value, attributes: extra.map { value($0) ?? "" }, into: &builder) {
        InputError(file: file, line: r.line, problem: "edge \(quoted(r.id)) → \(quoted(r.target)): \($0)")
      }
    }
    return warnings
  }

  /// The `<data>` children of a node or an edge (their text), and yEd's node label; the element is read to its end.
  static func readData(_ xml: inout XMLStream, _ e: XMLStream.Element, into r: inout Record, keys: [Key], keyIndex: [String: Int],
                       domain: String, dropped: inout Set<Int>) throws {
    if e.isEmpty { return }
    while let event = try xml.next() {
      switch event {
      case .end: return
      case .text: continue
      case .start(let d):
        switch d.name {
        case "data":
          guard let id = d["key"], let k = keyIndex[domain + " " + id] ?? keyIndex["all " + id] else {
            let other = d["key"].flatMap { id in keys.indices.first { keyIndex[keys[$0].domain + " " + id] == $0 } }
            if let other { throw xml.error(d.line, "<data key=\(quoted(d["key"]!))> is declared for \(keys[other].domain), not for \(domain)") }
            throw xml.error(d.line, "<data key=\(quoted(d["key"] ?? ""))> names no declared <key>")
          }
          let content = try dataContent(&xml, d)
          if let label = content.label, r.label == nil, domain == "node" { r.label = label }
          if keys[k].graphics { continue }
          if content.hasElements && content.text.allSatisfy(\.isWhitespace) {
            dropped.insert(k)   // drawing markup in a key of its own (NodeGraphics, yFiles for HTML's styles)
          } else {
            r.values.append((k, content.text))
          }
        case "graph":
          throw xml.error(d.line, "a nested graph (a node holding a <graph>) is not read: flatten it first (one graph of people and ties)")
        default:
          try xml.skip(d)   // ports, descriptions
        }
      }
    }
  }

  /// A `<data>` element read to its end: its own text, whether it holds elements, and the first label in them
  /// (yEd's `<y:NodeLabel>` text, yFiles for HTML's `<y:Label.Text>` text or `<y:Label Text="…">`), trimmed.
  static func dataContent(_ xml: inout XMLStream, _ d: XMLStream.Element) throws -> (text: String, hasElements: Bool, label: String?) {
    if d.isEmpty { return ("", false, nil) }
    var text = ""
    var hasElements = false
    var label: String?
    var depth = 0
    func trimmed(_ s: String) -> String? {
      let t = String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      return t.isEmpty ? nil : t
    }
    while let event = try xml.next() {
      switch event {
      case .start(let s):
        hasElements = true
        if label == nil && (s.name == "NodeLabel" || s.name == "Label.Text") {
          label = trimmed(try xml.text(of: s))
        } else {
          if label == nil && s.name == "Label", let t = s["Text"] { label = trimmed(t) }
          if !s.isEmpty { depth += 1 }
        }
      case .end:
        if depth == 0 { return (text, hasElements, label) }
        depth -= 1
      case .text(let t):
        if depth == 0 { text += t }
      }
    }
    return (text, hasElements, label)
  }
}
