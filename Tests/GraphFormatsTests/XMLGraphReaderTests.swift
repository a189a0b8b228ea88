// GraphML and GEXF readers: Tiemap's own files come back as they were written (people, fields, attributes, ties,
// weights, kinds, direction), files written by NetworkX load with what NetworkX reads from them
// (Tests/Fixtures/formats/expected.json, from scripts/format_fixtures.py), hand-written Gephi and yEd files load,
// and the classic XML attacks are refused at once with the line.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct XMLGraphReaderTests {
  static func read(_ text: String, _ format: GraphFileFormat) throws -> (SocialGraph, [InputWarning]) {
    var b = SocialGraphBuilder()
    let file = "g.\(format.rawValue)"
    let warnings = format == .graphml ? try GraphMLReader.read(Array(text.utf8), file: file, into: &b)
                                      : try GEXFReader.read(Array(text.utf8), file: file, into: &b)
    return (try b.build(), warnings)
  }

  static func written(_ g: SocialGraph, _ format: GraphFileFormat) -> String {
    format == .graphml ? GraphExport(graph: g).graphML() : GraphExport(graph: g).gexf()
  }

  static func problem(_ text: String, _ format: GraphFileFormat) -> String {
    do { _ = try read(text, format); return "read" } catch { return "\(error)" }
  }

  @Test(arguments: [GraphFileFormat.graphml, .gexf])
  func mixedGraphComesBackAsItWas(_ format: GraphFileFormat) throws {
    let g = try GraphExportTests.graph()
    let (back, warnings) = try Self.read(Self.written(g, format), format)
    #expect(warnings.isEmpty)
    #expect(NodeLinkRoundTripTests.summary(back).people == NodeLinkRoundTripTests.summary(g).people)
    #expect(NodeLinkRoundTripTests.summary(back).ties == NodeLinkRoundTripTests.summary(g).ties)
    #expect(back.ties.count == 3, "the two arcs of each undirected tie fold back into one")
  }

  @Test(arguments: [GraphFileFormat.graphml, .gexf])
  func sampleComesBackAsItWas(_ format: GraphFileFormat) throws {
    let g = try InputLoader.loadAccount(contacts: Paths.sample("contacts.csv"), ties: Paths.sample("ties.csv"), interactions: nil).graph
    let text = Self.written(g, format)
    let (back, _) = try Self.read(text, format)
    #expect(NodeLinkRoundTripTests.summary(back).people == NodeLinkRoundTripTests.summary(g).people)
    #expect(NodeLinkRoundTripTests.summary(back).ties == NodeLinkRoundTripTests.summary(g).ties)
    #expect(Self.written(back, format) == text, "written again, byte for byte")
  }

  @Test(arguments: [GraphFileFormat.graphml, .gexf])
  func typedAttributesStayTyped(_ format: GraphFileFormat) throws {
    var b = SocialGraphBuilder()
    _ = try b.addPerson(Person(id: "a", attributes: [Attribute(name: "revenue", value: "1.5"), Attribute(name: "seats", value: "12"),
                                                     Attribute(name: "code", value: "007"), Attribute(name: "vip", value: "true")]))
    _ = try b.addPerson(Person(id: "b", attributes: [Attribute(name: "revenue", value: "2"), Attribute(name: "seats", value: "3"),
                                                     Attribute(name: "code", value: "12"), Attribute(name: "vip", value: "false")]))
    let g = try b.build()
    let x = GraphExport(graph: g)
    #expect(x.nodeColumns.map { "\($0.name):\($0.type.rawValue)" } == ["internal:boolean", "revenue:double", "seats:int", "code:string", "vip:boolean"])
    let (back, _) = try Self.read(Self.written(g, format), format)
    #expect(back.people.map { $0.attribute("code") } == ["007", "12"] && back.people.map { $0.attribute("revenue") } == ["1.5", "2"])
  }

  /// Files NetworkX wrote load with what NetworkX reads from them.
  @Test(arguments: ["nx-karate.graphml", "nx-karate.gexf", "nx-karate.json", "nx-florentine.graphml", "nx-florentine.gexf",
                    "nx-florentine.json", "nx-multi.graphml", "nx-multi.gexf", "nx-multi.json"])
  func networkXFilesLoad(_ name: String) throws {
    let path = Paths.root.appendingPathComponent("Tests/Fixtures/formats/\(name)").path
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.root.appendingPathComponent(
      "Tests/Fixtures/formats/expected.json"))) as? [String: [String: Any]])[name]
    let e = try #require(expected)
    let g = try InputLoader.loadGraph(path).graph
    #expect(g.people.count == e["nodes"] as? Int)
    #expect(g.ties.count == e["edges"] as? Int)
    #expect(g.ties.contains { $0.isDirected } == e["directed"] as? Bool)
    let total = g.ties.reduce(0.0) { $0 + $1.weight }
    #expect(abs(total - (e["total_weight"] as? Double ?? -1)) < 1e-9)
    let first = try #require(g.index(of: e["first"] as? String ?? ""))
    let p = g.people[Int(first)]
    for (key, value) in e["first_attributes"] as? [String: String] ?? [:] {
      let got: String? = switch key {
      case "name": p.name
      case "title": p.title
      case "account": p.account
      case "role": p.role?.rawValue
      case "influence": p.influence.map(String.init)
      default: p.attribute(key)
      }
      #expect(got == value, "\(name): \(key)")
    }
    let degree = g.ties.filter { $0.source == first || $0.target == first }.count + g.ties.filter { $0.source == first && $0.target == first }.count
    #expect(degree == e["degree_of_first"] as? Int)
  }

  /// A GEXF file as Gephi writes it (hand-written after the GEXF 1.3 primer): labels as names, defaults, kinds,
  /// mutual edges, edge labels; its drawing skipped.
  @Test func gephiFileLoads() throws {
    let g = try InputLoader.loadGraph(Paths.root.appendingPathComponent("Tests/Fixtures/formats/gephi-viz.gexf").path).graph
    #expect(g.people.map(\.id) == ["ceo", "cto", "ops"])
    #expect(g.people.map(\.name) == ["Dana Ortiz", "Lee Wong", "Sam & Co <ops>"])
    #expect(g.people.map(\.role) == [.decisionMaker, .technicalExpert, .endUser], "the default role for ops")
    #expect(g.people[0].influence == 5 && g.people[0].account == "Globex" && g.people[2].attribute("Modularity Class") == "1")
    #expect(g.ties.map { "\(g.ids[Int($0.source)])>\(g.ids[Int($0.target)]) \(g.kinds[Int($0.kind)].name) \($0.weight) \($0.isDirected)" }
            == ["cto>ceo reports_to 1.0 true", "ceo>cto relationship 3.5 false", "ops>cto edge 2.0 true"])
    #expect(g.tieAttributeNames == ["label"] && g.tieAttribute(1, 0) == "golf" && g.tieAttribute(0, 0) == "")
    #expect(g.ties[1].since == Day(iso: "2021-06-01") && g.ties[0].since == nil)
  }

  /// A GraphML file as yEd writes it: names only in the graphics' NodeLabel, CDATA, graph-level data, a directed
  /// edge in an undirected graph.
  @Test func yEdFileLoads() throws {
    let g = try InputLoader.loadGraph(Paths.root.appendingPathComponent("Tests/Fixtures/formats/yed-org.graphml").path).graph
    #expect(g.people.map(\.name) == ["Ana Ruiz", "Buyer", nil])
    #expect(g.people[0].attribute("description") == "Head of purchasing")
    #expect(g.ties.map(\.isDirected) == [true, false] && g.tieAttributeNames == ["description"] && g.tieAttribute(0, 0) == "reports")
  }

  /// The drawing keys of yEd are dropped with one warning naming them; yFiles for HTML (yEd Live) keeps its labels
  /// in `<y:Label.Text>` under keys with `y:attr.uri`; a `<data>` holding only elements is drawing data too.
  @Test func drawingKeysAreDroppedWithAWarning() throws {
    let (yed, warnings) = try Self.read(try String(contentsOfFile: Paths.root.appendingPathComponent("Tests/Fixtures/formats/yed-org.graphml").path, encoding: .utf8), .graphml)
    #expect(warnings.map(\.message) == ["drawing data dropped (yEd/yFiles graphics, not people's or ties' fields): keys d1, d5, d9"])
    #expect(yed.people.allSatisfy { p in p.attributes.allSatisfy { !$0.value.allSatisfy(\.isWhitespace) } }, "no whitespace-only attribute")
    let html = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0">
        <key id="d0" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
        <key id="d1" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
        <key id="d2" for="node" attr.name="title" attr.type="string"/>
        <key id="d3" for="node" attr.name="NodeGraphics"/>
        <graph id="G" edgedefault="directed">
          <node id="n0">
            <data key="d0"><x:List><y:Label><y:Label.Text>Ana Ruiz</y:Label.Text></y:Label></x:List></data>
            <data key="d1"><y:RectD X="0" Y="0" Width="30" Height="30"/></data>
            <data key="d2">CFO</data>
            <data key="d3">
              <y:Shape type="rect"/>
            </data>
          </node>
          <node id="n1"><data key="d0"><x:List><y:Label Text="Bo Berg"/></x:List></data></node>
          <edge source="n0" target="n1"/>
        </graph>
      </graphml>
      """
    let (g, w) = try Self.read(html, .graphml)
    #expect(g.people.map(\.name) == ["Ana Ruiz", "Bo Berg"] && g.people[0].title == "CFO")
    #expect(g.people.allSatisfy { $0.attributes.isEmpty })
    #expect(w.map(\.message) == ["drawing data dropped (yEd/yFiles graphics, not people's or ties' fields): keys NodeLabels, NodeGeometry, NodeGraphics"])
  }

  /// GraphML key ids are unique per domain (`for`): a graph key and a node key may share one.
  @Test func keyIDsArePerDomain() throws {
    let text = """
      <?xml version="1.0"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="name" for="graph" attr.name="name" attr.type="string"/>
        <key id="name" for="node" attr.name="name" attr.type="string"/>
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <key id="w" for="node" attr.name="wealth" attr.type="double"/>
        <graph edgedefault="undirected">
          <data key="name">Florence</data>
          <node id="a"><data key="name">Ann</data><data key="w">3.5</data></node>
          <node id="b"><data key="name">Bo</data></node>
          <edge source="a" target="b"><data key="w">2</data></edge>
        </graph>
      </graphml>
      """
    let (g, _) = try Self.read(text, .graphml)
    #expect(g.people.map(\.name) == ["Ann", "Bo"] && g.people[0].attribute("wealth") == "3.5" && g.ties[0].weight == 2)
    #expect(Self.problem(text.replacingOccurrences(of: "<key id=\"w\" for=\"node\"", with: "<key id=\"w\" for=\"edge\""), .graphml)
            == "g.graphml:6: <key id=\"w\"> is declared twice for edge")
  }

  @Test func badGraphMLSaysWhere() {
    let head = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    #expect(Self.problem(head + "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>", .graphml)
            == #"g.graphml:5: edge target "zz" is not the id of any node"#)
    #expect(Self.problem(head + "<key id=\"r\" for=\"node\" attr.name=\"role\"/>\n<graph>\n<node id=\"a\"><data key=\"r\">boss</data></node></graph></graphml>", .graphml)
            .hasPrefix(#"g.graphml:5: node "a": role "boss" is not a role"#))
    #expect(Self.problem(head + "<graph>\n<node id=\"a\"><data key=\"nope\">1</data></node></graph></graphml>", .graphml)
            == #"g.graphml:4: <data key="nope"> names no declared <key>"#)
    #expect(Self.problem(head + "<graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", .graphml) == #"g.graphml:5: node "a" is declared twice"#)
    #expect(Self.problem(head + "<graph>\n<node id=\"a\">\n<graph id=\"inner\"/></node></graph></graphml>", .graphml).hasPrefix("g.graphml:5: a nested graph"))
    #expect(Self.problem(head + "<graph>\n<node id=\"a\">\n</graph>", .graphml).hasPrefix("g.graphml:5: not well-formed XML: "))
    #expect(Self.problem("<gexf/>", .graphml) == "g.graphml:1: the document is <gexf>, not GraphML (<graphml>)")
    #expect(Self.problem("", .graphml).hasPrefix("g.graphml"))
  }

  @Test func badGEXFSaysWhere() {
    let head = "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n"
    #expect(Self.problem(head + "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"zz\" target=\"a\"/></edges></graph></gexf>", .gexf)
            == #"g.gexf:5: edge source "zz" is not the id of any node"#)
    #expect(Self.problem(head + "<nodes>\n<node id=\"a\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node></nodes></graph></gexf>", .gexf)
            == #"g.gexf:5: <attvalue for="9"> names no declared node attribute"#)
    #expect(Self.problem(head + "<nodes>\n<node id=\"a\">\n<nodes><node id=\"b\"/></nodes></node></nodes></graph></gexf>", .gexf)
            .hasPrefix("g.gexf:6: nested nodes"))
    #expect(Self.problem(head + "<edges><edge source=\"a\" target=\"a\" weight=\"-2\"/></edges></graph></gexf>", .gexf).contains("is not the id"))
    #expect(Self.problem(head + "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" weight=\"heavy\"/></edges></graph></gexf>", .gexf)
            .hasPrefix(#"g.gexf:5: edge "a" → "a": weight"#))
  }

  // MARK: The classic attacks

  static let attacks: [(name: String, text: String)] = {
    var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    laughs += " <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
    for i in 2...9 { laughs += " <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
    laughs += "]>\n<graphml><graph><node id=\"a\"><data key=\"n\">&lol9;</data></node></graph></graphml>\n"
    let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      + "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph><node id=\"a\"><data key=\"n\">&xxe;</data></node></graph></graphml>\n"
    let parameter = "<!-- a comment first -->\n<?xml-stylesheet href=\"x\"?>\n<!DOCTYPE gexf [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>\n<gexf/>\n"
    let externalDTD = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/graphml.dtd\">\n<graphml/>\n"
    let deep = "<?xml version=\"1.0\"?>\n<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph><node id=\"a\"><data key=\"n\">" + String(repeating: "<x>", count: 10_000)
      + String(repeating: "</x>", count: 10_000) + "</data></node></graph></graphml>\n"
    let deepOpen = "<graphml>" + String(repeating: "<x>", count: 10_000)
    let undefined = "<?xml version=\"1.0\"?>\n<graphml><graph><node id=\"&undefined;\"/></graph></graphml>\n"
    return [("billion laughs", laughs), ("external entity", external), ("parameter entity", parameter), ("external DTD", externalDTD),
            ("10,000-deep nesting", deep), ("10,000 unclosed elements", deepOpen), ("undefined entity", undefined)]
  }()

  @Test(arguments: [GraphFileFormat.graphml, .gexf])
  func classicAttacksAreRefusedAtOnce(_ format: GraphFileFormat) throws {
    for (name, text) in Self.attacks {
      let clock = ContinuousClock()
      let start = clock.now
      let message = Self.problem(text.replacingOccurrences(of: "graphml", with: format == .graphml ? "graphml" : "gexf"), format)
      let took = clock.now - start
      #expect(took < .seconds(1), "\(name): \(took)")
      #expect(message.hasPrefix("g.\(format.rawValue):"), "\(name): \(message)")
      if name.contains("DTD") || name.contains("entity") && name != "undefined entity" || name == "billion laughs" {
        #expect(message.contains("document type declaration (<!DOCTYPE …>) is refused"), "\(name): \(message)")
      } else if name.contains("deep") || name.contains("unclosed") {
        #expect(message.contains("nested more than 64 deep"), "\(name): \(message)")
      } else {
        #expect(message.contains("not well-formed XML") && message.contains("undefined"), "\(name): \(message)")
      }
      #expect(!message.contains("root:"), "\(name): nothing of /etc/passwd")
    }
  }

  @Test func utf16IsRefusedWithWhatToDo() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for u in "<graphml/>".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    var b = SocialGraphBuilder()
    #expect(throws: InputError(file: "g.graphml", line: 1, problem: "the file is UTF-16 (its byte-order mark says so): read it with --encoding auto or utf-16, or save it as UTF-8")) {
      try GraphMLReader.read(bytes, file: "g.graphml", into: &b)
    }
  }
}
