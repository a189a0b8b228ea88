import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

struct Account: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Where we stand in each account: coverage, matrices, grid, risks and the next relationships to build.",
    discussion: """
      Per account: proximity P1–P4 (declared, else derived from our ties and history: strength ≥ 0.7 P1, \
      ≥ 0.4 P2, else P3; met but no tie P3; nothing P4) and the proximity × influence matrix; Mendelow's \
      power/interest grid with the strategy per quadrant and role; decision-circuit coverage (decision makers and \
      influencers at P1/P2) with single-threaded risks; silent influencers and weak-tie brokers into uncovered \
      departments; departure impact (warm reach lost); prioritised recommendations with the introduction path \
      and expected gain; P1 contacts per owner against Dunbar's limit. JSON as DESIGN.md; CSV is one row per contact.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Option(help: ArgumentHelp("Only this account.", valueName: "name"))
  var account: String?

  @Option(help: "Influence and interest from this value up are high (power/interest grid).")
  var high = 4

  @Option(help: "P1 relationships one owner can hold (Dunbar's number).")
  var dunbarLimit = 148

  @Option(help: "Recommendations per account.")
  var recommendations = 10

  @Flag(help: "Leave missing proximities unknown instead of deriving them.")
  var noDerive = false

  func validate() throws {
    guard (2...5).contains(high) else { throw ValidationError("--high must be from 2 to 5.") }
    guard dunbarLimit >= 1 else { throw ValidationError("--dunbar-limit must be at least 1.") }
    guard (0...10_000).contains(recommendations) else { throw ValidationError("--recommendations must be from 0 to 10,000.") }
  }

  func run() throws {
    let loaded = try input.load()
    let g = loaded.graph
    let account = try g.requireAccount(self.account)
    var o = AccountOptions()
    o.high = high; o.dunbarLimit = dunbarLimit; o.recommendations = recommendations; o.deriveProximity = !noDerive
    // Each account on its own graph (its contacts, their ties, our team's ties into them): see AccountPartition.
    let a = try PortfolioAccounts(parts: g.parts, interactions: loaded.interactions, options: o, account: account,
                                  threads: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    switch out.resolvedFormat {
    case .json: try out.emit(AccountReport.json(a))
    case .csv: try out.emit(AccountReport.contacts(a).csv())
    case .table: try out.emit(AccountReport.text(a))
    }
  }
}
