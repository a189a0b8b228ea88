// Exports as real CRMs, LinkedIn and Excel write them, beyond the documented form (Tests/Fixtures/crm/, written by
// scripts/crm_fixtures.py): every LinkedIn generation, Dynamics' display names, and Salesforce's Windows-1252 and
// UTF-16 files, which load as their UTF-8 copy does.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct RealExportTests {
  typealias T = CRMPresetTests

  @Test func linkedIn2024SkipsHiddenMembersWithOneWarning() throws {
    let input = try T.load("linkedin/Connections-2024.csv") { $0.preset = .linkedin; $0.owner = "T01" }
    #expect(T.people(input.graph) == [
      "Grace Hopper|Cyberdyne Systems|||T01|", "Alan Turing|Cyberdyne Systems|||T01|", "Ada Lovelace|Acme, Inc.|||T01|",
      "T01|||||team",
    ])
    #expect(input.graph.people[1].id == "https://www.linkedin.com/in/alan-turing-1912")
    // Three blank rows (lines 6, 8, 10 after the 3-line preamble and the header on line 4), one warning at the first.
    let skipped = input.warnings.filter { $0.message.hasPrefix("skipped") }
    #expect(skipped.map(\.description) == ["\(T.path("linkedin/Connections-2024.csv")):6: skipped 3 blank rows (members who hide their data from exports; first on this line)"])
    #expect(T.ties(input.graph) == ["T01 -- Grace Hopper relationship 2024-11-05", "T01 -- Alan Turing relationship 2023-01-17",
                                    "T01 -- Ada Lovelace relationship 2022-02-02"])
  }

  @Test func linkedInWithoutURLColumnTakesTheEmailOrAStableDerivedID() throws {
    let input = try T.load("linkedin/Connections-2021.csv") { $0.preset = .linkedin; $0.owner = "T01" }
    let ids = input.graph.people.map(\.id)
    #expect(ids[1] == "alan@cyberdyne.example")
    let grace = CRMImport.linkedInDerivedID(first: "Grace", last: "Hopper", company: "Cyberdyne Systems", connected: "28 Nov 2021")
    #expect(ids[0] == grace && ids[2].hasPrefix("li-") && ids[2].count == 19 && ids[0] != ids[2])
    // Folded: case, spacing and the date's form do not change it; another company or date does.
    #expect(CRMImport.linkedInDerivedID(first: " grace", last: "HOPPER ", company: "Cyberdyne  Systems", connected: "2021-11-28") == grace)
    #expect(CRMImport.linkedInDerivedID(first: "Grace", last: "Hopper", company: "Cyberdyne Systems", connected: "11/28/21, 9:00 AM") == grace)
    #expect(CRMImport.linkedInDerivedID(first: "Grace", last: "Hopper", company: "Acme", connected: "28 Nov 2021") != grace)
    // The same file read again gives the same ids.
    let again = try T.load("linkedin/Connections-2021.csv") { $0.preset = .linkedin; $0.owner = "T01" }
    #expect(again.graph.people.map(\.id) == ids)
  }

  @Test func linkedIn2018DatesAreRead() throws {
    let input = try T.load("linkedin/Connections-2018.csv") { $0.preset = .linkedin; $0.owner = "T01" }
    #expect(T.ties(input.graph) == ["T01 -- Grace Hopper relationship 2018-01-08", "T01 -- Alan Turing relationship 2017-12-24",
                                    "T01 -- Ada Lovelace relationship 2016-03-15"])
    for (text, iso) in [("30 May 2024", "2024-05-30"), ("28 Nov 2021", "2021-11-28"), ("1/8/18, 6:14 PM", "2018-01-08"),
                        ("12/24/2017", "2017-12-24"), ("2020-02-02", "2020-02-02")] {
      #expect((try? CRMImport.connectedOn(text).get())?.description == iso)
    }
    #expect((try? CRMImport.connectedOn("13/1/18, 6:14 PM").get()) == nil)
  }

  @Test func dynamicsDisplayNamesLoadAsTheLogicalNamesDo() throws {
    let display = try T.load("dynamics/contacts-display.csv") { $0.preset = .dynamics }
    let logical = try T.load("dynamics/contacts.csv") { $0.preset = .dynamics }
    #expect(T.people(display.graph) == T.people(logical.graph))
    #expect(T.people(display.graph).first == "Hannah Schmidt|Initrode GmbH|decision_maker||Sam Rep|")
    #expect(display.graph.people.prefix(5).map(\.id) == logical.graph.people.prefix(5).map(\.id))
    // Read without the preset, it says which preset reads it, never Salesforce's.
    #expect(T.problem("dynamics/contacts-display.csv").contains("this looks like a Dynamics 365 contacts export"))
    #expect(CRMPreset.closest(to: ["(Do Not Modify) Contact", "Full Name", "First Name", "Last Name", "Company Name", "Job Title",
                                   "Owner", "Decision influence labels"])?.preset == .dynamics)
  }

  @Test func windows1252AndUTF16ExportsLoadAsTheirUTF8Copy() throws {
    func load(_ file: String) throws -> LoadedInput { try T.load("salesforce/\(file)") { $0.preset = .salesforce } }
    let utf8 = try load("Contact-utf8.csv"), latin = try load("Contact-latin1.csv"), utf16 = try load("Contact-utf16.csv")
    func everything(_ g: SocialGraph) -> [String] {
      g.people.map { p in ([p.id, p.displayName, p.account ?? "", p.title ?? ""] + p.attributes.map { "\($0.name)=\($0.value)" }).joined(separator: "|") }
    }
    #expect(everything(latin.graph) == everything(utf8.graph))
    #expect(everything(utf16.graph) == everything(utf8.graph))
    #expect(latin.graph.people[0].displayName == "Dana Ortíz")
    #expect(latin.graph.people[3].attribute("Description") == "Met at the \u{201C}Supply Chain\u{201D} summit, 2023 \u{2013} Zürich")
    #expect(latin.warnings.first?.description == "\(T.path("salesforce/Contact-latin1.csv")): not UTF-8 (line 2 is the first that is not): read as Windows-1252; pass --encoding to choose another")
    #expect(utf16.warnings.first?.message == "read as UTF-16 (little-endian) (byte-order mark)")
    #expect(!utf8.warnings.contains { $0.message.contains("read as") })
  }

  @Test func encodingsDecodeByTheirTables() throws {
    func decode(_ bytes: [UInt8], _ e: TextEncoding) throws -> String {
      let out = try bytes.withUnsafeBufferPointer { try e.decode($0, file: "f") }
      return String(decoding: out?.bytes ?? bytes, as: UTF8.self)
    }
    #expect(try decode([0x80, 0x93, 0x94, 0xE9, 0x41], .auto) == "€“”éA")
    #expect(try decode([0x80, 0xE9], .latin1) == "\u{80}é")
    #expect(try decode([0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE, 0x0A, 0x00], .auto) == "😀\n")
    #expect(try decode([0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00], .auto) == "😀")
    #expect(try decode(Array("Zoë 😀".utf8), .auto) == "Zoë 😀")   // valid UTF-8 is left alone
    #expect(throws: InputError(file: "f", line: 2, problem: "UTF-16: a low surrogate without a high one (not UTF-16 text)")) {
      _ = try decode([0xFF, 0xFE, 0x0A, 0x00, 0x00, 0xDC], .auto)
    }
    // The validator agrees with the standard library's on every start of a mixed buffer.
    var bytes: [UInt8] = []
    var x: UInt32 = 12345
    for _ in 0..<4000 { x = x &* 1_103_515_245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
    let text = Array("plain ascii text, é, 😀, and more ascii to skip sixteen at a time".utf8)
    for start in stride(from: 0, to: 200, by: 7) {
      for sample in [Array(bytes[start...]), Array(text[(start % text.count)...]) + Array(bytes[start..<(start + 20)])] {
        let ours = sample.withUnsafeBufferPointer { TextEncoding.isValidUTF8($0) }
        #expect(ours == (String(validating: sample, as: UTF8.self) != nil))
      }
    }
  }
}
