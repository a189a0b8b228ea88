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
