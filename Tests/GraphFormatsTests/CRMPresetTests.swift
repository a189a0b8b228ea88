// CRM exports as downloaded (Tests/Fixtures/crm/, written by scripts/crm_fixtures.py with the real files' quirks)
// load through --preset with the people, accounts, reports-to ties, roles and owners they hold; an export read
// without its preset, or with the wrong one, says which preset reads it.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct CRMPresetTests {
  static func path(_ p: String) -> String { Paths.root.appendingPathComponent("Tests/Fixtures/crm/\(p)").path }

  static func load(_ contacts: String, ties: String? = nil, _ configure: (inout CRMOptions) -> Void) throws -> LoadedInput {
    var o = LoadOptions()
    configure(&o.crm)
    return try InputLoader.loadAccount(contacts: path(contacts), ties: ties.map(path), interactions: nil, options: o)
  }

  static func problem(_ contacts: String, _ configure: (inout CRMOptions) -> Void = { _ in }) -> String {
    do { _ = try load(contacts, configure); return "loaded" } catch { return "\(error)" }
  }

  /// Each person as `name|account|role|manager's name|owner's name|internal`.
  static func people(_ g: SocialGraph) -> [String] {
    func name(_ id: String?) -> String {
      guard let id, let v = g.index(of: id) else { return id ?? "" }
      return g.people[Int(v)].displayName
    }
    return g.people.map { p in
      "\(p.displayName)|\(p.account ?? "")|\(p.role?.rawValue ?? "")|\(name(p.reportsTo))|\(name(p.owner))|\(p.isInternal ? "team" : "")"
    }
  }

  /// Ties as `source > target kind` by display name (undirected ones with `--`).
  static func ties(_ g: SocialGraph) -> [String] {
    g.ties.map { t in
      "\(g.people[Int(t.source)].displayName) \(t.isDirected ? ">" : "--") \(g.people[Int(t.target)].displayName) \(g.kinds[Int(t.kind)].name)"
        + (t.since.map { " \($0)" } ?? "")
    }
  }

  @Test func salesforceWithAccountsUsersAndContactRoles() throws {
    let input = try Self.load("salesforce/Contact.csv") {
      $0.preset = .salesforce
      $0.accounts = Self.path("salesforce/Account.csv")
      $0.users = Self.path("salesforce/User.csv")
      $0.contactRoles = Self.path("salesforce/OpportunityContactRole.csv")
    }
    let g = input.graph
    #expect(Self.people(g) == [
      "Dana Ortiz|Globex Corporation|decision_maker||Sam Rep|",          // Economic Buyer, primary
      "Lee Wong|Globex Corporation|technical_expert|Dana Ortiz|Sam Rep|", // Technical Buyer
      "Priya Nair|Globex Corporation|decision_maker|Dana Ortiz|Kim Lee|", // Evaluator and Decision Maker: the stronger; ReportsToId in 15 characters
      "Tom Baker|Globex Corporation|end_user|Priya Nair|Kim Lee|",        // Business User
      "Ana Silva|Globex Corporation||Lee Wong|Sam Rep|",
      "Bill Lumbergh|Initech|decision_maker||Kim Lee|",                   // the account file's 15-character Id
      "Milton Waddams|Initech||Bill Lumbergh|Kim Lee|",                   // Other: no role
      "Joanna Smith, PhD|Initech|influencer|Bill Lumbergh|Sam Rep|",
      "Sam Rep|||||team", "Kim Lee|||||team",                           // the owners; Pat Other owns nothing
    ])
    #expect(g.people[8].title == "Account Executive" && g.people[9].department == "Presales")
    #expect(g.people[3].attribute("MailingStreet") == "12 Main St\nSuite 400" && g.people[3].attribute("Description") == #"Met at the "Supply Chain" summit, 2023"#)
    #expect(Self.ties(g).sorted() == ["Ana Silva > Lee Wong reports_to", "Joanna Smith, PhD > Bill Lumbergh reports_to",
                                      "Lee Wong > Dana Ortiz reports_to", "Milton Waddams > Bill Lumbergh reports_to",
                                      "Priya Nair > Dana Ortiz reports_to", "Tom Baker > Priya Nair reports_to"])
    #expect(input.warnings.map(\.description) == [
      #"\#(Self.path("salesforce/OpportunityContactRole.csv")):10: 1 contact role names a contact not in \#(Self.path("salesforce/Contact.csv")) (first: "0035g00000ZzZz9AAA"); not used"#])
  }

  @Test func salesforceAloneNamesWhatIsMissing() throws {
    let input = try Self.load("salesforce/Contact.csv") { $0.preset = .salesforce }
    let g = input.graph
    #expect(g.people.count == 10 && g.people.filter(\.isInternal).map(\.id) == ["0055g00000SamRpAAJ", "0055g00000KimLeAAJ"])
    #expect(g.people[0].account == "0015g00000AbCdEAAV" && g.people.filter(\.isInternal).allSatisfy { $0.name == nil })
    let w = input.warnings.map(\.message)
    #expect(w == [#"accounts are Salesforce ids (AccountId, e.g. "0015g00000AbCdEAAV"): pass --accounts Account.csv to name them"#,
                  #"2 owners are known only by id (first: "0055g00000SamRpAAJ"): pass --users FILE (the CRM's users export) to name them"#])
  }

  @Test func hubSpotOwnersByNameAndBuyingRoles() throws {
    let g = try Self.load("hubspot/contacts.csv") { $0.preset = .hubspot }.graph
    #expect(Self.people(g) == [
      "Maria García|Umbrella Corp|decision_maker||Sam Rep|",   // Decision Maker;Budget Holder
      "Jean Dupont|Umbrella Corp|influencer|Maria García|Sam Rep|",   // Champion
      "Aiko Tanaka|Umbrella Corp|gatekeeper|Maria García|Kim Lee|",   // Blocker
      "Olu Adeyemi|Umbrella Corp|end_user|Jean Dupont||",
      "Zoë Keller 😀|Soylent, Inc.|||Kim Lee|",
      "Ravi Kumar|Soylent, Inc.||Zoë Keller 😀||",             // Other
      "Sam Rep|||||team", "Kim Lee|||||team",
    ])
    #expect(g.people[5].title == "Security Engineer\nContractor")
    // With the users export, owners are found by name and carry their e-mail as id and their title.
    let withUsers = try Self.load("hubspot/contacts.csv") { $0.preset = .hubspot; $0.users = Self.path("hubspot/users.csv") }.graph
    #expect(withUsers.people.filter(\.isInternal).map { "\($0.id) \($0.title ?? "")" } == ["sam.rep@ourco.example Account Executive", "kim.lee@ourco.example Solutions Engineer"])
    #expect(withUsers.people[0].owner == "sam.rep@ourco.example")
  }

  @Test func dynamicsGUIDsTagsAndConnections() throws {
    let input = try Self.load("dynamics/contacts.csv", ties: "dynamics/connections.csv") { $0.preset = .dynamics }
    let g = input.graph
    #expect(Self.people(g) == [
      "Hannah Schmidt|Initrode GmbH|decision_maker||Sam Rep|",   // braced upper-case GUID, "Decision maker"
      "Lukas Bauer|Initrode GmbH|influencer|Hannah Schmidt|Sam Rep|",   // option value 1
      "Mia Wagner|Initrode GmbH||Lukas Bauer|Kim Lee|",   // Unknown
      "Felix Weber|Initrode GmbH|gatekeeper|Hannah Schmidt|Kim Lee|",   // Blocker
      "Emma Fischer|Initrode GmbH||Felix Weber||",
      "Sam Rep|||||team", "Kim Lee|||||team",   // named from owneridname
    ])
    #expect(g.people[0].id == "00000001-1a2b-4c3d-8e9f-000000000001")
    #expect(Self.ties(g).sorted() == [
      "Emma Fischer > Felix Weber reports_to", "Felix Weber > Hannah Schmidt reports_to",
      "Hannah Schmidt > Sam Rep advice",   // Sam is Hannah's influencer: she goes to him for advice
      "Lukas Bauer -- Felix Weber collaboration", "Lukas Bauer > Hannah Schmidt reports_to",
      "Mia Wagner -- Emma Fischer friendship", "Mia Wagner > Lukas Bauer reports_to",
    ], "each connection once (reciprocal records skipped), the inactive one and the one to an account left out")
    #expect(input.warnings.map(\.message).contains { $0.hasPrefix("1 connection joins a record that is not a contact or user read") })
    #expect(input.warnings.map(\.message).contains("1 inactive connection left out"))
  }

  @Test func linkedInConnectionsFromTheirPreamble() throws {
    let input = try Self.load("linkedin/Connections.csv") { $0.preset = .linkedin; $0.owner = "T01" }
    let g = input.graph
    #expect(Self.people(g) == [
      "Grace Hopper|Cyberdyne Systems|||T01|", "Alan Turing|Cyberdyne Systems|||T01|", "Ada Lovelace|Acme, Inc.|||T01|",
      "Émile Zola 📚||||T01|", "T01|||||team",
    ])
    #expect(g.people[0].id == "https://www.linkedin.com/in/gracehopper" && g.people[2].title == "VP Engineering, Platform")
    #expect(g.people[1].attribute("Email Address") == "alan@cyberdyne.example")
    #expect(Self.ties(g) == ["T01 -- Grace Hopper relationship 2024-11-05", "T01 -- Alan Turing relationship 2023-01-17",
                             "T01 -- Ada Lovelace relationship 2022-02-02", "T01 -- Émile Zola 📚 relationship 2021-12-30"])
    // Errors keep the file's lines, preamble included.
    #expect(Self.problem("linkedin/Connections.csv") { $0.preset = .linkedin; $0.idColumn = "Email Address" }
            == "\(Self.path("linkedin/Connections.csv")):5: empty id (column \"Email Address\"): every contact needs one")
  }

  @Test func anExportWithoutItsPresetSaysWhichOne() {
    #expect(Self.problem("salesforce/Contact.csv").contains(
      #"owner "0055g00000SamRpAAJ" is not the id of anyone in \#(Self.path("salesforce/Contact.csv")): this looks like a Salesforce Contact export (13 of its columns): pass --preset salesforce"#))
    #expect(Self.problem("linkedin/Connections.csv") == "\(Self.path("linkedin/Connections.csv")):1: no id column: this looks like a LinkedIn Connections.csv (7 of its columns): pass --preset linkedin (columns found: First Name, Last Name, URL, Email Address, Company, Position, Connected On)")
    #expect(Self.problem("hubspot/contacts.csv").hasSuffix("; this looks like a HubSpot contacts export (13 of its columns): pass --preset hubspot"))
    #expect(Self.problem("hubspot/contacts.csv") { $0.preset = .salesforce }.hasPrefix(
      "\(Self.path("hubspot/contacts.csv")):1: not a Salesforce Contact export: no \"Id\" column; closest preset: --preset hubspot (columns found: Record ID, First Name,"))
    #expect(Self.problem("dynamics/contacts.csv") { $0.preset = .dynamics; $0.idColumn = "guid" }.contains(#"--id-column "guid" is not a column"#))
  }

  @Test func rolesAsTheCRMsWriteThem() throws {
    #expect(try CRMPreset.salesforce.role("Economic Buyer").get() == .decisionMaker)
    #expect(try CRMPreset.hubspot.role("Champion;End User").get() == .influencer)
    #expect(try CRMPreset.hubspot.role("Legal & Compliance").get() == .gatekeeper)
    #expect(try CRMPreset.dynamics.role("2").get() == .gatekeeper && (try CRMPreset.dynamics.role("3").get()) == nil)
    #expect(throws: CellProblem.self) { try CRMPreset.salesforce.role("Chief Golfer").get() }
    #expect(CRMPreset.salesforceKey("0035g00000DaNa1AAF") == "0035g00000DaNa1" && CRMPreset.salesforceKey("not-an-id") == nil)
    #expect(CRMPreset.dynamics.canonical("{000000A1-1A2B-4C3D-8E9F-0000000000A1}") == "000000a1-1a2b-4c3d-8e9f-0000000000a1")
  }
}
