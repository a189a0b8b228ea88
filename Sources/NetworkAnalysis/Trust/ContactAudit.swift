import SocialGraph

/// One touchpoint channel of the contact audit: its measured influence against its cost.
public struct ChannelAudit: Sendable, Hashable {
  public var channel: String
  public var interactions: Int
  /// Distinct people touched.
  public var people: Int
  /// Σ points (signed: incidents count against the channel).
  public var points: Double
  /// Rows with negative points.
  public var incidents: Int
  public var cost: Double
  /// Σ of the balance change each of the channel's interactions caused in the tolerance capital.
  public var trustChange: Double
  /// points / cost (nil when the channel cost nothing).
  public var pointsPerCost: Double? { cost > 0 ? points / cost : nil }
  public var trustPerCost: Double? { cost > 0 ? trustChange / cost : nil }
}

extension SocialGraph {
  /// The contact audit: per channel, the influence measured in the contact history (points, and what those
  /// touchpoints did to the tolerance capital) against what the channel cost, ranked by points per unit of cost
  /// (a free channel ranks first when its points are positive, last when negative); equal ratios go by points,
  /// then by order of first appearance.
  /// In the spirit of the Market Contact Audit (impact in a common currency, set against spend), measured here
  /// from the interactions rather than surveyed.
  /// - Reference: Market ContactAudit (MCA), touchpoint model, roi-marketing.consulting; FORMULAS.md
  ///   "Touchpoint influence vs cost".
  public func contactAudit(_ interactions: [Interaction], trust: [ToleranceAccount]) -> [ChannelAudit] {
    var change = [Double](repeating: 0, count: interactions.count)
    for a in trust { for e in a.events { change[e.interaction] = e.change } }
    var order: [String] = []
    var rows: [String: ChannelAudit] = [:]
    var seen: [String: Set<NodeIndex>] = [:]
    for (i, x) in interactions.enumerated() {
      if rows[x.channel] == nil {
        order.append(x.channel)
        rows[x.channel] = ChannelAudit(channel: x.channel, interactions: 0, people: 0, points: 0, incidents: 0, cost: 0, trustChange: 0)
      }
      rows[x.channel]!.interactions += 1
      rows[x.channel]!.points += x.points
      rows[x.channel]!.incidents += x.points < 0 ? 1 : 0
      rows[x.channel]!.cost += x.cost
      rows[x.channel]!.trustChange += change[i]
      seen[x.channel, default: []].insert(x.person)
    }
    var list = order.map { c -> ChannelAudit in var r = rows[c]!; r.people = seen[c]!.count; return r }
    let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    // A free channel is infinitely efficient when it builds, infinitely bad when it only costs goodwill.
    func key(_ r: ChannelAudit) -> Double { r.pointsPerCost ?? (r.points > 0 ? .infinity : r.points < 0 ? -.infinity : 0) }
    list.sort { a, b in
      let (x, y) = (key(a), key(b))
      if x != y { return x > y }
      if a.points != b.points { return a.points > b.points }
      return rank[a.channel]! < rank[b.channel]!
    }
    return list
  }
}
