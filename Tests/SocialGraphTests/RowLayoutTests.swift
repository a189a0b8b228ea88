// The packed rows of a history and of the ties (Interaction.swift, Tie.swift): every combination of their optional
// fields reads back as written, channels are shared by name, and a row is 32 bytes with no reference to count.
import Testing
@testable import SocialGraph

@Suite struct InteractionTests {
  @Test func fieldsReadBackAsWritten() {
    let day = Day(year: 2026, month: 3, day: 9)!
    for with in [nil, 0, 7, Int32.max] as [NodeIndex?] {
      for kind in [nil, .transient, .cumulative] as [IncidentKind?] {
        for direction in [nil, .inbound, .outbound] as [InteractionDirection?] {
          for churned in [false, true] {
            var x = Interaction(date: day, person: 3, with: with, channel: "support_ticket", points: -1.5, cost: 42,
                                kind: kind, direction: direction)
            x.churned = churned
            #expect(x.with == with && x.kind == kind && x.direction == direction && x.churned == churned)
            #expect(x.channel == "support_ticket" && x.points == -1.5 && x.cost == 42 && x.person == 3 && x.date == day)
            x.channel = "lunch"   // the flags stay
            #expect(x.channel == "lunch" && x.kind == kind && x.direction == direction && x.churned == churned && x.with == with)
          }
        }
      }
    }
  }

  @Test func channelsAreSharedByName() {
    let day = Day(year: 2026, month: 3, day: 9)!
    let a = Interaction(date: day, person: 0, channel: "email", points: 1)
    let b = Interaction(date: day, person: 0, channel: String("e-mail".filter { $0 != "-" }), points: 1)
    let c = Interaction(date: day, person: 0, channel: "call", points: 1)
    #expect(a == b && a.hashValue == b.hashValue && a != c)
    #expect(Channel("email") == a.channelValue && Channel(interning: "call") == c.channelValue)
  }

  @Test func aRowIs32BytesWithoutReferences() {
    #expect(MemoryLayout<Interaction>.size == 32 && MemoryLayout<Interaction>.stride == 32)
    #expect(_isPOD(Interaction.self))
  }
}

@Suite struct TieRowTests {
  @Test func fieldsReadBackAsWritten() {
    for kind in [0, 1, 5, KindIndex.max] as [KindIndex] {
      for directed in [false, true] {
        for since in [nil, Day(year: 1900, month: 1, day: 1)!, Day(year: 2026, month: 12, day: 4)!] as [Day?] {
          for count in [nil, 0, 12, Int32.max] as [Int32?] {
            var t = Tie(source: 4, target: 9, weight: 0.25, kind: kind, isDirected: directed, since: since,
                        lastContact: since.map { $0.adding(days: 3) }, interactions: count)
            #expect(t.kind == kind && t.isDirected == directed && t.since == since && t.interactions == count)
            #expect(t.lastContact == since.map { $0.adding(days: 3) } && t.source == 4 && t.target == 9 && t.weight == 0.25)
            t.isDirected.toggle()
            t.kind = 2
            #expect(t.isDirected != directed && t.kind == 2 && t.since == since && t.interactions == count)
          }
        }
      }
    }
  }

  @Test func aRowIs32BytesWithoutReferences() {
    #expect(MemoryLayout<Tie>.size == 32 && MemoryLayout<Tie>.stride == 32)
    #expect(_isPOD(Tie.self))
  }
}
