// Sequences, patterns and risk over the contact history: PrefixSpan against brute-force enumeration, the
// event tokens and windows by hand.
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

@Suite struct PrefixSpanTests {
  /// Whether `s` (items with days) contains `p` under the gap and span limits, by trying every choice of positions.
  static func contains(_ p: [Int32], _ items: [Int32], _ days: [Int32], gap: Int32?, span: Int32?) -> Bool {
    func from(_ k: Int, _ last: Int, _ start: Int32) -> Bool {
      if k == p.count { return true }
      for j in (last + 1)..<max(last + 1, items.count) where items[j] == p[k] {
        if last >= 0, let g = gap, days[j] - days[last] > g { continue }
        let st = last >= 0 ? start : days[j]
        if let w = span, days[j] - st > w { continue }
        if from(k + 1, j, st) { return true }
      }
      return false
    }
    return from(0, -1, 0)
  }

  // Every pattern up to length 4 over a 4-letter alphabet, counted by brute force, equals what PrefixSpan mines,
  // on 40 random sequence sets, with and without gap and span limits, in both classes.
  @Test func minesExactlyWhatBruteForceFinds() {
    var rng = SplitMix64(seed: 7)
    for round in 0..<40 {
      let n = 6 + Int(rng.next() % 10)
      var items: [[Int32]] = [], days: [[Int32]] = [], counted: [Bool] = []
      for _ in 0..<n {
        let len = Int(rng.next() % 8)
        var d: Int32 = 0
        var xs: [Int32] = [], ds: [Int32] = []
        for _ in 0..<len { d += Int32(rng.next() % 15); xs.append(Int32(rng.next() % 4)); ds.append(d) }
        items.append(xs); days.append(ds); counted.append(rng.next() % 3 != 0)
      }
      var o = PrefixSpanOptions()
      o.minCount = 1 + round % 3; o.maxLength = 4
      o.maxGap = round % 4 == 1 || round % 4 == 3 ? 10 : nil
      o.maxSpan = round % 4 >= 2 ? 25 : nil
      o.threads = 1 + round % 2
      let mined = PrefixSpan.mine(items: items, days: days, counted: counted, alphabet: 4, options: o)
      var expected: [[Int32]: (Int, Int)] = [:]
      var frontier: [[Int32]] = (0..<4).map { [Int32($0)] }
      while let p = frontier.popLast() {
        var c = 0, other = 0
        for s in items.indices where Self.contains(p, items[s], days[s], gap: o.maxGap, span: o.maxSpan) {
          if counted[s] { c += 1 } else { other += 1 }
        }
        guard c >= o.minCount else { continue }
        expected[p] = (c, other)
        if p.count < o.maxLength { for x in 0..<4 { frontier.append(p + [Int32(x)]) } }
      }
      let got = Dictionary(uniqueKeysWithValues: mined.map { ($0.items, ($0.count, $0.otherCount)) })
      #expect(mined.count == got.count, "round \(round): a pattern mined twice")
      #expect(Set(got.keys) == Set(expected.keys), "round \(round): \(o.maxGap.map(String.init) ?? "-") \(o.maxSpan.map(String.init) ?? "-")")
      for (p, e) in expected { #expect(got[p].map { $0 == e } == true, "round \(round) \(p): \(String(describing: got[p])) ≠ \(e)") }
    }
  }

  @Test func emptyInputMinesNothing() {
    #expect(PrefixSpan.mine(items: [], days: [], counted: [], alphabet: 3, options: PrefixSpanOptions()).isEmpty)
    #expect(PrefixSpan.mine(items: [[]], days: [[]], counted: [true], alphabet: 0, options: PrefixSpanOptions()).isEmpty)
  }
}

@Suite struct EventHistoryTests {
  // One contact, by hand: a call, 70 days of silence, a cumulative incident, then a churned row 40 days later.
  // Tokens: call:+, then gap>60d before the incident, the incident and its incident:cumulative; the episode of
  // 90 days before the rupture starts after the call, so it holds gap>60d (the silence began before it),
  // delivery:-, incident:cumulative and gap>30d (still silent at the rupture).
  @Test func tokensAndEpisodeByHand() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "c"))
    try b.addPerson(Person(id: "d"))
    let g = try b.build()
    let d0 = Day(year: 2026, month: 1, day: 1)!
    var churn = Interaction(date: d0.adding(days: 110), person: 0, channel: "review", points: 0)
    churn.churned = true
    let xs = [Interaction(date: d0, person: 0, channel: "call", points: 1),
              Interaction(date: d0.adding(days: 70), person: 0, channel: "delivery", points: -1, kind: .cumulative),
              churn,
              Interaction(date: d0.adding(days: 10), person: 1, channel: "call", points: 1),
              Interaction(date: d0.adding(days: 100), person: 1, channel: "email", points: 1)]
    let h = g.eventHistory(xs)
    #expect(h.vocabulary == ["call:+", "delivery:-", "review:0", "email:+", "incident:cumulative", "gap>30d", "gap>60d", "gap>90d"])
    #expect(h.contacts.count == 2)
    let c = h.contacts[0]
    #expect(c.rupture == d0.adding(days: 110).daysSinceEpoch && c.cause == .churned)
    #expect(c.tokens.map { h.vocabulary[Int($0)] } == ["call:+", "delivery:-", "incident:cumulative"])
    let (episodes, controls) = h.windows()
    #expect(episodes.count == 1 && controls.count == 1)
    #expect(episodes[0].items.map { h.vocabulary[Int($0)] } == ["gap>60d", "delivery:-", "incident:cumulative", "gap>30d"])
    #expect(episodes[0].days.map { $0 - d0.daysSinceEpoch } == [70, 70, 70, 110])
    // The control: d's window of 90 days ending on the one rupture date, day 110: the email, after 90 days.
    #expect(controls[0].end == c.rupture! && controls[0].items.map { h.vocabulary[Int($0)] } == ["gap>60d", "email:+"])
  }
}

/// The churn sample's person-period table and durations as Tiemap writes them (scripts/history_fixtures.py), with
/// what statsmodels and lifelines compute from them.
enum HistoryFixture {
  static let dir = Fixture.root.appendingPathComponent("Tests/Fixtures/history")
  static func csv(_ name: String) throws -> (header: [String], rows: [[String]]) {
    let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    // Plain fields here, but a pattern name holds no comma: split on commas, with quotes removed.
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\"", with: "") } }
    return (lines[0], Array(lines.dropFirst()))
  }
  static func json(_ name: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name))) as! [String: Any]
  }
}

@Suite struct HazardParityTests {
  static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-6) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

  // IRLS on the person-period table equals statsmodels' Logit (Newton): coefficients, standard errors and the
  // log-likelihood, to 1e-6.
  @Test func logisticFitEqualsStatsmodels() throws {
    let (header, rows) = try HistoryFixture.csv("periods.csv")
    let expected = try HistoryFixture.json("logit.json")
    let features = Array(header.dropFirst(3))
    #expect(features == expected["features"] as! [String])
    let x = rows.flatMap { $0.dropFirst(3).map { Double($0)! } }, y = rows.map { Double($0[2])! }
    let fit = try LogisticRegression.fit(x: x, y: y, features: features.count)
    #expect(fit.converged)
    for (k, (b, se)) in zip(expected["coefficients"] as! [Double], expected["standard_errors"] as! [Double]).enumerated() {
      #expect(Self.close(fit.coefficients[k], b), "\(features[k]): \(fit.coefficients[k]) vs \(b)")
      #expect(Self.close(fit.standardErrors[k], se), "\(features[k]) se: \(fit.standardErrors[k]) vs \(se)")
    }
    #expect(Self.close(fit.logLikelihood, expected["log_likelihood"] as! Double))
  }

  // A constant column next to the intercept is collinear: refused, not a wrong answer.
  @Test func collinearFeaturesAreRefused() {
    #expect(throws: LogisticFitError.singular) {
      try LogisticRegression.fit(x: [1, 1, 1, 1, 1, 1], y: [0, 1, 0], features: 2)
    }
    // Perfect separation has no finite estimate.
    #expect(throws: LogisticFitError.separated) {
      try LogisticRegression.fit(x: [1, 0, 1, 1, 1, 2, 1, 3], y: [0, 0, 1, 1], features: 2)
    }
  }

  // Kaplan–Meier of all relationships and by proximity equals lifelines: times, numbers at risk and events,
  // survival and the 95 % interval.
  @Test func kaplanMeierEqualsLifelines() throws {
    let (_, rows) = try HistoryFixture.csv("durations.csv")
    let curves = try HistoryFixture.json("survival.json")["curves"] as! [[String: Any]]
    for c in curves {
      let segment = c["segment"] as! String
      let part = segment == "all" ? rows : rows.filter { $0[1] == segment }
      let km = KaplanMeier.curve(durations: part.map { Double($0[2])! }, observed: part.map { $0[3] == "1" }, segment: segment)
      #expect(km.times == c["times"] as! [Double], "\(segment) times")
      #expect(km.atRisk == c["at_risk"] as! [Int] && km.events == c["events"] as! [Int], "\(segment) table")
      for (name, mine, theirs) in [("survival", km.survival, c["survival"]), ("lower", km.lower, c["lower"]), ("upper", km.upper, c["upper"])] {
        let t = theirs as! [Double]
        #expect(mine.count == t.count && zip(mine, t).allSatisfy { Self.close($0, $1, 1e-9) }, "\(segment) \(name)")
      }
    }
    #expect(curves.count >= 4)
  }

  // The normal quantile behind the interval.
  @Test func normalQuantile() {
    #expect(abs(KaplanMeier.normalQuantile(0.975) - 1.959963984540054) < 1e-14)
    #expect(abs(KaplanMeier.normalQuantile(0.5)) < 1e-15)
    #expect(abs(KaplanMeier.normalQuantile(0.001) + 3.090232306167813) < 1e-12)
  }
}

@Suite struct AprioriParityTests {
  // Itemsets and rules of the churn sample's contact-months equal efficient-apriori's: the same itemsets with
  // the same counts, the same rules with the same confidence, lift and support.
  @Test func itemsetsAndRulesEqualEfficientApriori() throws {
    let (_, rows) = try HistoryFixture.csv("baskets.csv")
    let names = Array(Set(rows.flatMap { $0[0].split(separator: " ").map(String.init) })).sorted()
    let id = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    let baskets = rows.map { $0[0].split(separator: " ").map { id[String($0)]! }.sorted() }
    let expected = try HistoryFixture.json("apriori.json")
    #expect(baskets.count == expected["transactions"] as! Int)
    let sets = Apriori.itemsets(baskets, minSupport: 0.02, maxLength: 4)
    let want = (expected["itemsets"] as! [[String: Any]]).map { "\(($0["items"] as! [String]).joined(separator: "+")) \($0["count"] as! Int)" }
    #expect(sets.map { "\($0.items.map { names[Int($0)] }.joined(separator: "+")) \($0.count)" }.sorted() == want.sorted())
    let rules = Apriori.rules(sets, transactions: baskets.count, minConfidence: 0.3)
    let wantRules = expected["rules"] as! [[String: Any]]
    #expect(rules.count == wantRules.count)
    for w in wantRules {
      let (l, r) = ((w["lhs"] as! [String]).map { id[$0]! }, (w["rhs"] as! [String]).map { id[$0]! })
      let got = try #require(rules.first { $0.lhs == l && $0.rhs == r }, "rule \(w["lhs"]!) → \(w["rhs"]!)")
      #expect(abs(got.confidence - (w["confidence"] as! Double)) < 1e-12 && abs(got.lift - (w["lift"] as! Double)) < 1e-12
              && abs(got.support - (w["support"] as! Double)) < 1e-12)
    }
  }

  // By hand: {a,b} in 3 of 4 baskets, {a,b,c} in 1; support 0.5 keeps a, b, c? c is in 2 of 4: yes; ab 3, ac 1 (out),
  // bc 2; abc pruned since ac is infrequent. Rules at confidence 0.9: a → b (3/3) and b → a (3/4 = 0.75, out).
  @Test func byHand() {
    let (a, b, c): (Int32, Int32, Int32) = (0, 1, 2)
    let baskets: [[Int32]] = [[a, b], [a, b, c], [a, b], [b, c]]
    let sets = Apriori.itemsets(baskets, minSupport: 0.5)
    #expect(sets.map(\.items) == [[a], [b], [c], [a, b], [b, c]] && sets.map(\.count) == [3, 4, 2, 3, 2])
    let rules = Apriori.rules(sets, transactions: 4, minConfidence: 0.9)
    #expect(rules.map { [$0.lhs, $0.rhs] } == [[[a], [b]], [[c], [b]]])
    #expect(rules.first.map { abs($0.lift - 1) < 1e-12 } == true)
    #expect(Apriori.itemsets([], minSupport: 0.1).isEmpty)
  }
}

extension AprioriParityTests {
  // Contact-months by hand: c0 has email and call in January and a meeting in February; c1 an email in January,
  // email and call in February (the last month: no month after it). At 50 %: call, email, call + email. The trust
  // gain of call + email is c0's balance change from 1 February to 1 March, as tolerance capital computes it.
  @Test func contactMonthsAndTheirTrustGain() throws {
    var b = SocialGraphBuilder()
    try b.addPerson(Person(id: "c0")); try b.addPerson(Person(id: "c1"))
    let g = try b.build()
    func d(_ m: Int, _ day: Int) -> Day { Day(year: 2026, month: m, day: day)! }
    let xs = [Interaction(date: d(1, 5), person: 0, channel: "email", points: 1), Interaction(date: d(1, 20), person: 0, channel: "call", points: 2),
              Interaction(date: d(2, 10), person: 0, channel: "meeting", points: 3), Interaction(date: d(1, 7), person: 1, channel: "email", points: 1),
              Interaction(date: d(2, 3), person: 1, channel: "email", points: 1), Interaction(date: d(2, 28), person: 1, channel: "call", points: 1)]
    var o = AssociationOptions()
    o.minSupport = 0.5
    let a = g.eventHistory(xs).touchpointAssociations(xs, options: o)
    #expect(a.channels == ["call", "email", "meeting"] && a.transactions == 4)
    #expect(a.baskets == [[0, 1], [2], [1], [0, 1]])
    #expect(a.itemsets.map(\.items) == [[0], [1], [0, 1]] && a.itemsets.map(\.count) == [2, 3, 2])
    let before = try #require(g.toleranceCapital(xs, asOf: d(1, 31)).first), after = try #require(g.toleranceCapital(xs, asOf: d(2, 28)).first)
    // Balance at the start of 1 February is the balance of 31 January decayed by one day; likewise for 1 March.
    let m = ToleranceModel()
    func nextDay(_ a: ToleranceAccount, from day: Day) -> Double {
      let last = Double(a.lastContact.daysSinceEpoch), t = Double(day.daysSinceEpoch)
      return m.decay(a.state, days: 1, inactive: m.inactiveDays(from: t, to: t + 1, lastContact: last)).balance
    }
    let gain = nextDay(after, from: d(2, 28)) - nextDay(before, from: d(1, 31))
    #expect(abs(a.trustGain[2]! - gain) < 1e-12)
    #expect(a.trustGain[0] == a.trustGain[2])   // call is only in those two baskets too
  }
}

extension PrefixSpanTests {
  // The risk model's pattern check equals the brute-force containment, with and without a gap limit.
  @Test func windowContainmentEqualsBruteForce() {
    var rng = SplitMix64(seed: 11)
    for round in 0..<300 {
      var items: [Int32] = [], days: [Int32] = [], d: Int32 = 0
      for _ in 0..<Int(rng.next() % 9) { d += Int32(rng.next() % 12); items.append(Int32(rng.next() % 3)); days.append(d) }
      let pattern = (0..<(1 + Int(rng.next() % 3))).map { _ in Int32(rng.next() % 3) }
      let gap: Int32? = round % 2 == 0 ? nil : 8
      let w = SequenceWindow(person: 0, end: d + 1, isEpisode: true, items: items, days: days)
      #expect(EventHistory.contains(pattern, w, maxGap: gap) == Self.contains(pattern, items, days, gap: gap, span: nil), "\(pattern) in \(items) \(days)")
    }
  }
}
