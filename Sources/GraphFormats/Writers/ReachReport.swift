import NetworkAnalysis
import SocialGraph

/// `tiemap path` and `tiemap reach` as tables, JSON and readable text.
public enum ReachReport {
  // MARK: paths

  public static let pathColumns = ["rank", "reliability", "hops", "path"]

  /// One row per path (DESIGN.md): ids joined by ` > `, each with `\` and `>` escaped by a backslash, so an id
  /// that holds " > " still splits back into the same people (the JSON form lists them as an array).
  public static func paths(_ paths: [IntroductionPath], graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: pathColumns, rows: paths.enumerated().map { (i, p) in
      [.int(i + 1), .number(p.reliability), .int(p.hops), .text(p.people.map { pathID(g.people[Int($0)].id) }.joined(separator: " > "))]
    })
  }

  /// An id as a step of the `path` column: `\` → `\\`, `>` → `\>`.
  static func pathID(_ id: String) -> String {
    guard id.contains(where: { $0 == ">" || $0 == "\\" }) else { return id }
    var out = ""
    for ch in id {
      if ch == ">" || ch == "\\" { out.append("\\") }
      out.append(ch)
    }
    return out
  }

  public static func pathsJSON(_ paths: [IntroductionPath], from: [NodeIndex], to: NodeIndex, graph g: SocialGraph) -> String {
    JSONValue.object([
      ("from", .array(from.map { .string(g.people[Int($0)].id) })),
      ("to", .string(g.people[Int(to)].id)),
      ("paths", .array(paths.enumerated().map { (i, p) in
        .object([
          ("rank", .int(i + 1)), ("reliability", .number(p.reliability)), ("hops", .int(p.hops)),
          ("path", .string(p.people.map { g.people[Int($0)].id }.joined(separator: " > "))),
          ("steps", .array(p.people.indices.map { k in
            let v = p.people[k]
            var fields: [(String, JSONValue)] = [("id", .string(g.people[Int(v)].id)), ("name", .string(g.people[Int(v)].displayName))]
            if k > 0 {
              let via = g.strongestKind(between: p.people[k - 1], and: v)
              fields += [("via_kind", via.map { .string($0.kind.name) } ?? .null), ("weight", via.map { .number($0.weight) } ?? .null),
                         ("probability", .number(p.probabilities[k - 1]))]
            }
            return .object(fields)
          })),
        ])
      })),
    ]).rendered()
  }

  /// `1. reliability 0.412, 2 hops` then `Alice Martin (our team) → Bruno Costa (P2, advice 0.80) → Carla Diaz
  /// (decision maker, P4)`: each person with what matters about them, each hop with the tie it leans on.
  public static func pathsText(_ paths: [IntroductionPath], to target: NodeIndex, graph g: SocialGraph) -> String {
    guard !paths.isEmpty else {
      return "No introduction path to \(TextTable.sanitize(g.people[Int(target)].displayName)) within the limits given.\n"
    }
    var out = ""
    for (i, p) in paths.enumerated() {
      out += "\(i + 1). reliability \(Cell.fixed(p.reliability, digits: 3)), \(p.hops) hop\(p.hops == 1 ? "" : "s")\n   "
      out += p.people.indices.map { k -> String in
        let v = p.people[k], person = g.people[Int(v)]
        var notes: [String] = []
        if person.isInternal { notes.append("our team") }
        if k == p.people.count - 1, let role = person.role { notes.append(role.label) }
        if !person.isInternal, let prox = person.proximity { notes.append(prox.label) }
        if k > 0, let via = g.strongestKind(between: p.people[k - 1], and: v) {
          notes.append("\(via.kind.name) \(Cell.fixed(via.weight, digits: 2))")
        }
        let name = TextTable.sanitize(person.displayName)
        return notes.isEmpty ? name : "\(name) (\(notes.joined(separator: ", ")))"
      }.joined(separator: " → ")
      out += "\n"
    }
    return out
  }

  // MARK: reach

  public static let reachColumns = ["id", "probability"]

  /// One row per person a run convinced at least once (probability > 0), in input order.
  public static func people(_ estimate: ReachEstimate, graph g: SocialGraph, withNames: Bool = false) -> ResultTable {
    let rows: [[Cell]] = estimate.activation.indices.filter { estimate.activation[$0] > 0 }.map { v in
      withNames ? [.text(g.people[v].id), .text(g.people[v].displayName), .number(estimate.activation[v])]
        : [.text(g.people[v].id), .number(estimate.activation[v])]
    }
    return ResultTable(columns: withNames ? ["id", "name", "probability"] : reachColumns, rows: rows)
  }

  /// DESIGN.md: `{"model", "runs", "seed", "expected_reach", "stderr", "people": [{"id", "probability"}]}`, with
  /// `from` and, when given, `targets` and `hops` before the people.
  public static func reachJSON(_ estimate: ReachEstimate, model: String, seed: UInt64, from: [NodeIndex],
                               extra: [(String, JSONValue)] = [], graph g: SocialGraph) -> String {
    people(estimate, graph: g).json(meta: [
      ("model", .string(model)), ("runs", .int(estimate.runs)), ("seed", .int(Int(truncatingIfNeeded: seed))),
      ("expected_reach", .number(estimate.expectedReach)), ("stderr", .number(estimate.standardError)),
      ("from", .array(from.map { .string(g.people[Int($0)].id) })),
    ] + extra, rowsKey: "people")
  }

  // MARK: best seeds

  public static let seedColumns = ["rank", "id", "name", "gain", "cumulative_reach", "cost"]

  public static func seeds(_ s: SeedSelection, graph g: SocialGraph, costs: [Double]?) -> ResultTable {
    var cumulative = 0.0
    return ResultTable(columns: seedColumns, rows: s.seeds.enumerated().map { (i, v) in
      cumulative += s.gains[i]
      return [.int(i + 1), .text(g.people[Int(v)].id), .text(g.people[Int(v)].displayName), .number(s.gains[i], digits: 2),
              .number(cumulative, digits: 2), .number(costs?[Int(v)] ?? 1, digits: 2)]
    })
  }

  /// `{"model", "method", "runs"|"rr_sets", "seed", "k", "budget", "targets", "seeds": [...], "estimated_reach",
  /// "expected_reach", "stderr"}`: the selection's own estimate, then an independent Monte Carlo check of the set.
  public static func seedsJSON(_ s: SeedSelection, check: ReachEstimate?, model: String, seed: UInt64, k: Int,
                               budget: Double?, targets: [NodeIndex]?, costs: [Double]?, graph g: SocialGraph) -> String {
    var meta: [(String, JSONValue)] = [
      ("model", .string(model)), ("method", .string(s.method.rawValue)),
      (s.method == .imm ? "rr_sets" : "runs", .int(s.samples)), ("seed", .int(Int(truncatingIfNeeded: seed))),
      ("k", .int(k)), ("budget", budget.map { .number($0) } ?? .null),
      ("targets", targets.map { .array($0.map { .string(g.people[Int($0)].id) }) } ?? .null),
      ("cost", .number(s.cost)), ("estimated_reach", .number(s.estimatedReach)),
    ]
    if let check {
      meta += [("expected_reach", .number(check.expectedReach)), ("stderr", .number(check.standardError)), ("check_runs", .int(check.runs))]
    }
    return seeds(s, graph: g, costs: costs).json(meta: meta, rowsKey: "seeds")
  }
}
