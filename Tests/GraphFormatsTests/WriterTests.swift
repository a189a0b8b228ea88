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

  /// The byte writer (`CSVWriter.append`) gives, cell for cell, the text of the escaping rules it stands for
  /// (`Escape.csvCell` for text, `Cell.plainText` for the rest), on hostile text and awkward numbers.
  @Test func byteWriterEqualsTheEscapingRules() {
    let texts = ["", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "=1+2", "+1", "-2.5e3", "-", "@x", "\tTab", "\rCR",
                 "=\"q\",", "李娜 🚀", "e\u{301}", "'quoted'", "-,-", "\u{202E}rtl"]
    let numbers: [Double] = [0, -0.0, 1, -3, 0.1, 2.5e-7, 1e15, -1e15, 999_999_999_999_999, 1e300, .nan, .infinity, -.infinity, 1 / 3]
    let ints = [0, 7, -7, 10, Int.max, Int.min, 1_000_000]
    var cells: [Cell] = texts.map { .text($0) } + numbers.map { .number($0) } + ints.map { .int($0) }
    cells += [.bool(true), .bool(false), .empty]
    for c in cells {
      let want = (c.isText ? Escape.csvCell(c.plainText) : c.plainText) + "\n"
      #expect(CSVWriter.line([c]) == want, "\(c)")
    }
    #expect(CSVWriter.line(cells) == cells.map { $0.isText ? Escape.csvCell($0.plainText) : $0.plainText }.joined(separator: ",") + "\n")
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

  /// `-o /dev/null` or a pipe must not swap the special file for a regular one (a rename over it would): the
  /// bytes go into it. A symbolic link is followed: the file it names is replaced, the link stays.
  @Test func specialFilesAreWrittenInPlaceAndLinksFollowed() throws {
    let s = Scratch()
    let fifo = s.path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    final class Received: @unchecked Sendable { var bytes: [UInt8] = [] }
    let received = Received()
    let finished = DispatchSemaphore(value: 0)
    let reader = Thread {
      let fd = open(fifo, O_RDONLY)
      var chunk = [UInt8](repeating: 0, count: 64)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 64) }
        if n <= 0 { break }
        received.bytes += chunk[0..<n]
      }
      close(fd)
      finished.signal()
    }
    reader.start()
    try AtomicFile.write("through the pipe\n", to: fifo)
    finished.wait()
    #expect(String(decoding: received.bytes, as: UTF8.self) == "through the pipe\n")
    var st = stat()
    #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)

    let target = s.write("real.csv", "old\n")
    let link = s.path("link.csv")
    #expect(symlink(target, link) == 0)
    try AtomicFile.write("new\n", to: link)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    #expect(lstat(link, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
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

private extension Cell {
  var isText: Bool { if case .text = self { return true } else { return false } }
}
