// The contacts read in chunks (ContactsReader.Chunked, as `tiemap score` reads a large file) against the one-pass
// reader on the same bytes: the same people and lines, the same first error, duplicates across chunks named at
// the row one pass names; and inputs mapped from the page cache (InputFile.bytes, InputBytes) giving the bytes a
// read gives, before and after their pages are handed back, and a file that shrinks under its mapping refused
// with its name and exit status 1.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

/// A contacts file with the parser's quirks: a BOM, quoted names with commas, blank lines, CRLF or LF, repeated
/// accounts and departments, our team after the contacts.
private func contacts(rows: Int, crlf: Bool = false, breakEvery: Int = 0) -> String {
  let end = crlf ? "\r\n" : "\n"
  var s = "\u{FEFF}id,name,title,account,department,reports_to,role,proximity,influence,interest,owner,internal,email" + end
  for i in 0..<rows {
    let name = breakEvery > 0 && i % breakEvery == 0 ? "\"Line\nBreak \(i)\"" : i % 3 == 0 ? "\"Doe, Jane \(i)\"" : "Person \(i)"
    let manager = i % 10 == 0 ? "" : "c\(i - i % 10)"
    s += "c\(i),\(name),Engineer,Acct \(i % 7),Dept \(i % 5),\(manager),\(i % 4 == 0 ? "influencer" : ""),P\(1 + i % 4),"
    s += "\(1 + i % 5),\(1 + i % 3),t0,,p\(i)@example.com" + end
    if i % 41 == 0 { s += end }
  }
  s += "t0,Our Rep,AE,,Sales,,,,,,,true,rep@ourcompany.example" + end
  return s
}

/// The chunks read into one array, as `InputLoader` does.
private func chunked(_ text: String, chunks: Int, extraColumns: Bool = true) throws -> (people: [Person], lines: [Int])? {
  let plan = try #require(try ContactsReader.Chunked(data: InputBytes(Array(text.utf8)), file: "c.csv", chunks: chunks,
                                                     extraColumns: extraColumns, smallest: 0))
  var lines: Result<[Int]?, any Error> = .success(nil)
  let people = [Person](unsafeUninitializedCapacity: max(plan.slots, 1)) { buffer, count in
    let slots = CSVChunks.Slots(base: buffer.baseAddress!)
    let outcomes = (0..<plan.ranges.count).map { plan.read(chunk: $0, into: slots) }
    lines = Result { try plan.finish(outcomes, in: buffer.baseAddress!, count: &count) }
  }
  return try lines.get().map { (people, $0) }
}

private func onePassError(_ text: String) -> InputError? {
  do { _ = try ContactsReader.read(Array(text.utf8), file: "c.csv"); return nil } catch { return error as? InputError }
}

@Suite struct ChunkedContactsTests {
  @Test(arguments: [2, 3, 4, 9])
  func chunksReadWhatOnePassReads(chunks: Int) throws {
    for crlf in [false, true] {
      let text = contacts(rows: 1_500, crlf: crlf)
      let want = try ContactsReader.read(Array(text.utf8), file: "c.csv")
      #expect(want.people.count == 1_501)
      let got = try #require(try chunked(text, chunks: chunks))
      #expect(got.people == want.people, "crlf \(crlf)")
      #expect(got.lines == want.lines, "crlf \(crlf)")
    }
  }

  /// Without the free columns (`LoadOptions.extraColumns` off, as `score` reads): the same people but for their
  /// attributes, in chunks and in one pass.
  @Test func withoutTheFreeColumns() throws {
    let text = contacts(rows: 600)
    var want = try ContactsReader.read(Array(text.utf8), file: "c.csv").people
    #expect(want[5].attributes == [Attribute(name: "email", value: "p5@example.com")])
    for i in want.indices { want[i].attributes = [] }
    let got = try #require(try chunked(text, chunks: 3, extraColumns: false))
    #expect(got.people == want)
    #expect(try ContactsReader.read(InputBytes(Array(text.utf8)), file: "c.csv", mapping: nil, extraColumns: false).people == want)
  }

  /// A quoted line break in every row: some cut falls inside one, and the chunks are not used.
  @Test func aCutInsideAQuotedFieldFallsBack() throws {
    let text = contacts(rows: 300, breakEvery: 1)
    var fellBack = 0
    for chunks in 2...9 {
      if let got = try chunked(text, chunks: chunks) {
        #expect(got.people == (try ContactsReader.read(Array(text.utf8), file: "c.csv")).people)
      } else {
        fellBack += 1
      }
    }
    #expect(fellBack > 0)
  }

  /// A bad row in the last chunk, after a row repeating an id of the first chunk: one pass stops at the repeat,
  /// and so do the chunks (a duplicate across chunks is found before a later chunk's error is thrown).
  @Test(arguments: [2, 4, 7])
  func aDuplicateBeforeABadRowIsTheError(chunks: Int) throws {
    var lines = contacts(rows: 1_200).components(separatedBy: "\n")
    lines[1_000] = try #require(lines.first { $0.hasPrefix("c4,") })          // c4 again, line 1001
    lines[1_150] = "c9999,Bad,,Acct 1,,,not a role,P1,3,3,t0,,x@example.com"  // line 1151
    let text = lines.joined(separator: "\n")
    let want = try #require(onePassError(text))
    #expect(want.problem.hasPrefix("duplicate id \"c4\""))
    do { _ = try chunked(text, chunks: chunks); Issue.record("no error") } catch let e as InputError {
      #expect(e.line == want.line && e.problem == want.problem, "\(e) vs \(want)")
    }
  }

  /// A bad row alone: its line counted across the chunks before it.
  @Test(arguments: [2, 5])
  func aBadRowInALaterChunkHasItsLine(chunks: Int) throws {
    var lines = contacts(rows: 1_200, crlf: true).components(separatedBy: "\r\n")
    lines[1_100] = "c9999,Bad,,Acct 1,,,,P9,3,3,t0,,x@example.com"
    let text = lines.joined(separator: "\r\n")
    let want = try #require(onePassError(text))
    do { _ = try chunked(text, chunks: chunks); Issue.record("no error") } catch let e as InputError {
      #expect(e.line == want.line && e.problem == want.problem && e.line > 1_000, "\(e) vs \(want)")
    }
  }

  /// The loader, on a contacts file large enough to be read in chunks: a duplicate id in two chunks is refused at
  /// the row one pass names (found when the people's index is built), and the rest of a valid file loads as the
  /// one-pass reader reads it.
  @Test func theLoaderRefusesADuplicateAcrossChunksAtItsRow() throws {
    let scratch = Scratch()
    var lines = contacts(rows: 52_000).components(separatedBy: "\n")
    #expect(lines.joined(separator: "\n").utf8.count > CSVChunks.smallest)
    let ties = scratch.write("ties.csv", "source,target\nc1,c2\nc30001,c2\n")
    let history = scratch.write("h.csv", "date,person,with,channel,points\n2026-01-02,c1,t0,email,1\n")
    let valid = scratch.write("ok.csv", lines.joined(separator: "\n"))
    let loaded = try InputLoader.loadParts(contacts: valid, ties: ties, interactions: history)
    let want = try ContactsReader.read(try InputFile.read(valid), file: valid)
    #expect(loaded.parts.people == want.people && loaded.lines == want.lines)
    #expect(loaded.parts.ties.count == 2 && loaded.interactions.count == 1)

    lines[50_000] = try #require(lines.first { $0.hasPrefix("c2,") })   // c2 again
    let bad = scratch.write("dup.csv", lines.joined(separator: "\n"))
    let oneWay = try #require(onePassError(lines.joined(separator: "\n")))
    do { _ = try InputLoader.loadParts(contacts: bad, ties: ties, interactions: history); Issue.record("no error") } catch let e as InputError {
      #expect(e.file == bad && e.line == oneWay.line && e.problem == oneWay.problem, "\(e)")
      #expect(e.problem.hasPrefix("duplicate id \"c2\""))
    }
  }

  /// A file from `InputFile.mapFrom` bytes up is mapped; its bytes are the file's, and stay so after their pages
  /// are handed back (they are read again from the page cache).
  @Test func aLargeFileIsMappedAndReadsAsItsBytes() throws {
    let scratch = Scratch()
    let text = contacts(rows: 20_000)
    #expect(text.utf8.count >= InputFile.mapFrom)
    let path = scratch.write("c.csv", text)
    let mapped = try InputFile.bytes(path)
    #expect(mapped.isMapped)
    #expect(mapped.array == Array(text.utf8))
    mapped.release(0..<mapped.count)
    #expect(mapped.array == Array(text.utf8))
    let small = try InputFile.bytes(scratch.write("s.csv", "id\na\n"))
    #expect(!small.isMapped && small.array == Array("id\na\n".utf8))
    // The checks of a read: a NUL byte is refused at its line.
    var binary = Array(text.utf8); binary[binary.count / 2] = 0
    let nul = scratch.write("nul.csv", binary)
    #expect(throws: InputError.self) { try InputFile.bytes(nul) }
  }

  /// A mapped file cut short under its reader: touching a page past its new end ends the process with a message
  /// naming the file and exit status 1 (in a child process, so that the test runner goes on).
  @Test func aFileThatShrinksWhileMappedIsNamedAndRefused() throws {
    let scratch = Scratch()
    let path = scratch.write("c.csv", contacts(rows: 20_000))
    let mapped = try InputFile.bytes(path)
    #expect(mapped.isMapped)
    #expect(truncate(path, 0) == 0)
    var pipe: [Int32] = [0, 0]
    #expect(Glibc.pipe(&pipe) == 0)
    let child = fork()
    if child == 0 {
      dup2(pipe[1], 2)
      let last = mapped.buffer[mapped.count - 1]   // SIGBUS: the handler writes and exits
      _exit(last == 0 ? 2 : 3)
    }
    close(pipe[1])
    var status: Int32 = 0
    waitpid(child, &status, 0)
    var message: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let got = read(pipe[0], &chunk, chunk.count)
      if got <= 0 { break }
      message += chunk[0..<got]
    }
    close(pipe[0])
    let text = String(decoding: message, as: UTF8.self)
    #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 1, "status \(status)")
    #expect(text == "tiemap: error: \(path): the file shrank while it was being read (another program rewrote it?); nothing was written\n")
  }
}
