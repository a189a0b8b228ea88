import ArgumentParser
import Foundation
import GraphFormats
import SocialGraph

/// `tiemap-sample`: writes the sample accounts (contacts.csv, ties.csv, interactions.csv, surveys.csv, referrals.csv) from a seed.
/// `swift run tiemap-sample -o datasets/sample` regenerates the committed sample byte for byte.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tiemap-sample", abstract: "Generate realistic sample accounts for Tiemap (seeded, reproducible).")

  @Option(help: "Random seed.") var seed: UInt64 = 2026
  @Option(help: "Number of customer accounts.") var accounts = 1
  @Option(help: "Contacts per account.") var people = 145
  @Option(help: "Members of our own team (relationship owners).") var team = 6
  @Option(help: "Months of interaction history.") var months = 18
  @Option(name: .short, help: "Output directory.") var output = "datasets/sample"
  @Option(help: ArgumentHelp("A portfolio for batch scoring: this many contacts over --accounts accounts of heavy-tailed sizes (5 to 2,000 people); writes contacts, ties and interactions.", valueName: "n"))
  var contacts: Int?
  @Option(help: "Worker threads for --contacts (the files do not depend on it).") var threads = ProcessInfo.processInfo.activeProcessorCount
  @Option(help: ArgumentHelp("The account as this many monthly exports (one folder per month end) with people leaving, joining and changing role or title (planted truth in changes.csv), for tiemap import.", valueName: "n"))
  var snapshots: Int?
  @Flag(help: ArgumentHelp("The history with a churn process: incidents and silence raise a hidden hazard; ruptures are recorded as churned interactions (outcome column), with the planted truth in ruptures.csv (date, person, with, cause: delivery_silence, billing_repeat or background)."))
  var churn = false

  func validate() throws {
    guard accounts >= 1, people >= 10, (1...Vocabulary.team.count).contains(team), months >= 6 else {
      throw ValidationError("Need --accounts ≥ 1, --people ≥ 10, --team 1…\(Vocabulary.team.count), --months ≥ 6.")
    }
    if let n = snapshots {
      guard (2...60).contains(n) else { throw ValidationError("--snapshots must be from 2 to 60.") }
      guard contacts == nil else { throw ValidationError("--snapshots writes the account sample over time; it takes no --contacts.") }
    }
    if churn && (contacts != nil || snapshots != nil) { throw ValidationError("--churn writes the account sample; it takes no --contacts or --snapshots.") }
  }

  func run() throws {
    if let contacts {
      guard contacts >= accounts * 5, contacts <= accounts * 2_000 else {
        throw ValidationError("--contacts must be between 5 and 2,000 per account (\(accounts * 5)–\(accounts * 2_000) for \(accounts) accounts).")
      }
      var p = PortfolioSample()
      p.seed = seed; p.contacts = contacts; p.accounts = accounts; p.months = months
      print(try p.write(to: output, threads: max(1, threads)))
      return
    }
    var o = SampleAccounts.Options()
    o.seed = seed; o.accounts = accounts; o.peoplePerAccount = people; o.teamSize = team; o.months = months; o.churn = churn
    var gen = SampleAccounts(options: o)
    gen.generate()
    if let snapshots {
      print(try SnapshotSeries(gen, count: snapshots, seed: seed).write(to: output))
      return
    }
    let p = gen.people
    func id(_ i: Int) -> String { p[i].id }
    var contacts = SampleFiles.contactsHeader
    for m in p { contacts += SampleFiles.contact(m, id: id) }
    var ties = SampleFiles.tiesHeader
    for t in gen.ties { ties += SampleFiles.tie(t, id: id) }
    var history = churn ? SampleFiles.churnHistoryHeader : SampleFiles.historyHeader
    for h in gen.history { history += SampleFiles.interaction(h, id: id, outcome: churn) }
    var surveys = SampleFiles.surveysHeader
    for s in gen.surveys { surveys += SampleFiles.survey(s, id: id) }
    var referrals = SampleFiles.referralsHeader
    for r in gen.referrals { referrals += SampleFiles.referral(r, id: id) }
    try SampleFiles.write(["contacts": contacts, "ties": ties, "interactions": history, "surveys": surveys, "referrals": referrals],
                          to: output)
    if churn {
      var ruptures = SampleFiles.rupturesHeader
      for r in gen.ruptures { ruptures += SampleFiles.rupture(r, id: id) }
      try SampleFiles.write(["ruptures": ruptures], to: output)
    }
    print("wrote \(output)/contacts.csv (\(p.count) people), ties.csv (\(gen.ties.count) ties), interactions.csv (\(gen.history.count) interactions), surveys.csv (\(gen.surveys.count) answers), referrals.csv (\(gen.referrals.count) referrals)\(churn ? ", ruptures.csv (\(gen.ruptures.count) planted ruptures)" : "")")
  }
}

SampleCommand.main()
