import NetworkAnalysis
import SocialGraph

/// `tiemap brokers` as tables.
public enum BrokersReport {
  /// One row per person in input order; `withNames` adds the name after the id (terminal tables).
  public static func roles(_ r: BrokerageRoles, groups: Groups, graph g: SocialGraph, withNames: Bool = false) -> ResultTable {
    let total = r.total
    let columns = ["id"] + (withNames ? ["name"] : [])
      + ["group", "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"]
    return ResultTable(columns: columns, rows: g.people.indices.map { v in
      [.text(g.people[v].id)] + (withNames ? [.text(g.people[v].name ?? "")] : [])
        + [groups.name(of: v).map { .text($0) } ?? .empty, .int(r.coordinator[v]), .int(r.itinerant[v]),
           .int(r.gatekeeper[v]), .int(r.representative[v]), .int(r.liaison[v]), .int(total[v])]
    })
  }

  public static func weakTieBrokers(_ list: [WeakTieBroker], groups: Groups, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: ["id", "name", "group", "weak_bridging_ties", "groups_reached", "local_bridges"], rows: list.map { b in
      let v = Int(b.person)
      return [.text(g.people[v].id), .text(g.people[v].name ?? ""), groups.name(of: v).map { .text($0) } ?? .empty,
              .int(b.weakBridgingTies), .int(b.groupsReached), .int(b.localBridges)]
    })
  }
}
