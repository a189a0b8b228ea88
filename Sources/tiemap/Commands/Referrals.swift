import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

enum ReferralTable: String, ExpressibleByArgument, CaseIterable {
  case nps, value, prescribers
}

struct Referrals: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Net Promoter Score, Customer Referral Value and the expert prescribers.",
    discussion: """
      NPS (Reichheld 2003) = % promoters (9–10) − % detractors (0–6) per account and segment, from each \
      contact's latest answer in --surveys. CRV (Kumar, Petersen & Leone 2007) = Σ (value − cost) / (1 + r)^t \
      over a contact's referrals in --referrals, t the row's period (or 1 + years since the first referral). \
      Expert prescribers rank contacts by 0.4 · score/10 + 0.3 · percentile(CRV) + 0.3 · percentile(reach), \
      reach being the expected independent-cascade reach of a recommendation from them. JSON holds all three \
      tables; CSV the one --show names (default prescribers).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var feedback: FeedbackOptions
  @OptionGroup var out: OutputOptions

  @Option(help: "Discount rate per period for the referral value.")
  var discountRate = ReferralOptions().discountRate

  @Option(help: ArgumentHelp("NPS segments by this column: role, department, proximity, title, owner or an attribute.", valueName: "column"))
  var segmentBy = "role"

  @Option(help: "Which table to print (all three on a terminal by default; CSV needs one).")
  var show: ReferralTable?

  @Option(help: "Reverse-reachable samples for everyone's reach.")
  var samples = ReferralOptions().reachSamples

  @Option(help: ArgumentHelp("Chance a tie passes a recommendation: tie (from its weight), wc (1 / in-degree), or a number in (0, 1].",
                             valueName: "tie|wc|p"))
  var probability = ProbabilityOption(argument: "tie")!

  @Option(help: "Random seed of the reach estimate.")
  var seed = TiemapDefaults.seed

  func validate() throws {
    guard discountRate > -1, discountRate.isFinite else { throw ValidationError("--discount-rate must be a number above -1 (0.1 = 10 % per period).") }
    guard (1...TiemapLimits.samples).contains(samples) else { throw ValidationError("--samples must be from 1 to \(Cell.grouped(TiemapLimits.samples)).") }
  }

  func run() throws {
    guard feedback.surveys != nil || feedback.referrals != nil || input.workspace != nil else {
      throw ValidationError("Give --surveys FILE (person, score 0–10) and/or --referrals FILE (referrer, referred, value).")
    }
    let loaded = try input.load(feedback: feedback)
    let g = loaded.graph
    let groups: Groups
    do { groups = try g.groups(byColumn: segmentBy) } catch let e as UnknownGroupingColumn { throw RunError("--segment-by: \(e)") }
    var o = ReferralOptions()
    o.discountRate = discountRate; o.reachSamples = samples; o.seed = seed; o.probability = probability.rule
    let analysis = try g.referralAnalysis(surveys: loaded.surveys, referrals: loaded.referrals, segments: groups, options: o)
    let (nps, value, prescribers) = (analysis.nps, analysis.value, analysis.prescribers)
    let tables: [(ReferralTable, String, ResultTable)] = [
      (.nps, "Net Promoter Score by account and \(segmentBy)", ReferralReport.nps(nps)),
      (.value, "Customer Referral Value (discount rate \(discountRate))", ReferralReport.value(value, graph: g)),
      (.prescribers, "Expert prescribers", ReferralReport.prescribers(prescribers, graph: g)),
    ]
    switch out.resolvedFormat {
    case .csv: try out.emit(tables.first { $0.0 == (show ?? .prescribers) }!.2.csv())
    case .json:
      try out.emit(ReferralReport.json(nps: nps, value: value, prescribers: prescribers, graph: g, meta: [
        ("segment_by", .string(segmentBy)), ("reach_samples", .int(samples)), ("seed", .int(Int(truncatingIfNeeded: seed))),
      ]))
    case .table:
      let chosen = show.map { s in tables.filter { $0.0 == s } } ?? tables
      try out.emit(chosen.map { "\($0.1)\n\n" + $0.2.text(limit: out.output == nil ? 25 : nil) }.joined(separator: "\n"))
    }
  }
}
