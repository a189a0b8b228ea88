#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetworkAnalysis
import SocialGraph

/// `tiemap patterns` and `tiemap risk`: what the contact history teaches, as tables.
public enum HistoryReport {
  public static let patternColumns = ["rank", "pattern", "length", "episodes", "controls", "support", "control_support",
                                      "confidence", "lift"]

  /// One row per pattern, best first.
  public static func patterns(_ r: RupturePatterns, limit: Int? = nil) -> ResultTable {
    let list = limit.map { Array(r.patterns.prefix($0)) } ?? r.patterns
    return ResultTable(columns: patternColumns, rows: list.enumerated().map { k, p in
      [.int(k + 1), .text(r.text(p)), .int(p.items.count), .int(p.episodes), .int(p.controls), .number(p.support, digits: 4),
       .number(p.controlSupport, digits: 4), .number(p.confidence, digits: 4), .number(p.lift, digits: 4)]
    })
  }

  public static let sequenceColumns = ["person", "kind", "end", "tokens"]

  /// Every episode and control window, its tokens joined by spaces (for checking and for other miners).
  public static func sequences(_ episodes: [SequenceWindow], _ controls: [SequenceWindow], history h: EventHistory, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: sequenceColumns, rows: (episodes + controls).map { w in
      [.text(g.people[Int(w.person)].id), .text(w.isEpisode ? "episode" : "control"), .text(Day(daysSinceEpoch: w.end).description),
       .text(w.items.map { h.vocabulary[Int($0)] }.joined(separator: " "))]
    })
  }
}

extension HistoryReport {
  public static let coefficientColumns = ["feature", "coefficient", "std_error", "z", "p_value", "odds_ratio"]

  /// The hazard model's coefficients: what raises the risk (positive) and what lowers it.
  public static func coefficients(_ m: HazardModel) -> ResultTable {
    let (z, pv) = (m.fit.z, m.fit.pValues)
    return ResultTable(columns: coefficientColumns, rows: m.features.indices.map { k in
      [.text(m.features[k]), .number(m.fit.coefficients[k]), .number(m.fit.standardErrors[k]), .number(z[k]),
       .number(pv[k]), .number(exp(m.fit.coefficients[k]))]
    })
  }

  public static let calibrationColumns = ["bin", "contacts", "mean_predicted", "observed"]

  public static func calibration(_ e: RiskEvaluation) -> ResultTable {
    ResultTable(columns: calibrationColumns, rows: e.calibration.enumerated().map { k, b in
      [.int(k + 1), .int(b.contacts), .number(b.predicted, digits: 4), .number(b.observed, digits: 4)]
    })
  }

  public static let riskColumns = ["id", "name", "account", "risk", "hazard"]

  /// Every contact not ruptured, highest risk first, with the model's features.
  public static func contacts(_ r: RuptureRisk, graph g: SocialGraph) -> ResultTable {
    let features = r.model.features.dropFirst()
    return ResultTable(columns: riskColumns + features, rows: r.contacts.map { c in
      let p = g.people[Int(c.person)]
      return [.text(p.id), .text(p.displayName), p.account.map { .text($0) } ?? .empty, .number(c.risk, digits: 4),
              .number(c.hazard, digits: 4)] + c.features.dropFirst().map { .number($0, digits: 4) }
    })
  }

  public static let accountRiskColumns = ["account", "contacts", "expected_ruptures", "any_rupture", "most_at_risk"]

  public static func accounts(_ r: RuptureRisk, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: accountRiskColumns, rows: r.accounts.map { a in
      [.text(a.account), .int(a.contacts), .number(a.expected, digits: 3), .number(a.anyRupture, digits: 4),
       .text(g.people[Int(a.highest)].id)]
    })
  }

  public static let periodColumns = ["id", "start", "ruptured"]

  /// The person-period table the model was fitted on (for statsmodels and other tools).
  public static func periods(_ t: PersonPeriods, history h: EventHistory, graph g: SocialGraph) -> ResultTable {
    let f = t.features.count
    return ResultTable(columns: periodColumns + t.features, rows: (0..<t.count).map { i in
      [.text(g.people[Int(h.contacts[Int(t.contact[i])].person)].id), .text(Day(daysSinceEpoch: t.start[i]).description),
       .int(Int(t.y[i]))] + (0..<f).map { .number(t.x[i * f + $0]) }
    })
  }

  public static let survivalColumns = ["segment", "days", "at_risk", "events", "censored", "survival", "lower", "upper"]

  public static func survival(_ curves: [SurvivalCurve]) -> ResultTable {
    ResultTable(columns: survivalColumns, rows: curves.flatMap { c in
      c.times.indices.map { i in
        [.text(c.segment), .number(c.times[i]), .int(c.atRisk[i]), .int(c.events[i]), .int(c.censored[i]),
         .number(c.survival[i]), .number(c.lower[i]), .number(c.upper[i])]
      }
    })
  }

  public static let durationColumns = ["id", "segment", "days", "ruptured"]

  /// Each relationship's duration and whether it ended in a rupture (for lifelines and other tools).
  public static func durations(_ h: EventHistory, segment: Groups?, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: durationColumns, rows: h.contacts.map { c in
      let p = g.people[Int(c.person)]
      return [.text(p.id), .text(segment?.name(of: Int(c.person)) ?? (segment == nil ? "all" : "unknown")), .int(Int((c.rupture ?? h.end) - c.first)), .int(c.rupture == nil ? 0 : 1)]
    })
  }
}

extension HistoryReport {
  public static let itemsetColumns = ["channels", "size", "contact_months", "support", "trust_gain_next_month"]

  /// Frequent channel combinations, most frequent first (then larger, then by name).
  /// `byGain`: the largest trust gain over the following month first (which combinations precede trust gains).
  public static func itemsets(_ a: TouchpointAssociations, minSize: Int = 1, byGain: Bool = false) -> ResultTable {
    let order = a.itemsets.indices.filter { a.itemsets[$0].items.count >= minSize }.sorted { i, j in
      let (x, y) = (a.itemsets[i], a.itemsets[j])
      if byGain, a.trustGain[i] != a.trustGain[j] { return (a.trustGain[i] ?? -.infinity) > (a.trustGain[j] ?? -.infinity) }
      if x.count != y.count { return x.count > y.count }
      if x.items.count != y.items.count { return x.items.count > y.items.count }
      return x.items.lexicographicallyPrecedes(y.items)
    }
    return ResultTable(columns: itemsetColumns, rows: order.map { i in
      let s = a.itemsets[i]
      return [.text(s.items.map { a.channels[Int($0)] }.joined(separator: " + ")), .int(s.items.count), .int(s.count),
              .number(Double(s.count) / Double(a.transactions), digits: 4), a.trustGain[i].map { .number($0, digits: 3) } ?? .empty]
    })
  }

  public static let ruleColumns = ["if", "then", "contact_months", "support", "confidence", "lift"]

  /// Association rules, highest lift first.
  public static func rules(_ a: TouchpointAssociations) -> ResultTable {
    let names = { (xs: [Int32]) in xs.map { a.channels[Int($0)] }.joined(separator: " + ") }
    let sorted = a.rules.sorted { x, y in
      if x.lift != y.lift { return x.lift > y.lift }
      if x.count != y.count { return x.count > y.count }
      return (names(x.lhs), names(x.rhs)) < (names(y.lhs), names(y.rhs))
    }
    return ResultTable(columns: ruleColumns, rows: sorted.map { r in
      [.text(names(r.lhs)), .text(names(r.rhs)), .int(r.count), .number(r.support, digits: 4), .number(r.confidence, digits: 4),
       .number(r.lift, digits: 4)]
    })
  }
}
