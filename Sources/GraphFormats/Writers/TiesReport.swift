import NetworkAnalysis
import SocialGraph

/// `tiemap ties` as tables: one row per tie (DESIGN.md columns), and one row per person.
public enum TiesReport {
  public static let columns = ["source", "target", "weight", "strength", "class", "embeddedness", "overlap", "bridge",
                               "local_bridge", "span"]

  public static func ties(_ t: TieMeasures, graph g: SocialGraph) -> ResultTable {
    let s = g.social
    let rows: [[Cell]] = (0..<s.edgeCount).map { e in
      let span: Cell = t.span[e].map { $0.isInfinite ? .text("inf") : .number($0, digits: $0 == $0.rounded() ? 0 : 4) } ?? .empty
      return [
        .text(g.people[Int(s.edgeSources[e])].id), .text(g.people[Int(s.edgeTargets[e])].id),
        .number(s.edgeWeights[e], digits: 4), .number(t.strengths.strength[e], digits: 4),
        .text(t.strengths.isStrong[e] ? "strong" : "weak"), .int(t.neighbourhoods.embeddedness[e]),
        t.neighbourhoods.overlap[e].isNaN ? .empty : .number(t.neighbourhoods.overlap[e], digits: 4), .bool(t.isBridge[e]), .bool(t.span[e] != nil), span,
      ]
    }
    return ResultTable(columns: columns, rows: rows)
  }

  public static func people(_ t: TieMeasures, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: ["id", "strong_ties", "weak_ties", "stc_violations"], rows: g.people.indices.map {
      [.text(g.people[$0].id), .int(t.strongTies[$0]), .int(t.weakTies[$0]), .int(t.stcViolations[$0])]
    })
  }

  public static func json(_ t: TieMeasures, graph g: SocialGraph) -> String {
    let weights: [(String, JSONValue)] = TieStrengthModel.Dimension.allCases.map { ($0.rawValue, .number(t.strengths.weights[$0] ?? 0)) }
    let tieRows = ties(t, graph: g)
    let personRows = people(t, graph: g)
    // span: JSON has no infinity, so "inf" stays a string there, as in the CSV.
    return JSONValue.object([
      ("as_of", t.strengths.asOf.map { .string($0.description) } ?? .null),
      ("strength_weights", .object(weights)),
      ("ties", tieRows.jsonRows),
      ("people", personRows.jsonRows),
    ]).rendered()
  }
}
