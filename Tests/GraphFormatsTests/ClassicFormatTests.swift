// The classic network formats (Tests/Fixtures/classic/, scripts/classic_fixtures.py): every file NetworkX or igraph
// reads loads with the nodes, direction, edges, weights and attributes they read (expected.json, written by them);
// what only Tiemap reads (Pajek relations and lists, DL relations, stacked matrices, d3 v3 and graphology JSON)
// loads as its documentation says; bad files are refused at their line; GML and Pajek written by `convert` come
// back as they were.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct ClassicFormatTests {
  static func path(_ p: String) -> String { Paths.root.appendingPathComponent("Tests/Fixtures/classic/\(p)").path }

  struct Expected: Decodable {
    var nodes: [String]
    var directed: Bool
    var edges: [[Edge]]
    var attributes: [String: [String: Value]]
    enum Edge: Decodable, Equatable {
      case text(String), number(Double)
      init(from d: Decoder) throws {
        let c = try d.singleValueContainer()
        if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
      }
    }
    typealias Value = Edge
  }

  static let expected: [String: Expected] = {
    let data = try! Data(contentsOf: URL(fileURLWithPath: path("expected.json")))
    return try! JSONDecoder().decode([String: Expected].self, from: data)
  }()

  static func load(_ name: String, _ configure: (inout LoadOptions) -> Void = { _ in }) throws -> LoadedInput {
    var o = LoadOptions()
    configure(&o)
    return try InputLoader.loadGraph(path(name), options: o)
  }

  /// Each tie as (source id, target id, weight), ends sorted for an undirected one, all sorted.
  static func edges(_ g: SocialGraph) -> [[Expected.Edge]] {
    g.ties.map { t in
      var (a, b) = (g.people[Int(t.source)].id, g.people[Int(t.target)].id)
      if !t.isDirected && b < a { swap(&a, &b) }
      return [.text(a), .text(b), .number(t.weight)]
    }.sorted { x, y in
      zip(x, y).first { $0 != $1 }.map { p in
        switch p { case (.text(let l), .text(let r)): l < r; case (.number(let l), .number(let r)): l < r; default: false }
      } ?? false
    }
  }

  /// A person's value of `key`: a contact field, else an attribute.
  static func value(_ p: Person, _ key: String) -> String? {
    switch key {
    case "name": p.name
    case "title": p.title
    case "influence": p.influence.map(String.init)
    default: p.attribute(key)
    }
  }

  @Test(arguments: ["nx-karate.gml", "nx-florentine.gml", "nx-multi.gml", "gephi.gml", "nx-florentine.net", "nx-directed.net",
                    "bank.dl", "edges.dl", "nodes.dl", "karate-matrix.txt", "florentine-matrix.csv"])
  func agreesWithNetworkXAndIgraph(_ file: String) throws {
    let want = try #require(Self.expected[file])
    // DL as igraph reads it: directed; a matrix as NetworkX's from_numpy_array: undirected when symmetric.
    let g = try Self.load(file) { o in
      o.directed = file.hasSuffix(".dl")
      if file.contains("matrix") { o.format = .matrix }
    }.graph
    #expect(g.people.map(\.id).sorted() == want.nodes)
    #expect(g.ties.allSatisfy { $0.isDirected == want.directed })
    #expect(Self.edges(g) == want.edges)
    for (id, fields) in want.attributes {
      let p = try #require(g.index(of: id).map { g.people[Int($0)] })
      for (key, v) in fields {
        switch v {
        case .number(let x): #expect(Self.value(p, key).flatMap(Double.init) == x, "\(file): \(id).\(key)")
        case .text(let t): #expect(Self.value(p, key) == t, "\(file): \(id).\(key)")
        }
      }
    }
  }

  @Test func gmlKeepsNamesKindsAndTheFileIDs() throws {
    let gephi = try Self.load("gephi.gml").graph
    #expect(gephi.people.map(\.id) == ["Myriel", "Napoleon", "Mlle & Baptistine"])
    #expect(gephi.people.map { $0.attribute("gml_id") } == ["10", "7", "3"], "ids not in order are kept")
    #expect(gephi.people[0].attribute("graphics.fill") == "#ff0000" && gephi.people[0].attribute("graphics.x") == "-120.5")
    let multi = try Self.load("nx-multi.gml").graph
    #expect(multi.ties.map { multi.kinds[Int($0.kind)].name } == ["advice", "friendship", "friendship"])
    #expect(multi.tieAttribute(2, 0) == "says \"hi\" & more")
    #expect(multi.people[0].title == "CFO" && multi.people[0].influence == 5 && multi.people[0].attribute("gml_id") == nil)
  }

  @Test func pajekRelationsListsCoordinatesAndPartitions() throws {
    let input = try Self.load("pajek.net") { $0.partition = Self.path("pajek.clu") }
    let g = input.graph
    #expect(g.people.map(\.id) == ["Ann Ames", "Bo Berg", "Cy Cole", "4", "Eve Ek", "6"])
    #expect(g.people[0].attribute("x") == "0.1000" && g.people[0].attribute("ic") == "Red" && g.people[0].attribute("z") == "0.5000")
    #expect(g.people.map { $0.attribute("pajek") } == ["1", "1", "2", "2", "3", "3"])
    func row(_ t: Tie) -> String {
      "\(g.people[Int(t.source)].id)\(t.isDirected ? ">" : "-")\(g.people[Int(t.target)].id) \(t.weight) \(g.kinds[Int(t.kind)].name)"
    }
    #expect(g.ties.map(row) == [
      "Ann Ames>Bo Berg 2.0 advice", "Bo Berg>Cy Cole 1.0 advice", "Cy Cole>Ann Ames 1.5 advice",
      "Ann Ames-Cy Cole 1.0 friendship", "4-6 2.0 friendship",
      "Bo Berg>Ann Ames 1.0 reports", "Cy Cole>Ann Ames 1.0 reports",
      "Eve Ek-Ann Ames 1.0 games", "Eve Ek-Bo Berg 1.0 games", "Eve Ek-6 1.0 games",
    ])
    #expect(g.tieAttributeNames == ["c"] && g.tieAttribute(2, 0) == "Blue")
    #expect(throws: InputError(file: Self.path("pajek.clu"), line: 0, problem: "--partition reads a Pajek partition (.clu) for a Pajek network (.net)")) {
      _ = try Self.load("nx-karate.gml") { $0.partition = Self.path("pajek.clu") }
    }
  }

  @Test func dlRelationsAndMatricesStacked() throws {
    let padgett = try Self.load("padgett.dl").graph
    func rows(_ g: SocialGraph) -> [String] {
      g.ties.map { t in "\(g.people[Int(t.source)].id)\(t.isDirected ? ">" : "-")\(g.people[Int(t.target)].id) \(g.kinds[Int(t.kind)].name)" }
    }
    #expect(padgett.people.map(\.id) == ["ACCIAIUOL", "ALBIZZI", "BARBADORI", "BISCHERI"])
    // marriage is symmetric (undirected), business is not (directed).
    #expect(rows(padgett) == ["ALBIZZI-BISCHERI marriage", "ACCIAIUOL>BARBADORI business", "BARBADORI>ACCIAIUOL business",
                              "BARBADORI>BISCHERI business"])
    let stacked = try Self.load("stacked-matrix.txt") { $0.format = .matrix }.graph
    #expect(rows(stacked) == ["1-2 relation1", "2-3 relation1", "3-4 relation1", "1>2 relation2", "3>4 relation2", "4>1 relation2"])
    #expect(stacked.ties.map(\.weight) == [1, 1, 1, 2, 3, 1])
    // Found by content: a .txt of 34 numbers a line is a matrix.
    #expect(try Self.load("karate-matrix.txt").graph.ties.count == 78)
  }

  @Test func d3AndGraphologyJSON() throws {
    let d3 = try Self.load("d3v3.json").graph
    #expect(d3.people.map(\.id) == ["0", "1", "2"] && d3.people.map(\.name) == ["Myriel", "Napoleon", "Mlle.Baptistine"])
    #expect(d3.ties.map { "\($0.source)-\($0.target) \($0.weight)" } == ["1-0 1.0", "2-0 8.0"])
    #expect(d3.people[2].attribute("group") == "2")
    let gy = try Self.load("graphology.json").graph
    #expect(gy.people.map(\.id) == ["thomas", "eric", "ann"] && gy.people[0].name == "Thomas A." && gy.people[1].attribute("age") == "29")
    #expect(gy.ties.map { "\($0.isDirected) \($0.weight)" } == ["true 2.0", "false 1.0"])
    #expect(gy.tieAttributeNames == ["type"])
  }

  static func problem(_ name: String, _ text: String, _ configure: (inout LoadOptions) -> Void = { _ in }) -> String {
    let s = Scratch()
    let p = s.write(name, text)
    var o = LoadOptions()
    configure(&o)
    do { _ = try InputLoader.loadGraph(p, options: o); return "read" } catch let e as InputError { return "\(e.line): \(e.problem)" } catch { return "\(error)" }
  }

  @Test func badFilesAreRefusedAtTheirLine() {
    #expect(Self.problem("g.gml", "graph [\n node [ id 1 ]\n node [ id 2\n") == "3: the [ opened here is never closed (the file ends inside its list)")
    #expect(Self.problem("g.gml", "graph [\n node [ id 1 ]\n edge [ source 1 target 9 ]\n]\n") == "3: edge target \"9\" is not the id of any node")
    #expect(Self.problem("g.gml", "graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 ]\n edge [ source 2 target 1 ]\n]\n")
            == "5: a second edge \"2\" – \"1\" in a graph without multigraph 1 (add it to the graph's list, or remove the duplicate)")
    #expect(Self.problem("g.gml", "graph [ label \"x ]\n") == "1: a string is never closed (the \" opened here)")
    #expect(Self.problem("g.gml", String(repeating: "a [ ", count: 40)) == "1: lists nested more than 32 deep: not a graph file (refused)")
    #expect(Self.problem("g.net", "*Vertices 2\n1 a\n*Edges\n1 3\n") == "4: \"3\" is not a vertex number (1 to 2)")
    #expect(Self.problem("g.net", "*Vertices 2\n*Edges\n1 2 -1\n") == "3: weight \"-1\" must be greater than 0")
    #expect(Self.problem("g.net", "*Vertices 2 3\n") == "1: a two-mode network (*Vertices 2 3) is not read: Tiemap reads one set of people")
    #expect(Self.problem("g.net", "*Vertices 999999999\n") == "1: *Vertices 999999999: more than 50000000 vertices (refused)")
    #expect(Self.problem("g.dl", "dl n=2 nr=3\ndata:\n") == "1: two-mode data (nr=, nc=) is not read: Tiemap reads one set of people")
    #expect(Self.problem("g.dl", "dl n=2\nwhatever\ndata:\n0 1\n1 0\n") == "2: \"whatever\" is not a DL header keyword (n=, nm=, format=, labels:, labels embedded, matrix labels:, diagonal)")
    #expect(Self.problem("g.dl", "dl n=2\ndata:\n0 1\n1\n") == "4: the data ends early: 1 matrices of 2 × 2 values expected")
    #expect(Self.problem("g.txt", "0 1 0 0\n1 0 1 0\n0 1 0 1\n0 0 1\n", { $0.format = .matrix }) == "4: a row of 3 values in an n × n matrix of n = 4")
    #expect(Self.problem("g.txt", "0 1 0 0\n1 0 1 0\n0 1 0 1\n") == "3: 3 rows of 4 values: not n × n, nor k stacked n × n matrices (k·n rows)")
    #expect(Self.problem("g.csv", ",a,b,c,d\na,0,1,0,0\nb,1,0,1,0\nc,0,1,0,1\nd,0,0,1,0\n").hasSuffix(
      "; this looks like an adjacency matrix (as many rows as values a row): pass --input-format matrix"))
  }

  @Test func formatsAreFoundByContent() {
    func format(_ text: String) -> GraphFileFormat? { GraphFileFormat(content: Array(text.utf8)) }
    #expect(format("Creator \"yEd\"\ngraph [\n") == .gml)
    #expect(format("graph\n[\n") == .gml)
    #expect(format("% comment\n*Vertices 3\n") == .pajek)
    #expect(format("DL N=5\n") == .dl)
    #expect(format("<?xml version=\"1.0\"?>\n<graphml>") == .graphml)
    #expect(format("{\"nodes\": []}") == .json)
    #expect(format("0 1 0 1\n1 0 1 0\n0 1 0 1\n1 0 1 0\n") == .matrix)
    #expect(format("a b\nb c 2\n") == .snap)
    #expect(format("hello there, world\n") == nil)
  }

  @Test(arguments: ["gml", "net"])
  func convertWrittenComesBack(_ ext: String) throws {
    let g = try InputLoader.loadAccount(contacts: Paths.sample("contacts.csv"), ties: Paths.sample("ties.csv"), interactions: nil).graph
    let x = GraphExport(graph: g)
    let s = Scratch()
    let p = s.write("g.\(ext)", ext == "gml" ? x.gml() : x.pajek())
    let back = try InputLoader.loadGraph(p).graph
    #expect(back.people.map(\.id) == g.people.map(\.id))
    #expect(back.people.map(\.name) == g.people.map(\.name) && back.people.map(\.role) == g.people.map(\.role))
    func ties(_ h: SocialGraph) -> [String] {
      h.ties.map { "\(h.people[Int($0.source)].id) \(h.people[Int($0.target)].id) \($0.isDirected) \($0.weight) \(h.kinds[Int($0.kind)].name)" }.sorted()
    }
    #expect(ties(back) == ties(g))
    if ext == "gml" {
      #expect(GraphExport(graph: back).gml() == x.gml(), "written again, byte for byte")
      #expect(back.ties.map(\.since) == g.ties.map(\.since))
    }
  }
}
