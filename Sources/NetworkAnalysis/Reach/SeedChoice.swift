import SocialGraph

/// What `tiemap reach --best K` asks for: who may be chosen, whom the seeds should reach, what they cost and how
/// the reach is estimated. The rules that turn these into a `SeedSelectionOptions` (or a hop count) live here, so
/// the command only parses them.
public struct SeedRequest: Sendable {
  public enum Targets: Sendable, Equatable {
    /// Everyone — or, with `account`, the account's contacts.
    case everyone
    /// The decision makers and influencers (of `account` when given).
    case decisionCircuit
    case people([NodeIndex])
  }
  /// How many seeds, at most.
  public var count: Int
  /// The diffusion model; nil counts who is within `hops` ties instead.
  public var model: DiffusionModel? = .independentCascade
  public var hops = 2
  /// Only this account's contacts are candidates (and, with `.everyone`, the targets).
  public var account: String?
  /// Whether our own team may be chosen.
  public var includeTeam = false
  public var targets = Targets.everyone
  /// With `budget`: each person's cost (nil: the contact history's mean cost per contact).
  public var costs: [Double]?
  public var budget: Double?
  /// nil: CELF up to `celfLimit` people, IMM above.
  public var method: SeedSelectionOptions.Method?
  public var celfLimit = 5_000
  public var runs = 1_000
  public var seed = TiemapDefaults.seed
  public var epsilon = 0.1
  /// Seed of the independent check on fresh worlds (`seed` XOR this): the selection's own estimate is biased up
  /// by choosing on it.
  public static let checkSeedMask: UInt64 = 0xC4EC_C4EC
  public init(count: Int) { self.count = count }
}

/// A request that cannot be met as given.
public struct SeedRequestError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// The seeds chosen, the targets and costs they were chosen for, and (for diffusion models) an independent
/// estimate of their reach on fresh worlds.
public struct SeedChoice: Sendable {
  public var selection: SeedSelection
  public var targets: [NodeIndex]?
  public var costs: [Double]?
  public var check: ReachEstimate?
}

extension SocialGraph {
  /// Chooses the seeds `request` asks for on `network` (a diffusion network of this graph's people).
  /// - Throws: `SeedRequestError` when no one may be chosen, the decision circuit is empty, or a budget has no
  ///   costs (no `costs` and no contact history).
  /// - Complexity: that of `bestSeeds` (CELF or IMM) or of the hop greedy, plus one check run.
  public func chooseSeeds(_ r: SeedRequest, network net: DiffusionNetwork, interactions: [Interaction]) throws -> SeedChoice {
    var candidates = people.indices.filter { r.includeTeam || !people[$0].isInternal }
    if let a = r.account { candidates = candidates.filter { people[$0].account == a } }
    guard !candidates.isEmpty else {
      throw SeedRequestError(description: "No candidate to choose from (every person is on our team; pass --include-team).")
    }
    var targets: [NodeIndex]?
    switch r.targets {
    case .decisionCircuit:
      let circuit = decisionCircuit(account: r.account)
      guard !circuit.isEmpty else {
        throw SeedRequestError(description: "--targets decision-circuit: no decision maker or influencer\(r.account.map { " in '\($0)'" } ?? "") (role column).")
      }
      targets = circuit
    case .people(let list): targets = list
    case .everyone:
      if let a = r.account { targets = people.indices.filter { people[$0].account == a }.map { NodeIndex($0) } }
    }
    var costs: [Double]?
    if r.budget != nil {
      if let c = r.costs { costs = c }
      else if !interactions.isEmpty { costs = meanInteractionCost(interactions) }
      else { throw SeedRequestError(description: "--budget needs costs: give --costs FILE (id,cost) or --interactions FILE (mean cost per contact).") }
    }
    let chosenFrom = candidates.map { NodeIndex($0) }
    guard let model = r.model else {
      let s = net.bestSeeds(count: r.count, hops: r.hops, candidates: chosenFrom, targets: targets, costs: costs, budget: r.budget)
      return SeedChoice(selection: s, targets: targets, costs: costs, check: nil)
    }
    var o = SeedSelectionOptions(count: r.count)
    o.model = model
    o.method = r.method ?? (count <= r.celfLimit ? .celf : .imm)
    o.candidates = chosenFrom; o.targets = targets; o.costs = costs; o.budget = r.budget
    o.runs = r.runs; o.seed = r.seed; o.epsilon = r.epsilon
    let s = try net.bestSeeds(o)
    let check = net.simulate(from: s.seeds, model: model, runs: r.runs, seed: r.seed ^ SeedRequest.checkSeedMask,
                             targets: net.membership(targets))
    return SeedChoice(selection: s, targets: targets, costs: costs, check: check)
  }
}
