import SocialGraph

/// A CRM's activity export given as `--interactions` with `--preset`, read as Tiemap's contact history: each
/// completed activity with a contact is one interaction of 1 point (activity exports carry no outcome in points),
/// on the activity's date, with the contact, by the team member who owns it, on its channel and, where the CRM
/// records it, in its direction. README, "Activity exports", has the mapping table.
///
/// | Tiemap    | Salesforce Task / Event                         | HubSpot activities (engagements)                 | Dynamics 365 activities (activitypointer)          |
/// |-----------|-------------------------------------------------|--------------------------------------------------|----------------------------------------------------|
/// | date      | ActivityDate, ActivityDateTime, StartDateTime   | Activity date, Timestamp, Create date            | actualend, actualstart, scheduledend (Actual End…) |
/// | person    | WhoId                                           | Associated Contact IDs (several: one each)       | regardingobjectid (Regarding)                      |
/// | with      | OwnerId                                         | Activity assigned to, HubSpot owner              | ownerid (Owner)                                    |
/// | channel   | TaskSubtype, EventSubtype, Type                 | Activity type                                    | activitytypecode (Activity Type)                   |
/// | direction | CallType                                        | Call direction, Email direction                  | directioncode (Direction)                          |
/// | kept      | Status = Completed or IsClosed (events: all)    | outcome not Scheduled, Canceled, No show…        | statecode = Completed (1)                          |
///
/// Channels are named alike whatever the CRM (`call`, `email`, `meeting`, `linkedin`, `task`, `note`, `sms`).
/// What is left out is counted in one warning each, never silently: open or cancelled activities, activities
/// with no contact (on an account or opportunity alone), and activities whose contact is not among the people
/// read (a lead, a contact of another export). A team member who is not among the people is left out of the
/// interaction (counted too); the interaction stays. Every row of the export is on the line it was, so errors
/// name the export's own line (a row giving several contacts is mapped back).
enum CRMActivities {
  struct Columns {
    var date: [String], person: [String], with: [String], channel: [String], direction: [String], status: [String]
    /// A column only this CRM's activity export has (normalised).
    var signature: [String]
  }

  static func columns(_ preset: CRMPreset) -> Columns? {
    switch preset {
    case .salesforce:
      Columns(date: ["activitydate", "activitydatetime", "startdatetime", "completeddatetime", "createddate"], person: ["whoid"],
              with: ["ownerid", "assignedto"], channel: ["tasksubtype", "eventsubtype", "type"], direction: ["calltype"],
              status: ["status", "isclosed"], signature: ["whoid"])
    case .hubspot:
      Columns(date: ["activitydate", "timestamp", "createdate", "date"],
              person: ["associatedcontactids", "associatedcontactid", "contactids", "contactid", "associatedcontactrecordid",
                       "associatedcontact", "associatedcontacts"],
              with: ["activityassignedto", "assignedto", "activityowner", "hubspotowner", "owner", "createdby"],
              channel: ["activitytype", "engagementtype", "type"], direction: ["calldirection", "emaildirection", "direction"],
              status: ["callandmeetingoutcome", "meetingoutcome", "calloutcome", "outcome", "taskstatus", "status"],
              signature: ["activitytype", "engagementtype", "activityassignedto"])
    case .dynamics:
      Columns(date: ["actualend", "actualstart", "scheduledend", "modifiedon", "createdon", "datecompleted"],
              person: ["regardingobjectid", "regarding", "regardingid"], with: ["ownerid", "owner"],
              channel: ["activitytypecode", "activitytype"], direction: ["directioncode", "direction"],
              status: ["statecode", "activitystatus", "status"], signature: ["regardingobjectid", "activitytypecode", "regarding"])
    case .linkedin:
      nil
    }
  }

  /// Whether `header` is the preset's activity export rather than Tiemap's own history.
  static func isActivityExport(_ header: [String], preset: CRMPreset) -> Bool {
    guard let c = columns(preset) else { return false }
    let names = Set(header.map { normalizedColumnName($0.trimmingBlanks()) })
    return c.signature.contains(where: names.contains)
  }

  /// A channel as Tiemap names it.
  static func channel(_ raw: String) -> String? {
    let k = normalizedColumnName(raw)
    switch k {
    case "": return nil
    case "call", "phonecall", "calls", "phone": return "call"
    case "email", "emails", "listemail", "incomingemail", "forwardedemail", "sentemail", "emailmessage": return "email"
    case "meeting", "meetings", "appointment", "event", "meetingevent": return "meeting"
    case "linkedin", "linkedinmessage", "linkedinmessages", "inmail": return "linkedin"
    case "task", "tasks", "todo": return "task"
    case "note", "notes": return "note"
    case "sms", "text", "textmessage", "whatsapp": return k == "whatsapp" ? "whatsapp" : "sms"
    default: return raw.lowercased()
    }
  }

  /// A direction as Tiemap names it, nil when unknown or internal.
  static func direction(_ raw: String, preset: CRMPreset) -> String? {
    switch normalizedColumnName(raw) {
    case "inbound", "incoming", "incomingemail", "in", "received": return "inbound"
    case "outbound", "outgoing", "out", "sent", "email", "forwardedemail": return "outbound"
    case "true", "1" where preset == .dynamics: return "outbound"   // directioncode: true is outgoing
    case "false", "0" where preset == .dynamics: return "inbound"
    default: return nil
    }
  }

  /// Whether a status or outcome means the activity took place.
  static func happened(_ raw: String, preset: CRMPreset) -> Bool {
    switch normalizedColumnName(raw) {
    case "", "completed", "complete", "done", "closed", "true", "held", "connected", "leftvoicemail", "leftlivemessage": return true
    case "1": return true   // Dynamics statecode Completed; Salesforce IsClosed
    default: return false
    }
  }

  /// The export as Tiemap's history CSV (date, person, with, channel, points, direction), each kept activity on
  /// the line of its row, with the warnings for what was left out. `known(id)` gives the id of a person read, as
  /// the export writes it (Dynamics' GUIDs canonical, Salesforce's 15- and 18-character forms matched).
  static func history(_ data: InputBytes, file: String, preset: CRMPreset, known: (String) -> String?) throws
    -> (data: InputBytes, lineMap: [Int]?, warnings: [InputWarning]) {
    guard let c = columns(preset) else { return (data, nil, []) }
    var parser = CSVParser(data: data, file: file)
    var fields: [String] = []
    guard !parser.isBlank, let headerLine = try parser.next(into: &fields) else {
      throw InputError(file: file, line: 0, problem: "file is empty (expected a header line)")
    }
    let names = fields.map { normalizedColumnName($0.trimmingBlanks()) }
    func index(_ options: [String]) -> [Int] { options.compactMap { names.firstIndex(of: $0) } }
    let (dates, persons, withs) = (index(c.date), index(c.person), index(c.with))
    let (channels, directions, statuses) = (index(c.channel), index(c.direction), index(c.status))
    guard !dates.isEmpty else {
      throw InputError(file: file, line: headerLine, problem: "an activity export needs a date column (\(c.date.joined(separator: ", ")); columns found: \(fields.joined(separator: ", ")))")
    }
    guard !persons.isEmpty else {
      throw InputError(file: file, line: headerLine, problem: "an activity export needs the contact's column (\(c.person.joined(separator: ", ")); columns found: \(fields.joined(separator: ", ")))")
    }
    var out = LineKeptCSV(reserving: data.count)
    func emit(_ row: [String], source: Int) { out.record(row, at: source) }
    emit(["date", "person", "with", "channel", "points", "direction"], source: headerLine)
    var skipped: [String: (count: Int, line: Int, example: String)] = [:]
    func skip(_ why: String, _ l: Int, _ example: String = "") {
      skipped[why] = skipped[why].map { ($0.count + 1, $0.line, $0.example) } ?? (1, l, example)
    }
    func first(_ columns: [Int]) -> String {
      for k in columns where k < fields.count { let v = fields[k].trimmingBlanks(); if !v.isEmpty { return v } }
      return ""
    }
    var rows = 0
    while let l = try parser.next(into: &fields) {
      rows += 1
      if !statuses.isEmpty, !happened(first(statuses), preset: preset) { skip("open, planned or cancelled: left out", l, first(statuses)); continue }
      let personText = first(persons)
      guard !personText.isEmpty else { skip("with no contact (on an account or opportunity alone): left out", l); continue }
      var ids: [String] = []
      for part in personText.split(separator: ";") {
        var p = String(part).trimmingBlanks()
        // HubSpot writes "Name (id)" in some views: the id inside the last parentheses.
        if p.hasSuffix(")"), let open = p.lastIndex(of: "(") { p = String(p[p.index(after: open)..<p.index(before: p.endIndex)]) }
        if !p.isEmpty { ids.append(p) }
      }
      let date = first(dates)
      var member = first(withs)
      if !member.isEmpty, known(member) == nil { skip("by a team member not among the people read: kept, without them", l, member); member = "" }
      let ch = channel(first(channels)) ?? ""
      var dir = first(directions)
      dir = direction(dir, preset: preset) ?? (normalizedColumnName(first(channels)) == "incomingemail" ? "inbound" : "")
      for id in ids {
        guard let person = known(id) else { skip("whose contact is not among the people read (a lead, or another export's contact): left out", l, id); continue }
        emit([date, person, member.isEmpty ? "" : known(member)!, ch, "1", dir], source: l)
      }
    }
    var warnings: [InputWarning] = []
    // Line 0 with the line in the text: the warning's line is the export's own, not the converted text's.
    for (why, s) in skipped.sorted(by: { $0.value.line < $1.value.line }) {
      let example = s.example.isEmpty ? "" : ", e.g. \(quoted(s.example))"
      let at = InputFile.sheetRow(of: s.line, in: file)
      warnings.append(InputWarning(file: file, line: 0, message: "\(s.count) activit\(s.count == 1 ? "y" : "ies") \(why) (first on line \(at)\(example))"))
    }
    if rows > 0 {
      warnings.append(InputWarning(file: file, line: 0, message: "a \(preset.activityTitle): each completed activity counts as a touchpoint of 1 point (no outcome in points in the export)"))
    }
    return (InputBytes(out.bytes), out.lineMap, warnings)
  }
}

extension CRMPreset {
  /// What the preset's activity export is called in messages.
  var activityTitle: String {
    switch self {
    case .salesforce: "Salesforce Task/Event export"
    case .hubspot: "HubSpot activities export"
    case .dynamics: "Dynamics 365 activities export"
    case .linkedin: "LinkedIn export"
    }
  }
}
