import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What changed between two snapshots of an account: people, fields, ties and coverage.",
    discussion: """
      tiemap diff OLD NEW compares two folders, each holding contacts.csv and optionally ties.csv; or give the \
      files with --old-contacts/--old-ties and --new-contacts/--new-ties. People are matched by id: who arrived, \
      who left, changed titles, roles, managers (reports_to), proximity and the other fields; ties gained, lost and \
      re-weighted per kind; and each account's decision-circuit coverage before and after.
      """)

  @OptionGroup var out: OutputOptions

  @Argument(help: ArgumentHelp("The old and the new snapshot folders (each with contacts.csv and optional ties.csv).", valueName: "folder"))
  var folders: [String] = []

  @Option(help: ArgumentHelp("Old contacts file.", valueName: "file")) var oldContacts: String?
  @Option(help: ArgumentHelp("Old ties file.", valueName: "file")) var oldTies: String?
  @Option(help: ArgumentHelp("New contacts file.", valueName: "file")) var newContacts: String?
  @Option(help: ArgumentHelp("New ties file.", valueName: "file")) var newTies: String?

  @Flag(help: "Add people that ties name but the contacts lack, instead of failing.")
  var allowUnknown = false

  func validate() throws {
    if folders.isEmpty {
      guard oldContacts != nil, newContacts != nil else {
        throw ValidationError("Give two snapshot folders (tiemap diff OLD NEW), or --old-contacts FILE and --new-contacts FILE.")
      }
    } else {
      guard folders.count == 2 else { throw ValidationError("Give exactly two snapshot folders: OLD and NEW.") }
      guard oldContacts == nil, newContacts == nil, oldTies == nil, newTies == nil else {
        throw ValidationError("Give either two folders or the --old-…/--new-… files, not both.")
      }
    }
  }

  func snapshot(contacts: String, ties: String?) throws -> SocialGraph {
    var o = LoadOptions()
    o.allowUnknown = allowUnknown
    let loaded = try InputLoader.loadAccount(contacts: contacts, ties: ties, interactions: nil, options: o)
    for w in loaded.warnings { Terminal.warning(w.description) }
    return loaded.graph
  }

  func files(_ folder: String) -> (String, String?) {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let ties = "\(base)/ties.csv"
    return ("\(base)/contacts.csv", InputFile.exists(ties) ? ties : nil)
  }

  func run() throws {
    let (oc, ot) = folders.isEmpty ? (oldContacts!, oldTies) : files(folders[0])
    let (nc, nt) = folders.isEmpty ? (newContacts!, newTies) : files(folders[1])
    let old = try snapshot(contacts: oc, ties: ot), new = try snapshot(contacts: nc, ties: nt)
    let d = old.diff(to: new)
    switch out.resolvedFormat {
    case .csv: try out.emit(DiffReport.table(d).csv())
    case .json: try out.emit(DiffReport.json(d, graph: new, old: old))
    case .table: try out.emit(DiffReport.text(d, graph: new, old: old))
    }
  }
}
