import NetworkAnalysis
import SocialGraph

/// A contact's field, as a column beside the measures (`tiemap metrics --with-fields name,account`), so that a
/// spreadsheet or a join needs no second file.
public enum ContactField: String, CaseIterable, Sendable {
  case name, title, account, department, role, proximity, owner

  public func value(_ p: Person) -> String? {
    switch self {
    case .name: p.name
    case .title: p.title
    case .account: p.account
    case .department: p.department
    case .role: p.role?.rawValue
    case .proximity: p.proximity?.label
    case .owner: p.owner
    }
  }
}

/// `tiemap metrics` as a table: `id`, the contact fields asked for, then the measures in DESIGN.md's column order.
public enum MetricsReport {
  public static func table(_ m: PersonMeasures, graph g: SocialGraph, withNames: Bool = false, fields: [ContactField] = []) -> ResultTable {
    let order = m.values.measures
    let valuesByMeasure = order.map { m.column($0) }
    let fields = withNames && !fields.contains(.name) ? [.name] + fields : fields
    var columns = ["id"] + fields.map(\.rawValue)
    columns += order.map(\.rawValue)
    let rows: [[Cell]] = g.people.indices.map { v in
      var row: [Cell] = [.text(g.people[v].id)]
      for f in fields { row.append(.text(f.value(g.people[v]) ?? "")) }
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
