import SocialGraph

/// `tiemap account` over a portfolio: each account analysed on its own graph (`AccountPartition.slice`), and our
/// team's owners counted over every account.
public struct PortfolioAccounts: Sendable {
  public struct Part: Sendable {
    public var slice: AccountSlice
    /// The analysis of the slice (one account).
    public var analysis: AccountAnalysis
  }

  public struct Owner: Sendable {
    public var id: String
    public var name: String
    public var p1: Int
    public var contacts: Int
    public var overDunbar: Bool
  }

  public var parts: [Part]
  /// Every member of our team, in input order, with the P1 contacts they own across the accounts.
  public var owners: [Owner]
  public var options: AccountOptions

  /// - Parameters: `only` keeps one account (by name).
  public init(parts input: SocialGraphParts, interactions: [Interaction], options: AccountOptions = AccountOptions(),
              account only: String? = nil, threads: Int = 1) throws {
    let partition = AccountPartition(input, interactions: interactions, only: only.map { a in { $0 == a } })
    let results = ParallelMap.map(partition.count, threads: threads) { k -> Result<Part, AccountSlicingError> in
      do {
        let slice = try partition.slice(k, history: interactions)
        return .success(Part(slice: slice, analysis: slice.graph.accountAnalysis(interactions: slice.interactions, options: options)))
      } catch { return .failure(AccountSlicingError(account: partition.names[k], problem: String(describing: error))) }
    }
    parts = try results.map { try $0.get() }
    self.options = options
    var p1: [String: Int] = [:], owned: [String: Int] = [:]
    for part in parts {
      for o in part.analysis.owners {
        let id = part.slice.graph.people[Int(o.person)].id
        p1[id, default: 0] += o.p1; owned[id, default: 0] += o.contacts
      }
    }
    owners = input.people.filter(\.isInternal).map { p in
      Owner(id: p.id, name: p.displayName, p1: p1[p.id] ?? 0, contacts: owned[p.id] ?? 0,
            overDunbar: (p1[p.id] ?? 0) > options.dunbarLimit)
    }
  }
}

public struct AccountSlicingError: Error, Sendable, CustomStringConvertible {
  public var account: String
  public var problem: String
  public var description: String { "account '\(account)': \(problem)" }
}
