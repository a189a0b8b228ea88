// Real data at the door, through the command: a Windows-1252 or UTF-16 export gives the same JSON as its iconv
// copy (with one warning saying how it was read); workbooks are read as their CSV copies; classic network files
// convert to what NetworkX reads.
import Foundation
import Testing

@Suite struct DoorCLITests {
  static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures")

  /// `iconv -f FROM -t UTF-8 file > out`.
  static func iconv(_ from: String, _ file: URL, to out: URL) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", from, "-t", "UTF-8", file.path]
    FileManager.default.createFile(atPath: out.path, contents: nil)
    p.standardOutput = try FileHandle(forWritingTo: out)
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "iconv failed")
  }

  @Test(arguments: [("Contact-latin1.csv", "WINDOWS-1252", "not UTF-8 (line 2 is the first that is not): read as Windows-1252; pass --encoding to choose another"),
                    ("Contact-utf16.csv", "UTF-16", "read as UTF-16 (little-endian) (byte-order mark)")])
  func anEncodedExportConvertsAsItsIconvCopy(_ file: String, _ from: String, _ warning: String) throws {
    let ws = Workspace(files: [:])
    let original = Self.fixtures.appendingPathComponent("crm/salesforce/\(file)")
    let copy = ws.dir.appendingPathComponent("Contact-iconv.csv")
    try Self.iconv(from, original, to: copy)
    let a = try CLI.run(["convert", "--contacts", original.path, "--preset", "salesforce", "-o", ws.dir.appendingPathComponent("a.json").path])
    let b = try CLI.run(["convert", "--contacts", copy.path, "--preset", "salesforce", "-o", ws.dir.appendingPathComponent("b.json").path])
    #expect(a.status == 0 && b.status == 0)
    let ja = try Data(contentsOf: ws.dir.appendingPathComponent("a.json")), jb = try Data(contentsOf: ws.dir.appendingPathComponent("b.json"))
    #expect(ja == jb, "the same JSON, byte for byte")
    #expect(String(decoding: ja, as: UTF8.self).contains("Dana Ortíz"))
    #expect(a.stderr.contains("warning: \(original.path): \(warning)\n"))
    #expect(!b.stderr.contains("read as"))
    // Forced to UTF-8, the Windows-1252 file is refused at its first bad line.
    if from == "WINDOWS-1252" {
      let forced = try CLI.run(["info", "--contacts", original.path, "--preset", "salesforce", "--encoding", "utf-8"])
      #expect(forced.status == 1 && forced.stderr.contains(":2: invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)"))
    }
  }

  @Test func workbooksReadAsTheirCSVCopies() throws {
    let x = Self.fixtures.appendingPathComponent("xlsx"), s = CLI.root.appendingPathComponent("datasets/sample")
    let fromXLSX = try CLI.run(["account", "--contacts", x.appendingPathComponent("contacts.xlsx").path, "--ties", x.appendingPathComponent("ties.xlsx").path,
                                "--interactions", x.appendingPathComponent("interactions.xlsx").path, "--sheet", "History", "--format", "csv"])
    let fromCSV = try CLI.run(["account", "--contacts", s.appendingPathComponent("contacts.csv").path, "--ties", s.appendingPathComponent("ties.csv").path,
                               "--interactions", s.appendingPathComponent("interactions.csv").path, "--format", "csv"])
    #expect(fromXLSX.status == 0 && fromCSV.status == 0)
    #expect(fromXLSX.stdout == fromCSV.stdout && !fromXLSX.stdout.isEmpty)
    let wrong = try CLI.run(["info", "--interactions", x.appendingPathComponent("interactions.xlsx").path])
    #expect(wrong.status == 1 && wrong.stderr.contains("read sheet \"About\" (1 of 2: \"About\", \"History\"); choose another with --sheet"))
  }
}
