// Expected records are written out by hand from each input, following RFC 4180.
import Testing
@testable import GraphFormats
import NetworkAnalysis

@Suite struct CSVParserTests {
  /// The word-at-a-time field scan (`fieldEnd`, `hasHighBit`) against a byte loop, from every start of random
  /// bytes where separators, line ends and bytes above 0x7F are common, for the three separators.
  @Test func wordScanFindsWhatAByteLoopFinds() {
    var rng = SplitMix64(seed: 7)
    let alphabet: [UInt8] = [0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x41, 0x7A, 0x30, 0x80, 0xC3, 0xFF, 0x00, 0x2B, 0x2D]
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
      for _ in 0..<50 {
        let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        bytes.withUnsafeBufferPointer { all in
          for sep: UInt8 in [0x2C, 0x3B, 0x09] {
            for from in 0...length {
              var end = from
              while end < length, ![sep, 0x0A, 0x0D].contains(all[end]) { end += 1 }
              #expect(CSVParser.fieldEnd(all, from: from, separator: sep) == end)
              let field = UnsafeBufferPointer(rebasing: all[from..<end])
              #expect(CSVParser.hasHighBit(field) == field.contains { $0 >= 0x80 })
            }
          }
        }
      }
    }
  }

  @Test func plainRecordsAndLines() throws {
    let r = try records("a,b,c\n1,2,3\n\n4,5,6")
    #expect(r.map(\.0) == [1, 2, 4])
    #expect(r.map(\.1) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
  }

  @Test func quotesDoubledQuotesAndEmbeddedBreaks() throws {
    let r = try records("id,name\n1,\"Keller, Anna\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n")
    #expect(r.map(\.1) == [["id", "name"], ["1", "Keller, Anna"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "x"]])
    #expect(r.map(\.0) == [1, 2, 3, 4, 6])   // record 4 starts after the two-line field
  }

  @Test func crlfLoneCrAndBOM() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,n\r\n1,\"a\r\nb\"\r\n2,c\r3,d".utf8)
    let r = try records(bytes)
    #expect(r.map(\.1) == [["id", "n"], ["1", "a\r\nb"], ["2", "c"], ["3", "d"]])
    #expect(r.map(\.0) == [1, 2, 4, 5])
  }

  @Test func emptyFieldsAndTrailingSeparator() throws {
    let r = try records("a,,c,\n,,,\n")
    #expect(r.map(\.1) == [["a", "", "c", ""], ["", "", "", ""]])
  }

  @Test func quoteInsideUnquotedFieldIsKept() throws {
    #expect(try records("a,5\" screen,b\n").map(\.1) == [["a", "5\" screen", "b"]])
  }

  @Test func separatorDetection() throws {
    #expect(CSVParser.detectSeparator(Array("id;name;title\n".utf8)) == UInt8(ascii: ";"))
    #expect(CSVParser.detectSeparator(Array("id\tname\n".utf8)) == UInt8(ascii: "\t"))
    #expect(CSVParser.detectSeparator(Array("\"a;b\",c\n".utf8)) == UInt8(ascii: ","))
    #expect(try records("id;name\n1;\"Müller; Hans\"\n").map(\.1) == [["id", "name"], ["1", "Müller; Hans"]])
  }

  @Test func nonLatinTextSurvives() throws {
    #expect(try records("id,name\n1,李娜 🚀\n2,Ødegaard\n").map(\.1)[1...].map { $0[1] } == ["李娜 🚀", "Ødegaard"])
  }

  @Test func unterminatedQuoteNamesTheLineItOpened() {
    let e = #expect(throws: InputError.self) { try records("id,name\n1,ok\n2,\"never closed\n3,x\n", file: "c.csv") }
    #expect(e?.description == "c.csv:3: unterminated quoted field (the quote opened here is never closed)")
  }

  @Test func textAfterClosingQuote() {
    let e = #expect(throws: InputError.self) { try records("id,name\n1,\"Anna\"x\n", file: "c.csv") }
    #expect(e?.description == "c.csv:2: unexpected \"x\" after a closing quote (a quote inside a quoted field must be doubled)")
  }

  @Test func invalidUTF8() {
    let bytes = Array("id,name\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    let e = #expect(throws: InputError.self) { try records(bytes, file: "c.csv") }
    #expect(e?.description == "c.csv:3: invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
  }
}
