// `GraphExport`: a mixed graph written directed with each undirected tie as two arcs marked undirected=true,
// parallel ties kept (a multigraph), typed columns only where someone has a value, measures named apart from the
// fields, XML data escaped; checked by parsing the GraphML and the node-link JSON back.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct GraphExportTests {
  static func graph() throws -> SocialGraph {
    var b = SocialGraphBuilder()
    _ = try b.addPerson(Person(id: "a", name: "Ann \"A\" & <Co>\nline", account: "X", influence: 4))
    _ = try b.addPerson(Person(id: "b", name: "Bob", account: "X"))
    _ = try b.addPerson(Person(id: "c", account: "Y"))
    let advice = b.kindIndex(for: TieKind("advice")), friend = b.kindIndex(for: TieKind("friendship"))
    try b.addTie(Tie(source: 0, target: 1, weight: 2.5, kind: advice, isDirected: true))
    try b.addTie(Tie(source: 0, target: 1, weight: 0.5, kind: friend, isDirected: false))
    try b.addTie(Tie(source: 1, target: 2, weight: 1, kind: friend, isDirected: false, interactions: 7))
    return try b.build()
  }

  @Test func mixedGraphIsWrittenDirectedWithUndirectedTiesAsTwoArcs() throws {
    let x = GraphExport(graph: try Self.graph(), measures: [("influence", [1, 0.5, .nan]), ("degree", [2, 2, 1])])
    #expect(x.directed && x.multigraph)
    #expect(x.edges.map { "\($0.source)\($0.target)\($0.directed ? "d" : "u")" } == ["01d", "01u", "10u", "12u", "21u"])
    #expect(x.nodeColumns.map(\.name) == ["name", "account", "influence", "internal", "structural_influence", "degree"])
    #expect(x.edgeColumns.map(\.name) == ["weight", "kind", "interactions", "undirected"])
    // Node-link JSON read back: ids, typed values, the missing measure left out, the arcs with keys.
    let j = try JSONSerialization.jsonObject(with: Data(x.nodeLink().utf8)) as! [String: Any]
    #expect(j["directed"] as? Bool == true && j["multigraph"] as? Bool == true)
    let nodes = j["nodes"] as! [[String: Any]]
    #expect(nodes.map { $0["id"] as! String } == ["a", "b", "c"])
    #expect(nodes[0]["name"] as? String == "Ann \"A\" & <Co>\nline" && nodes[0]["influence"] as? Int == 4)
    #expect(nodes[0]["structural_influence"] as? Double == 1 && nodes[2]["structural_influence"] == nil && nodes[2]["name"] == nil)
    let edges = j["edges"] as! [[String: Any]]
    #expect(edges.map { "\($0["source"]!)\($0["target"]!)\($0["key"]!)" } == ["ab0", "ab1", "ba0", "bc0", "cb0"])
    #expect(edges[1]["undirected"] as? Bool == true && edges[0]["undirected"] == nil && edges[3]["interactions"] as? Int == 7)
  }

  @Test func graphMLParsesBackWithTheNamesAsGiven() throws {
    let x = GraphExport(graph: try Self.graph())
    final class Reader: NSObject, XMLParserDelegate {
      var keys: [String: String] = [:], node = "", key = "", text = "", names: [String: String] = [:], edges = 0
      func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        if e == "key" { keys[a["id"]!] = a["attr.name"] }
        if e == "node" { node = a["id"]! }
        if e == "edge" { edges += 1; node = "" }
        if e == "data" { key = a["key"]!; text = "" }
      }
      func parser(_ p: XMLParser, foundCharacters s: String) { text += s }
      func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        if e == "data", keys[key] == "name", !node.isEmpty { names[node] = text }
      }
    }
    let r = Reader()
    let p = XMLParser(data: Data(x.graphML().utf8))
    p.delegate = r
    #expect(p.parse(), "\(p.parserError.map { "\($0)" } ?? "")")
    #expect(r.names == ["a": "Ann \"A\" & <Co>\nline", "b": "Bob"] && r.edges == 5)
    #expect(x.graphML().contains("edgedefault=\"directed\""))
  }

  @Test func oneDirectionIsWrittenAsIs() throws {
    var b = SocialGraphBuilder()
    _ = try b.addPerson(Person(id: "a")); _ = try b.addPerson(Person(id: "b"))
    try b.addTie(Tie(source: 0, target: 1, weight: 1, kind: b.kindIndex(for: TieKind("relationship")), isDirected: false))
    let x = GraphExport(graph: try b.build())
    #expect(!x.directed && !x.multigraph && x.edges.count == 1 && !x.edgeColumns.contains { $0.name == "undirected" })
    #expect(x.graphML().contains("edgedefault=\"undirected\"") && x.gexf().contains("defaultedgetype=\"undirected\""))
    #expect(x.dot().hasPrefix("graph tiemap {") && x.dot().contains("\"a\" -- \"b\""))
    #expect(x.edgeListCSV() == "source,target,weight,kind\na,b,1.0,relationship\n")
  }
}

@Suite struct NodeLinkRoundTripTests {
  static func read(_ text: String) throws -> SocialGraph {
    var b = SocialGraphBuilder()
    try NodeLinkReader.read(Array(text.utf8), file: "g.json", into: &b)
    return try b.build()
  }

  /// People with every field and ties with every column, as multisets of their descriptions.
  static func summary(_ g: SocialGraph) -> (people: [String], ties: [String]) {
    let people = g.people.map { p in
      "\(p.id)|\(p.name ?? "")|\(p.title ?? "")|\(p.account ?? "")|\(p.department ?? "")|\(p.reportsTo ?? "")|\(p.role?.rawValue ?? "")|"
        + "\(p.proximity?.label ?? "")|\(p.influence ?? 0)|\(p.interest ?? 0)|\(p.owner ?? "")|\(p.isInternal)|"
        + p.attributes.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: ",")
    }
    let ties = g.ties.indices.map { i in
      let t = g.ties[i]
      let attributes = g.tieAttributeNames.indices.map { "\(g.tieAttributeNames[$0])=\(g.tieAttribute(i, $0))" }.joined(separator: ",")
      return "\(g.ids[Int(t.source)])>\(g.ids[Int(t.target)])|\(t.weight)|\(g.kinds[Int(t.kind)].name)|\(t.isDirected)|"
        + "\(t.since?.description ?? "")|\(t.lastContact?.description ?? "")|\(t.interactions.map { "\($0)" } ?? "")|\(attributes)"
    }
    return (people, ties.sorted())
  }

  @Test func mixedGraphComesBackAsItWas() throws {
    let g = try GraphExportTests.graph()
    let back = try Self.read(GraphExport(graph: g).nodeLink())
    #expect(Self.summary(back).people == Self.summary(g).people)
    #expect(Self.summary(back).ties == Self.summary(g).ties)
    #expect(back.ties.count == 3, "the two arcs of each undirected tie fold back into one")
  }

  @Test func sampleComesBackAsItWas() throws {
    let g = try InputLoader.loadAccount(contacts: Paths.sample("contacts.csv"), ties: Paths.sample("ties.csv"), interactions: nil).graph
    let json = GraphExport(graph: g).nodeLink()
    let back = try Self.read(json)
    #expect(Self.summary(back).people == Self.summary(g).people)
    #expect(Self.summary(back).ties == Self.summary(g).ties)
    #expect(GraphExport(graph: back).nodeLink() == json, "written again, byte for byte")
  }

  @Test func networkXFilesAndBadOnesSayWhere() throws {
    // NetworkX before 3.4 wrote "links"; numeric ids; no fields at all.
    let g = try Self.read(#"{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": 0, "club": "Mr. Hi"}, {"id": 1}], "links": [{"source": 0, "target": 1, "weight": 4}]}"#)
    #expect(g.ids.elements == ["0", "1"] && g.people[0].attribute("club") == "Mr. Hi" && g.ties.count == 1 && g.ties[0].weight == 4)
    func problem(_ text: String) -> String {
      do { _ = try Self.read(text); return "read" } catch { return "\(error)" }
    }
    #expect(problem(#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "zz"}]}"#) == #"g.json: edges[0].target: "zz" is not the id of any node"#)
    #expect(problem(#"{"nodes": [{"id": "a", "influence": 9}]}"#).hasPrefix("g.json: nodes[0]: influence"))
    #expect(problem(#"{"nodes": [{"id": "a"}, {"id": "a"}]}"#) == #"g.json: nodes[1].id: "a" is the id of an earlier node"#)
    #expect(problem("{\"nodes\": [\n{\"id\": \"a\"},\n]}") == "g.json:3: column 1: " + (try! #require(problem("[1,]").split(separator: " ", maxSplits: 3).last.map(String.init))))
    #expect(problem(#"{"edges": []}"#).contains("has no \"nodes\" array"))
    #expect(problem(String(repeating: "[", count: 10_000)).contains("deep"))
  }
}
