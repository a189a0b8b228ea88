import NetworkAnalysis
import SocialGraph

/// `tiemap account`: the JSON of DESIGN.md, a readable terminal report, and CSV tables.
public enum AccountReport {
  static let proximityKeys = ["P1", "P2", "P3", "P4", "unknown"]
  static let influenceKeys = ["1", "2", "3", "4", "5", "unknown"]

  static func share(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }

  static func person(_ v: NodeIndex, _ g: SocialGraph, _ a: AccountAnalysis, extra: [(String, JSONValue)] = []) -> JSONValue {
    let p = g.people[Int(v)]
    return .object([("id", .string(p.id)), ("name", .string(p.displayName)),
                    ("role", p.role.map { .string($0.rawValue) } ?? .null),
                    ("proximity", a.evidence.proximity[Int(v)].map { .string($0.label) } ?? .null)] + extra)
  }

  /// DESIGN.md: `{"accounts": [{"name", "people", "proximity_counts": {"P1","P2","P3","P4","unknown"}, "matrix",
  /// "grid", "coverage", "risks", "recommendations"}], "owners": [{"id", "p1", "over_dunbar"}]}`, with the derived
  /// proximities listed under `derived_proximity`.
  public static func json(_ p: PortfolioAccounts) -> String {
    let accounts: [JSONValue] = p.parts.flatMap { part in accountsJSON(part.analysis, graph: part.slice.graph) }
    return JSONValue.object([
      ("accounts", .array(accounts)),
      ("owners", .array(p.owners.map { o in
        .object([("id", .string(o.id)), ("name", .string(o.name)),
                 ("p1", .int(o.p1)), ("contacts", .int(o.contacts)), ("over_dunbar", .bool(o.overDunbar))])
      })),
      ("dunbar_limit", .int(p.options.dunbarLimit)),
      ("derived_proximity", .array(p.parts.flatMap { part in derivedJSON(part.analysis, graph: part.slice.graph) })),
    ]).rendered()
  }

  static func derivedJSON(_ a: AccountAnalysis, graph g: SocialGraph) -> [JSONValue] {
    a.evidence.derived.map { d in
      .object([("id", .string(g.people[Int(d.person)].id)), ("proximity", .string(d.level.label)),
               ("strength", d.strength.map { .number($0) } ?? .null),
               ("team_member", d.teamMember.map { .string(g.people[Int($0)].id) } ?? .null),
               ("interactions", .int(d.interactions))])
    }
  }

  static func accountsJSON(_ a: AccountAnalysis, graph g: SocialGraph) -> [JSONValue] {
    a.accounts.map { acc in
      let quadrantCounts = Quadrant.allCases.map { q in (q.rawValue, JSONValue.int(acc.grid.filter { $0.quadrant == q }.count)) }
      let grid: JSONValue = .object([
        ("high_from", .int(a.options.high)),
        ("counts", .object(quadrantCounts + [("unplaced", .int(acc.grid.filter { $0.quadrant == nil }.count))])),
        ("contacts", .array(acc.grid.map { c in
          person(c.person, g, a, extra: [
            ("power", c.power.map { .int($0) } ?? .null), ("interest", c.interest.map { .int($0) } ?? .null),
            ("quadrant", c.quadrant.map { .string($0.rawValue) } ?? .null),
            ("strategy", c.quadrant.map { .string($0.strategy) } ?? .null),
            ("role_strategy", g.people[Int(c.person)].role.map { .string($0.engagementStrategy) } ?? .null),
          ])
        })),
      ])
      let cov = acc.coverage
      let coverage: JSONValue = .object([
        ("decision_circuit", .int(cov.decisionCircuit.count)), ("covered", .int(cov.covered.count)), ("share", share(cov.share)),
        ("decision_makers", .int(cov.decisionMakers)), ("decision_makers_covered", .int(cov.decisionMakersCovered)),
        ("uncovered", .array(cov.uncovered.map { person($0, g, a) })),
        ("team_members", .array(cov.teamMembers.map { .string(g.people[Int($0)].id) })),
        ("warm_reach", .number(acc.warmReach)),
      ])
      let risks: JSONValue = .object([
        ("single_threaded_account", .bool(acc.singleThreadedAccount)),
        ("single_threaded", .array(acc.singleThreaded.map { s in
          person(s.person, g, a, extra: [("team_member", .string(g.people[Int(s.teamMember)].id))])
        })),
        ("silent_influencers", .array(acc.silentInfluencers.map { v in
          person(v, g, a, extra: [("declared_influence", g.people[Int(v)].influence.map { .int($0) } ?? .null),
                                  ("structural_influence", .number(a.evidence.influence[Int(v)]))])
        })),
        ("uncovered_groups", .array(acc.uncoveredGroups.map { .string($0) })),
        ("brokers_into_uncovered", .array(acc.brokers.map { b in
          person(b.person, g, a, extra: [("groups", .array(b.uncoveredGroups.map { .string($0) })), ("weak_ties", .int(b.weakTies))])
        })),
        ("departure_impact", .array(acc.departures.map { d in
          person(d.person, g, a, extra: [("reach_lost", .number(d.reachLost)), ("cut_off", .int(d.cutOff)),
                                         ("coverage_lost", .int(d.coverageLost))])
        })),
      ])
      let recommendations: JSONValue = .array(acc.recommendations.enumerated().map { (i, r) in
        person(r.person, g, a, extra: [
          ("rank", .int(i + 1)), ("priority", .number(r.priority)), ("reasons", .array(r.reasons.map { .string($0) })),
          ("declared_influence", g.people[Int(r.person)].influence.map { .int($0) } ?? .null),
          ("structural_influence", .number(a.evidence.influence[Int(r.person)])),
          ("path", r.path.map { .string($0.people.map { g.people[Int($0)].id }.joined(separator: " > ")) } ?? .null),
          ("reliability", r.path.map { .number($0.reliability) } ?? .null),
          ("coverage_before", share(r.coverageBefore)), ("coverage_after", share(r.coverageAfter)),
          ("reach_gain", .number(r.reachGain)),
        ])
      })
      return .object([
        ("name", .string(acc.name)), ("people", .int(acc.contacts.count)),
        ("proximity_counts", .object(zip(proximityKeys, acc.proximityCounts).map { ($0, .int($1)) })),
        ("matrix", .object([("rows", .array(proximityKeys.map { .string($0) })), ("columns", .array(influenceKeys.map { .string($0) })),
                            ("counts", .array(acc.matrix.map { .array($0.map { .int($0) }) }))])),
        ("grid", grid), ("coverage", coverage), ("risks", risks), ("recommendations", recommendations),
        ("largest_reach_gain", .number(acc.largestReachGain)),
      ])
    }
  }

  /// CSV: one row per contact with where they stand (`id, name, account, role, proximity, proximity_source,
  /// influence, interest, power, quadrant, covered, single_threaded, silent_influencer, reach_lost, priority`).
  public static func contacts(_ p: PortfolioAccounts) -> ResultTable {
    var rows: [[Cell]] = []
    for part in p.parts { rows += contactRows(part.analysis, graph: part.slice.graph) }
    return ResultTable(columns: ["id", "name", "account", "role", "proximity", "proximity_source", "influence", "interest",
                                 "power", "quadrant", "covered", "single_threaded", "silent_influencer", "reach_lost", "priority"],
                       rows: rows)
  }

  /// `priority` is given for every contact not held at P1/P2 (the recommendations are the first of them).
  static func contactRows(_ a: AccountAnalysis, graph g: SocialGraph) -> [[Cell]] {
    let derived = Set(a.evidence.derived.map(\.person))
    var rows: [[Cell]] = []
    for acc in a.accounts {
      let single = Set(acc.singleThreaded.map(\.person))
      let lost = Dictionary(uniqueKeysWithValues: acc.departures.map { ($0.person, $0.reachLost) })
      for (i, c) in acc.grid.enumerated() {
        let v = c.person, p = g.people[Int(v)], prox = a.evidence.proximity[Int(v)]
        rows.append([
          .text(p.id), .text(p.displayName), .text(acc.name), p.role.map { .text($0.rawValue) } ?? .empty,
          prox.map { .text($0.label) } ?? .empty, .text(prox == nil ? "" : derived.contains(v) ? "derived" : "declared"),
          p.influence.map { .int($0) } ?? .empty, p.interest.map { .int($0) } ?? .empty, c.power.map { .int($0) } ?? .empty,
          c.quadrant.map { .text($0.rawValue) } ?? .empty, .bool(prox.map { $0 <= .p2 } ?? false), .bool(single.contains(v)),
          .bool(a.evidence.silent[Int(v)]), .number(lost[v] ?? 0, digits: 3), acc.priorities[i].map { .number($0, digits: 3) } ?? .empty,
        ])
      }
    }
    return rows
  }

  /// The terminal report: one block per account, then the owners.
  public static func text(_ p: PortfolioAccounts, limit: Int = 10) -> String {
    var out = p.parts.map { text($0.analysis, graph: $0.slice.graph, limit: limit) }.joined()
    out += "Owners (Dunbar's limit \(p.options.dunbarLimit) P1 relationships)\n"
    out += TextTable.render(header: ["owner", "P1", "contacts", "over limit"], rows: p.owners.map { o in
      [.text(TextTable.sanitize(o.name)), .int(o.p1), .int(o.contacts), .text(o.overDunbar ? "OVER" : "no")]
    })
    return out
  }

  static func text(_ a: AccountAnalysis, graph g: SocialGraph, limit: Int) -> String {
    func name(_ v: NodeIndex) -> String { TextTable.sanitize(g.people[Int(v)].displayName) }
    func pct(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
    var out = ""
    for acc in a.accounts {
      let n = acc.contacts.count
      out += "\(acc.name.isEmpty ? "(no account)" : TextTable.sanitize(acc.name)) — \(n) contacts\n\n"
      out += "Proximity\n"
      out += TextTable.render(header: ["", "P1", "P2", "P3", "P4", "unknown"], rows: [
        [.text("contacts")] + acc.proximityCounts.map { .int($0) },
        [.text("share")] + acc.proximityCounts.map { .text(pct(n == 0 ? nil : Double($0) / Double(n))) },
      ])
      let derivedHere = a.evidence.derived.filter { acc.contacts.contains($0.person) }
      if !derivedHere.isEmpty {
        out += "derived (no declared proximity): " + derivedHere.prefix(limit).map { "\(name($0.person)) \($0.level.label)" }.joined(separator: ", ")
          + (derivedHere.count > limit ? " and \(derivedHere.count - limit) more" : "") + "\n"
      }
      out += "\nProximity × declared influence\n"
      out += TextTable.render(header: ["proximity"] + influenceKeys.map { $0 == "unknown" ? "?" : "infl \($0)" },
                              rows: zip(proximityKeys, acc.matrix).map { [.text($0)] + $1.map { .int($0) } })
      out += "\nPower/interest grid (high from \(a.options.high))\n"
      out += TextTable.render(header: ["quadrant", "contacts", "strategy"], rows: Quadrant.allCases.map { q in
        [.text(q.title), .int(acc.grid.filter { $0.quadrant == q }.count), .text(q.strategy)]
      })
      let cov = acc.coverage
      out += "\nDecision circuit: \(cov.covered.count) of \(cov.decisionCircuit.count) held at P1/P2 (\(pct(cov.share))); "
      out += "decision makers \(cov.decisionMakersCovered) of \(cov.decisionMakers); \(cov.teamMembers.count) of our team hold ties here"
      out += acc.singleThreadedAccount ? " — SINGLE-THREADED ACCOUNT\n" : "\n"
      if !cov.uncovered.isEmpty {
        out += "uncovered: " + cov.uncovered.map { "\(name($0)) (\(g.people[Int($0)].role?.label ?? ""), \(a.evidence.proximity[Int($0)]?.label ?? "unknown"))" }.joined(separator: ", ") + "\n"
      }
      if !acc.singleThreaded.isEmpty {
        out += "single-threaded: " + acc.singleThreaded.map { "\(name($0.person)) (only \(name($0.teamMember)))" }.joined(separator: ", ") + "\n"
      }
      if !acc.silentInfluencers.isEmpty {
        out += "silent influencers: " + acc.silentInfluencers.map { "\(name($0)) (declared \(g.people[Int($0)].influence.map(String.init) ?? "?"))" }.joined(separator: ", ") + "\n"
      }
      if !acc.uncoveredGroups.isEmpty {
        out += "departments with no one at P1/P2: " + acc.uncoveredGroups.map(TextTable.sanitize).joined(separator: ", ") + "\n"
        if !acc.brokers.isEmpty {
          out += "weak-tie brokers into them: " + acc.brokers.prefix(5).map { b in
            "\(name(b.person)) (\(a.evidence.proximity[Int(b.person)]?.label ?? "unknown") → \(b.uncoveredGroups.map(TextTable.sanitize).joined(separator: ", ")))"
          }.joined(separator: "; ") + "\n"
        }
      }
      out += "\nDeparture impact (warm reach \(Cell.fixed(acc.warmReach, digits: 2)) of \(n))\n"
      out += TextTable.render(header: ["contact", "role", "proximity", "reach lost", "cut off", "coverage lost"],
                              rows: acc.departures.prefix(limit).map { d in
        [.text(name(d.person)), .text(g.people[Int(d.person)].role?.label ?? ""), .text(a.evidence.proximity[Int(d.person)]?.label ?? "unknown"),
         .number(d.reachLost, digits: 2), .int(d.cutOff), .int(d.coverageLost)]
      })
      out += "\nRecommendations\n"
      for (i, r) in acc.recommendations.enumerated() {
        out += "\(i + 1). \(name(r.person)) — priority \(Cell.fixed(r.priority, digits: 3)): \(r.reasons.map(TextTable.sanitize).joined(separator: "; "))\n"
        if let p = r.path {
          out += "   via " + p.people.map(name).joined(separator: " → ") + " (reliability \(Cell.fixed(p.reliability, digits: 3)))\n"
        }
        var gain = "   gain: warm reach +\(Cell.fixed(r.reachGain, digits: 2))"
        if let b = r.coverageBefore, let c = r.coverageAfter { gain += ", decision-circuit coverage \(pct(b)) → \(pct(c))" }
        out += gain + "\n"
      }
      out += "\n"
    }
    return out
  }
}
