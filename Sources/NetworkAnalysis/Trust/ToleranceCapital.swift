#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

/// Kaufman's tolerance capital: a trust balance per contact that touchpoints build, incidents spend, and time
/// without contact erodes; when it falls below a rupture threshold, the relationship is at risk of breaking.
///
/// The balance is T = C − D: a lasting capital C and a transient dip D.
/// - A positive touchpoint of p points adds `gainPerPoint` · p · (1 − C / cap) to C: gains saturate as C nears
///   the cap, and the cap itself grows with the relationship's age, from `capFloor` · `cap` at the first contact to
///   `cap` after `capRampDays` (trust is thin at the start, "zero defect" expected).
/// - An incident of severity s = −points costs `penaltyPerPoint` · s. A *transient* one (the default when the
///   row says nothing) goes entirely into D; a *cumulative* one leaves `cumulativeShare` of it in C for good (the
///   damped ratchet) and the rest in D.
/// - D fades with half-life `transientHalfLifeDays`.
/// - After `graceDays` without any contact, C decays towards 0 with half-life `inactivityHalfLifeDays`.
/// - Status: `ruptured` when T < `ruptureThreshold`; `atRisk` when T, or the balance projected `horizonDays`
///   ahead without contact, is below `ruptureThreshold` + `warningMargin`; else `healthy`.
/// Every constant is a parameter; the defaults are Tiemap's (FORMULAS.md, "Tie decay and tolerance capital").
/// Kaufman's late erosion (the customer feeling entitled after years) is not modelled.
/// - Reference: H. Kaufman (2007), "Le capital de tolérance et les aléas dans la relation marque-clients";
///   R. S. Burt (2000), "Decay functions", *Social Networks* 22(1):1–28 (decay without contact).
public struct ToleranceModel: Sendable, Hashable {
  public var initial = 10.0
  public var cap = 100.0
  public var capFloor = 0.3
  public var capRampDays = 730.0
  public var gainPerPoint = 2.0
  public var penaltyPerPoint = 3.0
  public var cumulativeShare = 0.6
  public var transientHalfLifeDays = 30.0
  public var graceDays = 60.0
  public var inactivityHalfLifeDays = 180.0
  public var ruptureThreshold = 0.0
  public var warningMargin = 5.0
  public var horizonDays = 30.0
  /// Trend window: the change of balance over this many days up to the evaluation date.
  public var trendDays = 90.0

  public init() {}

  /// The cap at `age` days into the relationship.
  func cap(age: Double) -> Double {
    cap * min(1, capFloor + (1 - capFloor) * max(0, age) / max(1, capRampDays))
  }
}

/// One contact's trust account over time.
public struct ToleranceState: Sendable, Hashable {
  public var capital: Double
  public var dip: Double
  public var balance: Double { capital - dip }
}

public enum TrustStatus: String, Sendable, CaseIterable, Comparable {
  case ruptured, atRisk = "at_risk", healthy
  public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// One step of a contact's timeline: the state just after an interaction.
public struct ToleranceEvent: Sendable, Hashable {
  public var interaction: Int   // index into the interactions given
  public var state: ToleranceState
  /// Balance change caused by this interaction itself (decay since the previous event excluded).
  public var change: Double
  /// The interaction's day (days since 1970-01-01).
  public var day: Int32
}

public struct ToleranceAccount: Sendable {
  public var person: NodeIndex
  public var firstContact: Day
  public var lastContact: Day
  public var state: ToleranceState
  /// Balance at the evaluation date minus the balance `trendDays` before it.
  public var trend: Double
  /// Balance projected `horizonDays` ahead with no further contact.
  public var projected: Double
  public var status: TrustStatus
  public var interactions: Int
  public var events: [ToleranceEvent]
}

extension ToleranceModel {
  /// Decays `state` over `days`, of which the last `inactive` fall after the grace period without contact.
  func decay(_ s: ToleranceState, days: Double, inactive: Double) -> ToleranceState {
    var s = s
    if days > 0 { s.dip *= exp2(-days / transientHalfLifeDays) }
    if inactive > 0 { s.capital *= exp2(-inactive / inactivityHalfLifeDays) }
    return s
  }

  /// Days of [from, to] that lie after `lastContact` + grace.
  func inactiveDays(from: Double, to: Double, lastContact: Double) -> Double {
    max(0, to - max(from, lastContact + graceDays))
  }

  /// Applies one interaction (`points`, `kind`) at relationship age `age` days.
  func apply(_ s: ToleranceState, points: Double, kind: IncidentKind?, age: Double) -> ToleranceState {
    var s = s
    if points > 0 {
      let c = cap(age: age)
      s.capital += gainPerPoint * points * max(0, 1 - s.capital / c)
    } else if points < 0 {
      let cost = penaltyPerPoint * -points
      if kind == .cumulative {
        s.capital -= cumulativeShare * cost
        s.dip += (1 - cumulativeShare) * cost
      } else {
        s.dip += cost
      }
    }
    return s
  }
}

extension SocialGraph {
  /// Tolerance capital of every person with at least one interaction, evaluated at `asOf` (default: the latest
  /// interaction date), in input order of the people. Interactions of a person are replayed in date order (file
  /// order among equal dates).
  /// - Complexity: O(I log I) for I interactions.
  public func toleranceCapital(_ interactions: [Interaction], model m: ToleranceModel = ToleranceModel(),
                               asOf: Day? = nil) -> [ToleranceAccount] {
    guard let latest = interactions.map(\.date).max() else { return [] }
    let end = Double((asOf ?? latest).daysSinceEpoch)
    // Each person's rows (counting sort by person, in file order), then by date within a person; those up to
    // `end` are a prefix.
    var start = [Int](repeating: 0, count: count + 1)
    for x in interactions { start[Int(x.person) + 1] += 1 }
    for v in 0..<count { start[v + 1] += start[v] }
    var order = [Int](repeating: 0, count: interactions.count)
    var fill = start
    for (i, x) in interactions.enumerated() { order[fill[Int(x.person)]] = i; fill[Int(x.person)] += 1 }
    var out: [ToleranceAccount] = []
    for v in 0..<count where start[v + 1] > start[v] {
      order[start[v]..<start[v + 1]].sort { (interactions[$0].date, $0) < (interactions[$1].date, $1) }
      var kept = start[v]
      while kept < start[v + 1] && Double(interactions[order[kept]].date.daysSinceEpoch) <= end { kept += 1 }
      let list = order[start[v]..<kept]
      guard let firstIndex = list.first else { continue }
      let first = Double(interactions[firstIndex].date.daysSinceEpoch)
      var state = ToleranceState(capital: m.initial, dip: 0)
      var t = first, last = first
      var events: [ToleranceEvent] = []
      events.reserveCapacity(list.count)
      // The balance at `when` (≥ t) with no contact after `last`.
      func balance(of s: ToleranceState, from t: Double, to when: Double, last: Double) -> Double {
        m.decay(s, days: when - t, inactive: m.inactiveDays(from: t, to: when, lastContact: last)).balance
      }
      let trendStart = end - m.trendDays
      var balanceAtTrendStart: Double? = trendStart < first ? 0 : nil
      for i in list {
        let x = interactions[i]
        let day = Double(x.date.daysSinceEpoch)
        if balanceAtTrendStart == nil && day > trendStart {
          balanceAtTrendStart = balance(of: state, from: t, to: trendStart, last: last)
        }
        state = m.decay(state, days: day - t, inactive: m.inactiveDays(from: t, to: day, lastContact: last))
        let before = state.balance
        state = m.apply(state, points: x.points, kind: x.kind, age: day - first)
        events.append(ToleranceEvent(interaction: i, state: state, change: state.balance - before, day: x.date.daysSinceEpoch))
        t = day; last = day
      }
      if balanceAtTrendStart == nil { balanceAtTrendStart = balance(of: state, from: t, to: trendStart, last: last) }
      let now = m.decay(state, days: end - t, inactive: m.inactiveDays(from: t, to: end, lastContact: last))
      let projected = balance(of: state, from: t, to: end + m.horizonDays, last: last)
      let status: TrustStatus = now.balance < m.ruptureThreshold ? .ruptured
        : (now.balance < m.ruptureThreshold + m.warningMargin || projected < m.ruptureThreshold + m.warningMargin) ? .atRisk : .healthy
      out.append(ToleranceAccount(person: NodeIndex(v), firstContact: interactions[firstIndex].date,
                                  lastContact: interactions[list.last!].date, state: now,
                                  trend: now.balance - balanceAtTrendStart!, projected: projected, status: status,
                                  interactions: list.count, events: events))
    }
    return out
  }
}
