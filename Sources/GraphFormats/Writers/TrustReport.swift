import NetworkAnalysis
import SocialGraph

/// `tiemap trust`: tolerance capital per contact and account, the timeline, and the contact audit.
public enum TrustReport {
  public static let contactColumns = ["id", "name", "account", "balance", "capital", "dip", "trend", "projected", "status",
                                      "last_contact", "interactions"]

  /// One row per contact with a history, in input order.
  public static func contacts(_ list: [ToleranceAccount], graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: contactColumns, rows: list.map { a in
      let p = g.people[Int(a.person)]
      return [.text(p.id), .text(p.displayName), p.account.map { .text($0) } ?? .empty, .number(a.state.balance, digits: 2),
              .number(a.state.capital, digits: 2), .number(a.state.dip, digits: 2), .number(a.trend, digits: 2),
              .number(a.projected, digits: 2), .text(a.status.rawValue), .text(a.lastContact.description), .int(a.interactions)]
    })
  }

  public static let accountColumns = ["account", "contacts", "mean_balance", "total_balance", "ruptured", "at_risk", "healthy", "trend"]

  /// One row per account (in order of first appearance; "" for people without one): mean and total balance,
  /// status counts, and the mean trend.
  public static func accounts(_ list: [ToleranceAccount], graph g: SocialGraph) -> ResultTable {
    var order: [String] = []
    var groups: [String: [ToleranceAccount]] = [:]
    for a in list {
      let name = g.people[Int(a.person)].account ?? ""
      if groups[name] == nil { order.append(name) }
      groups[name, default: []].append(a)
    }
    return ResultTable(columns: accountColumns, rows: order.map { name in
      let xs = groups[name]!
      let total = xs.reduce(0) { $0 + $1.state.balance }
      return [.text(name), .int(xs.count), .number(total / Double(xs.count), digits: 2), .number(total, digits: 2),
              .int(xs.filter { $0.status == .ruptured }.count), .int(xs.filter { $0.status == .atRisk }.count),
              .int(xs.filter { $0.status == .healthy }.count), .number(xs.reduce(0) { $0 + $1.trend } / Double(xs.count), digits: 2)]
    })
  }

  public static let timelineColumns = ["date", "id", "channel", "points", "kind", "change", "capital", "dip", "balance"]

  /// Every interaction replayed, by person (input order) then date: the state just after it.
  public static func timeline(_ list: [ToleranceAccount], interactions: [Interaction], graph g: SocialGraph) -> ResultTable {
    var rows: [[Cell]] = []
    for a in list {
      for e in a.events {
        let x = interactions[e.interaction]
        rows.append([.text(x.date.description), .text(g.people[Int(a.person)].id), .text(x.channel), .number(x.points),
                     x.kind.map { .text($0.rawValue) } ?? .empty, .number(e.change, digits: 3), .number(e.state.capital, digits: 3),
                     .number(e.state.dip, digits: 3), .number(e.state.balance, digits: 3)])
      }
    }
    return ResultTable(columns: timelineColumns, rows: rows)
  }

  public static let auditColumns = ["rank", "channel", "interactions", "people", "points", "incidents", "cost", "points_per_cost",
                                    "trust_change", "trust_per_cost"]

  public static func audit(_ rows: [ChannelAudit]) -> ResultTable {
    ResultTable(columns: auditColumns, rows: rows.enumerated().map { (i, r) in
      [.int(i + 1), .text(r.channel), .int(r.interactions), .int(r.people), .number(r.points, digits: 1), .int(r.incidents),
       .number(r.cost, digits: 2), r.pointsPerCost.map { .number($0, digits: 4) } ?? .empty, .number(r.trustChange, digits: 2),
       r.trustPerCost.map { .number($0, digits: 4) } ?? .empty]
    })
  }
}
