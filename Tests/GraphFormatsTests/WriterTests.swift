// Expected texts follow RFC 4180 (CSV), RFC 8259 (JSON) and OWASP's CSV-injection advice, written by hand.
import Foundation
import Testing
@testable import GraphFormats

@Suite struct WriterTests {
  @Test func csvQuotesAndNeutralisesFormulas() {
    #expect(CSVWriter.line([.text("plain"), .text("a,b"), .text("say \"hi\""), .text("two\nlines")])
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
    #expect(CSVWriter.line([.text("=HYPERLINK(\"x\")"), .text("+1-2"), .text("-2 Corp"), .text("@SUM(A1)")])
            == "\"'=HYPERLINK(\"\"x\"\")\",'+1-2,'-2 Corp,'@SUM(A1)\n")
    // A real number written as text stays a number (a spreadsheet reads it as one, not as a formula).
    #expect(CSVWriter.line([.text("+1"), .text("-2"), .text("-2.5e3"), .text("-"), .text("-.")]) == "+1,-2,-2.5e3,'-,'-.\n")
    #expect(CSVWriter.line([.number(-2.5), .int(-3), .number(.infinity), .empty, .bool(true)]) == "-2.5,-3,inf,,true\n")
  }

  @Test func csvRoundTripsThroughTheParser() throws {
    let values = ["Keller, Anna", "O'Brien \"Sio\"", "李娜 🚀", "line\nbreak", "  spaced  "]
    let text = CSVWriter.line(values.map { .text($0) })
    #expect(try records(text).map(\.1) == [values])
  }

  @Test func jsonEscapesAndKeepsOrder() {
    let doc = JSONValue.object([("z", .int(1)), ("a", .string("</script>\"\\\n\u{1}")), ("n", .number(.nan)),
                                ("list", .array([.number(0.1), .bool(false), .null]))])
    #expect(doc.rendered() == """
      {
        "z": 1,
        "a": "\\u003c/script\\u003e\\"\\\\\\n\\u0001",
        "n": null,
        "list": [0.1, false, null]
      }

      """)
  }

  @Test func atomicWriteReplacesAndLeavesNoTemporaryFile() throws {
    let s = Scratch()
    let p = s.path("out.csv")
    try AtomicFile.write("one\n", to: p)
    try AtomicFile.write("two\n", to: p)
    #expect(try String(contentsOfFile: p, encoding: .utf8) == "two\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir.path) == ["out.csv"])
    let e = #expect(throws: OutputError.self) { try AtomicFile.write("x", to: s.path("missing/dir/out.csv")) }
    #expect(e?.description == "\(s.path("missing/dir/out.csv")): cannot write: No such file or directory")
  }

  @Test func tableAlignsAndSanitises() {
    let t = TextTable.render(header: ["name", "n"], rows: [[.text("Ann"), .int(5)], [.text("Bo\u{1B}[2J"), .int(12_345)]])
    #expect(t == """
      name         n
      ──────  ──────
      Ann          5
      Bo?[2J  12,345

      """)
  }

  @Test func fixedDecimals() {
    #expect(Cell.fixed(0.12345, digits: 4) == "0.1235")
    #expect(Cell.fixed(-0.00001, digits: 3) == "0.000")
    #expect(Cell.fixed(2, digits: 2) == "2.00")
    #expect(Cell.shortest(0.1) == "0.1" && Cell.shortest(3) == "3")
  }
}
