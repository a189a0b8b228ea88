import SocialGraph

/// GML, the Graph Modelling Language (Himsolt 1997), as Gephi, NetworkX (`write_gml`), igraph, yEd and Newman's
/// network data write it: `graph [ directed 1 multigraph 1 node [ id 0 label "Ann" … ] edge [ source 0 target 1
/// weight 2.5 … ] ]`.
///
/// A node's `label` is the person's id when every node has one and no two are the same (as NetworkX reads GML),
/// the GML `id` then kept as the attribute `gml_id` unless the ids are 0, 1, … in order; otherwise the `id` is. The label is the name unless a `name`
/// key gives it. A node's other keys are the person's fields or
/// attributes (`GraphRecords`), nested lists flattened with dots (`graphics [ x 1.5 ]` → `graphics.x`). An edge's
/// `weight` is the tie's weight (`value`, Newman's name for it, when there is no `weight`), `kind` (or `relation`) its kind
/// when it is not a plain `edge`, and its other keys tie attributes. `directed 1` makes every tie directed;
/// without `multigraph 1` a second edge between the same pair is refused, as NetworkX refuses it. Strings may
/// hold HTML character references (`&quot;`, `&#233;`), as NetworkX writes them. Comments start with `#`.
///
/// Refused, with the line: a list that is not closed, a key without a value, a `]` with no `[`, a node without an
/// `id`, an edge end that is not a node, lists nested deeper than 32.
/// - Reference: M. Himsolt (1997), *GML: A portable Graph File Format*, Universität Passau; NetworkX
///   `networkx.readwrite.gml` (the dialect: `multigraph`, character references).
/// - Complexity: O(size of the file).
enum GMLReader {
  indirect enum Value {
    case text(String)       // numbers as written, strings unquoted and unescaped
    case list([(key: String, value: Value, line: Int)])
  }

  static let maxDepth = 32

  static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    let top = try parse(bytes, file: file)
    func fail(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }
    let graphs = top.filter { $0.key == "graph" }
    guard let first = graphs.first, case .list(let items) = first.value else {
      throw fail(graphs.first?.line ?? 0, "no graph [ … ] list: not a GML graph")
    }
    var g = ClassicGraph(file: file)
    if graphs.count > 1 {
      g.warnings.append(InputWarning(file: file, line: graphs[1].line, message: "a second graph is not read: Tiemap reads the first graph of a GML file"))
    }
    func flag(_ key: String) throws -> Bool {
      guard let item = items.first(where: { $0.key == key }) else { return false }
      guard case .text(let t) = item.value, t == "0" || t == "1" else { throw fail(item.line, "\(key) must be 0 or 1") }
      return t == "1"
    }
    let directed = try flag("directed"), multigraph = try flag("multigraph")
    func flattened(_ list: [(key: String, value: Value, line: Int)], prefix: String, into out: inout [(String, String)]) {
      for (k, v, _) in list {
        let name = prefix.isEmpty ? k : prefix + "." + k
        switch v {
        case .text(let t): if !out.contains(where: { $0.0 == name }) { out.append((name, t)) }
        case .list(let inner): flattened(inner, prefix: name, into: &out)
        }
      }
    }
    for item in items where item.key == "node" {
      guard case .list(let fields) = item.value else { throw fail(item.line, "node must be a list [ … ]") }
      guard let idItem = fields.first(where: { $0.key == "id" }), case .text(let id) = idItem.value else {
        throw fail(item.line, "node has no id")
      }
      var label: String?
      var attributes: [(String, String)] = []
      for f in fields where f.key != "id" {
        if f.key == "label", case .text(let l) = f.value, label == nil { label = l; continue }
        flattened([f], prefix: "", into: &attributes)
      }
      try g.addNode(id, label: label, attributes: attributes, line: item.line)
    }
    var seen = Set<[Int]>()
    for item in items where item.key == "edge" {
      guard case .list(let fields) = item.value else { throw fail(item.line, "edge must be a list [ … ]") }
      func end(_ key: String) throws -> Int {
        guard let f = fields.first(where: { $0.key == key }), case .text(let id) = f.value else { throw fail(item.line, "edge has no \(key)") }
        guard let i = g.index[id] else { throw fail(item.line, "edge \(key) \(quoted(id)) is not the id of any node") }
        return i
      }
      let (u, v) = (try end("source"), try end("target"))
      if !multigraph && !seen.insert(directed ? [u, v] : [min(u, v), max(u, v)]).inserted {
        throw fail(item.line, "a second edge \(quoted(g.node(at: u).id)) \(directed ? "→" : "–") \(quoted(g.node(at: v).id)) in a graph without multigraph 1 (add it to the graph's list, or remove the duplicate)")
      }
      var edge = ClassicGraph.Edge(u: u, v: v, weight: nil, directed: directed, relation: nil, line: item.line)
      let hasWeight = fields.contains { $0.key == "weight" }
      for f in fields where f.key != "source" && f.key != "target" && f.key != "id" && f.key != "key" {
        if case .text(let t) = f.value {
          if f.key == "weight" || (f.key == "value" && !hasWeight) { edge.weight = try g.weight(t, line: f.line); continue }
          if (f.key == "kind" || f.key == "relation") && edge.relation == nil { edge.relation = t; continue }
        }
        var flat: [(String, String)] = []
        flattened([f], prefix: "", into: &flat)
        for pair in flat where !edge.attributes.contains(where: { $0.0 == pair.0 }) { edge.attributes.append(pair) }
      }
      g.edges.append(edge)
    }
    g.labelsAsIDs(keptAs: "gml_id", first: 0)
    try g.write(into: &builder)
    return g.warnings
  }

  /// The top-level key–value list of a GML document.
  static func parse(_ bytes: [UInt8], file: String) throws -> [(key: String, value: Value, line: Int)] {
    var i = 0
    var line = 1
    let n = bytes.count
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    func fail(_ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }
    func skipBlank() {
      while i < n {
        let b = bytes[i]
        if b == 0x0A { line += 1; i += 1 }
        else if b == 0x20 || b == 0x09 || b == 0x0D { i += 1 }
        else if b == 0x23 { while i < n && bytes[i] != 0x0A { i += 1 } }   // # comment
        else { return }
      }
    }
    func word() -> String {
      let start = i
      while i < n, !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A || bytes[i] == 0x5B || bytes[i] == 0x5D) { i += 1 }
      return String(decoding: bytes[start..<i], as: UTF8.self)
    }
    func list(depth: Int, closed: Bool, openedOn: Int = 0) throws -> [(key: String, value: Value, line: Int)] {
      guard depth <= maxDepth else { throw fail("lists nested more than \(maxDepth) deep: not a graph file (refused)") }
      var items: [(key: String, value: Value, line: Int)] = []
      while true {
        skipBlank()
        if i >= n {
          if closed { throw InputError(file: file, line: openedOn, problem: "the [ opened here is never closed (the file ends inside its list)") }
          return items
        }
        if bytes[i] == 0x5D {   // ]
          guard closed else { throw fail("a ] closes no list") }
          i += 1
          return items
        }
        let keyLine = line
        let key = word()
        guard let c = key.unicodeScalars.first, c.properties.isAlphabetic || c == "_",
              key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) else {
          throw fail("\(quoted(key.isEmpty ? String(decoding: bytes[i..<min(i + 1, n)], as: UTF8.self) : key)) is not a GML key (letters, digits, _)")
        }
        skipBlank()
        guard i < n else { throw fail("key \(quoted(key)) has no value") }
        switch bytes[i] {
        case 0x5B:   // [
          let opened = line
          i += 1
          items.append((key, .list(try list(depth: depth + 1, closed: true, openedOn: opened)), keyLine))
        case 0x22:   // "
          i += 1
          let start = i
          let openLine = line
          while i < n && bytes[i] != 0x22 { if bytes[i] == 0x0A { line += 1 }; i += 1 }
          guard i < n else { throw InputError(file: file, line: openLine, problem: "a string is never closed (the \" opened here)") }
          let raw = String(decoding: bytes[start..<i], as: UTF8.self)
          i += 1
          items.append((key, .text(unescaped(raw)), keyLine))
        case 0x5D:
          throw fail("key \(quoted(key)) has no value")
        default:
          let v = word()
          guard Double(v) != nil || Int(v) != nil else { throw fail("value \(quoted(v)) of \(quoted(key)) is not a number, a \"string\" or a [ list ]") }
          items.append((key, .text(v), keyLine))
        }
      }
    }
    let top = try list(depth: 0, closed: false)
    if top.isEmpty { throw InputError(file: file, line: 0, problem: "file is empty") }
    return top
  }

  /// HTML character references (`&amp;` `&quot;` `&lt;` `&gt;` `&apos;` `&#233;` `&#xE9;`), as NetworkX writes
  /// what GML strings cannot hold.
  static func unescaped(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[amp...]
      guard let semi = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest[rest.index(after: amp)...]; continue }
      let name = after[after.index(after: after.startIndex)..<semi]
      var scalar: Unicode.Scalar?
      switch name {
      case "amp": scalar = "&"
      case "quot": scalar = "\""
      case "lt": scalar = "<"
      case "gt": scalar = ">"
      case "apos": scalar = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
      }
      if let scalar { out.unicodeScalars.append(scalar); rest = rest[rest.index(after: semi)...] }
      else { out += "&"; rest = rest[rest.index(after: amp)...] }
    }
    return out + rest
  }
}
