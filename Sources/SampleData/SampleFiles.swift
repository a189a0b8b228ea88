import Foundation
import GraphFormats
import SocialGraph

/// The CSV rows of the sample files (one writer for the single-account sample and the portfolio), each person
/// named by their id through `id(_:)`.
enum SampleFiles {
  static let contactsHeader = CSVWriter.line(["id", "name", "title", "account", "department", "reports_to", "role", "proximity",
                                              "influence", "interest", "owner", "internal", "location", "email"].map { .text($0) })
  static let tiesHeader = CSVWriter.line(["source", "target", "kind", "weight", "directed", "since", "last_contact",
                                          "interactions"].map { .text($0) })
  static let historyHeader = CSVWriter.line(["date", "person", "with", "channel", "points", "cost", "kind"].map { .text($0) })

  static let surveysHeader = CSVWriter.line(["person", "score", "date"].map { .text($0) })
  static let referralsHeader = CSVWriter.line(["referrer", "referred", "value", "cost", "date"].map { .text($0) })

  static func survey(_ s: SampleAccounts.GenSurvey, id: (Int) -> String) -> String {
    CSVWriter.line([.text(id(s.person)), .int(s.score), .text(s.date.description)])
  }

  static func referral(_ r: SampleAccounts.GenReferral, id: (Int) -> String) -> String {
    CSVWriter.line([.text(id(r.referrer)), .text(r.referred), .number(r.value), .number(r.cost), .text(r.date.description)])
  }

  static func cell(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }

  static func contact(_ m: SampleAccounts.Member, id: (Int) -> String) -> String {
    CSVWriter.line([
      .text(m.id), .text(m.name), .text(m.title), cell(m.account.isEmpty ? nil : m.account), .text(m.department),
      cell(m.manager.map(id)), cell(m.role?.rawValue), cell(m.proximity?.label),
      m.influence.map { .int($0) } ?? .empty, m.interest.map { .int($0) } ?? .empty,
      cell(m.owner.map(id)), .bool(m.isInternal), .text(m.location), .text(m.email),
    ])
  }

  static func tie(_ t: SampleAccounts.GenTie, id: (Int) -> String) -> String {
    CSVWriter.line([
      .text(id(t.a)), .text(id(t.b)), .text(t.kind.name), .number(t.weight), .bool(t.directed),
      cell(t.since?.description), cell(t.last?.description), t.interactions.map { .int($0) } ?? .empty,
    ])
  }

  static func interaction(_ h: SampleAccounts.GenInteraction, id: (Int) -> String, outcome: Bool = false) -> String {
    CSVWriter.line([.text(h.date.description), .text(id(h.person)), .text(id(h.with)), .text(h.channel),
                    .number(h.points), .number(h.cost), cell(h.kind?.rawValue)] + (outcome ? [cell(h.churned ? "churned" : nil)] : []))
  }
  /// The history of a churn sample: with an `outcome` column, `churned` on each rupture.
  static let churnHistoryHeader = CSVWriter.line(["date", "person", "with", "channel", "points", "cost", "kind", "outcome"].map { .text($0) })
  static let rupturesHeader = CSVWriter.line(["date", "person", "with", "cause"].map { .text($0) })
  static func rupture(_ r: SampleAccounts.GenRupture, id: (Int) -> String) -> String {
    CSVWriter.line([.text(r.date.description), .text(id(r.person)), .text(id(r.with)), .text(r.cause)])
  }

  /// Writes the sample's files (name without `.csv` → content) into `folder`, creating it (`AtomicFile.writeAll`).
  static func write(_ files: KeyValuePairs<String, String>, to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try AtomicFile.writeAll(files.map { ("\(folder)/\($0.key).csv", .text($0.value)) })
  }
}
