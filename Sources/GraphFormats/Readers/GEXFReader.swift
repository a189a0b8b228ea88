import NetworkAnalysis
import SocialGraph

/// GEXF 1.1 to 1.3 (Gephi), as Gephi, NetworkX's `write_gexf` and `tiemap convert` write it: `<attributes
/// class="node|edge">` declaring `<attribute id title type>` (with a `<default>`), `<node id label>` and
/// `<edge id source target [type] [weight] [kind] [label]>` with `<attvalues><attvalue for value/>`, and
/// `defaultedgetype` directed, undirected or mutual (mutual: undirected).
///
/// Node attributes titled like a contact field (`title`, `account`, `role`, `proximity`…) are read and checked as the
/// contacts file's columns, the others are the person's attributes; the node's `label` is the name unless a `name`
/// attribute is there, or the label is only the id again (how `convert` writes a person without a name). Edge
/// `weight` and `kind` (attribute or attvalue), `since`, `last_contact`, `interactions` are the ties file's; other
/// attvalues and the edge `label` are tie attributes. Gephi's drawing (`viz:color`, `viz:position`, `viz:size`,
/// `viz:shape`) is not part of the graph and is skipped; so are the time intervals of a dynamic graph (spells,
/// `start`/`end`), which a warning names.
///
/// Refused, with the line: a DTD or entity (see `XMLStream`), nested nodes (a hierarchy: flatten it first), an edge
/// end that is not a node, a duplicate node id, an attvalue for an undeclared attribute.
/// - Reference: GEXF Working Group (2022), *GEXF 1.3 Primer*, gexf.net.
/// - Complexity: O(size of the file).
enum GEXFReader {
  struct Declared {
    var title: String
    var defaultValue: String?
  }

  struct Record {
    var id: String
    var target = ""
    var line: Int
    var label: String?
    var values: [(key: Int, value: String)] = []
    var weight: String?, kind: String?, type: String?
  }

  static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    var declared: [String: [Declared]] = ["node": [], "edge": []]
    var ids: [String: [String: Int]] = ["node": [:], "edge": [:]]
    var nodes: [Record] = [], edges: [Record] = []
    var defaultType = "undirected"
    var warnings: [InputWarning] = []
    var sawRoot = false
    var dynamicLine: Int?
    try XMLStream.read(bytes, file: file) { xml in
      var graphs = 0
      var inGraph = false
      var section = ""   // attributes class, nodes, edges
      while let event = try xml.next() {
        switch event {
        case .text: continue
        case .end(let name, _):
          if name == "graph" { inGraph = false }
          if name == "attributes" || name == "nodes" || name == "edges" { section = "" }
          continue
        case .start(let e):
          if !sawRoot {
            guard e.name == "gexf" else { throw xml.error(e.line, "the document is <\(e.name)>, not GEXF (<gexf>)") }
            sawRoot = true
            continue
          }
          guard !e.namespace.hasSuffix("/viz") else {   // Gephi's drawing (gexf.net/1.3/viz, www.gexf.net/1.2draft/viz…)
            try xml.skip(e)
            continue
          }
          switch e.name {
          case "graph":
            graphs += 1
            if graphs > 1 || inGraph {
              warnings.append(InputWarning(file: file, line: e.line, message: "a second <graph> is not read: Tiemap reads the first graph of a GEXF file"))
              try xml.skip(e)
              continue
            }
            inGraph = !e.isEmpty
            if let t = e["defaultedgetype"] {
              guard ["directed", "undirected", "mutual"].contains(t) else {
                throw xml.error(e.line, "defaultedgetype \(quoted(t)) must be directed, undirected or mutual")
              }
              defaultType = t
            }
            if e["mode"] == "dynamic" { dynamicLine = dynamicLine ?? e.line }
          case "attributes" where inGraph:
            let c = e["class"] ?? "node"
            guard c == "node" || c == "edge" else { try xml.skip(e); continue }
            section = c
            if e.isEmpty { section = "" }
          case "attribute" where section == "node" || section == "edge":
            guard let id = e["id"] else { throw xml.error(e.line, "<attribute> has no id") }
            var d = Declared(title: e["title"] ?? id, defaultValue: nil)
            if !e.isEmpty {
              while let inner = try xml.next() {
                if case .start(let c) = inner {
                  if c.name == "default" { d.defaultValue = try xml.text(of: c) } else { try xml.skip(c) }
                } else if case .end = inner { break }
              }
            }
            guard ids[section]![id] == nil else { throw xml.error(e.line, "\(section) attribute \(quoted(id)) is declared twice") }
            ids[section]![id] = declared[section]!.count
            declared[section]!.append(d)
          case "nodes" where inGraph:
            section = e.isEmpty ? "" : "nodes"
          case "edges" where inGraph:
            section = e.isEmpty ? "" : "edges"
          case "node" where section == "nodes":
            guard let id = e["id"], !id.isEmpty else { throw xml.error(e.line, "<node> has no id") }
            var r = Record(id: id, line: e.line, label: e["label"])
            if e["start"] != nil || e["end"] != nil { dynamicLine = dynamicLine ?? e.line }
            try readValues(&xml, e, into: &r, ids: ids["node"]!, kind: "node", dynamic: &dynamicLine)
            nodes.append(r)
          case "edge" where section == "edges":
            guard let s = e["source"], let t = e["target"] else { throw xml.error(e.line, "<edge> needs a source and a target") }
            var r = Record(id: s, target: t, line: e.line, label: e["label"])
            r.weight = e["weight"]; r.kind = e["kind"]; r.type = e["type"]
            if let t = r.type, !["directed", "undirected", "mutual"].contains(t) {
              throw xml.error(e.line, "edge type \(quoted(t)) must be directed, undirected or mutual")
            }
            if e["start"] != nil || e["end"] != nil { dynamicLine = dynamicLine ?? e.line }
            try readValues(&xml, e, into: &r, ids: ids["edge"]!, kind: "edge", dynamic: &dynamicLine)
            edges.append(r)
          case "meta":
            try xml.skip(e)
          default:
            break
          }
        }
      }
    }
    guard sawRoot else { throw InputError(file: file, line: 0, problem: "file is empty") }
    if let line = dynamicLine {
      warnings.append(InputWarning(file: file, line: line, message: "a dynamic graph: its time intervals (spells, start, end) are not read; every node and edge is taken"))
    }

    let nodeAttributes = declared["node"]!
    let hasName = nodeAttributes.contains { $0.title == "name" }
    var index: [String: NodeIndex] = [:]
    index.reserveCapacity(nodes.count)
    for r in nodes {
      guard index[r.id] == nil else { throw InputError(file: file, line: r.line, problem: "node \(quoted(r.id)) is declared twice") }
      var fields = GraphRecords.Values()
      var attributes: [Attribute] = []
      for (k, a) in nodeAttributes.enumerated() {
        guard let v = r.values.last(where: { $0.key == k })?.value ?? a.defaultValue else { continue }
        if GraphRecords.personFields.contains(a.title) { fields.set(a.title, v) } else { attributes.append(Attribute(name: a.title, value: v)) }
      }
      if !hasName, let l = r.label, l != r.id, !l.isEmpty { fields.set("name", l) }
      let p = try GraphRecords.person(id: r.id, field: fields.value, attributes: attributes) {
        InputError(file: file, line: r.line, problem: "node \(quoted(r.id)): \($0)")
      }
      try GraphRecords.add(p, line: r.line, file: file, into: &builder, index: &index)
    }
    try GraphRecords.checkManagers(builder) { InputError(file: file, line: nodes[$0].line, problem: "node \(quoted(nodes[$0].id)): \($1)") }

    let edgeAttributes = declared["edge"]!
    var used = Set<Int>()
    for r in edges { for (k, _) in r.values { used.insert(k) } }
    let labelled = edges.contains { $0.label != nil }
    let extra = edgeAttributes.indices.filter {
      !GraphRecords.tieFields.contains(edgeAttributes[$0].title) && (used.contains($0) || edgeAttributes[$0].defaultValue != nil)
    }
    builder.declareTieAttributes(extra.map { edgeAttributes[$0].title } + (labelled ? ["label"] : []))
    let tieAttributes = edgeAttributes.indices.filter { GraphRecords.tieFields.contains(edgeAttributes[$0].title) }
    var adder = GraphRecords.TieAdder(graphDirected: defaultType == "directed")
    for r in edges {
      let (u, v) = try GraphRecords.ends(r.id, r.target, line: r.line, file: file, in: index)
      func value(_ k: Int) -> String? { r.values.last(where: { $0.key == k })?.value ?? edgeAttributes[k].defaultValue }
      var fields = GraphRecords.Values()
      for k in tieAttributes { if let x = value(k) { fields.set(edgeAttributes[k].title, x) } }
      if let w = r.weight { fields.set("weight", w) }
      if let k = r.kind { fields.set("kind", k) }
      if let t = r.type { fields.set("directed", t == "directed" ? "true" : "false") }
      var attributes = extra.map { value($0) ?? "" }
      if labelled { attributes.append(r.label ?? "") }
      try adder.add(u, v, field: fields.value, attributes: attributes, into: &builder) {
        InputError(file: file, line: r.line, problem: "edge \(quoted(r.id)) → \(quoted(r.target)): \($0)")
      }
    }
    return warnings
  }

  /// The `<attvalue>`s of a node or an edge (GEXF 1.1 names the attribute with `id`, later versions with `for`),
  /// read to the element's end; nested nodes are refused, drawing and spells skipped.
  static func readValues(_ xml: inout XMLStream, _ e: XMLStream.Element, into r: inout Record, ids: [String: Int], kind: String,
                         dynamic: inout Int?) throws {
    if e.isEmpty { return }
    var depth = 0
    while let event = try xml.next() {
      switch event {
      case .text: continue
      case .end:
        if depth == 0 { return }
        depth -= 1
      case .start(let c):
        switch c.name {
        case "attvalue":
          guard let id = c["for"] ?? c["id"], let k = ids[id] else {
            throw xml.error(c.line, "<attvalue for=\(quoted(c["for"] ?? c["id"] ?? ""))> names no declared \(kind) attribute")
          }
          if c["start"] != nil || c["end"] != nil { dynamic = dynamic ?? c.line }
          r.values.append((k, c["value"] ?? ""))
          try xml.skip(c)
        case "attvalues":
          if !c.isEmpty { depth += 1 }
        case "nodes" where kind == "node", "node" where kind == "node":
          throw xml.error(c.line, "nested nodes (a hierarchy) are not read: flatten the graph first")
        case "spells":
          dynamic = dynamic ?? c.line
          try xml.skip(c)
        default:
          try xml.skip(c)   // viz:color, viz:position, viz:size, viz:shape, parents
        }
      }
    }
  }
}
