import NetworkAnalysis
import SocialGraph

/// `tiemap referrals`: Net Promoter Score per account and segment, Customer Referral Value per referrer, and the
/// expert prescribers.
public enum ReferralReport {
  public static let npsColumns = ["account", "segment", "responses", "promoters", "passives", "detractors", "nps"]

  /// One row per account (segment `all`) followed by its segments; the last row is every account together.
  public static func nps(_ r: NetPromoterReport) -> ResultTable {
    func row(_ account: String, _ segment: String, _ n: NetPromoterScore) -> [Cell] {
      [.text(account), .text(segment), .int(n.responses), .int(n.promoters), .int(n.passives), .int(n.detractors),
       n.score.map { .number($0, digits: 1) } ?? .empty]
    }
    var rows: [[Cell]] = []
    for a in r.accounts where a.nps.responses > 0 {
      rows.append(row(a.name, "all", a.nps))
      for s in a.segments { rows.append(row(a.name, s.name, s.nps)) }
    }
    rows.append(row("all", "all", r.overall))
    return ResultTable(columns: npsColumns, rows: rows)
  }

  public static let valueColumns = ["id", "name", "referrals", "net_value", "crv"]

  /// One row per referrer, highest CRV first (input order among equals).
  public static func value(_ v: ReferralValue, graph g: SocialGraph) -> ResultTable {
    let rows = v.rows.enumerated().sorted { a, b in a.element.crv != b.element.crv ? a.element.crv > b.element.crv : a.offset < b.offset }
    return ResultTable(columns: valueColumns, rows: rows.map { (_, r) in
      [.text(g.people[Int(r.person)].id), .text(g.people[Int(r.person)].displayName), .int(r.referrals),
       .number(r.netValue, digits: 2), .number(r.crv, digits: 2)]
    })
  }

  public static let prescriberColumns = ["rank", "id", "name", "account", "score", "category", "crv", "reach", "prescriber_score"]

  public static func prescribers(_ list: [ExpertPrescriber], graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: prescriberColumns, rows: list.enumerated().map { (i, e) in
      let p = g.people[Int(e.person)]
      return [.int(i + 1), .text(p.id), .text(p.displayName), p.account.map { .text($0) } ?? .empty,
              e.score.map { .int($0) } ?? .empty, e.score.map { .text(NetPromoterScore.category($0).rawValue) } ?? .empty,
              .number(e.crv, digits: 2), .number(e.reach, digits: 2), .number(e.prescriberScore, digits: 3)]
    })
  }

  public static func json(nps: NetPromoterReport, value: ReferralValue, prescribers list: [ExpertPrescriber],
                          graph g: SocialGraph, meta: [(String, JSONValue)]) -> String {
    func npsObject(_ n: NetPromoterScore) -> [(String, JSONValue)] {
      [("responses", .int(n.responses)), ("promoters", .int(n.promoters)), ("passives", .int(n.passives)),
       ("detractors", .int(n.detractors)), ("nps", n.score.map { .number($0) } ?? .null)]
    }
    return JSONValue.object(meta + [
      ("nps", .object(npsObject(nps.overall) + [
        ("accounts", .array(nps.accounts.filter { $0.nps.responses > 0 }.map { a in
          .object([("name", .string(a.name))] + npsObject(a.nps) + [
            ("segments", .array(a.segments.map { s in .object([("name", .string(s.name))] + npsObject(s.nps)) })),
          ])
        })),
      ])),
      ("discount_rate", .number(value.discountRate)),
      ("referral_value", self.value(value, graph: g).jsonRows),
      ("prescribers", prescribers(list, graph: g).jsonRows),
    ]).rendered()
  }
}
