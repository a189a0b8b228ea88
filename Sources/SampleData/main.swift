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

  func validate() throws {
    guard accounts >= 1, people >= 10, (1...Vocabulary.team.count).contains(team), months >= 6 else {
      throw ValidationError("Need --accounts ≥ 1, --people ≥ 10, --team 1…\(Vocabulary.team.count), --months ≥ 6.")
    }
  }

  func run() throws {
    var o = SampleAccounts.Options()
    o.seed = seed; o.accounts = accounts; o.peoplePerAccount = people; o.teamSize = team; o.months = months
    var gen = SampleAccounts(options: o)
    gen.generate()
    let p = gen.people
    func cell(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }
    var contacts = CSVWriter.line(["id", "name", "title", "account", "department", "reports_to", "role", "proximity",
                                   "influence", "interest", "owner", "internal", "location", "email"].map { .text($0) })
    for m in p {
      contacts += CSVWriter.line([
        .text(m.id), .text(m.name), .text(m.title), cell(m.account.isEmpty ? nil : m.account), .text(m.department),
        cell(m.manager.map { p[$0].id }), cell(m.role?.rawValue), cell(m.proximity?.label),
        m.influence.map { .int($0) } ?? .empty, m.interest.map { .int($0) } ?? .empty,
        cell(m.owner.map { p[$0].id }), .bool(m.isInternal), .text(m.location), .text(m.email),
      ])
    }
    var ties = CSVWriter.line(["source", "target", "kind", "weight", "directed", "since", "last_contact", "interactions"].map { .text($0) })
    for t in gen.ties {
      ties += CSVWriter.line([
        .text(p[t.a].id), .text(p[t.b].id), .text(t.kind.name), .number(t.weight), .bool(t.directed),
        cell(t.since?.description), cell(t.last?.description), t.interactions.map { .int($0) } ?? .empty,
      ])
    }
    var history = CSVWriter.line(["date", "person", "with", "channel", "points", "cost", "kind"].map { .text($0) })
    for h in gen.history {
      history += CSVWriter.line([.text(h.date.description), .text(p[h.person].id), .text(p[h.with].id), .text(h.channel),
                                 .number(h.points), .number(h.cost), cell(h.kind?.rawValue)])
    }
    var surveys = CSVWriter.line(["person", "score", "date"].map { .text($0) })
    for s in gen.surveys { surveys += CSVWriter.line([.text(p[s.person].id), .int(s.score), .text(s.date.description)]) }
    var referrals = CSVWriter.line(["referrer", "referred", "value", "cost", "date"].map { .text($0) })
    for r in gen.referrals {
      referrals += CSVWriter.line([.text(p[r.referrer].id), .text(r.referred), .number(r.value), .number(r.cost), .text(r.date.description)])
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try AtomicFile.write(contacts, to: "\(output)/contacts.csv")
    try AtomicFile.write(ties, to: "\(output)/ties.csv")
    try AtomicFile.write(history, to: "\(output)/interactions.csv")
    try AtomicFile.write(surveys, to: "\(output)/surveys.csv")
    try AtomicFile.write(referrals, to: "\(output)/referrals.csv")
    print("wrote \(output)/contacts.csv (\(p.count) people), ties.csv (\(gen.ties.count) ties), interactions.csv (\(gen.history.count) interactions), surveys.csv (\(gen.surveys.count) answers), referrals.csv (\(gen.referrals.count) referrals)")
  }
}

SampleCommand.main()
