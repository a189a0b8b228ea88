import NetworkAnalysis
import SocialGraph

/// The rules shared by the whole-graph readers that carry people's fields (node-link JSON, GraphML, GEXF): which
/// node keys are contact fields and how they are checked, which edge keys are the ties file's, and how an
/// undirected tie of a mixed graph, written as two marked arcs (`undirected=true`), becomes one tie again. Each
/// reader finds the values in its own syntax and names the place of a bad one (`nodes[3].role`, or a line).
enum GraphRecords {
  /// Node keys read as the contacts file's columns; the others are the person's attributes.
  static let personFields: Set<String> = ["id", "name", "title", "account", "department", "reports_to", "role", "proximity",
                                          "influence", "interest", "owner", "internal"]
  /// Edge keys read as the ties file's columns; the others are tie attributes (`key`, `id` and `networkx_key`: the
  /// multigraph keys NetworkX writes, skipped).
  static let tieFields: Set<String> = ["source", "target", "weight", "kind", "since", "last_contact", "interactions",
                                       "directed", "undirected", "key", "id", "networkx_key"]

  /// A node's or an edge's field values, looked up by a scan (a handful each: cheaper than a dictionary per record).
  struct Values {
    private var pairs: [(String, String)] = []
    init() {}
    func value(_ key: String) -> String? {
      for (k, v) in pairs where k == key { return v }
      return nil
    }
    /// Sets `key` (replacing an earlier value).
    mutating func set(_ key: String, _ value: String) {
      if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
    }
  }

  /// A person from their id and fields (`field(key)`: the value, nil or empty when absent) and their other
  /// attributes; `fail(problem)` makes the error for a bad value (the problem names the field).
  static func person(id: String, field: (String) -> String?, attributes: [Attribute],
                     fail: (String) -> InputError) throws -> Person {
    func value(_ key: String) -> String? { field(key).flatMap { $0.isEmpty ? nil : $0 } }
    func checked<T>(_ r: Result<T, CellProblem>) throws -> T {
      switch r {
      case .success(let v): return v
      case .failure(let p): throw fail(p.message)
      }
    }
    var p = Person(id: id)
    p.name = value("name"); p.title = value("title"); p.account = value("account"); p.department = value("department")
    p.reportsTo = value("reports_to"); p.owner = value("owner")
    if let r = value("role") {
      guard let role = StakeholderRole(parsing: r) else {
        throw fail("role \(quoted(r)) is not a role (\(StakeholderRole.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      p.role = role
    }
    if let x = value("proximity") {
      guard let level = Proximity(parsing: x) else { throw fail("proximity \(quoted(x)) is not P1, P2, P3 or P4") }
      p.proximity = level
    }
    if let x = value("influence") { p.influence = try checked(ValueParsing.integer(x, column: "influence", in: 1...5)) }
    if let x = value("interest") { p.interest = try checked(ValueParsing.integer(x, column: "interest", in: 1...5)) }
    if let x = value("internal") { p.isInternal = try checked(ValueParsing.boolean(x, column: "internal")) }
    p.attributes = attributes
    return p
  }

  /// Adds a node's person to `builder` and `index`, an error naming the node's line.
  static func add(_ p: Person, line: Int, file: String, into builder: inout SocialGraphBuilder, index: inout [String: NodeIndex]) throws {
    do { index[p.id] = try builder.addPerson(p) } catch let e as SocialGraphError { throw InputError(file: file, line: line, problem: e.description) }
  }

  /// The two ends of an edge by id, an error naming the edge's line when one is not a node.
  static func ends(_ source: String, _ target: String, line: Int, file: String, in index: [String: NodeIndex]) throws -> (NodeIndex, NodeIndex) {
    func end(_ id: String, _ which: String) throws -> NodeIndex {
      guard let i = index[id] else { throw InputError(file: file, line: line, problem: "edge \(which) \(quoted(id)) is not the id of any node") }
      return i
    }
    return (try end(source, "source"), try end(target, "target"))
  }

  /// Every `reports_to` names a node of the file.
  static func checkManagers(_ builder: SocialGraphBuilder, fail: (Int, String) -> InputError) throws {
    for (k, p) in builder.people.enumerated() {
      if let m = p.reportsTo, builder.index(of: m) == nil { throw fail(k, "reports_to \(quoted(m)) is not the id of any node") }
    }
  }

  /// Adds edges as ties, folding each marked undirected arc and its reverse (also marked, with the same fields),
  /// wherever it comes in the file (Tiemap writes it next; NetworkX, writing a graph it read, in adjacency order),
  /// back into one tie.
  struct TieAdder {
    private struct Arc: Hashable {
      var source: NodeIndex, target: NodeIndex
      var fields: [String]
    }
    /// Marked arcs added whose reverse has not come yet, with how many.
    private var pending: [Arc: Int] = [:]
    let graphDirected: Bool

    init(graphDirected: Bool) { self.graphDirected = graphDirected }

    /// One edge `u → v`: `field(key)` its ties-file values (nil when absent), `weight` when the reader already has
    /// it as a number, `attributes` its other values in the declared order.
    mutating func add(_ u: NodeIndex, _ v: NodeIndex, weight known: Double? = nil, field: (String) -> String?,
                      attributes: [String], into builder: inout SocialGraphBuilder, fail: (String) -> InputError) throws {
      func checked<T>(_ r: Result<T, CellProblem>) throws -> T {
        switch r {
        case .success(let v): return v
        case .failure(let p): throw fail(p.message)
        }
      }
      let weight = try known ?? field("weight").flatMap { $0.isEmpty ? nil : $0 }.map { try checked(ValueParsing.weight($0)) } ?? 1
      let kind = field("kind").flatMap { $0.isEmpty ? nil : TieKind($0) } ?? .edge
      var directed = graphDirected
      if let d = field("directed"), !d.isEmpty { directed = try checked(ValueParsing.boolean(d, column: "directed")) }
      let marked = try field("undirected").flatMap { $0.isEmpty ? nil : $0 }
        .map { try checked(ValueParsing.boolean($0, column: "undirected")) } ?? false
      if marked { directed = false }
      var tie = Tie(source: u, target: v, weight: weight, kind: builder.kindIndex(for: kind), isDirected: directed)
      if let d = field("since"), !d.isEmpty { tie.since = try checked(ValueParsing.day(d, column: "since")) }
      if let d = field("last_contact"), !d.isEmpty { tie.lastContact = try checked(ValueParsing.day(d, column: "last_contact")) }
      if let c = field("interactions"), !c.isEmpty {
        tie.interactions = Int32(try checked(ValueParsing.integer(c, column: "interactions", in: 0...Int(Int32.max))))
      }
      // The reverse arc of a marked undirected tie already read: the same tie, already added.
      if marked && u != v {
        let fields = [kind.name, "\(weight)", tie.since?.description ?? "", tie.lastContact?.description ?? "",
                      tie.interactions.map { "\($0)" } ?? ""] + attributes
        let reverse = Arc(source: v, target: u, fields: fields)
        if let n = pending[reverse] {
          pending[reverse] = n == 1 ? nil : n - 1
          return
        }
        pending[Arc(source: u, target: v, fields: fields), default: 0] += 1
      }
      do { try builder.addTie(tie, attributes: attributes) } catch let e as SocialGraphError { throw fail(e.description) }
    }
  }
}
