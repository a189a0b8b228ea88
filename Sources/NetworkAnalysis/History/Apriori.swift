import SocialGraph

/// A frequent itemset and the transactions that contain it.
public struct Itemset: Sendable, Hashable {
  /// Item ids, ascending.
  public var items: [Int32]
  public var count: Int
}

/// An association rule X → Y between disjoint itemsets.
public struct AssociationRule: Sendable, Hashable {
  public var lhs: [Int32], rhs: [Int32]
  /// Transactions with X ∪ Y, with X, with Y.
  public var count: Int, lhsCount: Int, rhsCount: Int
  public var support: Double, confidence: Double, lift: Double
}

/// Frequent itemsets and association rules by Apriori.
/// - Level-wise: the frequent k-itemsets are joined on their first k − 1 items into (k + 1)-candidates, a candidate
///   with an infrequent k-subset is pruned, and the rest are counted in one pass over the transactions. Rules: every
///   split of a frequent itemset into a non-empty X and Y with confidence = count(X ∪ Y) / count(X) ≥ the minimum;
///   lift = confidence / support(Y).
/// - Reference: R. Agrawal, R. Srikant (1994), "Fast algorithms for mining association rules", *Proc. VLDB*,
///   487–499.
/// - Parity: the PyPI `efficient-apriori` package (`apriori(transactions, min_support, min_confidence)`).
/// - Complexity: O(Σ_k |C_k| · T · k) for candidates C_k over T transactions, in the worst case.
public enum Apriori {
  /// Itemsets contained in at least `minSupport` of `transactions` (each a sorted list of distinct item ids),
  /// by size then items.
  public static func itemsets(_ transactions: [[Int32]], minSupport: Double, maxLength: Int = 8) -> [Itemset] {
    // The least count c with c / T ≥ minSupport, exactly as the share is compared.
    let t = Double(transactions.count)
    var minCount = max(1, Int((minSupport * t).rounded(.up)))
    while minCount > 1 && Double(minCount - 1) / t >= minSupport { minCount -= 1 }
    while Double(minCount) / t < minSupport { minCount += 1 }
    var counts: [Int32: Int] = [:]
    for t in transactions { for x in t { counts[x, default: 0] += 1 } }
    var level = counts.filter { $0.value >= minCount }.map { Itemset(items: [$0.key], count: $0.value) }
      .sorted { $0.items.lexicographicallyPrecedes($1.items) }
    var out = level
    while !level.isEmpty && level[0].items.count < maxLength {
      let frequent = Set(level.map(\.items))
      var candidates: [[Int32]] = []
      for i in level.indices {
        for j in (i + 1)..<level.count {
          let (a, b) = (level[i].items, level[j].items)
          guard a.dropLast() == b.dropLast() else { break }   // sorted: the shared prefix runs are contiguous
          let c = a + [b.last!]
          // Every subset one item shorter must be frequent.
          if (0..<c.count).allSatisfy({ k in frequent.contains(c.enumerated().filter { $0.offset != k }.map(\.element)) }) {
            candidates.append(c)
          }
        }
      }
      var tally = [Int](repeating: 0, count: candidates.count)
      for t in transactions where t.count >= (candidates.first?.count ?? .max) {
        for (k, c) in candidates.enumerated() where isSubset(c, of: t) { tally[k] += 1 }
      }
      level = candidates.indices.filter { tally[$0] >= minCount }.map { Itemset(items: candidates[$0], count: tally[$0]) }
      out += level
    }
    return out
  }

  /// Whether sorted `a` is a subset of sorted `b`.
  static func isSubset(_ a: [Int32], of b: [Int32]) -> Bool {
    var j = 0
    for x in a {
      while j < b.count && b[j] < x { j += 1 }
      guard j < b.count && b[j] == x else { return false }
      j += 1
    }
    return true
  }

  /// The rules of `itemsets` (from `itemsets(_:minSupport:)`) with confidence ≥ `minConfidence`, in order of
  /// their itemsets, then by X.
  public static func rules(_ itemsets: [Itemset], transactions: Int, minConfidence: Double) -> [AssociationRule] {
    let count = Dictionary(uniqueKeysWithValues: itemsets.map { ($0.items, $0.count) })
    var out: [AssociationRule] = []
    for s in itemsets where s.items.count >= 2 {
      let n = s.items.count
      for mask in 1..<((1 << n) - 1) {
        let lhs = (0..<n).filter { mask & (1 << $0) != 0 }.map { s.items[$0] }
        let rhs = (0..<n).filter { mask & (1 << $0) == 0 }.map { s.items[$0] }
        guard let cl = count[lhs], let cr = count[rhs] else { continue }
        let confidence = Double(s.count) / Double(cl)
        guard confidence >= minConfidence else { continue }
        out.append(AssociationRule(lhs: lhs, rhs: rhs, count: s.count, lhsCount: cl, rhsCount: cr,
                                   support: Double(s.count) / Double(transactions), confidence: confidence,
                                   lift: confidence / (Double(cr) / Double(transactions))))
      }
    }
    return out
  }
}

/// How `EventHistory.touchpointAssociations` groups and mines.
public struct AssociationOptions: Sendable, Hashable {
  public var minSupport = 0.02
  public var minConfidence = 0.3
  public var maxLength = 4
  public init() {}
}

/// Channels used together in the same contact's month, and what followed for trust.
public struct TouchpointAssociations: Sendable {
  /// Channel names, by item id.
  public var channels: [String]
  /// Contact-months with at least one touchpoint.
  public var transactions: Int
  public var itemsets: [Itemset]
  public var rules: [AssociationRule]
  /// For each itemset (same order): the mean change of the tolerance balance from the end of the month to the end
  /// of the next, over the contact-months that contain it (nil when none has a next month in the history).
  public var trustGain: [Double?]
  /// The same mean over every contact-month: what an itemset's gain compares with.
  public var baselineGain: Double?
  /// Each transaction (sorted channel ids), for checking against other miners.
  public var baskets: [[Int32]]
}

extension EventHistory {
  /// Touchpoint channels that co-occur in a contact's calendar month (Apriori), with the rules between them and,
  /// for each combination, the mean tolerance-balance change over the following month — which combinations
  /// precede trust gains. Ruptures end a contact's months.
  /// - Complexity: Apriori's, plus O(I + months · log events) for the balances.
  public func touchpointAssociations(_ xs: [Interaction], options o: AssociationOptions = AssociationOptions()) -> TouchpointAssociations {
    var channels: [String] = [], index: [String: Int32] = [:]
    var baskets: [[Int32]] = [], monthEnds: [(contact: Int, end: Int32)] = []
    for (k, c) in contacts.enumerated() {
      var current: Day?   // the first day of the month after the basket's
      var basket: [Int32] = []
      func close() {
        guard let next = current, !basket.isEmpty else { return }
        baskets.append(Array(Set(basket)))
        monthEnds.append((k, next.daysSinceEpoch))
      }
      var previous: Int32 = -1
      for i in c.interactions where i != previous {   // a cumulative incident's two tokens share one interaction
        previous = i
        let x = xs[Int(i)]
        let next = x.date.startOfNextMonth
        if current != next { close(); current = next; basket = [] }
        let id: Int32
        if let v = index[x.channel] { id = v } else { id = Int32(channels.count); index[x.channel] = id; channels.append(x.channel) }
        basket.append(id)
      }
      close()
    }
    // Items numbered by channel name, so the output does not depend on the order of the file.
    let byName = channels.indices.sorted { channels[$0] < channels[$1] }
    var renumber = [Int32](repeating: 0, count: channels.count)
    for (new, old) in byName.enumerated() { renumber[old] = Int32(new) }
    baskets = baskets.map { $0.map { renumber[Int($0)] }.sorted() }
    channels = byName.map { channels[$0] }
    let sets = Apriori.itemsets(baskets, minSupport: o.minSupport, maxLength: o.maxLength)
    let rules = Apriori.rules(sets, transactions: baskets.count, minConfidence: o.minConfidence)
    // Balance change over the month after each basket, where that month is inside the history and before a rupture.
    let gains: [Double?] = monthEnds.map { m in
      let c = contacts[m.contact]
      let after = Day(daysSinceEpoch: m.end).startOfNextMonth.daysSinceEpoch
      guard after <= end + 1, after <= (c.rupture ?? .max) else { return nil }
      return balance(m.contact, at: after) - balance(m.contact, at: m.end)
    }
    func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
    let trustGain = sets.map { s in mean(baskets.indices.compactMap { Apriori.isSubset(s.items, of: baskets[$0]) ? gains[$0] : nil }) }
    return TouchpointAssociations(channels: channels, transactions: baskets.count, itemsets: sets, rules: rules,
                                  trustGain: trustGain, baselineGain: mean(gains.compactMap { $0 }), baskets: baskets)
  }
}
