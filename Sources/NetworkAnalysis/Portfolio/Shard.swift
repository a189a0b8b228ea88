/// A shard of a portfolio: `--shard K/N` keeps the accounts whose stable hash falls in shard K (1 ≤ K ≤ N).
/// The hash is 64-bit FNV-1a over the account name's UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3) — the same on every machine, process and run, unlike Swift's seeded `Hasher` — and the shard is
/// `hash mod N` + 1. So the N shards partition the accounts, and the shards' outputs together are the whole run.
/// - Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake (2019), *The FNV Non-Cryptographic Hash Algorithm*,
///   IETF draft-eastlake-fnv-17.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index; self.count = count
  }

  /// Parses `K/N`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  public static func hash(_ name: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in name.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
    return h
  }

  public func contains(account name: String) -> Bool { Int(Shard.hash(name) % UInt64(count)) + 1 == index }

  public var description: String { "\(index)/\(count)" }
}
