import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
import Workspace

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What changed between two snapshots of an account: people, fields, ties and coverage.",
    discussion: """
      tiemap diff OLD NEW compares two folders, each holding contacts.csv and optionally ties.csv and \
      interactions.csv; or give the files with --old-contacts/--old-ties/--old-interactions and \
      --new-contacts/--new-ties/--new-interactions. People are matched by id: who arrived, who left, changed \
      titles, roles, managers (reports_to), declared proximity and the other fields; ties gained, lost and \
      re-weighted per kind; and each account's decision-circuit coverage and proximity counts before and after, \
      counted as tiemap account counts them (declared proximity, else derived from ties and history; --no-derive: \
      declared only). With --workspace FILE --from DATE --to DATE, the two snapshots of a workspace (each the latest \
      on or before its date).
      """)

  @OptionGroup var out: OutputOptions

  @Argument(help: ArgumentHelp("The old and the new snapshot folders (each with contacts.csv and optional ties.csv).", valueName: "folder"))
  var folders: [String] = []

  @Option(help: ArgumentHelp("Old contacts file.", valueName: "file")) var oldContacts: String?
  @Option(help: ArgumentHelp("Old ties file.", valueName: "file")) var oldTies: String?
  @Option(help: ArgumentHelp("New contacts file.", valueName: "file")) var newContacts: String?
  @Option(help: ArgumentHelp("New ties file.", valueName: "file")) var newTies: String?
  @Option(help: ArgumentHelp("Old contact history (interactions) file.", valueName: "file")) var oldInteractions: String?
  @Option(help: ArgumentHelp("New contact history (interactions) file.", valueName: "file")) var newInteractions: String?

  @Option(help: ArgumentHelp("Compare two snapshots of this workspace (--from, --to) instead of files.", valueName: "file"))
  var workspace: String?
  @Option(help: ArgumentHelp("With --workspace: the old snapshot's date.", valueName: "date")) var from: String?
  @Option(help: ArgumentHelp("With --workspace: the new snapshot's date (default: the latest).", valueName: "date")) var to: String?

  @Flag(help: "Count declared proximity only (as account --no-derive), not the levels derived from ties and history.")
  var noDerive = false

  @Flag(help: "Add people that ties name but the contacts lack, instead of failing.")
  var allowUnknown = false
  @OptionGroup var text: EncodingOption

  func validate() throws {
    for (name, d) in [("--from", from), ("--to", to)] {
      if let d, Day(iso: d) == nil { throw ValidationError("\(name) '\(d)' is not a date (YYYY-MM-DD).") }
    }
    if workspace != nil {
      guard folders.isEmpty, oldContacts == nil, newContacts == nil, oldTies == nil, newTies == nil, oldInteractions == nil, newInteractions == nil else {
        throw ValidationError("Give either --workspace FILE --from DATE [--to DATE], or the snapshots' files, not both.")
      }
      guard from != nil else { throw ValidationError("--workspace compares two snapshots: give --from DATE (and --to DATE, default the latest).") }
      return
    }
    if from != nil || to != nil { throw ValidationError("--from and --to pick snapshots of a workspace: give --workspace FILE.") }
    if folders.isEmpty {
      guard oldContacts != nil, newContacts != nil else {
        throw ValidationError("Give two snapshot folders (tiemap diff OLD NEW), or --old-contacts FILE and --new-contacts FILE.")
      }
    } else {
      guard folders.count == 2 else { throw ValidationError("Give exactly two snapshot folders: OLD and NEW.") }
      guard oldContacts == nil, newContacts == nil, oldTies == nil, newTies == nil, oldInteractions == nil, newInteractions == nil else {
        throw ValidationError("Give either two folders or the --old-…/--new-… files, not both.")
      }
    }
  }

  /// A snapshot's graph and everyone's proximity as `account` counts it.
  func snapshot(_ f: (contacts: String, ties: String?, interactions: String?)) throws -> (SocialGraph, [Proximity?]) {
    var o = LoadOptions()
    o.allowUnknown = allowUnknown
    o.encoding = text.encoding
    o.sheet = text.sheet
    InputFile.defaultText = o.text
    let loaded = try InputLoader.loadAccount(contacts: f.contacts, ties: f.ties, interactions: f.interactions, options: o)
    for w in loaded.warnings { Terminal.warning(w.description) }
    return levels(loaded)
  }

  func levels(_ loaded: LoadedInput) -> (SocialGraph, [Proximity?]) {
    var a = AccountOptions()
    a.deriveProximity = !noDerive
    return (loaded.graph, loaded.graph.accountProximity(interactions: loaded.interactions, options: a))
  }

  func files(_ folder: String) -> (contacts: String, ties: String?, interactions: String?) {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let ties = "\(base)/ties.csv", history = "\(base)/interactions.csv"
    return ("\(base)/contacts.csv", InputFile.exists(ties) ? ties : nil, InputFile.exists(history) ? history : nil)
  }

  func run() throws {
    if let workspace {
      let ws = try Workspace(path: workspace, create: false)
      let (old, oldLevels) = levels(try ws.load(asOf: from.flatMap { Day(iso: $0) }, feedback: false).input)
      let (new, newLevels) = levels(try ws.load(asOf: to.flatMap { Day(iso: $0) }, feedback: false).input)
      return try emit(old.diff(to: new, oldProximity: oldLevels, newProximity: newLevels), old: old, new: new)
    }
    let of = folders.isEmpty ? (oldContacts!, oldTies, oldInteractions) : files(folders[0])
    let nf = folders.isEmpty ? (newContacts!, newTies, newInteractions) : files(folders[1])
    let (old, oldLevels) = try snapshot(of), (new, newLevels) = try snapshot(nf)
    try emit(old.diff(to: new, oldProximity: oldLevels, newProximity: newLevels), old: old, new: new)
  }

  func emit(_ d: SnapshotDiff, old: SocialGraph, new: SocialGraph) throws {
    switch out.resolvedFormat {
    case .csv: try out.emit(DiffReport.table(d).csv())
    case .json: try out.emit(DiffReport.json(d, graph: new, old: old))
    case .table: try out.emit(DiffReport.text(d, graph: new, old: old))
    }
  }
}
