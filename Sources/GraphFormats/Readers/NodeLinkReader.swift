import NetworkAnalysis
import SocialGraph

/// Node-link JSON, as NetworkX's `node_link_data` (`edges`, or `links` before NetworkX 3.4) and d3 write it and as
/// `tiemap convert` writes it: `{"directed": …, "nodes": [{"id": …, …}], "edges": [{"source": …, "target": …, …}]}`.
///
/// Node keys that name a contact field (`name`, `title`, `account`, `department`, `reports_to`, `role`,
/// `proximity`, `influence`, `interest`, `owner`, `internal`) are read and checked as the contacts file's columns;
/// the others become the person's attributes (numbers and booleans as written in JSON). Edge keys `weight`, `kind`,
/// `since`, `last_contact`, `interactions` and `directed` are read as the ties file's; `key` (NetworkX's multigraph
/// key) is skipped; the others become tie attributes. An arc marked `undirected: true` and followed by its reverse,
/// also marked (how `convert` writes an undirected tie of a mixed graph), is one undirected tie again.
///
/// d3 v3's form is read too: nodes without an `id` (each is then known by its index, `0`…), links whose `source`
/// and `target` are node indices, `value` as the weight. And graphology's serialisation (`{"options": {"type":
/// …}, "nodes": [{"key": …, "attributes": {…}}], "edges": [{"source", "target", "attributes": {…}, "undirected"}]}`):
/// a node's `key` is its id, `attributes` are its fields (`label` the name when there is no `name`), an edge is
/// directed unless the graph's type is `undirected` or the edge says `undirected: true`.
///
/// Errors name the file and the place: `file:line:column` for JSON that does not parse, `file: nodes[12]: role …` for
/// a value that is not right (the JSON path, as lines mean nothing in a one-line document).
/// - Complexity: O(size of the file).
enum NodeLinkReader {
  /// An object's members, looked up by a scan (a node or an edge has a handful: cheaper than a dictionary each).
  struct Fields {
    let pairs: [(String, JSONValue)]
    init(_ pairs: [(String, JSONValue)]) { self.pairs = pairs }
    /// The first member named `key` (as a dictionary built from them would keep).
    subscript(key: String) -> JSONValue? {
      for (k, v) in pairs where k == key { return v }
      return nil
    }
  }

  static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder) throws {
    let document: JSONValue
    do { document = try JSONReader.parse(bytes, maxDepth: 64) } catch {
      var (line, column) = (1, 1)
      for b in bytes.prefix(error.offset) { if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 } }
      throw InputError(file: file, line: line, problem: "column \(column): \(error.message)")
    }
    func fail(_ place: String, _ problem: String) -> InputError { InputError(file: file, line: 0, problem: "\(place): \(problem)") }
    guard case .object(let top) = document else { throw fail("the document", "is not a node-link object ({\"nodes\": […], \"edges\": […]})") }
    let root = Dictionary(top, uniquingKeysWith: { a, _ in a })
    guard case .array(let nodes)? = root["nodes"] else { throw fail("the document", "has no \"nodes\" array (node-link JSON: {\"nodes\": […], \"edges\": […]})") }
    let edgeKey = root["edges"] != nil ? "edges" : "links"
    var edges: [JSONValue] = []
    switch root[edgeKey] {
    case .array(let a)?: edges = a
    case nil, .null?: break
    default: throw fail(edgeKey, "is not an array")
    }
    var graphDirected = false
    switch root["directed"] {
    case .bool(let d)?: graphDirected = d
    case nil, .null?: break
    default: throw fail("directed", "is not true or false")
    }
    // graphology: the graph's type in its options (mixed: edges directed unless marked undirected).
    var graphology = false
    if case .object(let options)? = root["options"] {
      graphology = true
      switch Fields(options)["type"] {
      case .string("undirected")?: graphDirected = false
      case .string("directed")?, .string("mixed")?, nil: graphDirected = true
      default: throw fail("options.type", "is not directed, undirected or mixed")
      }
    }
    /// A node's or an edge's members, graphology's `attributes` object spread among them (its own members first).
    func members(_ pairs: [(String, JSONValue)]) -> [(String, JSONValue)] {
      guard case .object(let inner)? = Fields(pairs)["attributes"] else { return pairs }
      let own = pairs.filter { $0.0 != "attributes" }
      return own + inner.filter { k in !own.contains { $0.0 == k.0 } }
    }

    /// A scalar as text (ids, fields, attributes); nil for null; objects and arrays as compact JSON.
    func text(_ v: JSONValue) -> String? {
      switch v {
      case .null: return nil
      case .string(let s): return s
      case .int(let i): return "\(i)"
      case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? "\(Int(d))" : "\(d)"
      case .bool(let b): return b ? "true" : "false"
      case .array, .object: return v.compact()
      }
    }
    var index: [String: NodeIndex] = [:]
    index.reserveCapacity(nodes.count)
    // d3 v3: no node has an id; each is known by its index.
    let byIndex = !nodes.contains { if case .object(let p) = $0 { return Fields(p)["id"] != nil || Fields(p)["key"] != nil }; return false }
    var order: [NodeIndex] = []
    for (k, node) in nodes.enumerated() {
      let place = "nodes[\(k)]"
      guard case .object(let raw) = node else { throw fail(place, "is not an object") }
      let pairs = members(raw)
      let f = Fields(pairs)
      let idKey = f["id"] != nil ? "id" : f["key"] != nil ? "key" : nil
      let id: String
      if let idKey {
        guard let v = f[idKey].flatMap(text), !v.isEmpty else { throw fail(place, "has an empty \"\(idKey)\"") }
        id = v
      } else {
        guard byIndex else { throw fail(place, "has no \"id\"") }
        id = "\(k)"
      }
      guard index[id] == nil else { throw fail(place + "." + (idKey ?? "id"), "\(quoted(id)) is the id of an earlier node") }
      var attributes: [Attribute] = []
      let hasName = f["name"] != nil
      for (key, value) in pairs where !GraphRecords.personFields.contains(key) && key != idKey && !(key == "label" && !hasName) {
        if let v = text(value) { attributes.append(Attribute(name: key, value: v)) }
      }
      let field: (String) -> String? = { key in
        if key == "name" && !hasName { return f["label"].flatMap(text) }
        return f[key].flatMap(text)
      }
      let p = try GraphRecords.person(id: id, field: field, attributes: attributes) { fail(place, $0) }
      let v = try builder.addPerson(p)
      index[id] = v
      order.append(v)
    }
    try GraphRecords.checkManagers(builder) { fail("nodes[\($0)]", $1) }

    // Tie attributes: every other edge key, in order of first appearance.
    var extra: [String] = []
    var seen = Set<String>()
    let valueIsWeight = !edges.contains { if case .object(let p) = $0 { return Fields(members(p))["weight"] != nil }; return false }
    for e in edges {
      guard case .object(let pairs) = e else { continue }
      for (key, _) in members(pairs) where !GraphRecords.tieFields.contains(key) && key != "undirected" && !(valueIsWeight && key == "value")
        && seen.insert(key).inserted { extra.append(key) }
    }
    builder.declareTieAttributes(extra)
    var adder = GraphRecords.TieAdder(graphDirected: graphDirected)
    for (k, edge) in edges.enumerated() {
      let place = "\(edgeKey)[\(k)]"
      guard case .object(let raw) = edge else { throw fail(place, "is not an object") }
      let pairs = members(raw)
      let f = Fields(pairs)
      func end(_ key: String) throws -> NodeIndex {
        guard let v = f[key].flatMap(text) else { throw fail(place, "has no \"\(key)\"") }
        if let i = index[v] { return i }
        // d3 v3: a node's index.
        if case .int(let k)? = f[key], byIndex, k >= 0, k < order.count { return order[k] }
        throw fail(place + "." + key, "\(quoted(v)) is not the id of any node")
      }
      let (u, v) = (try end("source"), try end("target"))
      var weight: Double?
      switch f[valueIsWeight && f["value"] != nil ? "value" : "weight"] {
      case .number(let d)? where d > 0 && d <= TiemapLimits.inputMagnitude: weight = d   // the usual case, without text
      case .int(let i)? where i > 0 && Double(i) <= TiemapLimits.inputMagnitude: weight = Double(i)
      default: weight = nil
      }
      let field: (String) -> String? = { key in
        if key == "weight" && valueIsWeight { return f["value"].flatMap(text) }
        if graphology && key == "directed" {   // graphology: directed unless the graph or the edge says otherwise
          if case .bool(true)? = f["undirected"] { return "false" }
          return nil
        }
        if graphology && key == "undirected" { return nil }
        return f[key].flatMap(text)
      }
      try adder.add(u, v, weight: weight, field: field, attributes: extra.map { f[$0].flatMap(text) ?? "" },
                    into: &builder) { fail(place, $0) }
    }
  }
}
