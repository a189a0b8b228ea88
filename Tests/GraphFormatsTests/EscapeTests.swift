// The escapers of every output language (GraphFormats/Writers/Escape.swift), each with every hostile name of the
// catalogue (Tests/Fixtures/hostile/names.json, written by scripts/hostile_fixtures.py) and read back by a real
// parser of its language: Graphviz's `dot` for DOT strings and HTML-like labels (its SVG then read by an XML
// parser), an XML parser for markup in element content and attributes, JSONSerialization for JSON, and Python's
// csv module (and Tiemap's own reader) for CSV. What comes back must be the name itself, or — for the languages
// that cannot hold them — the name with control characters dropped, tabs and CRs as spaces, line breaks as the
// language's own, and the XML-forbidden noncharacters U+FFFE, U+FFFF as U+FFFD; nothing else may change, and no
// name may add an element. The report's HTML goes through Chromium in scripts/check-escaping.py (make test's
// check-report step).
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GraphFormats

private let names: [String] = {
  let url = Paths.root.appendingPathComponent("Tests/Fixtures/hostile/names.json")
  return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String]
}()

/// What a drawing shows of `s`: control characters dropped, tab and CR as a space, U+FFFE and U+FFFF as U+FFFD,
/// and each line break as `lineBreak`.
private func shown(_ s: String, lineBreak: String) -> String {
  var out = ""
  for ch in s.unicodeScalars {
    switch ch.value {
    case 0x0A: out += lineBreak
    case 0x09, 0x0D: out += " "
    case 0..<0x20, 0x7F: continue
    case 0xFFFE, 0xFFFF: out += "\u{FFFD}"
    default: out.unicodeScalars.append(ch)
    }
  }
  return out
}

/// Elements with their attributes and text, as an XML parser reads them.
private final class XMLElements: NSObject, XMLParserDelegate {
  struct Element { var name: String; var attributes: [String: String]; var text = "" }
  var elements: [Element] = []
  private var open: [Int] = []
  var failure: String?
  static func parse(_ text: String) -> XMLElements {
    let parser = XMLParser(data: Data(text.utf8))
    let me = XMLElements()
    parser.delegate = me
    if !parser.parse() { me.failure = parser.parserError.map { "\($0)" } ?? "failed" }
    return me
  }
  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String] = [:]) {
    open.append(elements.count)
    elements.append(Element(name: name, attributes: attributes))
  }
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    open.removeLast()
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let i = open.last { elements[i].text += string }
  }
}

private func run(_ tool: String, _ arguments: [String], input: String) throws -> String {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  p.arguments = [tool] + arguments
  let stdin = Pipe(), stdout = Pipe()
  p.standardInput = stdin; p.standardOutput = stdout
  try p.run()
  let feed = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
  feed.start()
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  #expect(p.terminationStatus == 0, "\(tool) exited \(p.terminationStatus)")
  return String(decoding: out, as: UTF8.self)
}

@Suite struct EscapeTests {
  @Test func theNamesAreThere() {
    #expect(names.count >= 35)
    #expect(names.contains("<script>alert(1)</script>") && names.contains { $0.contains("\u{FFFE}") } && names.contains { $0.contains("\n") })
  }

  // XML / SVG / HTML: each name in an attribute and in element content of one SVG, read by an XML parser.
  @Test func markupIsReadBackByAnXMLParser() {
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">"
    for (i, n) in names.enumerated() { svg += "<text id=\"t\(i)\" data-name=\"\(Escape.markup(n))\">\(Escape.markup(n))</text>" }
    svg += "</svg>"
    let xml = XMLElements.parse(svg)
    #expect(xml.failure == nil, "\(xml.failure ?? "")")
    let texts = xml.elements.filter { $0.name == "text" }
    #expect(texts.count == names.count && xml.elements.count == names.count + 1, "a name added or broke an element")
    for (n, e) in zip(names, texts) {
      let want = shown(n, lineBreak: " ")
      #expect(e.text == want, "content of \(n.debugDescription): \(e.text.debugDescription)")
      #expect(e.attributes["data-name"] == want, "attribute of \(n.debugDescription): \(e.attributes["data-name"]?.debugDescription ?? "nil")")
    }
  }

  // JSON: every name back exactly, control characters and all.
  @Test func jsonIsReadBackExactly() throws {
    for n in names {
      let literal = Escape.json(n)
      #expect(!literal.contains("<") && !literal.contains("&") && !literal.contains("\u{2028}"), "\(literal)")
      let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
      #expect(back == n, "\(n.debugDescription) came back as \(back?.debugDescription ?? "nil")")
    }
  }

  // CSV: a file of every name, read by Python's csv module and by Tiemap's reader; formulas come back with the
  // leading quote, everything else as it was (line breaks inside quoted cells included).
  @Test func csvIsReadBackByPythonsCSVModule() throws {
    let text = "name\n" + names.map { Escape.csvCell($0) + "\n" }.joined()
    let python = try run("python3", ["-c", "import csv, io, json, sys; print(json.dumps([r for r in csv.reader(io.StringIO(sys.stdin.read(), newline=''))]))"],
                         input: text)
    let rows = try JSONSerialization.jsonObject(with: Data(python.utf8)) as! [[String]]
    let ours = try records(text).map(\.1)
    #expect(rows.count == names.count + 1 && ours.count == names.count + 1)
    for (i, n) in names.enumerated() {
      let formula = ["=", "+", "-", "@", "\t", "\r"].contains(n.unicodeScalars.first.map(String.init) ?? "") && Double(n) == nil
      let want = formula ? "'" + n : n
      #expect(rows[i + 1] == [want], "python read \(rows[i + 1]) for \(n.debugDescription)")
      #expect(ours[i + 1] == [want], "tiemap read \(ours[i + 1]) for \(n.debugDescription)")
    }
    #expect(Escape.csvCell("=1+1") == "'=1+1" && Escape.csvCell("-5") == "-5" && Escape.csvValue("=1+1") == "=1+1")
  }

  // DOT: each name as a quoted label and as an HTML-like label, laid out by Graphviz's dot; its SVG, read by an
  // XML parser, draws every name (one <text> per line) and nothing else, and gives it back as the tooltip.
  @Test func dotIsDrawnByGraphviz() throws {
    var dot = "digraph names {\n"
    for (i, n) in names.enumerated() {
      dot += "  q\(i) [label=\(DOTValue.quoted(n, attribute: "label")), tooltip=\(DOTValue.quoted(n, attribute: "tooltip"))];\n"
      var label = HTMLLabel()
      label.text(n)
      dot += "  h\(i) [label=<\(label.markup)>];\n"
    }
    dot += "}\n"
    let svg = try run("dot", ["-Tsvg"], input: dot)
    let xml = XMLElements.parse(svg)
    #expect(xml.failure == nil, "dot's SVG is not well-formed: \(xml.failure ?? "")")
    // Each node is <g class="node"><title>q3</title> … <text>line</text>…</g>: group the texts by node.
    var drawn: [String: [String]] = [:], tooltips: [String: String] = [:], current: String?
    for e in xml.elements {
      if e.name == "title" { current = e.text }
      if e.name == "a", let c = current, let t = e.attributes["xlink:title"] { tooltips[c] = t.replacingOccurrences(of: "\u{A0}", with: " ") }
      // Graphviz keeps runs of spaces as no-break spaces (U+00A0), which draw the same.
      if e.name == "text", let c = current { drawn[c, default: []].append(e.text.replacingOccurrences(of: "\u{A0}", with: " ")) }
    }
    #expect(drawn.count == 2 * names.count, "\(drawn.count) nodes drawn")
    for (i, n) in names.enumerated() {
      // Graphviz draws neither an empty line nor the spaces at a line's ends.
      let want = shown(n, lineBreak: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      #expect(tooltips["q\(i)"] == shown(n, lineBreak: "\n"), "tooltip of \(n.debugDescription): \(tooltips["q\(i)"]?.debugDescription ?? "nil")")
      for id in ["q\(i)", "h\(i)"] {
        let got = (drawn[id] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(got == want, "\(id) \(n.debugDescription) drawn as \(got.map(\.debugDescription))")
      }
    }
  }
}
