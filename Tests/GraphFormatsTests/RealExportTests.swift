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

  /// Each interaction as `date person-name with-name channel direction points`.
  static func history(_ input: LoadedInput) -> [String] {
    let g = input.graph
    return input.interactions.map { x in
      let with = x.with.map { g.people[Int($0)].displayName } ?? "-"
      return "\(x.date) \(g.people[Int(x.person)].displayName) \(with) \(x.channel ?? "-") \(x.direction.map { "\($0)" } ?? "-") \(x.points)"
    }
  }

  static func loadActivities(_ contacts: String, _ activities: String, _ configure: (inout CRMOptions) -> Void) throws -> LoadedInput {
    var o = LoadOptions()
    configure(&o.crm)
    return try InputLoader.loadAccount(contacts: T.path(contacts), ties: nil, interactions: T.path(activities), options: o)
  }

  @Test func salesforceTasksAndEventsAreTheHistory() throws {
    let tasks = try Self.loadActivities("salesforce/Contact.csv", "salesforce/Task.csv") { $0.preset = .salesforce; $0.users = T.path("salesforce/User.csv") }
    #expect(Self.history(tasks) == ["2024-04-02 Dana Ortiz Sam Rep call inbound 1.0", "2024-04-05 Lee Wong Sam Rep email - 1.0",
                                    "2024-04-08 Tom Baker - linkedin - 1.0"])
    let file = T.path("salesforce/Task.csv")
    #expect(tasks.warnings.filter { $0.file == file }.map(\.message) == [
      "1 activity open, planned or cancelled: left out (first on line 4, e.g. \"Not Started\")",
      "1 activity with no contact (on an account or opportunity alone): left out (first on line 5)",
      "1 activity whose contact is not among the people read (a lead, or another export's contact): left out (first on line 6, e.g. \"00Q5g00000LeAd1AAA\")",
      "1 activity by a team member not among the people read: kept, without them (first on line 7, e.g. \"0055g00000PatOtAAJ\")",
      "a Salesforce Task/Event export: each completed activity counts as a touchpoint of 1 point (no outcome in points in the export)",
    ])
    let events = try Self.loadActivities("salesforce/Contact.csv", "salesforce/Event.csv") { $0.preset = .salesforce; $0.users = T.path("salesforce/User.csv") }
    #expect(Self.history(events) == ["2024-04-10 Priya Nair Kim Lee meeting - 1.0", "2024-04-11 Bill Lumbergh Kim Lee meeting - 1.0"])
  }

  @Test func hubSpotActivitiesWithSeveralContacts() throws {
    let input = try Self.loadActivities("hubspot/contacts.csv", "hubspot/activities.csv") { $0.preset = .hubspot }
    #expect(Self.history(input) == ["2024-06-03 Maria García Sam Rep call outbound 1.0", "2024-06-10 Maria García Kim Lee meeting - 1.0",
                                    "2024-06-10 Jean Dupont Kim Lee meeting - 1.0", "2024-06-12 Aiko Tanaka Kim Lee email inbound 1.0",
                                    "2024-06-14 Zoë Keller 😀 Sam Rep linkedin - 1.0"])
    // A bad row after the two-contact meeting is named at its own line.
    let s = Scratch()
    let bad = try String(contentsOfFile: T.path("hubspot/activities.csv"), encoding: .utf8).replacingOccurrences(of: "2024-06-12 08:30", with: "June 12")
    let p = s.write("activities.csv", bad)
    var o = LoadOptions()
    o.crm.preset = .hubspot
    let e = #expect(throws: InputError.self) { _ = try InputLoader.loadAccount(contacts: T.path("hubspot/contacts.csv"), ties: nil, interactions: p, options: o) }
    #expect(e?.description == "\(p):4: date \"June 12\" is not a date (YYYY-MM-DD)")
  }

  @Test func dynamicsActivities() throws {
    let input = try Self.loadActivities("dynamics/contacts.csv", "dynamics/activities.csv") { $0.preset = .dynamics }
    #expect(Self.history(input) == ["2024-02-01 Hannah Schmidt Sam Rep call outbound 1.0", "2024-02-03 Lukas Bauer Kim Lee email inbound 1.0",
                                    "2024-02-05 Felix Weber Kim Lee meeting - 1.0"])
    #expect(input.warnings.contains { $0.message == "2 activities open, planned or cancelled: left out (first on line 5, e.g. \"Open\")" })
    // Tiemap's own history with a preset is read as it is.
    var o = LoadOptions()
    o.crm.preset = .dynamics
    let s = Scratch()
    let own = s.write("interactions.csv", "date,person,with,channel,points\n2024-03-01,00000002-1a2b-4c3d-8e9f-000000000002,,visit,2\n")
    let mine = try InputLoader.loadAccount(contacts: T.path("dynamics/contacts.csv"), ties: nil, interactions: own, options: o)
    #expect(Self.history(mine) == ["2024-03-01 Lukas Bauer - visit - 2.0"])
  }

  @Test func activitiesThroughScoreToo() throws {
    var o = LoadOptions()
    o.crm.preset = .hubspot
    let parts = try InputLoader.loadParts(contacts: T.path("hubspot/contacts.csv"), ties: nil, interactions: T.path("hubspot/activities.csv"), options: o)
    #expect(parts.interactions.count == 5)
    #expect(parts.warnings.contains { $0.message.hasPrefix("1 activity open, planned or cancelled: left out (first on line 5") })
  }
}
