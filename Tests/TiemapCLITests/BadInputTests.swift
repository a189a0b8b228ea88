// Every bad-input case of the foundation issue, run through the real binary. Expected messages are the
// contract (DESIGN.md: "names the file, the line and the problem"); they are written here by hand.
import Foundation
import Testing

struct BadInput: CustomTestStringConvertible, Sendable {
  var name: String
  var contacts: [UInt8]?
  var ties: [UInt8]?
  var interactions: [UInt8]?
  var graph: (String, [UInt8])?
  var extraArgs: [String] = []
  /// Expected stderr line, with C, T, I, G standing for the files' names.
  var message: String
  var testDescription: String { name }

  init(_ name: String, contacts: String? = nil, ties: String? = nil, interactions: String? = nil,
       graph: (String, String)? = nil, args: [String] = [], _ message: String) {
    self.name = name
    self.contacts = contacts.map { Array($0.utf8) }
    self.ties = ties.map { Array($0.utf8) }
    self.interactions = interactions.map { Array($0.utf8) }
    self.graph = graph.map { ($0.0, Array($0.1.utf8)) }
    self.extraArgs = args
    self.message = message
  }

  init(_ name: String, contactBytes: [UInt8], args: [String] = [], _ message: String) {
    self.name = name; self.contacts = contactBytes; self.extraArgs = args; self.message = message
  }

  static let people = "id,name\na,Ann\nb,Bo\n"

  static let all: [BadInput] = [
    BadInput("missing required column", contacts: "name,title\nAnn,CEO\n",
             "C:1: missing required column \"id\" (columns found: name, title)"),
    BadInput("two columns for one field", contacts: "id,ContactId\na,b\n", "C:1: columns \"id\" and \"ContactId\" both give id"),
    BadInput("duplicate person id", contacts: "id,name\na,Ann\nb,Bo\na,Al\n", "C:4: duplicate id \"a\" (first on line 2)"),
    BadInput("empty id", contacts: "id,name\n,Ann\n", "C:2: empty id"),
    BadInput("tie to an unknown person", contacts: people, ties: "source,target\na,b\na,x9\n",
             "T:3: target \"x9\" is not in C (add the person there, or pass --allow-unknown to add unknown people)"),
    BadInput("empty source", contacts: people, ties: "source,target\n,b\n", "T:2: empty source"),
    BadInput("weight not a number", contacts: people, ties: "source,target,weight\na,b,1\na,b,oops\n",
             "T:3: weight \"oops\" is not a number"),
    BadInput("negative weight", contacts: people, ties: "source,target,weight\na,b,-2\n", "T:2: weight \"-2\" must be greater than 0"),
    BadInput("zero weight", contacts: people, ties: "source,target,weight\na,b,0\n", "T:2: weight \"0\" must be greater than 0"),
    BadInput("NaN weight", contacts: people, ties: "source,target,weight\na,b,NaN\n", "T:2: weight \"NaN\" is not a number"),
    BadInput("infinite weight", contacts: people, ties: "source,target,weight\na,b,inf\n", "T:2: weight \"inf\" is not a number"),
    BadInput("proximity outside P1–P4", contacts: "id,proximity\na,P5\n", "C:2: proximity \"P5\" must be P1, P2, P3 or P4 (or 1 to 4)"),
    BadInput("influence outside 1–5", contacts: "id,influence\na,7\n", "C:2: influence \"7\" must be a whole number from 1 to 5"),
    BadInput("influence not a number", contacts: "id,influence\na,high\n", "C:2: influence \"high\" must be a whole number from 1 to 5"),
    BadInput("interest outside 1–5", contacts: "id,interest\na,0\n", "C:2: interest \"0\" must be a whole number from 1 to 5"),
    BadInput("unknown role", contacts: "id,role\na,boss\n",
             "C:2: role \"boss\" is not one of decision_maker, influencer, end_user, gatekeeper, technical_expert"),
    BadInput("internal not a boolean", contacts: "id,internal\na,maybe\n", "C:2: internal \"maybe\" must be true or false"),
    BadInput("unknown manager", contacts: "id,reports_to\na,zz\n",
             "C:2: reports_to \"zz\" is not the id of anyone in C (add the person, or pass --allow-unknown)"),
    BadInput("unterminated quote", contacts: "id,name\na,Ann\nb,\"Bo\nc,Cy\n",
             "C:3: unterminated quoted field (the quote opened here is never closed)"),
    BadInput("text after a closing quote", contacts: "id,name\na,\"Ann\"e\n",
             "C:2: unexpected \"e\" after a closing quote (a quote inside a quoted field must be doubled)"),
    BadInput("invalid UTF-8", contactBytes: Array("id,name\na,".utf8) + [0xFF, 0xFE] + Array("\n".utf8), args: ["--encoding", "utf-8"],
             "C:2: invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)"),
    BadInput("empty file", contacts: "", "C: file is empty (expected a header line)"),
    BadInput("blank file", contacts: "\n\n", "C: file is empty (expected a header line)"),
    BadInput("header only", contacts: "id,name,title\n", "C:1: no rows after the header"),
    BadInput("ties header only", contacts: people, ties: "source,target,weight\n", "T:1: no rows after the header"),
    BadInput("row with too many fields", contacts: "id,name\na,Ann,extra\n", "C:2: row has 3 fields but the header has 2"),
    BadInput("row with too few fields", contacts: "id,name,title\na,Ann\n", "C:2: row has 2 fields but the header has 3"),
    BadInput("bad date", contacts: people, ties: "source,target,since\na,b,2024-13-01\n",
             "T:2: since \"2024-13-01\" is not a date (YYYY-MM-DD)"),
    BadInput("last contact before since", contacts: people, ties: "source,target,since,last_contact\na,b,2024-05-01,2024-01-01\n",
             "T:2: last_contact 2024-01-01 is before since 2024-05-01"),
    BadInput("directed not a boolean", contacts: people, ties: "source,target,directed\na,b,sometimes\n",
             "T:2: directed \"sometimes\" must be true or false"),
    BadInput("interaction with an unknown person", contacts: people, interactions: "date,person,points\n2025-01-02,zz,1\n",
             "I:2: person \"zz\" is not in C (add the person there, or pass --allow-unknown to add unknown people)"),
    BadInput("negative cost", contacts: people, interactions: "date,person,points,cost\n2025-01-02,a,1,-5\n",
             "I:2: cost \"-5\" must not be negative"),
    BadInput("interactions without points", contacts: people, interactions: "date,person\n2025-01-02,a\n",
             "I:1: missing required column \"points\" (or \"outcome\")"),
    BadInput("edge list with 4 columns", graph: ("g.txt", "# c\n1 2\n1 2 3 4\n"),
             "G:3: expected 2 or 3 columns (source target [weight]), found 4"),
    BadInput("edge list bad weight", graph: ("g.txt", "1 2 0.5\n2 3 -1\n"), "G:2: weight \"-1\" must be greater than 0"),
    BadInput("edge list empty", graph: ("g.txt", ""), "G: file is empty"),
    BadInput("edge list comments only", graph: ("g.txt", "# nothing\n"), "G: no edges (only comments or blank lines)"),
    BadInput("edge list invalid UTF-8", graph: ("g.txt", "a b\nc \u{FFFD}\n"), ""),  // replaced below with raw bytes
    BadInput("unknown graph format", graph: ("g.xyz", "PK something\nthat is not a graph at all\n"),
             "G: Tiemap does not read .xyz files; it reads edge lists (.txt, .csv, .xlsx), JSON (node-link, d3, graphology), GraphML, GEXF, GML, Pajek (.net), UCINET DL (.dl) and adjacency matrices (name one with --input-format)"),
    BadInput("GraphML with a DTD", graph: ("g.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml/>"),
             "G:2: a document type declaration (<!DOCTYPE …>) is refused: DTDs and entities are not read, for safety (GraphML and GEXF need none)"),
    BadInput("GEXF not well-formed", graph: ("g.gexf", "<gexf>\n<graph>\n<nodes><node id=\"a\"></nodes>"),
             "G:3: not well-formed XML: Opening and ending tag mismatch: node line 3 and nodes"),
  ].map { c in
    guard c.name == "edge list invalid UTF-8" else { return c }
    var c = c
    c.graph = ("g.txt", Array("a b\nc ".utf8) + [0xC0] + Array("\n".utf8))
    c.extraArgs = ["--encoding", "utf-8"]
    c.message = "G:2: invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)"
    return c
  }
}

@Suite struct BadInputTests {
  @Test(arguments: BadInput.all)
  func badInputExitsWithOneAndNamesFileAndLine(_ c: BadInput) throws {
    var files: [String: [UInt8]] = [:]
    if let b = c.contacts { files["contacts.csv"] = b }
    if let b = c.ties { files["ties.csv"] = b }
    if let b = c.interactions { files["interactions.csv"] = b }
    if let (n, b) = c.graph { files[n] = b }
    let ws = Workspace(files: files)
    var args = ["info"]
    if c.contacts != nil { args += ["--contacts", "contacts.csv"] }
    if c.ties != nil { args += ["--ties", "ties.csv"] }
    if c.interactions != nil { args += ["--interactions", "interactions.csv"] }
    if let (n, _) = c.graph { args += ["--graph", n] }
    let r = try CLI.run(args + c.extraArgs, cwd: ws.dir)
    let expected = c.message.replacingOccurrences(of: "C:", with: "contacts.csv:")
      .replacingOccurrences(of: "T:", with: "ties.csv:").replacingOccurrences(of: "I:", with: "interactions.csv:")
      .replacingOccurrences(of: " in C ", with: " in contacts.csv ")
      .replacingOccurrences(of: "G:", with: (c.graph?.0 ?? "G") + ":")
    #expect(r.status == 1)
    #expect(r.stderr == "error: \(expected)\n")
    #expect(r.stdout == "")
  }

  @Test func missingFile() throws {
    let r = try CLI.run(["info", "--contacts", "/nonexistent/contacts.csv"])
    #expect(r.status == 1)
    #expect(r.stderr == "error: /nonexistent/contacts.csv: cannot open: No such file or directory\n")
  }

  @Test func usageErrorsExitWithOne() throws {
    let none = try CLI.run(["info"])
    #expect(none.status == 1)
    #expect(none.stderr.hasPrefix("error: Missing input: give --contacts FILE"))
    let tiesAlone = try CLI.run(["info", "--ties", "t.csv"])
    #expect(tiesAlone.status == 1)
    #expect(tiesAlone.stderr.contains("--ties needs --contacts FILE"))
    let badFlag = try CLI.run(["info", "--graph", "x.txt", "--format", "xml"])
    #expect(badFlag.status == 1)
    #expect(badFlag.stderr.contains("'xml'"))
  }

  // a reports to b, b reports to a: a warning naming the cycle, and the command still succeeds.
  @Test func reportsToCycleIsAWarning() throws {
    let ws = Workspace(files: ["contacts.csv": Array("id,reports_to\nc,\na,b\nb,a\nd,d\n".utf8)])
    let r = try CLI.run(["info", "--contacts", "contacts.csv", "--format", "json"], cwd: ws.dir)
    #expect(r.status == 0)
    #expect(r.stderr == "warning: contacts.csv:3: reports-to cycle: a → b → a\nwarning: contacts.csv:5: reports-to cycle: d → d\n")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect((json["reports_to_cycles"] as! [[String]]) == [["a", "b"], ["d"]])
  }

  @Test func allowUnknownAddsPeopleWithAWarning() throws {
    let ws = Workspace(files: ["contacts.csv": Array(BadInput.people.utf8),
                               "ties.csv": Array("source,target\na,b\na,x9\nx9,y8\n".utf8)])
    let r = try CLI.run(["info", "--contacts", "contacts.csv", "--ties", "ties.csv", "--allow-unknown", "--format", "json"], cwd: ws.dir)
    #expect(r.status == 0)
    #expect(r.stderr == "warning: ties.csv:3: added 2 people not in the contacts (first: \"x9\")\n")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(json["people"] as? Int == 4)
  }
}
