// Snapshot diff on two hand-made snapshots covering every kind of change; derived proximity bands; NPS and CRV
// computed by hand in the comments.
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

private func snapshot(_ people: [Person], _ ties: [(String, String, TieKind, Double, Bool)]) throws -> SocialGraph {
  var b = SocialGraphBuilder()
  for p in people { try b.addPerson(p) }
  for (s, t, k, w, d) in ties {
    try b.addTie(Tie(source: b.index(of: s)!, target: b.index(of: t)!, weight: w, kind: b.kindIndex(for: k), isDirected: d))
  }
  return try b.build()
}

@Suite struct SnapshotDiffTests {
  //  Old: ceo (decision maker, P2), cfo (decision maker, P4, reports to ceo), ana (influencer, P3, reports to cfo),
  //       leo (end user, reports to ana), our t1. Ties: t1–ceo relationship 0.8, ana→cfo advice 0.5, leo–ana
  //       friendship 0.6, t1–leo relationship 0.3.
  //  New: leo left; max arrived (reports to ana); ana's title, role (→ decision maker), manager (→ ceo), proximity
  //       (P3 → P1), influence, interest, department, owner and name changed; cfo's account changed (moves to
  //       another account); ties: t1–ana relationship 0.9 gained, leo's two ties lost, t1–ceo re-weighted
  //       0.8 → 0.7, ana→cfo advice kept.
  //  Coverage, Acme: old circuit {ceo, cfo, ana} with ceo covered → 1/3; new {ceo, ana} (cfo moved) with both
  //  covered → 2/2. Holdco: new circuit {cfo}, uncovered → 0/1.
  @Test func everyKindOfChange() throws {
    let old = try snapshot([
      Person(id: "ceo", name: "Ceo", title: "CEO", account: "Acme", role: .decisionMaker, proximity: .p2, influence: 5),
      Person(id: "cfo", name: "Cfo", title: "CFO", account: "Acme", reportsTo: "ceo", role: .decisionMaker, proximity: .p4, influence: 5),
      Person(id: "ana", name: "Ana", title: "Analyst", account: "Acme", department: "Finance", reportsTo: "cfo",
             role: .influencer, proximity: .p3, influence: 2, interest: 3, owner: "t1"),
      Person(id: "leo", name: "Leo", account: "Acme", reportsTo: "ana", role: .endUser),
      Person(id: "t1", name: "Tess", isInternal: true),
    ], [("t1", "ceo", .relationship, 0.8, false), ("ana", "cfo", .advice, 0.5, true), ("leo", "ana", .friendship, 0.6, false),
        ("t1", "leo", .relationship, 0.3, false)])
    let new = try snapshot([
      Person(id: "ceo", name: "Ceo", title: "CEO", account: "Acme", role: .decisionMaker, proximity: .p2, influence: 5),
      Person(id: "cfo", name: "Cfo", title: "CFO", account: "Holdco", reportsTo: "ceo", role: .decisionMaker, proximity: .p4, influence: 5),
      Person(id: "ana", name: "Ana B.", title: "Head of FP&A", account: "Acme", department: "Strategy", reportsTo: "ceo",
             role: .decisionMaker, proximity: .p1, influence: 4, interest: 5, owner: nil),
      Person(id: "t1", name: "Tess", isInternal: true),
      Person(id: "max", name: "Max", account: "Acme", reportsTo: "ana", role: .endUser),
    ], [("t1", "ceo", .relationship, 0.7, false), ("ana", "cfo", .advice, 0.5, true), ("t1", "ana", .relationship, 0.9, false)])
    let d = old.diff(to: new)
    #expect(d.arrived == ["max"] && d.left == ["leo"])
    let ana = d.changes.filter { $0.id == "ana" }
    #expect(ana.map(\.field) == ["name", "title", "department", "reports_to", "role", "proximity", "influence", "interest", "owner"])
    #expect(ana.first { $0.field == "reports_to" }.map { ($0.old, $0.new) } ?? (nil, nil) == ("cfo", "ceo"))
    #expect(ana.first { $0.field == "proximity" }.map { ($0.old, $0.new) } ?? (nil, nil) == ("P3", "P1"))
    #expect(ana.first { $0.field == "owner" }.map { ($0.old, $0.new) } ?? (nil, nil) == ("t1", nil))
    #expect(d.changes.filter { $0.id == "cfo" }.map(\.field) == ["account"])
    #expect(d.changes.count == 10)
    #expect(d.tiesGained == [.init(source: "ana", target: "t1", kind: "relationship", oldWeight: nil, newWeight: 0.9)])
    #expect(Set(d.tiesLost.map { "\($0.kind) \($0.source) \($0.target)" }) == ["friendship ana leo", "relationship leo t1"])
    #expect(d.tiesReweighted == [.init(source: "ceo", target: "t1", kind: "relationship", oldWeight: 0.8, newWeight: 0.7)])
    let acme = try #require(d.coverage.first { $0.account == "Acme" })
    #expect((acme.oldCovered, acme.oldCircuit, acme.newCovered, acme.newCircuit) == (1, 3, 2, 2))
    #expect(acme.oldProximity == [0, 1, 1, 1, 1] && acme.newProximity == [1, 1, 0, 0, 1])
    let holdco = try #require(d.coverage.first { $0.account == "Holdco" })
    #expect((holdco.oldCircuit, holdco.newCovered, holdco.newCircuit) == (0, 0, 1))
    #expect(old.diff(to: old).isEmpty)
  }
}

@Suite struct ProximityAndReferralTests {
  //  t1 — a: relationship 0.9 (strength: intensity only, the only dimension that varies… with one more tie for the
  //  variation, t1 — b relationship 0.5, b — c friendship 0.2): with a single varying dimension, intensity, the
  //  strength is the weight itself. a: 0.9 ≥ 0.7 → P1; b: 0.5 → P2; c: no tie to us, 1 interaction → P3; d: nothing → P4.
  @Test func derivedProximityBands() throws {
    let g = try snapshot([Person(id: "t1", isInternal: true), Person(id: "a"), Person(id: "b"), Person(id: "c"),
                          Person(id: "d", proximity: .p2)],
                         [("t1", "a", .relationship, 0.9, false), ("t1", "b", .relationship, 0.5, false), ("b", "c", .relationship, 0.2, false)])
    let strength = g.tieMeasures().strengths.strength
    let history = [Interaction(date: Day(iso: "2026-01-01")!, person: 3, channel: "call", points: 1)]
    let (levels, derived) = g.effectiveProximity(strength: strength, interactions: history)
    #expect(levels == [nil, .p1, .p2, .p3, .p2])   // d keeps its declared P2
    #expect(derived.map(\.person) == [1, 2, 3] && derived[0].teamMember == 0 && derived[2].strength == nil && derived[2].interactions == 1)
    #expect(g.effectiveProximity(strength: strength, interactions: []).levels[3] == .p4)
    #expect(g.effectiveProximity(strength: strength, interactions: [], derive: false).levels == [nil, nil, nil, nil, .p2])
  }

  //  Answers: a 10 then 6 (latest 6: detractor), b 9 (promoter), c 7 (passive), d 3 (detractor), e 10 in account Y,
  //  t1 (our team) 10 is left out. X: 1 promoter, 1 passive, 2 detractors → NPS (1 − 2) / 4 = −25. Y: +100.
  //  Overall: 2 promoters, 1 passive, 2 detractors → 0.
  @Test func netPromoterScore() throws {
    let g = try snapshot([Person(id: "a", account: "X", role: .influencer), Person(id: "b", account: "X", role: .endUser),
                          Person(id: "c", account: "X", role: .endUser), Person(id: "d", account: "X"),
                          Person(id: "e", account: "Y"), Person(id: "t1", isInternal: true)], [])
    let day = { (s: String) in Day(iso: s)! }
    let answers = [SurveyResponse(person: 0, score: 6, date: day("2026-06-01")), SurveyResponse(person: 0, score: 10, date: day("2025-06-01")),
                   SurveyResponse(person: 1, score: 9), SurveyResponse(person: 2, score: 7), SurveyResponse(person: 3, score: 3),
                   SurveyResponse(person: 4, score: 10), SurveyResponse(person: 5, score: 10)]
    let r = g.netPromoterScores(answers) { $0.role?.rawValue }
    #expect(r.overall.score == 0 && r.overall.responses == 5)
    #expect(r.accounts.map(\.name) == ["X", "Y"])
    #expect(r.accounts[0].nps.score == -25 && r.accounts[1].nps.score == 100)
    #expect(r.accounts[0].segments.map(\.name) == ["end_user", "influencer", "unknown"])
    #expect(r.accounts[0].segments[0].nps.score == 50 && r.accounts[0].segments[1].nps.score == -100)   // b, c: (1 − 0) / 2
    #expect(r.latestScore == [6, 9, 7, 3, 10, nil])
  }

  //  CRV at r = 10 %: a referred two customers: 12,000 − 2,000 in period 1 → 10,000 / 1.1 = 9,090.91, and 5,000 in
  //  period 2 → 5,000 / 1.21 = 4,132.23; CRV 13,223.14. b, by dates: 2024-03-01 is the earliest (period 1), and
  //  2025-06-01 is 457 days later → period 2: 1,100 / 1.1 + 2,420 / 1.21 = 1,000 + 2,000 = 3,000.
  @Test func customerReferralValue() throws {
    let g = try snapshot([Person(id: "a"), Person(id: "b"), Person(id: "c")], [])
    let refs = [Referral(referrer: 0, referred: "Acme", value: 12_000, cost: 2_000, period: 1),
                Referral(referrer: 1, referred: "Beta", value: 1_100, date: Day(iso: "2024-03-01")),
                Referral(referrer: 0, referred: "Gamma", value: 5_000, period: 2),
                Referral(referrer: 1, referred: "Delta", value: 2_420, date: Day(iso: "2025-06-01"))]
    let v = g.customerReferralValue(refs, discountRate: 0.1)
    #expect(v.rows.map(\.person) == [0, 1] && v.rows.map(\.referrals) == [2, 2])
    #expect(abs(v.rows[0].crv - (10_000 / 1.1 + 5_000 / 1.21)) < 1e-9 && v.rows[0].netValue == 15_000)
    #expect(abs(v.rows[1].crv - 3_000) < 1e-9)
    #expect(v.crv(count: 3) == [v.rows[0].crv, v.rows[1].crv, 0])
    // Prescribers: a (no answer, CRV 13,223), b (answer 9, CRV 3,000), c (answer 10, no referral); reach 1, 5, 3.
    let list = g.expertPrescribers(latestScore: [nil, 9, 10], crv: v.crv(count: 3), reach: [1, 5, 3])
    // percentile ranks among {a, b, c}: CRV a 1, b 0.5, c 0 (and c's 0 adds nothing); reach a 0, b 1, c 0.5.
    // a: 0.3 · 1 = 0.3; b: 0.4 · 0.9 + 0.3 · 0.5 + 0.3 · 1 = 0.81; c: 0.4 · 1 + 0.3 · 0.5 = 0.55.
    #expect(list.map(\.person) == [1, 2, 0])
    #expect(abs(list[0].prescriberScore - 0.81) < 1e-12 && abs(list[1].prescriberScore - 0.55) < 1e-12 && abs(list[2].prescriberScore - 0.3) < 1e-12)
  }
}
