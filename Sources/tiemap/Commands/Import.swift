import ArgumentParser
import GraphFormats
import SocialGraph
import Workspace

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Store the inputs as a dated snapshot of a workspace (one SQLite file per portfolio).",
    discussion: """
      tiemap import --workspace acme.tiemap --as-of 2026-03-31 --contacts contacts.csv --ties ties.csv \\
      --interactions interactions.csv [--surveys …] [--referrals …] reads the files as every command does (CRM presets \\
      included) and stores them as the snapshot of that date, in one transaction: records unchanged since the previous \\
      snapshot are kept, changed and new ones added, missing ones closed (each record carries the dates it is valid \\
      for). Importing the same snapshot again changes nothing; snapshots go in date order. Every analysis command then \\
      reads a snapshot with --workspace FILE [--as-of DATE] and prints the same bytes as on the files.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var feedback: FeedbackOptions

  func validate() throws {
    guard input.workspace != nil else { throw ValidationError("Missing --workspace FILE: the workspace to store the snapshot in (made if missing).") }
    guard input.asOf != nil else { throw ValidationError("Missing --as-of DATE: the date of the snapshot.") }
    guard input.contacts != nil else { throw ValidationError("Missing --contacts FILE: a snapshot is an account's contacts [--ties, --interactions, --surveys, --referrals].") }
  }

  func run() throws {
    let loaded = try input.loadFiles(feedback: feedback)
    var roles = ["contacts"]
    if input.ties != nil { roles.append("ties") }
    if input.interactions != nil { roles.append("interactions") }
    if feedback.surveys != nil { roles.append("surveys") }
    if feedback.referrals != nil { roles.append("referrals") }
    let workspace = try Workspace(path: input.workspace!, create: true)
    let s = try workspace.importSnapshot(loaded, asOf: input.asOfDay!, roles: roles)
    guard s.changed else {
      print("\(input.workspace!): the snapshot of \(s.asOf) is already there, the same: nothing changed")
      return
    }
    let tables = ["person": "people", "tie": "ties", "interaction": "interactions", "survey": "survey answers", "referral": "referrals"]
    let parts = ["person", "tie", "interaction", "survey", "referral"].compactMap { t -> String? in
      let (a, c, k) = (s.added[t] ?? 0, s.closed[t] ?? 0, s.kept[t] ?? 0)
      guard a + c + k > 0 else { return nil }
      return "\(tables[t]!) \(k) kept, \(a) added, \(c) closed"
    }
    print("\(input.workspace!): snapshot of \(s.asOf) stored: " + parts.joined(separator: "; "))
  }
}
