import NetworkAnalysis
import SocialGraph

/// What the classic network formats (GML, Pajek, UCINET DL, adjacency matrices) hold, as their readers find it:
/// nodes with an id, a label and attributes; edges with ends, a weight, a direction, a relation and attributes;
/// then written into a `SocialGraphBuilder` by one set of rules. A node's `label` is the person's name (unless a
/// `name` attribute gives it); attributes named like a contact field (`title`, `account`, `role`…) are read and
/// checked as the contacts file's columns (`GraphRecords.person`), the others stay the person's attributes. An
/// edge's relation is its tie kind (`edge` when the file names none). Every problem names the file and its line.
/// - Complexity: O(n + m) beyond the readers' parse.
struct ClassicGraph {
  struct Node {
    var id: String
    var label: String?
    var attributes: [(String, String)] = []
    var line: Int
  }
  struct Edge {
    var u: Int, v: Int
    var weight: Double?
    var directed: Bool
    var relation: String?
    var attributes: [(String, String)] = []
    var line: Int
  }

  let file: String
  private(set) var nodes: [Node] = []
  private(set) var index: [String: Int] = [:]
  var edges: [Edge] = []
  var warnings: [InputWarning] = []

  init(file: String) { self.file = file }

  func error(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }

  /// Adds a node; a second node with the same id is refused.
  @discardableResult
  mutating func addNode(_ id: String, label: String? = nil, attributes: [(String, String)] = [], line: Int) throws -> Int {
    guard !id.isEmpty else { throw error(line, "a node with an empty id") }
    guard index[id] == nil else { throw error(line, "node \(quoted(id)) is declared twice (first on line \(nodes[index[id]!].line))") }
    index[id] = nodes.count
    nodes.append(Node(id: id, label: label, attributes: attributes, line: line))
    return nodes.count - 1
  }

  /// The node `id`, added (with no label) when the file has not declared it.
  mutating func node(_ id: String, line: Int) throws -> Int {
    if let i = index[id] { return i }
    return try addNode(id, line: line)
  }

  func node(at i: Int) -> Node { nodes[i] }

  mutating func setAttribute(_ node: Int, _ name: String, _ value: String) {
    if let k = nodes[node].attributes.firstIndex(where: { $0.0 == name }) { nodes[node].attributes[k].1 = value }
    else { nodes[node].attributes.append((name, value)) }
  }

  mutating func removeAttributes(of node: Int, where drop: (String) -> Bool) {
    nodes[node].attributes.removeAll { drop($0.0) }
  }

  /// A weight as a tie takes it: a finite number greater than 0 (up to `TiemapLimits.inputMagnitude`).
  func weight(_ text: String, line: Int) throws -> Double {
    switch ValueParsing.weight(text) {
    case .success(let w): return w
    case .failure(let p): throw error(line, p.message)
    }
  }

  /// Labels as the people's ids when every node has one and no two are the same (NetworkX's rule for GML and
  /// Pajek: a node is known by its label); the file's own ids stay as the attribute `keptAs` (`gml_id`) unless
  /// they are only the nodes' positions (`first`, `first + 1`, … in file order: what NetworkX, Pajek and Tiemap
  /// write). Otherwise the file's ids are the ids. Either way the label is the person's name.
  mutating func labelsAsIDs(keptAs: String, first: Int) {
    var seen = Set<String>()
    guard nodes.allSatisfy({ $0.label.map { !$0.isEmpty && seen.insert($0).inserted } ?? false }) else { return }
    let positional = nodes.indices.allSatisfy { nodes[$0].id == "\($0 + first)" }
    index = [:]
    for k in nodes.indices {
      let fileID = nodes[k].id
      nodes[k].id = nodes[k].label!
      if !positional { nodes[k].attributes.insert((keptAs, fileID), at: 0) }
      index[nodes[k].id] = k
    }
  }

  /// The people and ties, in file order.
  func write(into builder: inout SocialGraphBuilder) throws {
    var ids: [NodeIndex] = []
    ids.reserveCapacity(nodes.count)
    for n in nodes {
      var fields = GraphRecords.Values()
      var attributes: [Attribute] = []
      for (k, v) in n.attributes {
        if GraphRecords.personFields.contains(k) && k != "id" { fields.set(k, v) } else if k != "id" { attributes.append(Attribute(name: k, value: v)) }
      }
      if fields.value("name") == nil, let l = n.label, !l.isEmpty { fields.set("name", l) }
      let p = try GraphRecords.person(id: n.id, field: fields.value, attributes: attributes) {
        InputError(file: file, line: n.line, problem: "node \(quoted(n.id)): \($0)")
      }
      do { ids.append(try builder.addPerson(p)) } catch let e as SocialGraphError { throw error(n.line, e.description) }
    }
    try GraphRecords.checkManagers(builder) { InputError(file: file, line: nodes[$0].line, problem: "node \(quoted(nodes[$0].id)): \($1)") }
    // Tie attributes: the edge keys that are not the ties file's fields, in order of first appearance.
    var names: [String] = []
    for e in edges { for (k, _) in e.attributes where !GraphRecords.tieFields.contains(k) && !names.contains(k) { names.append(k) } }
    builder.declareTieAttributes(names)
    // Through the readers' common rules (`GraphRecords.TieAdder`): the ties-file fields an edge carries (since,
    // last_contact, interactions, directed) are read and checked, and an undirected tie written as two marked
    // arcs (`undirected 1`, as `convert` writes a mixed graph) is one tie again.
    var adder = GraphRecords.TieAdder(graphDirected: false)
    for e in edges {
      func field(_ key: String) -> String? {
        switch key {
        case "weight": return e.weight.map { "\($0)" }
        case "kind": return e.relation
        case "directed": return e.attributes.first { $0.0 == "directed" }?.1 ?? (e.directed ? "true" : "false")
        default: return e.attributes.first { $0.0 == key }?.1
        }
      }
      let values = names.map { name in e.attributes.first { $0.0 == name }?.1 ?? "" }
      try adder.add(ids[e.u], ids[e.v], weight: e.weight, field: field, attributes: values, into: &builder) { error(e.line, $0) }
    }
  }
}

/// The words of a line of a classic format: runs of text between white space (and commas, where `commas`),
/// a `"…"` run being one word without its quotes.
func classicWords(_ line: Substring, commas: Bool = false) -> [String] {
  var out: [String] = []
  var word = ""
  var inQuotes = false
  var quoted = false
  for c in line {
    if inQuotes {
      if c == "\"" { inQuotes = false } else { word.append(c) }
    } else if c == "\"" {
      inQuotes = true; quoted = true
    } else if c == " " || c == "\t" || c == "\r" || (commas && c == ",") {
      if !word.isEmpty || quoted { out.append(word); word = ""; quoted = false }
    } else {
      word.append(c)
    }
  }
  if !word.isEmpty || quoted { out.append(word) }
  return out
}

/// A file's text as UTF-8 lines (the bytes are UTF-8: `InputFile` has transcoded them), with their numbers.
func classicLines(_ bytes: [UInt8], file: String) throws -> [(number: Int, text: Substring)] {
  guard let text = String(validating: bytes, as: UTF8.self) else {
    throw InputError(file: file, line: 0, problem: "invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
  }
  var start = text.startIndex
  if text.hasPrefix("\u{FEFF}") { start = text.index(after: start) }
  // Split on the byte 0x0A (a "\r\n" is one Character, which a split on "\n" would not cut); "\r" stays at the
  // end of its line, white space to every reader.
  var out: [(Int, Substring)] = []
  var lineStart = start
  var i = start
  let u = text.utf8
  while i < u.endIndex {
    if u[i] == 0x0A {
      out.append((out.count + 1, text[lineStart..<i]))
      lineStart = u.index(after: i)
    }
    i = u.index(after: i)
  }
  out.append((out.count + 1, text[lineStart..<u.endIndex]))
  return out
}
