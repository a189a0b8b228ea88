import ArgumentParser
import GraphFormats
import NetworkAnalysis
import Workspace
#if canImport(Glibc)
import Glibc
#endif
import SocialGraph
import StakeholderMaps

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

  func validate() throws {
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
                                               referrals: loaded.referrals, account: account, trend: trend), to: output)
  }
}
