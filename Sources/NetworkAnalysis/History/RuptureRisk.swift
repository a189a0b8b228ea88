#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// How `EventHistory.ruptureRisk` builds, fits and checks the hazard model.
public struct RiskOptions: Sendable, Hashable {
  /// Length of a person-period, in days (`--period`).
  public var periodDays: Int32 = 30
  /// The risk is of a rupture within this many days (`--horizon`).
  public var horizonDays: Int32 = 90
  /// The evaluation's split: fit on the periods that end by it, test on the contacts alive at it. Default: the
  /// last period boundary that leaves a full horizon before the end of the history.
  public var split: Day?
  /// The top patterns (of `patterns`, mined on the training period) used as features.
  public var patternFeatures = 2
  public var patterns = RupturePatternOptions()
  /// Days of history of the incident counts.
  public var incidentDays: Int32 = 90
  public var calibrationBins = 10
  /// Fewest ruptures a fit accepts (a rule of thumb of about 10 events per feature: P. Peduzzi et al. 1996,
  /// *J. Clin. Epidemiol.* 49:1373–1379).
  public var minRuptures = 10
  public init() {}
}

/// The person-period table: one row per contact and period, the features known at the period's start and
/// whether the relationship ruptured during it.
public struct PersonPeriods: Sendable {
  /// Column names: `intercept` first.
  public var features: [String]
  /// Row-major, `features.count` per row.
  public var x: [Double]
  public var y: [Double]
  /// Each row's contact (index into `EventHistory.contacts`) and period start (day).
  public var contact: [Int32]
  public var start: [Int32]
  public var count: Int { y.count }
}

/// The fitted hazard model.
public struct HazardModel: Sendable {
  public var features: [String]
  /// Each feature's column in the full feature row (`EventHistory.features`: the base features, then the patterns).
  public var columns: [Int]
  public var fit: LogisticFit
  /// Features left out because they do not vary over the training rows.
  public var dropped: [String]
  /// The pattern features, as token lists.
  public var patterns: [[Int32]]
  public var rows: Int, events: Int
}

/// How well the model fitted before the split ranks what happened after it.
public struct RiskEvaluation: Sendable {
  public var split: Day
  public var model: HazardModel
  /// Contacts alive at the split, and those who ruptured within the horizon after it.
  public var contacts: Int, ruptures: Int
  /// Mean squared error of the predicted risks.
  public var brier: Double
  /// Area under the ROC curve (nil with no rupture or no survivor).
  public var auc: Double?
  /// Bins of equal size by predicted risk, lowest first.
  public var calibration: [(contacts: Int, predicted: Double, observed: Double)]
}

public struct ContactRuptureRisk: Sendable {
  /// Index into `EventHistory.contacts`.
  public var contact: Int
  public var person: NodeIndex
  /// Chance of a rupture within the horizon: 1 − (1 − h)^(horizon / period).
  public var risk: Double
  /// Per-period hazard h.
  public var hazard: Double
  /// The features now (the model's columns).
  public var features: [Double]
}

public struct AccountRuptureRisk: Sendable {
  public var account: String
  public var contacts: Int
  /// Σ risk: the ruptures to expect within the horizon.
  public var expected: Double
  /// 1 − Π(1 − risk): the chance of at least one.
  public var anyRupture: Double
  /// The contact most at risk.
  public var highest: NodeIndex
}

/// `tiemap risk`: the model fitted on the whole history, its evaluation on a time split, the risk of every
/// contact not yet ruptured, per account, and the survival curves.
public struct RuptureRisk: Sendable {
  public var history: EventHistory
  public var model: HazardModel
  public var evaluation: RiskEvaluation
  /// Highest risk first.
  public var contacts: [ContactRuptureRisk]
  /// Most expected ruptures first.
  public var accounts: [AccountRuptureRisk]
  /// The person-period table `model` was fitted on (its columns).
  public var periods: PersonPeriods
  public var options: RiskOptions
}

public enum RiskError: Error, Sendable, CustomStringConvertible {
  case tooShort(String)
  case fit(String, LogisticFitError)
  public var description: String {
    switch self {
    case .tooShort(let why): why
    case .fit(let which, let e): "the \(which) hazard model cannot be fitted: \(e)"
    }
  }
}

extension EventHistory {
  /// The day the period grid starts: the first contact of the history.
  var gridStart: Int32 { contacts.map(\.first).min() ?? end }

  /// The tolerance balance of contact `k` at the start of day `t` (events before `t` only; 0 before the first).
  func balance(_ k: Int, at t: Int32) -> Double {
    let a = trust[k], m = options.model
    var lo = 0, hi = a.events.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if eventDay(k, mid) < t { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0 else { return 0 }
    let d = Double(eventDay(k, lo - 1)), when = Double(t)
    return m.decay(a.events[lo - 1].state, days: when - d, inactive: m.inactiveDays(from: d, to: when, lastContact: d)).balance
  }

  @inline(__always) func eventDay(_ k: Int, _ e: Int) -> Int32 { trust[k].events[e].day }


  /// Whether `w` contains `pattern` with at most `maxGap` days between consecutive tokens (a window spans at most
  /// `windowDays`, so the mining's span limit holds by construction).
  /// - Complexity: O(|pattern| · |w|).
  static func contains(_ pattern: [Int32], _ w: SequenceWindow, maxGap: Int32?) -> Bool {
    guard let g = maxGap else {
      var k = 0
      for x in w.items where k < pattern.count && x == pattern[k] { k += 1 }
      return k == pattern.count
    }
    // Positions where an occurrence of the prefix can end, ascending; a token extends the one just before it, the
    // latest, so the nearest in days.
    var ends = w.items.indices.filter { pattern.first == w.items[$0] }
    for x in pattern.dropFirst() where !ends.isEmpty {
      var next: [Int] = [], i = -1
      for p in w.items.indices where w.items[p] == x {
        while i + 1 < ends.count && ends[i + 1] < p { i += 1 }
        if i >= 0 && w.days[p] - w.days[ends[i]] <= g { next.append(p) }
      }
      ends = next
    }
    return !ends.isEmpty || pattern.isEmpty
  }

  /// The features of contact `k` at the start of day `t`: `balance`, `trend` (balance change over the model's
  /// trend days), `incidents_transient` and `incidents_cumulative` (in the last `incidentDays`),
  /// `log_days_since_contact` (log(1 + days)), `threads` (our team members who ever met them), `held_p1_p2`
  /// (proximity P1 or P2) and one 0/1 column per pattern (the window before `t` contains it).
  func features(_ k: Int, at t: Int32, patterns: [[Int32]], graph g: SocialGraph, interactions xs: [Interaction],
                incidentDays: Int32, maxGap: Int32?, into out: inout [Double]) {
    let c = contacts[k], a = trust[k]
    out.append(1)
    let now = balance(k, at: t)
    out.append(now)
    out.append(now - balance(k, at: t - Int32(options.model.trendDays.rounded())))
    var transient = 0.0, cumulative = 0.0, last = c.first
    var teams: [NodeIndex] = []
    for e in a.events {
      let d = e.day
      if d >= t { break }
      let x = xs[e.interaction]
      if let r = c.rupture, d >= r { break }
      last = max(last, d)
      if x.points < 0 && d >= t - incidentDays { if x.kind == .cumulative { cumulative += 1 } else { transient += 1 } }
      if let w = x.with, !teams.contains(w) { teams.append(w) }
    }
    out.append(transient); out.append(cumulative)
    out.append(log1p(Double(max(0, t - last))))
    out.append(Double(teams.count))
    let proximity = g.people[Int(c.person)].proximity
    out.append(proximity == .p1 || proximity == .p2 ? 1 : 0)
    if !patterns.isEmpty {
      let w = window(c, end: t, isEpisode: false)
      for p in patterns { out.append(Self.contains(p, w, maxGap: maxGap) ? 1 : 0) }
    }
  }

  static let baseFeatures = ["intercept", "balance", "trend", "incidents_transient", "incidents_cumulative",
                             "log_days_since_contact", "threads", "held_p1_p2"]

  /// The person-period table of the periods that end by `limit`: for each contact, every period of the grid
  /// (from the history's first day, `periodDays` long) that starts after its first contact, until the one in
  /// which it ruptures (y = 1) or the last that ends by `limit`.
  /// - Reference: J. D. Singer, J. B. Willett (2003), *Applied Longitudinal Data Analysis*, §10.5 (the
  ///   person-period data set).
  /// - Complexity: O(rows · (features + a contact's events)).
  public func personPeriods(until limit: Int32, patterns: [[Int32]], graph g: SocialGraph, interactions xs: [Interaction],
                            options o: RiskOptions) -> PersonPeriods {
    let names = Self.baseFeatures + patterns.map { "pattern: " + $0.map { vocabulary[Int($0)] }.joined(separator: " → ") }
    var t = PersonPeriods(features: names, x: [], y: [], contact: [], start: [])
    let t0 = gridStart, p = o.periodDays
    for k in contacts.indices {
      let c = contacts[k]
      var s = t0 + ((c.first - t0) / p + 1) * p
      while s + p <= limit {
        if let r = c.rupture, r < s { break }
        features(k, at: s, patterns: patterns, graph: g, interactions: xs, incidentDays: o.incidentDays,
                 maxGap: o.patterns.maxGap, into: &t.x)
        let event = c.rupture.map { $0 >= s && $0 < s + p } ?? false
        t.y.append(event ? 1 : 0); t.contact.append(Int32(k)); t.start.append(s)
        if event { break }
        s += p
      }
    }
    return t
  }

  /// Fits the hazard model on the periods that end by `limit`, with patterns mined on the ruptures before it.
  func hazardModel(until limit: Int32, graph g: SocialGraph, interactions xs: [Interaction], options o: RiskOptions,
                   which: String) throws(RiskError) -> (HazardModel, PersonPeriods) {
    let mined = o.patternFeatures > 0 ? rupturePatterns(o.patterns, before: limit).patterns : []
    let patterns = Array(mined.prefix(o.patternFeatures).map(\.items))
    let table = personPeriods(until: limit, patterns: patterns, graph: g, interactions: xs, options: o)
    let f = table.features.count
    let events = table.y.filter { $0 == 1 }.count
    guard table.count > 0, events >= o.minRuptures else {
      throw .tooShort("\(events == 0 ? "no" : "only \(events)") rupture\(events == 1 ? "" : "s") in the \(which) periods; a hazard model needs at least \(o.minRuptures) (outcome churned, or tolerance capital below the threshold) to learn from")
    }
    // Keep the intercept and the columns that vary.
    var keep = [0]
    for j in 1..<f {
      let v = table.x[j]
      if (0..<table.count).contains(where: { table.x[$0 * f + j] != v }) { keep.append(j) }
    }
    var x: [Double] = []
    x.reserveCapacity(table.count * keep.count)
    for i in 0..<table.count { for j in keep { x.append(table.x[i * f + j]) } }
    let fit: LogisticFit
    do { fit = try LogisticRegression.fit(x: x, y: table.y, features: keep.count) } catch { throw .fit(which, error) }
    let model = HazardModel(features: keep.map { table.features[$0] }, columns: keep, fit: fit,
                            dropped: (0..<f).filter { !keep.contains($0) }.map { table.features[$0] }, patterns: patterns,
                            rows: table.count, events: table.y.filter { $0 == 1 }.count)
    return (model, PersonPeriods(features: model.features, x: x, y: table.y, contact: table.contact, start: table.start))
  }

  /// Hazard and risk of contact `k` at the start of day `t` under `model`.
  func risk(_ model: HazardModel, _ k: Int, at t: Int32, graph g: SocialGraph, interactions xs: [Interaction],
            options o: RiskOptions) -> (hazard: Double, risk: Double, features: [Double]) {
    var all: [Double] = []
    features(k, at: t, patterns: model.patterns, graph: g, interactions: xs, incidentDays: o.incidentDays,
             maxGap: o.patterns.maxGap, into: &all)
    let x = model.columns.map { all[$0] }
    let h = model.fit.probability(x[...])
    return (h, 1 - pow(1 - h, Double(o.horizonDays) / Double(o.periodDays)), x)
  }

  /// The discrete-time hazard of a rupture per period — a logistic regression on the person-period table
  /// (`personPeriods`) fitted by IRLS — its evaluation on a time split (fitted on the periods that end by the
  /// split, it predicts each contact alive at the split; scored by the Brier score, the AUC and a calibration
  /// table against the ruptures within the horizon after it), and the risk of a rupture within the horizon for
  /// every contact not ruptured at the end of the history, under the model fitted on all of it. The risk holds
  /// the features at their present values: 1 − (1 − h)^(horizon / period).
  /// - Reference: J. D. Singer, J. B. Willett (2003), *Applied Longitudinal Data Analysis*, ch. 10–12; P. D.
  ///   Allison (1982), "Discrete-time methods for the analysis of event histories", *Sociol. Methodol.* 13:61–98;
  ///   Brier (1950), *Mon. Weather Rev.* 78:1–3; AUC as the Mann–Whitney statistic: J. A. Hanley, B. J. McNeil
  ///   (1982), *Radiology* 143:29–36.
  /// - Complexity: O(rows · p² · iterations) for the fits, plus the pattern mining.
  public func ruptureRisk(graph g: SocialGraph, interactions xs: [Interaction], options o: RiskOptions = RiskOptions()) throws(RiskError) -> RuptureRisk {
    let t0 = gridStart, p = o.periodDays
    let split = o.split.map(\.daysSinceEpoch) ?? (t0 + ((end + 1 - o.horizonDays - t0) / p) * p)
    guard split > t0 + p, split + o.horizonDays <= end + 1 else {
      throw .tooShort("the history (\(Day(daysSinceEpoch: t0)) to \(Day(daysSinceEpoch: end))) is too short for a split at \(Day(daysSinceEpoch: split)) with a horizon of \(o.horizonDays) days after it")
    }
    let (early, _) = try hazardModel(until: split, graph: g, interactions: xs, options: o, which: "evaluation's")
    var predicted: [Double] = [], actual: [Bool] = []
    for k in contacts.indices where contacts[k].first < split && (contacts[k].rupture ?? Int32.max) >= split {
      predicted.append(risk(early, k, at: split, graph: g, interactions: xs, options: o).risk)
      actual.append(contacts[k].rupture.map { $0 < split + o.horizonDays } ?? false)
    }
    let brier = zip(predicted, actual).reduce(0) { $0 + pow($1.0 - ($1.1 ? 1 : 0), 2) } / Double(max(1, predicted.count))
    let order = predicted.indices.sorted { (predicted[$0], $0) < (predicted[$1], $1) }
    let bins = max(1, min(o.calibrationBins, predicted.count))
    var calibration: [(Int, Double, Double)] = []
    for b in 0..<bins {
      let range = (b * order.count / bins)..<((b + 1) * order.count / bins)
      guard !range.isEmpty else { continue }
      let ids = range.map { order[$0] }
      calibration.append((ids.count, ids.reduce(0) { $0 + predicted[$1] } / Double(ids.count),
                          Double(ids.filter { actual[$0] }.count) / Double(ids.count)))
    }
    let evaluation = RiskEvaluation(split: Day(daysSinceEpoch: split), model: early, contacts: predicted.count,
                                    ruptures: actual.filter { $0 }.count, brier: brier, auc: Self.auc(predicted, actual),
                                    calibration: calibration)
    let (model, periods) = try hazardModel(until: end + 1, graph: g, interactions: xs, options: o, which: "full")
    var now: [ContactRuptureRisk] = []
    for k in contacts.indices where contacts[k].rupture == nil {
      let r = risk(model, k, at: end + 1, graph: g, interactions: xs, options: o)
      now.append(ContactRuptureRisk(contact: k, person: contacts[k].person, risk: r.risk, hazard: r.hazard, features: r.features))
    }
    now.sort { ($0.risk, -$0.contact) > ($1.risk, -$1.contact) }
    var byAccount: [String: [ContactRuptureRisk]] = [:]
    for c in now { byAccount[g.people[Int(c.person)].account ?? "", default: []].append(c) }
    var accounts = byAccount.map { name, list in
      AccountRuptureRisk(account: name, contacts: list.count, expected: list.reduce(0) { $0 + $1.risk },
                  anyRupture: 1 - list.reduce(1) { $0 * (1 - $1.risk) }, highest: list[0].person)
    }
    accounts.sort { ($0.expected, $1.account) > ($1.expected, $0.account) }
    return RuptureRisk(history: self, model: model, evaluation: evaluation, contacts: now, accounts: accounts, periods: periods, options: o)
  }

  /// The area under the ROC curve: the chance that a random positive scores above a random negative (ties
  /// count half), by ranks.
  static func auc(_ scores: [Double], _ positive: [Bool]) -> Double? {
    let n1 = positive.filter { $0 }.count, n0 = positive.count - n1
    guard n1 > 0, n0 > 0 else { return nil }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var rankSum = 0.0, i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
      let mean = Double(i + j) / 2 + 1
      for k in i...j where positive[order[k]] { rankSum += mean }
      i = j + 1
    }
    return (rankSum - Double(n1 * (n1 + 1)) / 2) / (Double(n1) * Double(n0))
  }

  /// Kaplan–Meier curves of the relationships, from the first contact to the rupture (or to the end of the
  /// history, censored), one per value of `segment` (people without one under "unknown"), in order of the
  /// values, and one of all.
  public func survivalCurves(segment: Groups? = nil) -> [SurvivalCurve] {
    func duration(_ c: ContactEvents) -> Double { Double((c.rupture ?? end) - c.first) }
    var out = [KaplanMeier.curve(durations: contacts.map(duration), observed: contacts.map { $0.rupture != nil }, segment: "all")]
    guard let segment else { return out }
    var groups: [String: [ContactEvents]] = [:]
    for c in contacts { groups[segment.name(of: Int(c.person)) ?? "unknown", default: []].append(c) }
    for (name, list) in groups.sorted(by: { $0.key < $1.key }) {
      out.append(KaplanMeier.curve(durations: list.map(duration), observed: list.map { $0.rupture != nil }, segment: name))
    }
    return out
  }
}
