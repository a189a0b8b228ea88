import ArgumentParser
import GraphFormats
import SocialGraph
import Workspace

extension GraphFileFormat: ExpressibleByArgument {}

extension EdgeListThirdColumn: ExpressibleByArgument {}

extension CRMPreset: ExpressibleByArgument {}

extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--encoding` and `--sheet`: every command that reads input files takes them.
struct EncodingOption: ParsableArguments {
  @Option(help: "Character encoding of the input files (default auto: UTF-8, UTF-16 by its byte-order mark, else Windows-1252 with a warning).")
  var encoding: TextEncoding = .auto

  @Option(help: ArgumentHelp("The sheet of .xlsx inputs to read: a name or a number from 1 (default: the first).", valueName: "sheet"))
  var sheet: String?
}

/// Contacts as a CRM exports them (README, "CRM exports"): every command that reads contacts takes these.
struct CRMImportOptions: ParsableArguments {
  @Option(help: "Read --contacts as this CRM's export: its columns, ids and role values; owners become our team's users.")
  var preset: CRMPreset?

  @Option(help: ArgumentHelp("The CRM's users export (id, name, title, e-mail): names and titles of the owners.", valueName: "file"))
  var users: String?

  @Option(help: ArgumentHelp("Salesforce Account export (Id, Name): account ids in the contacts become names.", valueName: "file"))
  var accounts: String?

  @Option(help: ArgumentHelp("Salesforce OpportunityContactRole export (ContactId, Role, IsPrimary): stakeholder roles.", valueName: "file"))
  var contactRoles: String?

  @Option(help: ArgumentHelp("--preset linkedin: the team member who exported the connections (a relationship tie to each).", valueName: "id"))
  var owner: String?

  @Option(help: ArgumentHelp("The contacts column holding the id (a URL, an e-mail), instead of the preset's or id.", valueName: "column"))
  var idColumn: String?

  func validate() throws {
    if preset == nil && (users != nil || accounts != nil || contactRoles != nil || owner != nil) {
      throw ValidationError("--users, --accounts, --contact-roles and --owner read a CRM export: give --preset salesforce|hubspot|dynamics|linkedin.")
    }
    if owner != nil && preset != .linkedin { throw ValidationError("--owner ties LinkedIn connections to the member who exported them: it goes with --preset linkedin.") }
    if (accounts != nil || contactRoles != nil) && preset != .salesforce {
      throw ValidationError("--accounts and --contact-roles read Salesforce's Account and OpportunityContactRole exports: they go with --preset salesforce.")
    }
  }

  var options: CRMOptions {
    var o = CRMOptions()
    o.preset = preset; o.users = users; o.accounts = accounts; o.contactRoles = contactRoles; o.owner = owner; o.idColumn = idColumn
    return o
  }
}

/// The inputs of every command (DESIGN.md: `INPUT…`).
struct InputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Contacts file (one row per person).", valueName: "file"))
  var contacts: String?

  @Option(help: ArgumentHelp("Ties file (one row per tie).", valueName: "file"))
  var ties: String?

  @Option(help: ArgumentHelp("Contact history (date, person, channel, points, cost).", valueName: "file"))
  var interactions: String?

  @Option(help: ArgumentHelp("A whole graph: SNAP-style or CSV edge list, node-link or graphology JSON, GraphML, GEXF, GML, Pajek (.net), UCINET DL or an adjacency matrix (.gz allowed).", valueName: "file"))
  var graph: String?

  @Option(help: ArgumentHelp("With a Pajek --graph: a partition (.clu), read as the people's attribute named after the file.", valueName: "file"))
  var partition: String?

  @Option(help: ArgumentHelp("Read the snapshot of a workspace (tiemap import) instead of files.", valueName: "file"))
  var workspace: String?

  @Option(help: ArgumentHelp("With --workspace: the snapshot of this date, or the latest before it (default: the latest). trust and ties also evaluate at this date.", valueName: "date"))
  var asOf: String?

  @Option(help: "Format of --graph when its extension does not tell.")
  var inputFormat: GraphFileFormat?

  @Flag(help: "Treat the ties of --graph as directed: metrics, brokers and reach then measure the directed layer (the 'edge' kind), not the undirected social view.")
  var directed = false

  @Flag(help: "Add people that ties or interactions name but the contacts lack, instead of failing.")
  var allowUnknown = false

  @OptionGroup(title: "CRM exports") var crm: CRMImportOptions

  @OptionGroup var text: EncodingOption

  @Option(help: ArgumentHelp("Go on past bad rows of --contacts, --ties and --interactions, writing them here (file, line, account, id, reason); the command runs on the rest and ends with exit status 3.", valueName: "file"))
  var rejects: String?

  @Option(help: "What a third column of a --graph edge list holds.")
  var thirdColumn: EdgeListThirdColumn = .weight

  @Flag(help: "Skip --graph lines whose weight is 0 (adjacency-style lists) instead of failing.")
  var skipZeroWeights = false

  func validate() throws {
    if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD).") }
    if workspace != nil {
      // `import` reads files into a workspace; every other command reads a workspace or files (checked in `load`).
      return
    }
    if !crm.options.isEmpty && contacts == nil {
      throw ValidationError("--preset, --users, --id-column and the other CRM options read --contacts FILE.")
    }
    if partition != nil && graph == nil { throw ValidationError("--partition goes with a Pajek network: --graph FILE.net.") }
    if rejects != nil && contacts == nil { throw ValidationError("--rejects logs the bad rows of --contacts, --ties and --interactions: give --contacts FILE.") }
    if graph != nil && (contacts != nil || ties != nil || interactions != nil) {
      throw ValidationError("Give either --graph FILE, or --contacts FILE with --ties/--interactions, not both.")
    }
    if graph == nil && contacts == nil && !(interactions != nil && ties == nil) {
      if ties != nil {
        throw ValidationError("--ties needs --contacts FILE; for a ties file alone use --graph FILE (people are taken from the ties).")
      }
      throw ValidationError("Missing input: give --contacts FILE [--ties FILE] [--interactions FILE], or --graph FILE.")
    }
  }

  /// The layer measured when no `--kind` is given: the directed `edge` layer of `--graph … --directed`, else
  /// nil (the combined social view).
  var defaultKind: String? { graph != nil && directed ? TieKind.edge.name : nil }

  var loadOptions: LoadOptions {
    var o = LoadOptions()
    o.allowUnknown = allowUnknown
    o.format = inputFormat
    o.directed = directed
    o.thirdColumn = thirdColumn
    o.skipZeroWeights = skipZeroWeights
    o.crm = crm.options
    o.encoding = text.encoding
    o.sheet = text.sheet
    o.partition = partition
    return o
  }

  /// The date of `--as-of`, checked by `validate`.
  var asOfDay: Day? { asOf.flatMap { Day(iso: $0) } }

  /// Reads the inputs — the files, or the workspace snapshot of `--workspace [--as-of]` — (with the survey answers
  /// and referrals of `feedback`, for the commands that use them) and prints their warnings to stderr.
  /// `evaluatesAtDate`: the command also evaluates at `--as-of` (trust, ties), so it may go without a workspace.
  func load(feedback: FeedbackOptions? = nil, evaluatesAtDate: Bool = false) throws -> LoadedInput {
    if let workspace {
      if contacts != nil || ties != nil || interactions != nil || graph != nil || feedback?.surveys != nil || feedback?.referrals != nil || !crm.options.isEmpty {
        throw ValidationError("Give either --workspace FILE (a snapshot holds every input) or the input files, not both.")
      }
      let ws = try Workspace(path: workspace, create: false)
      return try ws.load(asOf: asOfDay, feedback: feedback != nil).input
    }
    if asOf != nil && !evaluatesAtDate { throw ValidationError("--as-of picks a snapshot of a workspace: give --workspace FILE.") }
    return try loadFiles(feedback: feedback)
  }

  /// Reads the input files (not a workspace), printing their warnings.
  func loadFiles(feedback: FeedbackOptions? = nil) throws -> LoadedInput {
    InputFile.defaultText = loadOptions.text   // for the files a command reads beside its inputs (groups, costs)
    let (surveys, referrals) = (feedback?.surveys, feedback?.referrals)
    if (surveys != nil || referrals != nil) && contacts == nil {
      throw ValidationError("--surveys and --referrals go with --contacts FILE (they name contacts).")
    }
    let input: LoadedInput
    if let graph {
      input = try InputLoader.loadGraph(graph, options: loadOptions)
    } else if contacts == nil, let interactions {
      input = try InputLoader.loadHistory(interactions, options: loadOptions)
    } else {
      let log = rejects.map { RejectedRows.start(file: $0) }
      input = try InputLoader.loadAccount(contacts: contacts!, ties: ties, interactions: interactions, surveys: surveys,
                                          referrals: referrals, options: loadOptions, rejects: log)
    }
    for w in input.warnings { Terminal.warning(w.description) }
    return input
  }
}

/// The survey answers and referrals of `referrals` and `report` (the only commands that read them).
struct FeedbackOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Net Promoter answers (person, score 0–10, date).", valueName: "file"))
  var surveys: String?

  @Option(help: ArgumentHelp("Referrals (referrer, referred, value, cost, period or date).", valueName: "file"))
  var referrals: String?
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}

/// `--format` and `-o` (STYLE.md §10).
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format (default: table on a terminal, csv otherwise, or from the -o extension).")
  var format: OutputFormat?

  @Option(name: .short, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
  var output: String?

  /// The format an `-o` file's extension asks for: .csv, .json, or a text table (.txt, or no extension, where
  /// `--format` may choose any); an Excel workbook (.xlsx) is the CSV table as a sheet (`XLSXWriter`); nil for an
  /// extension Tiemap does not write, which `validate` refuses.
  static func format(ofFile path: String) -> OutputFormat? {
    guard let ext = fileExtension(path) else { return .table }
    switch ext {
    case "csv", "xlsx": return .csv
    case "json": return .json
    case "txt", "text": return .table
    default: return nil
    }
  }

  /// The name of the sheet a workbook output gets: the command's (set once the command line is parsed).
  nonisolated(unsafe) static var sheetName = "Table"

  /// Whether `-o` names an Excel workbook.
  var isWorkbook: Bool { output.flatMap(OutputOptions.fileExtension) == "xlsx" }

  func validate() throws {
    guard let output else { return }
    guard OutputOptions.fileExtension(output) != nil else { return }   // none (/dev/stdout, a pipe): any format
    guard let implied = OutputOptions.format(ofFile: output) else {
      throw ValidationError("-o \(output): tables are written as .csv, .xlsx (an Excel workbook), .json or .txt (a text table); choose one of these extensions.")
    }
    if let format, format != implied {
      let asked = isWorkbook ? "an Excel workbook (the CSV table)" : implied == .table ? "a text table" : implied.rawValue
      throw ValidationError("-o \(output) asks for \(asked) but --format is \(format.rawValue); make them agree.")
    }
  }

  /// The lower-cased extension of the file `path` names, or nil when it has none (a leading dot is not one).
  static func fileExtension(_ path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[name.index(after: dot)...].lowercased()
  }

  var resolvedFormat: OutputFormat {
    if let format { return format }
    if let output { return OutputOptions.format(ofFile: output) ?? .table }
    return Terminal.stdoutIsTerminal ? .table : .csv
  }

  func emit(_ text: String) throws {
    if let output, isWorkbook {
      do { try AtomicFile.write(try XLSXWriter.workbook([(OutputOptions.sheetName, text)]), to: output) }
      catch let e as XLSXWriter.TooLarge { throw RunError("-o \(output): \(e.description)") }
      return
    }
    // stdout is checked like a file: a full disk or a closed stdout is an error, not a silent exit 0.
    if let output { try AtomicFile.write(text, to: output) } else { try AtomicFile.writeStandardOutput(.text(text)) }
  }
}

/// A usage problem found after parsing, once the input is read (an unknown tie kind, a measure the chosen view
/// does not define): exit status 1 with the message alone (no usage banner, which would not name the command).
struct RunError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// `--account NAME` as users type it: the exact name, else the one account it matches ignoring case.
enum AccountName {
  /// The account of `people` that `given` names, or an error naming the accounts there.
  static func resolve(_ given: String?, in people: [Person]) throws -> String? {
    guard let given else { return nil }
    let names = Set(people.lazy.filter { !$0.isInternal }.compactMap(\.account))
    if names.contains(given) { return given }
    let folded = given.lowercased()
    let matches = names.filter { $0.lowercased() == folded }.sorted()
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      throw RunError("--account '\(given)' matches \(matches.count) accounts that differ only in case: \(matches.joined(separator: ", ")); give the name exactly.")
    }
    let shown = names.sorted()
    let list = shown.prefix(20).joined(separator: ", ") + (shown.count > 20 ? ", … (\(shown.count) accounts)" : "")
    throw RunError("--account: no contact in account '\(given)'. Accounts here: \(list).")
  }
}

extension SocialGraph {
  /// The account an `--account NAME` option names (`AccountName.resolve`): nil without the option.
  func requireAccount(_ account: String?) throws -> String? { try AccountName.resolve(account, in: people) }

  /// The view a command runs on: the combined social view, or the layer of `kind` when given.
  func view(kind: String?) throws -> GraphView {
    guard let kind else { return social }
    guard let layer = layer(TieKind(kind)) else {
      throw RunError("No ties of kind '\(kind)'. Kinds here: \(kinds.map(\.name).joined(separator: ", ")).")
    }
    return layer
  }
}
