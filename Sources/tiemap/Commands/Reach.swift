import ArgumentParser
import GraphFormats
import NetworkAnalysis
import SocialGraph

enum ReachModel: String, ExpressibleByArgument, CaseIterable {
  case ic, lt, hops

  /// The diffusion model of `ic` and `lt` (hops has none).
  var diffusion: DiffusionModel { self == .lt ? .linearThreshold : .independentCascade }
}

enum SelectionMethod: String, ExpressibleByArgument, CaseIterable {
  case auto, celf, imm
}

/// `--probability tie|wc|P`.
struct ProbabilityOption: ExpressibleByArgument {
  let rule: SpreadProbability
  init?(argument: String) {
    switch argument.lowercased() {
    case "tie": rule = .tie
    case "wc", "weighted-cascade": rule = .weightedCascade
    default:
      guard let p = Double(argument), p > 0, p <= 1 else { return nil }
      rule = .uniform(p)
    }
  }
  static var defaultCompletionKind: CompletionKind { .list(["tie", "wc"]) }
  /// As a user writes it, for `--help`'s "(default: tie)".
  var defaultValueDescription: String {
    switch rule {
    case .tie: "tie"
    case .weightedCascade: "wc"
    case .uniform(let p): "\(p)"
    }
  }
}

struct Reach: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Referral reach: how far a recommendation travels, and the best contacts to activate.",
    discussion: """
      --model ic (independent cascade) or lt (linear threshold; Kempe, Kleinberg & Tardos 2003) estimates by \
      Monte Carlo, with a seed, the expected number of people a recommendation from --from convinces (the seeds \
      included) and each person's chance; --model hops counts who is within --hops ties. --best K chooses the K \
      contacts with the largest expected reach (or reach into --targets, e.g. decision-circuit): lazy greedy \
      (CELF, Leskovec et al. 2007) on Monte Carlo worlds, or reverse-influence sampling (IMM, Tang et al. 2015) \
      for large graphs; --budget with --costs limits the seeds' total cost. A tie's probability is its weight \
      when every weight is in (0, 1], else weight / largest weight (--probability tie); wc is the weighted \
      cascade (1 / in-degree), a number is the same chance on every tie. Same seed, same output, whatever the \
      number of threads.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var out: OutputOptions

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Who recommends us (the seeds).", valueName: "id"))
  var from: [String] = []

  @Option(help: "Diffusion model.")
  var model: ReachModel = .ic

  @Option(help: "Monte Carlo runs.")
  var runs = SeedRequest(count: 1).runs

  @Option(help: "Random seed (same seed, same output).")
  var seed = TiemapDefaults.seed

  @Option(help: "With --model hops: how many ties away still counts.")
  var hops = SeedRequest(count: 1).hops

  @Option(help: ArgumentHelp("Chance a tie passes a recommendation: tie (from its weight), wc (1 / in-degree), or a number in (0, 1].",
                             valueName: "tie|wc|p"))
  var probability = ProbabilityOption(argument: "tie")!

  @Option(help: ArgumentHelp("Diffuse along ties of this kind only (e.g. referral, advice); default: every tie.", valueName: "kind"))
  var kind: String?

  @Option(help: ArgumentHelp("Choose the K best seeds instead of estimating the reach of --from.", valueName: "K"))
  var best: Int?

  @Option(parsing: .upToNextOption,
          help: ArgumentHelp("With --best: reach these people (ids, or decision-circuit for the decision makers and influencers).", valueName: "id"))
  var targets: [String] = []

  @Option(help: ArgumentHelp("With --best: only contacts of this account are candidates (and default targets).", valueName: "name"))
  var account: String?

  @Option(help: "With --best: auto picks CELF up to \(Cell.grouped(SeedRequest(count: 1).celfLimit)) people, IMM above.")
  var method: SelectionMethod = .auto

  @Option(help: "With --best: total cost the seeds may not exceed (costs from --costs, else the contact history's mean cost per contact).")
  var budget: Double?

  @Option(help: ArgumentHelp("With --budget: a CSV of id,cost.", valueName: "file"))
  var costs: String?

  @Option(help: "With --best and IMM: approximation slack ε.")
  var epsilon = SeedRequest(count: 1).epsilon

  @Flag(help: "With --best: our own team may be chosen too.")
  var includeTeam = false

  func validate() throws {
    guard (1...TiemapLimits.runs).contains(runs) else { throw ValidationError("--runs must be from 1 to \(Cell.grouped(TiemapLimits.runs)).") }
    guard (1...TiemapLimits.hops).contains(hops) else { throw ValidationError("--hops must be from 1 to \(Cell.grouped(TiemapLimits.hops)).") }
    if let k = best, k < 1 { throw ValidationError("--best must be at least 1.") }
    if best == nil && from.isEmpty { throw ValidationError("Give --from ID… (who recommends us), or --best K to choose them.") }
    if best != nil && !from.isEmpty { throw ValidationError("Give either --from ID… or --best K, not both.") }
    if best == nil && (!targets.isEmpty || budget != nil || costs != nil || account != nil) {
      throw ValidationError("--targets, --account, --budget and --costs go with --best K.")
    }
    if let b = budget, !(b > 0 && b.isFinite) { throw ValidationError("--budget must be a number > 0.") }
    if costs != nil && budget == nil { throw ValidationError("--costs goes with --budget.") }
    guard epsilon >= TiemapLimits.epsilon, epsilon < 1 else {
      throw ValidationError("--epsilon must be at least \(TiemapLimits.epsilon) and below 1 (the RR sets IMM needs grow as 1/ε²).")
    }
  }

  func run() throws {
    let loaded = try input.load()
    let g = loaded.graph
    let account = try g.requireAccount(self.account)
    let view = try g.view(kind: kind ?? input.defaultKind)
    let net = view.diffusionNetwork(probability.rule)
    let modelName = model.rawValue
    if let k = best {
      try chooseSeeds(k, graph: g, net: net, loaded: loaded, modelName: modelName, account: account)
      return
    }
    let seeds = try from.map { try g.requirePerson($0, option: "--from") }
    let estimate: ReachEstimate
    var extra: [(String, JSONValue)] = []
    switch model {
    case .hops:
      estimate = net.hopReach(from: seeds, hops: hops)
      extra.append(("hops", .int(hops)))
    case .ic, .lt:
      estimate = net.simulate(from: seeds, model: model.diffusion, runs: runs, seed: seed)
    }
    switch out.resolvedFormat {
    case .csv: try out.emit(ReachReport.people(estimate, graph: g).csv())
    case .json: try out.emit(ReachReport.reachJSON(estimate, model: modelName, seed: seed, from: seeds, extra: extra, graph: g))
    case .table:
      let names = seeds.map { TextTable.sanitize(g.people[Int($0)].displayName) }.joined(separator: ", ")
      var text = model == .hops
        ? "Reach within \(hops) hop\(hops == 1 ? "" : "s") of \(names): \(Cell.count(Int(estimate.expectedReach), "person", plural: "people"))\n\n"
        : "Expected reach from \(names): \(Cell.fixed(estimate.expectedReach, digits: 2)) ± \(Cell.fixed(estimate.standardError, digits: 2)) people (\(modelName), \(Cell.count(runs, "run")), seed \(seed))\n\n"
      let shown = estimate.activation.filter { $0 > 0 }   // the table's rows, in input order
      let table = ReachReport.people(estimate, graph: g, withNames: true).sortedDescending { shown[$0] }
      text += table.text(limit: out.output == nil ? 30 : nil)
      try out.emit(text)
    }
  }

  func chooseSeeds(_ k: Int, graph g: SocialGraph, net: DiffusionNetwork, loaded: LoadedInput, modelName: String, account: String?) throws {
    var r = SeedRequest(count: k)
    r.model = model == .hops ? nil : model.diffusion
    r.hops = hops; r.account = account; r.includeTeam = includeTeam
    if targets == ["decision-circuit"] { r.targets = .decisionCircuit }
    else if !targets.isEmpty { r.targets = .people(try targets.map { try g.requirePerson($0, option: "--targets") }) }
    if let costs, budget != nil { r.costs = try CostsReader.read(costs, graph: g, default: 1) }
    r.budget = budget
    r.method = method == .auto ? nil : (method == .celf ? .celf : .imm)
    r.runs = runs; r.seed = seed; r.epsilon = epsilon
    let choice: SeedChoice
    do { choice = try g.chooseSeeds(r, network: net, interactions: loaded.interactions) }
    catch let e as SeedRequestError { throw RunError(e.description) }
    let (selection, check, targetList, costList) = (choice.selection, choice.check, choice.targets, choice.costs)
    switch out.resolvedFormat {
    case .csv: try out.emit(ReachReport.seeds(selection, graph: g, costs: costList).csv())
    case .json:
      try out.emit(ReachReport.seedsJSON(selection, check: check, model: modelName, seed: seed, k: k, budget: budget,
                                         targets: targetList, costs: costList, graph: g))
    case .table:
      let goal = targetList.map { "\($0.count) target\($0.count == 1 ? "" : "s")" } ?? "everyone"
      var text = "Best \(k) seed\(k == 1 ? "" : "s") to reach \(goal) (\(modelName), \(selection.method.rawValue)"
      text += selection.method == .imm ? ", \(Cell.count(selection.samples, "RR set"))" : model == .hops ? "" : ", \(Cell.count(runs, "run"))"
      text += ", seed \(seed)): estimated reach \(Cell.fixed(selection.estimatedReach, digits: 2))"
      if let check { text += "; on fresh worlds \(Cell.fixed(check.expectedReach, digits: 2)) ± \(Cell.fixed(check.standardError, digits: 2))" }
      if let budget { text += "; cost \(Cell.fixed(selection.cost, digits: 2)) of \(Cell.fixed(budget, digits: 2))" }
      text += "\n\n" + ReachReport.seeds(selection, graph: g, costs: costList).text()
      try out.emit(text)
    }
  }
}
