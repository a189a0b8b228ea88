import ArgumentParser
import Foundation
import GraphFormats
import NetworkAnalysis
import Workspace
#if canImport(Glibc)
import Glibc
#endif
import SocialGraph
import StakeholderMaps

extension ReportOptions.Audience: ExpressibleByArgument {}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the account report: one self-contained HTML file with the maps, charts and tables.",
    discussion: """
      The file needs no network access: SVG, CSS, data and a small script are inline. With scripts the maps pan \
      and zoom, hovering a person shows their card, the search box finds people, clicking a person highlights \
      their ties and tables sort by column; without scripts it is a static page that prints well.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var feedback: FeedbackOptions

  @Option(name: .short, help: ArgumentHelp("The report file: .html, or .pptx for the account plan as a deck.", valueName: "file"))
  var output: String

  @Option(help: ArgumentHelp("Only this account: its contacts, their ties and our team's ties into them, analysed on their own.", valueName: "name"))
  var account: String?

  @Option(help: "Who reads it: internal (every section, the analyst's columns) or customer (no internal section — owners and Dunbar's limit, single threads, relationships at risk, the relationship history —, no raw centralities, roles and proximity in words).")
  var audience: ReportOptions.Audience = .internal

  @Option(help: ArgumentHelp("Only these sections, comma-separated (summary, trend, charts, influencers, silent, brokers, gaps, next, threads, departures, trust, prescribers, owners, history); the maps are always shown.", valueName: "list"))
  var sections: String?

  var reportOptions: ReportOptions {
    var r = ReportOptions()
    r.audience = audience
    r.sections = sections.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
    return r
  }

  func validate() throws {
    if let sections {
      for name in sections.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingCharacters(in: .whitespaces) })
        where !ReportOptions.allSections.contains(name) {
        throw ValidationError("--sections: '\(name)' is not a section (\(ReportOptions.allSections.joined(separator: ", "))).")
      }
    }
    guard output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") || output.lowercased().hasSuffix(".pptx") else {
      throw ValidationError("-o: give a file ending in .html (the report) or .pptx (the account plan as a deck).")
    }
  }

  func run() throws {
    var loaded = try input.load(feedback: feedback)
    let account = try loaded.graph.requireAccount(self.account)
    if let account { loaded = try loaded.account(account) }
    let g = loaded.graph
    var o = MapOptions()
    o.account = account
    switch MapSizeCheck(graph: g, options: o) {   // the report draws both maps of what it covers
    case .fine: break
    case .warn(let message): Terminal.warning("report: " + message)
    case .refuse(let message): throw RunError("report: " + message)
    }
    // From a workspace of two snapshots or more: the trend of the accounts reported on.
    var trend: [TrendPoint] = []
    if let path = input.workspace {
      let ws = try Workspace(path: path, create: false)
      if try ws.snapshots().filter({ input.asOfDay == nil || $0 <= input.asOfDay! }).count >= 2 {
        trend = try ws.trend(upTo: input.asOfDay, account: account, threads: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
      }
    }
    if output.lowercased().hasSuffix(".pptx") {
      let slides = try PlanDeck.slides(graph: g, interactions: loaded.interactions, surveys: loaded.surveys, referrals: loaded.referrals, account: account)
      try AtomicFile.write(try PPTXWriter.deck(slides, width: 960, height: 540), to: output)
      print("wrote \(slides.count) slides to \(output)")
      return
    }
    try AtomicFile.write(try HTMLReport.render(graph: g, interactions: loaded.interactions, surveys: loaded.surveys,
                                               referrals: loaded.referrals, account: account, trend: trend, report: reportOptions), to: output)
  }
}
