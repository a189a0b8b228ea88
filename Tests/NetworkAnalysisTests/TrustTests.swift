// Tolerance capital with the default model, every balance computed by hand in the comments, and the contact
// audit's sums recomputed from the rows.
import Foundation
import Testing
@testable import NetworkAnalysis
import SocialGraph

private func history(_ rows: [(day: Int, person: Int, points: Double, kind: IncidentKind?, channel: String, cost: Double)],
                     people: Int = 3) throws -> (SocialGraph, [Interaction]) {
  var b = SocialGraphBuilder()
  for i in 0..<people { try b.addPerson(Person(id: "c\(i)", account: i < 2 ? "A" : "B")) }
  let g = try b.build()
  let start = Day(iso: "2026-01-01")!
  return (g, rows.map { Interaction(date: start.adding(days: $0.day), person: NodeIndex($0.person), channel: $0.channel,
                                    points: $0.points, cost: $0.cost, kind: $0.kind) })
}

private func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

@Suite struct ToleranceCapitalTests {
  // Defaults: initial 10, cap 100 opening from 30 % over 730 days, gain 2 per point, penalty 3 per point,
  // cumulative share 0.6, dips half-life 30 days, grace 60 days, inactivity half-life 180 days, threshold 0,
  // margin 5, horizon 30 days.
  // Day 0, +2 points: cap(0) = 30, C = 10 + 2·2·(1 − 10/30) = 12.6667.
  // Day 30, −4 points: penalty 12. Transient: D = 12, balance 0.6667 (at risk: below 0 + 5).
  //   Cumulative: C = 12.6667 − 0.6 · 12 = 5.4667, D = 4.8, balance 0.6667 too.
  // At day 60: transient D = 6 → 6.6667 (healthy: projected day 90 D = 3 → 9.67); cumulative D = 2.4 → 3.0667.
  @Test func transientAndCumulativeIncidents() throws {
    let c = 12.0 + 2.0 / 3.0
    for (kind, balance30, balance60, capital) in [(IncidentKind.transient, c - 12, c - 6, c), (.cumulative, c - 12, c - 7.2 - 2.4, c - 7.2)] {
      let (g, xs) = try history([(0, 0, 2, nil, "meeting", 100), (30, 0, -4, kind, "support_ticket", 50)])
      let at30 = g.toleranceCapital(xs)
      #expect(at30.count == 1 && near(at30[0].state.balance, balance30) && at30[0].status == .atRisk, "\(kind)")
      let at60 = g.toleranceCapital(xs, asOf: Day(iso: "2026-03-02")!)   // day 60
      #expect(near(at60[0].state.balance, balance60) && near(at60[0].state.capital, capital), "\(kind)")
      #expect(at60[0].status == (kind == .transient ? .healthy : .atRisk))
      // Trend over 90 days: the relationship began 60 days ago, so from 0.
      #expect(near(at60[0].trend, balance60))
      #expect(at60[0].events.count == 2 && near(at60[0].events[1].change, -12))
    }
  }

  // Inactivity: +2 on day 0 (C = 12.6667), nothing after. The capital holds through the 60-day grace, then halves
  // every 180 days: day 240 → 6.3333 (projected day 270: 12.6667 · 2^(−210/180) = 5.642, healthy);
  // day 300 → 12.6667 · 2^(−240/180) = 5.0268, projected day 330 · 2^(−270/180) = 4.478 < 5: at risk.
  @Test func inactivityDecayAndProjection() throws {
    let (g, xs) = try history([(0, 1, 2, nil, "lunch", 80)])
    let c = 12.0 + 2.0 / 3.0
    let start = Day(iso: "2026-01-01")!
    let d240 = g.toleranceCapital(xs, asOf: start.adding(days: 240))[0]
    #expect(near(d240.state.balance, c / 2) && d240.status == .healthy)
    #expect(near(d240.projected, c * exp2(-210.0 / 180)))
    let d300 = g.toleranceCapital(xs, asOf: start.adding(days: 300))[0]
    #expect(near(d300.state.balance, c * exp2(-240.0 / 180)) && d300.status == .atRisk)
    // The 90-day trend at day 300: the balance at day 210 was c · 2^(−150/180).
    #expect(near(d300.trend, c * exp2(-240.0 / 180) - c * exp2(-150.0 / 180)))
  }

  // A first contact that is an incident of 5 points: C = 10, D = 15, balance −5 < 0: ruptured. A positive
  // touchpoint of 3 at day 365: by then the capital has decayed for 365 − 60 days, C = 10 · 2^(−305/180), the dip is
  // 15 · 2^(−365/30), and the cap has opened to 100 · (0.3 + 0.7 · 365/730) = 65: C += 2 · 3 · (1 − C / 65).
  @Test func ruptureAndTheGrowingCap() throws {
    let (g, xs) = try history([(0, 2, -5, .transient, "delivery_incident", 0), (365, 2, 3, nil, "site_visit", 400)])
    let first = g.toleranceCapital(xs, asOf: Day(iso: "2026-01-01")!)[0]
    #expect(near(first.state.balance, -5) && first.status == .ruptured)
    let later = g.toleranceCapital(xs)[0]
    let decayed = 10 * exp2(-305.0 / 180)
    let capital = decayed + 2 * 3 * (1 - decayed / 65)
    #expect(near(later.state.capital, capital))
    #expect(near(later.state.dip, 15 * exp2(-365.0 / 30)))
    #expect(later.interactions == 2 && later.lastContact == Day(iso: "2027-01-01"))
  }

  // Audit: per channel sums of the rows; ranked by points per cost (the free channel with positive points first).
  @Test func contactAuditSumsAndRanks() throws {
    let rows: [(day: Int, person: Int, points: Double, kind: IncidentKind?, channel: String, cost: Double)] = [
      (0, 0, 2, nil, "meeting", 100), (10, 1, 1, nil, "meeting", 100), (20, 0, -2, .cumulative, "support_ticket", 50),
      (30, 2, 1, nil, "email", 0), (40, 1, 3, nil, "event", 600),
    ]
    let (g, xs) = try history(rows)
    let trust = g.toleranceCapital(xs)
    let audit = g.contactAudit(xs, trust: trust)
    #expect(audit.map(\.channel) == ["email", "meeting", "event", "support_ticket"])   // ∞, 0.015, 0.005, −0.04
    let meeting = audit[1]
    #expect(meeting.interactions == 2 && meeting.people == 2 && meeting.points == 3 && meeting.cost == 200 && meeting.incidents == 0)
    #expect(audit[3].incidents == 1 && near(audit[3].pointsPerCost!, -0.04))
    // Each interaction's trust change belongs to its channel: they add up to the sum of all changes.
    let total = trust.flatMap(\.events).reduce(0) { $0 + $1.change }
    #expect(near(audit.reduce(0) { $0 + $1.trustChange }, total))
    #expect(near(audit[3].trustChange, -6))   // the incident: 3 · 2, 60 % lasting, 40 % dip, all off the balance
  }
}
