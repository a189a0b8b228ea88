// The byte-level fast paths must give exactly what the String paths give: numbers against Double(String),
// counts against Int32(String), and ids equal under Swift's String equality (Unicode canonical equivalence).
import Testing
@testable import GraphFormats
import NetworkAnalysis
import SocialGraph

@Suite struct FastCellParsingTests {
  /// Every text the fast path accepts parses to the same bits as `Double(String)`; what it refuses, it leaves to it.
  @Test func fastNumberEqualsDoubleParsing() {
    var rng = SplitMix64(seed: 7)
    var texts = ["0", "-0", "0.5", "1.", ".5", "+1", "1e3", "007", "-0.000", "123456789012345", "1234567890123456",
                 "0.1", "0.30000000000000004", "9007199254740993", "1.7976931348623157", "-12.25", "3.14159265358979",
                 "0.0000000000000000000001", "0.00000000000000000000001", "inf", "nan", "1,5", "", "-", "1..2", "٣"]
    for _ in 0..<20_000 {
      let digits = Int(rng.next() % 17) + 1
      var t = rng.next() % 4 == 0 ? "-" : ""
      for k in 0..<digits {
        if k > 0 && rng.next() % 6 == 0 && !t.contains(".") { t += "." }
        t += String(rng.next() % 10)
      }
      texts.append(t)
    }
    var fast = 0
    for t in texts {
      let got = Array(t.utf8).withUnsafeBufferPointer { ValueParsing.fastNumber($0) }
      if let got {
        fast += 1
        #expect(got.bitPattern == Double(t)?.bitPattern, "\(t)")
      }
    }
    #expect(fast > 10_000)   // the fast path does take the common shapes
  }

  @Test func fastCountEqualsInt32Parsing() {
    for t in ["0", "7", "000123", "999999999", "2147483647", "2147483648", "-1", "+5", "1.0", "x", ""] {
      let got = Array(t.utf8).withUnsafeBufferPointer { ValueParsing.fastCount($0) }
      let expected = Int32(t).flatMap { $0 >= 0 ? $0 : nil }
      #expect(got == expected, "\(t)")
    }
  }

  /// "é" composed (U+00E9) and decomposed (e + U+0301) are one id to Swift: a duplicate, named with its line.
  @Test func canonicallyEqualIdsAreDuplicates() throws {
    let s = Scratch()
    let path = s.write("c.csv", "id,name\nab\u{E9},One\nx,Two\nabe\u{301},Three\n")
    let e = #expect(throws: InputError.self) { try ContactsReader.read(try InputFile.read(path), file: path) }
    #expect(e?.description == "\(path):4: duplicate id \"abe\u{301}\" (first on line 2)")
  }

  /// A tie naming a person by a canonically equal spelling (Kelvin sign K, U+212A, for K) finds that person.
  @Test func tiesFindCanonicallyEqualIds() throws {
    let s = Scratch()
    let c = s.write("c.csv", "id\nK1\nM2\n")
    let t = s.write("t.csv", "source,target\n\u{212A}1,M2\n")
    let loaded = try InputLoader.loadAccount(contacts: c, ties: t, interactions: nil)
    #expect(loaded.graph.count == 2)
    #expect(loaded.graph.social.edgeCount == 1)
  }
}

