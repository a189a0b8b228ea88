// The history read in chunks (CSVChunks, InteractionsReader.Chunked) against the one-pass reader on the same
// bytes: the same rows in the same order, the same first error (file and line), and a read in one piece again
// when a cut falls inside a quoted field that holds a line break.
import Testing
@testable import GraphFormats
import SocialGraph

private func people(_ n: Int) throws -> SocialGraphBuilder {
  var b = SocialGraphBuilder()
  for i in 0..<n { try b.addPerson(Person(id: "c\(i)")) }
  for i in 0..<3 { var t = Person(id: "t\(i)"); t.isInternal = true; try b.addPerson(t) }
  return b
}

/// A history of `rows` rows with every quirk the parser knows: CRLF and LF, blank lines, quoted channels, a
/// channel with a line break inside quotes every `breakEvery` rows, a BOM.
private func history(rows: Int, breakEvery: Int = 0, crlf: Bool = false) -> [UInt8] {
  var s = "\u{FEFF}date,person,with,channel,points,cost\n"
  for i in 0..<rows {
    let channel = breakEvery > 0 && i % breakEvery == 0 ? "\"call\nback\"" : i % 5 == 0 ? "\"email, reply\"" : "meeting"
    s += "2026-0\(1 + i % 9)-1\(i % 10),c\(i % 97),\(i % 4 == 0 ? "" : "t\(i % 3)"),\(channel),\(Double(i % 7) - 3),\(i % 11)"
    s += crlf ? "\r\n" : "\n"
    if i % 37 == 0 { s += "\n" }
  }
  return Array(s.utf8)
}

/// The chunked read as the loader runs it (chunks one after another here), or nil when it falls back.
private func chunked(_ bytes: [UInt8], chunks: Int, builder: SocialGraphBuilder) throws -> [Interaction]? {
  guard let plan = try InteractionsReader.Chunked(data: InputBytes(bytes), file: "h.csv", contactsFile: "c.csv", chunks: chunks, smallest: 0) else {
    Issue.record("no plan"); return nil
  }
  let lookup = PersonLookup(builder)
  var out: [Interaction]?
  var failure: (any Error)?
  let rows = [Interaction](unsafeUninitializedCapacity: plan.slots) { buffer, count in
    let outcomes = (0..<plan.ranges.count).map { plan.read(chunk: $0, builder: builder, lookup: lookup, into: CSVChunks.Slots(base: buffer.baseAddress!)) }
    do { count = try plan.finish(outcomes, in: buffer.baseAddress!) ?? 0; out = count > 0 ? [] : nil } catch { failure = error; count = 0 }
  }
  if let failure { throw failure }
  return out == nil ? nil : rows
}

private func onePass(_ bytes: [UInt8], builder: SocialGraphBuilder) throws -> [Interaction] {
  var b = builder
  return try InteractionsReader.read(bytes, file: "h.csv", builder: &b, unknown: .reject(contactsFile: "c.csv")).interactions
}

@Suite struct CSVChunksTests {
  @Test(arguments: [2, 3, 5, 8, 13])
  func chunksReadWhatOnePassReads(chunks: Int) throws {
    let b = try people(97)
    for crlf in [false, true] {
      let bytes = history(rows: 2_000, crlf: crlf)
      let want = try onePass(bytes, builder: b)
      #expect(want.count == 2_000)
      let got = try #require(try chunked(bytes, chunks: chunks, builder: b))
      #expect(got == want, "crlf \(crlf)")
    }
  }

  @Test func cutsFallOnLineStarts() {
    let bytes = history(rows: 500)
    let ranges = bytes.withUnsafeBufferPointer { CSVChunks.ranges($0, from: 40, count: 7) }
    #expect(ranges.first?.lowerBound == 40 && ranges.last?.upperBound == bytes.count)
    for (a, b) in zip(ranges, ranges.dropFirst()) {
      #expect(a.upperBound == b.lowerBound)
      #expect(b.lowerBound == bytes.count || bytes[b.lowerBound - 1] == 0x0A)
    }
    // Line ends as the parser counts them: LF, CR LF once, a lone CR.
    #expect(Array("a\r\nb\rc\nd".utf8).withUnsafeBufferPointer { CSVChunks.lineEnds($0, before: 8) } == 3)
  }

  /// Line ends counted 32 bytes at a time (no CR in the range) or byte by byte agree with a plain count, at every
  /// offset and length around the block size.
  @Test func lineEndsAtEveryOffset() {
    // A fixed pattern: line feeds at irregular gaps (every 1st to 6th byte).
    let lf = (0..<300).map { i in (i * 7 + i / 5) % 6 == 0 ? UInt8(0x0A) : UInt8(ascii: "x") }
    var wrong: [Range<Int>] = []
    lf.withUnsafeBufferPointer { b in
      for lo in 0..<40 {
        for hi in stride(from: lo, through: b.count, by: 7) where CSVChunks.lineEnds(b, in: lo..<hi) != b[lo..<hi].filter({ $0 == 0x0A }).count {
          wrong.append(lo..<hi)
        }
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    #expect(lf.filter { $0 == 0x0A }.count > 40)
    // With CRs: CR LF once, a lone CR once (the byte after the last CR is not a line feed).
    let mixed = Array("a\r\nb\rc\nd\rz".utf8) + lf
    #expect(mixed.withUnsafeBufferPointer { CSVChunks.lineEnds($0, in: 0..<$0.count) } == 4 + lf.filter { $0 == 0x0A }.count)
  }

  /// A quoted line break in every row: some cut falls inside one, and the chunks are then not used at all.
  @Test func aCutInsideAQuotedFieldFallsBack() throws {
    let b = try people(97)
    let bytes = history(rows: 400, breakEvery: 1)
    var fellBack = 0
    for chunks in 2...9 {
      let want = try onePass(bytes, builder: b)
      if let got = try chunked(bytes, chunks: chunks, builder: b) { #expect(got == want) } else { fellBack += 1 }
    }
    #expect(fellBack > 0)
  }

  /// Bad rows in two chunks: the first in file order is the error, at the line one pass gives.
  @Test(arguments: [2, 4, 7])
  func theFirstErrorInFileOrderWithItsLine(chunks: Int) throws {
    let b = try people(97)
    var lines = String(decoding: history(rows: 1_500, crlf: true), as: UTF8.self).components(separatedBy: "\r\n")
    lines[1_100] = "2026-01-01,nobody,t1,email,1,0"
    lines[1_400] = "not a date,c1,t1,email,1,0"
    let bytes = Array(lines.joined(separator: "\r\n").utf8)
    #expect(throws: InputError.self) { try onePass(bytes, builder: b) }
    var want: InputError?
    do { _ = try onePass(bytes, builder: b) } catch let e as InputError { want = e }
    var got: InputError?
    do { _ = try chunked(bytes, chunks: chunks, builder: b) } catch let e as InputError { got = e }
    #expect(got != nil && got?.line == want?.line && got?.problem == want?.problem, "\(String(describing: got)) vs \(String(describing: want))")
    #expect(want?.problem.contains("nobody") == true)
  }

  @Test func aHeaderWithNoRowsIsStillAnError() throws {
    let b = try people(3)
    let bytes = Array("date,person,points\n\n\n".utf8)
    do { _ = try chunked(bytes, chunks: 3, builder: b); Issue.record("no error") } catch let e as InputError {
      #expect(e.line == 1 && e.problem == "no rows after the header")
    }
  }
}
