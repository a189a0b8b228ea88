// No input may crash the program: seeded random mutations of valid files go through every reader, which must
// either load them or throw an InputError (a trap would end the test process and fail the run).
import Testing
import NetworkAnalysis
@testable import GraphFormats
import SocialGraph

@Suite struct FuzzTests {
  static let seeds: [[UInt8]] = [
    Array("id,name,title,account,department,reports_to,role,proximity,influence,interest,owner,internal\nT1,Tess,AE,,Sales,,,,,,,true\na,\"Ann, \"\"A\"\"\",CEO,Acme,Exec,,decision_maker,P1,5,4,T1,false\nb,Bo,CFO,Acme,Fin,a,influencer,2,3,2,T1,no\nc,Cy,Dev,Acme,IT,b,end_user,P4,1,5,,\n".utf8),
    Array("source,target,weight,kind,directed,since,last_contact,interactions,note\na,b,0.5,advice,true,2024-01-01,2025-01-01,3,x\nb,c,1,friendship,,,,,\"y\nz\"\nT1,a,0.9,relationship,false,2020-02-02,,,\n".utf8),
    Array("# comment\n1 2 0.5\n2 3\n3\t1 2\r\n% other\n4 4\n".utf8),
  ]
  static let interesting: [[UInt8]] = [
    [0x22], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], Array("nan".utf8), Array("-1".utf8),
    Array("1e400".utf8), Array("P9".utf8), Array("9223372036854775808".utf8), Array("-9223372036854775808".utf8),
    Array("2024-02-30".utf8), [0x00], Array("\"\"".utf8), Array("#".utf8), Array(" ".utf8), Array("\t".utf8),
  ]

  func mutate(_ base: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var b = base
    for _ in 0..<(1 + Int(rng.next() % 4)) {
      let pos = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
      switch rng.next() % 5 {
      case 0: if !b.isEmpty { b.remove(at: pos) }
      case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: pos)
      case 2: b.insert(contentsOf: Self.interesting[Int(rng.next() % UInt64(Self.interesting.count))], at: pos)
      case 3: if !b.isEmpty { b[pos] = UInt8(truncatingIfNeeded: rng.next()) }
      default: b = Array(b.prefix(pos))
      }
    }
    return b
  }

  @Test func mutatedInputsNeverCrash() throws {
    var rng = SplitMix64(seed: 42)
    var loaded = 0, rejected = 0
    let s = Scratch()
    for i in 0..<600 {
      let contacts = s.write("c.csv", mutate(Self.seeds[0], &rng))
      let ties = s.write("t.csv", mutate(Self.seeds[1], &rng))
      let interactions = s.write("i.csv", mutate(Array("date,person,with,channel,points,cost,kind\n2025-01-01,a,T1,call,1,40,\n2025-02-01,b,,support,-3,0,cumulative\n".utf8), &rng))
      var o = LoadOptions(); o.allowUnknown = i % 2 == 0
      do {
        let r = try InputLoader.loadAccount(contacts: contacts, ties: ties, interactions: interactions, options: o)
        #expect(r.graph.social.invariantViolation() == nil)
        _ = r.graph.summary(interactions: r.interactions, communities: (weighted: i % 2 == 0, seed: UInt64(i)))
        loaded += 1
      } catch is InputError { rejected += 1 }
      let edges = s.write(i % 3 == 0 ? "g.csv" : "g.txt", mutate(i % 3 == 0 ? Self.seeds[1] : Self.seeds[2], &rng))
      var g = LoadOptions(); g.directed = i % 2 == 1
      g.thirdColumn = [.weight, .ignore, .timestamp][i % 3]
      do {
        let r = try InputLoader.loadGraph(edges, options: g)
        #expect(r.graph.social.invariantViolation() == nil)
        loaded += 1
      } catch is InputError { rejected += 1 }
    }
    #expect(loaded > 50 && rejected > 50)   // both paths exercised
  }

  @Test func extremeNumbersFormat() {
    #expect(Day(unixSeconds: Int64.min).daysSinceEpoch == Int32.min)
    #expect(Day(unixSeconds: -86_400).description == "1969-12-31")
    #expect(Day(unixSeconds: -86_401).description == "1969-12-30")
    #expect(Cell.fixed(1e300, digits: 0) == "1e+300")
    #expect(Cell.number(.nan).displayText == "nan")
  }
}
