import SocialGraph

/// A CRM's contacts export as it is downloaded, mapped onto Tiemap's contacts columns (README, "CRM exports"):
/// which columns give the id, name, account, title, department, manager, owner and role, how the CRM writes its ids
/// (Salesforce's 15- and 18-character forms, Dynamics' GUIDs in braces and any case) and its role values. Owners are
/// our team's users, created as such (`CRMImport`), never required as contacts.
public enum CRMPreset: String, CaseIterable, Sendable {
  /// Salesforce Contact export (Data Loader, Data Export, a report): `Id, FirstName, LastName, AccountId` or
  /// `Account.Name, ReportsToId, Title, Department, OwnerId, Email…`; roles from `OpportunityContactRole`.
  case salesforce
  /// HubSpot contacts export: `Record ID, First Name, Last Name, Company Name, Job Title, Contact owner, Buying Role…`.
  case hubspot
  /// Dynamics 365 contacts, by logical names (`contactid, fullname, parentcustomerid, parentcontactid, jobtitle,
  /// ownerid, msdyn_decisioninfluencetag…`) or by the display names "Export to Excel" and data packs write
  /// (`(Do Not Modify) Contact, Full Name, First Name, Company Name, Manager, Job Title, Owner, Decision influence
  /// labels…`); connections (`record1id, record2id, record1roleid…`) as ties.
  case dynamics
  /// LinkedIn `Connections.csv`: its `Notes:` preamble, then `First Name, Last Name, URL, Email Address, Company,
  /// Position, Connected On`.
  case linkedin

  typealias Field = ContactsReader.Field

  /// What the export is called in messages.
  public var title: String {
    switch self {
    case .salesforce: "Salesforce Contact export"
    case .hubspot: "HubSpot contacts export"
    case .dynamics: "Dynamics 365 contacts export"
    case .linkedin: "LinkedIn Connections.csv"
    }
  }

  /// Columns typical of the export (normalised), to recognise it: the closest preset is the one sharing most.
  var signature: Set<String> {
    switch self {
    case .salesforce: ["id", "firstname", "lastname", "accountid", "accountname", "reportstoid", "ownerid", "mailingcity",
                       "mailingcountry", "leadsource", "recordtypeid", "isdeleted", "masterrecordid", "createddate", "salutation"]
    case .hubspot: ["recordid", "firstname", "lastname", "companyname", "jobtitle", "contactowner", "lifecyclestage",
                    "leadstatus", "createdate", "associatedcompany", "phonenumber", "buyingrole", "lastactivitydate"]
    case .dynamics: ["contactid", "fullname", "parentcustomerid", "parentcustomeridname", "parentcontactid", "jobtitle", "ownerid",
                     "msdyndecisioninfluencetag", "emailaddress1", "telephone1", "statecode", "statuscode", "createdon",
                     // display names ("Export to Excel", data packs)
                     "donotmodifycontact", "donotmodifyrowchecksum", "donotmodifymodifiedon", "companyname", "decisioninfluencelabels",
                     "decisioninfluencetag", "businessphone", "mobilephone", "firstname", "lastname"]
    case .linkedin: ["firstname", "lastname", "url", "emailaddress", "company", "position", "connectedon"]
    }
  }

  /// For each contact field, the export's names for it (normalised), the first present winning.
  var contactColumns: [(Field, [String])] {
    switch self {
    case .salesforce:
      [(.id, ["id", "contactid"]), (.name, ["name", "fullname"]), (.firstName, ["firstname"]), (.lastName, ["lastname"]),
       (.title, ["title"]), (.account, ["accountname", "account", "accountid"]), (.department, ["department"]),
       (.reportsTo, ["reportstoid", "reportsto"]), (.owner, ["ownerid", "contactowner", "owner"]),
       (.role, ["role", "contactrole", "buyingrole"])]
    case .hubspot:
      [(.id, ["recordid", "contactid", "hubspotid"]), (.firstName, ["firstname"]), (.lastName, ["lastname"]),
       (.title, ["jobtitle", "title"]), (.account, ["companyname", "associatedcompany", "company"]),
       (.department, ["department"]), (.reportsTo, ["reportsto", "manager"]),
       (.owner, ["contactowner", "hubspotowner", "owner"]), (.role, ["buyingrole", "role"])]
    case .dynamics:
      [(.id, ["contactid", "donotmodifycontact", "contact"]), (.name, ["fullname"]), (.firstName, ["firstname"]),
       (.lastName, ["lastname"]), (.title, ["jobtitle"]),
       (.account, ["parentcustomeridname", "parentcustomerid", "companyname", "accountname", "company"]),
       (.department, ["department"]), (.reportsTo, ["parentcontactid", "managerid", "manager", "reportsto"]),
       (.owner, ["ownerid", "owner"]),
       (.role, ["msdyndecisioninfluencetag", "decisioninfluencetag", "decisioninfluencelabels", "decisioninfluencelabel",
                "decisioninfluence", "role"])]
    case .linkedin:
      [(.id, ["tiemapid", "url", "profileurl"]), (.firstName, ["firstname"]), (.lastName, ["lastname"]), (.title, ["position"]),
       (.account, ["company"])]
    }
  }

  /// The column holding the owner's name beside the owner id, if the export has one (normalised).
  var ownerNameColumn: String? {
    switch self {
    case .salesforce: "ownername"
    case .dynamics: "owneridname"
    case .hubspot, .linkedin: nil
    }
  }

  /// The column names (as the export writes them) of the id, for messages.
  var idColumnName: String {
    switch self {
    case .salesforce: "Id"
    case .hubspot: "Record ID"
    case .dynamics: "contactid"
    case .linkedin: "URL"
    }
  }

  /// The preset sharing most columns with `header` (at least two), with how many.
  static func closest(to header: [String]) -> (preset: CRMPreset, shared: Int)? {
    let names = Set(header.map { normalizedColumnName($0.trimmingBlanks()) })
    let ranked = allCases.map { ($0, $0.signature.intersection(names).count) }
    guard let best = ranked.max(by: { $0.1 < $1.1 }), best.1 >= 2 else { return nil }
    return best
  }

  /// A role as the export writes it: Tiemap's names, then the CRM's own (Salesforce's contact roles, HubSpot's
  /// buying roles, Dynamics' decision influence tag, as labels or option values); nil for its "no role" values.
  /// Several roles (HubSpot's `Decision Maker;Champion`) give the strongest, in `CRMPreset.precedence` order.
  func role(_ text: String) -> Result<StakeholderRole?, CellProblem> {
    var found: [StakeholderRole] = []
    for part in text.split(separator: ";") {
      let key = normalizedColumnName(String(part))
      if key.isEmpty { continue }
      if let r = StakeholderRole(parsing: part) { found.append(r); continue }
      if let r = Self.roleNames[key] { if let r { found.append(r) }; continue }
      if self == .dynamics, let code = Int(key), let r = Self.dynamicsTags[code] { if let r { found.append(r) }; continue }
      let known = Self.roleNames.keys.sorted().joined(separator: ", ")
      return .failure(CellProblem("role \(quoted(part)) is not a role Tiemap knows (\(StakeholderRole.allCases.map(\.rawValue).joined(separator: ", ")), or the CRM's: \(known))"))
    }
    return .success(Self.precedence.first { found.contains($0) })
  }

  /// The strongest role first, when a contact has several (on several opportunities, or a multi-valued field).
  public static let precedence: [StakeholderRole] = [.decisionMaker, .influencer, .technicalExpert, .gatekeeper, .endUser]

  /// The CRMs' role values (normalised), nil for the ones that mean no role.
  static let roleNames: [String: StakeholderRole?] = [
    // Salesforce OpportunityContactRole.Role
    "businessuser": .endUser, "decisionmaker": .decisionMaker, "economicbuyer": .decisionMaker,
    "economicdecisionmaker": .decisionMaker, "evaluator": .technicalExpert, "executivesponsor": .decisionMaker,
    "influencer": .influencer, "technicalbuyer": .technicalExpert, "other": nil,
    // HubSpot buying roles
    "budgetholder": .decisionMaker, "champion": .influencer, "enduser": .endUser, "blocker": .gatekeeper,
    "legalandcompliance": .gatekeeper, "legalcompliance": .gatekeeper,
    // Dynamics 365 msdyn_decisioninfluencetag
    "unknown": nil,
  ]

  /// Dynamics' option values of the decision influence tag: decision maker, influencer, blocker, unknown.
  static let dynamicsTags: [Int: StakeholderRole?] = [0: .decisionMaker, 1: .influencer, 2: .gatekeeper, 3: nil]

  /// An id as the CRM writes it in every place: Dynamics GUIDs without braces and in lower case; Salesforce ids
  /// as written (their 15-character form is matched by `CRMImport`).
  func canonical(_ id: String) -> String {
    guard self == .dynamics else { return id }
    var s = Substring(id)
    if s.first == "{" && s.last == "}" { s = s.dropFirst().dropLast() }
    return s.count == 36 && s.allSatisfy({ $0.isHexDigit || $0 == "-" }) ? s.lowercased() : String(s)
  }

  /// Salesforce: the case-sensitive 15-character key of a 15- or 18-character record id (the 18-character form adds
  /// a case checksum), so that `ReportsToId` written in one form finds `Id` written in the other.
  static func salesforceKey(_ id: String) -> String? {
    let u = id.utf8
    guard (u.count == 15 || u.count == 18), u.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else { return nil }
    return String(id.prefix(15))
  }
}
