import NetworkAnalysis
import SocialGraph

/// `tiemap metrics` as a table: `id`, then the measures in DESIGN.md's column order.
public enum MetricsReport {
  public static func table(_ m: PersonMeasures, graph g: SocialGraph, withNames: Bool = false) -> ResultTable {
    let order = m.values.measures
    let valuesByMeasure = order.map { m.column($0) }
    var columns = ["id"]
    if withNames { columns.append("name") }
    columns += order.map(\.rawValue)
    let rows: [[Cell]] = g.people.indices.map { v in
      var row: [Cell] = [.text(g.people[v].id)]
      if withNames { row.append(.text(g.people[v].name ?? "")) }
      for (measure, column) in zip(order, valuesByMeasure) {
        let x = column[v]
        switch measure {
        case .degree, .inDegree, .outDegree, .core, .community: row.append(x.isNaN ? .empty : .int(Int(x)))
        default: row.append(.number(x, digits: 4))
        }
      }
      return row
    }
    return ResultTable(columns: columns, rows: rows)
  }

  public static func jsonMeta(_ m: PersonMeasures) -> [(String, JSONValue)] {
    var meta: [(String, JSONValue)] = [("weighted", .bool(m.weighted))]
    if let c = m.communities {
      meta.append(("communities", .int(c.count)))
      meta.append(("modularity", .number(c.modularity)))
    }
    return meta
  }
}
