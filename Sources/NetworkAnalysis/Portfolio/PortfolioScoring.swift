import SocialGraph

/// Batch scoring of a portfolio: every chosen account cut out (`AccountPartition.slice`) and scored
/// (`AccountSlice.score`) on its own, accounts in parallel, largest first so a few huge accounts do not hold up the
/// rest. An account's result depends on that account alone (no random draws; each account's graph, probabilities
/// and percentiles are its own), so the output is the same with one thread or all, in one process or in shards.
public enum PortfolioScoring {
  /// Why an account was not scored.
  public enum Refusal: Error, Sendable, CustomStringConvertible {
    case tooLarge(contacts: Int, limit: Int)
    case graph(String)
    public var description: String {
      switch self {
      case .tooLarge(let n, let limit):
        "\(n) contacts is more than one account's limit of \(limit) (--max-account-size); is the account column right?"
      case .graph(let why): "its graph cannot be built: \(why)"
      }
    }
  }

  /// The accounts of `partition` that `shard` keeps (all without one), in partition order.
  public static func accounts(of partition: AccountPartition, shard: Shard?) -> [Int] {
    guard let shard else { return Array(0..<partition.count) }
    return (0..<partition.count).filter { shard.contains(account: partition.names[$0]) }
  }

  /// `transform(k, result)` for each account `k` of `accounts`, in that order: the account's score, or why it
  /// could not be scored. `transform` runs on the worker (turn the score into output there, so that no more than
  /// `threads` analyses are alive at once); `done(k)` is called after each account.
  /// - Complexity: Σ over the accounts of `AccountSlice.score`, spread over `threads` workers.
  public static func score<T: Sendable>(_ partition: AccountPartition, history: [Interaction], accounts: [Int],
                                        options: ScoreOptions, maxContacts: Int = 50_000, threads: Int,
                                        done: (@Sendable (Int) -> Void)? = nil,
                                        _ transform: @Sendable (Int, Result<AccountScore, Refusal>) -> T) -> [T] {
    let order = accounts.indices.sorted {
      let (a, b) = (partition.contacts[accounts[$0]].count, partition.contacts[accounts[$1]].count)
      return a != b ? a > b : $0 < $1
    }
    return ParallelMap.map(accounts.count, threads: threads, order: order, done: { done?(accounts[$0]) }) { i in
      let k = accounts[i]
      let n = partition.contacts[k].count
      guard n <= maxContacts else { return transform(k, .failure(.tooLarge(contacts: n, limit: maxContacts))) }
      do {
        let slice = try partition.slice(k, history: history)
        return transform(k, .success(slice.score(options: options)))
      } catch {
        return transform(k, .failure(.graph(String(describing: error))))
      }
    }
  }
}

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
