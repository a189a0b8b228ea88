// Expected counts come from the READMEs of datasets/, which were verified there with Python and
// match SNAP's published numbers; none is computed by Tiemap.
import Testing
import NetworkAnalysis
@testable import GraphFormats
import SocialGraph

@Suite struct DatasetLoadingTests {
  @Test func emailEuCoreDirected() throws {
    var o = LoadOptions(); o.directed = true
    let g = try InputLoader.loadGraph(Paths.dataset("email-eu-core/email-Eu-core.txt"), options: o).graph
    #expect(g.count == 1005)
    #expect(g.ties.count == 25_571)
    #expect(g.selfLoopCount == 642)
    #expect(g.layer(.edge)!.edgeCount == 25_571 - 642)
    #expect(g.social.edgeCount == 16_064)
    #expect(g.social.invariantViolation() == nil)
    #expect(g.layer(.edge)!.invariantViolation() == nil)
    // Arcs whose reverse is present, self-loops left out: 17,730 (README; rechecked with Python).
    let arcs = g.layer(.edge)!
    var reciprocated = 0
    for e in 0..<arcs.edgeCount where arcs.edge(arcs.edgeTargets[e], arcs.edgeSources[e]) != nil { reciprocated += 1 }
    #expect(reciprocated == 17_730)
  }

  @Test func egoFacebookUndirected() throws {
    let loaded = try InputLoader.loadGraph(Paths.dataset("ego-facebook/facebook_combined.txt"))
    let g = loaded.graph
    #expect(g.count == 4039)
    #expect(g.social.edgeCount == 88_234)
    #expect(g.selfLoopCount == 0)
    #expect(loaded.warnings.isEmpty)
    #expect(g.ids.first == "0" && g.index(of: "4038") != nil)
    #expect(g.social.invariantViolation() == nil)
    #expect(g.social.connectedComponents().count == 1)
  }

  // Each message line is one interaction: 59,835 messages over 20,296 directed pairs, 13,838 undirected pairs.
  @Test func collegeMsgTimestampsBecomeInteractionCounts() throws {
    var o = LoadOptions(); o.directed = true; o.thirdColumn = .timestamp
    let g = try InputLoader.loadGraph(Paths.dataset("college-msg/CollegeMsg.txt"), options: o).graph
    #expect(g.count == 1899)
    #expect(g.ties.count == 20_296)
    #expect(g.ties.reduce(0) { $0 + Int($1.interactions!) } == 59_835)
    #expect(g.ties.reduce(0.0) { $0 + $1.weight } == 59_835)
    #expect(g.social.edgeCount == 13_838)
    #expect(g.ties.compactMap(\.since).min()!.description == "2004-04-15")
    #expect(g.ties.compactMap(\.lastContact).max()!.description == "2004-10-26")
  }

  // Krackhardt's lists hold every ordered pair with a 0/1 value: 0 is an error unless skipped on request.
  @Test func krackhardtAdjacencyLists() throws {
    let path = Paths.dataset("krackhardt-hightech/Krack-High-Tec-edgelist-Advice.txt")
    var o = LoadOptions(); o.directed = true
    let e = #expect(throws: InputError.self) { try InputLoader.loadGraph(path, options: o) }
    #expect(e?.description == "\(path):1: weight \"0\" must be greater than 0")
    o.skipZeroWeights = true
    let loaded = try InputLoader.loadGraph(path, options: o)
    #expect(loaded.graph.count == 21)
    #expect(loaded.graph.layer(.edge)!.edgeCount == 190)
    #expect(loaded.warnings.map(\.message) == ["skipped 251 lines with weight 0 (--skip-zero-weights)"])
  }

  @Test func karateCSVWithHeaderAndWeights() throws {
    let g = try InputLoader.loadGraph(Paths.dataset("networkx-classics/karate_club.edges.csv")).graph
    #expect(g.count == 34)
    #expect(g.social.edgeCount == 78)
    #expect(g.social.edgeWeights.reduce(0, +) == 231)
  }

  @Test func lesMiserablesStringIds() throws {
    let g = try InputLoader.loadGraph(Paths.dataset("networkx-classics/les_miserables.edges.csv")).graph
    #expect(g.count == 77)
    #expect(g.social.edgeCount == 254)
    #expect(g.social.edgeWeights.reduce(0, +) == 820)
    #expect(g.index(of: "Valjean") != nil)
  }

  @Test func slashdotGzipAndCRLF() throws {
    var o = LoadOptions(); o.directed = true
    let loaded = try InputLoader.loadGraph(Paths.dataset("soc-slashdot0902/soc-Slashdot0902.txt.gz"), options: o)
    let g = loaded.graph
    #expect(g.count == 82_168)
    #expect(g.ties.count == 948_464)
    #expect(g.selfLoopCount == 78_303)
    #expect(g.social.edgeCount == 504_230)
    #expect(g.layer(.edge)!.edgeCount == 948_464 - 78_303)
  }

  @Test func headerlessCSVEdgeList() throws {
    let s = Scratch()
    let p = s.write("g.csv", "a,b,2\nb,c,0.5\nc,a,1\n")
    let g = try InputLoader.loadGraph(p).graph
    #expect(Array(g.ids) == ["a", "b", "c"])
    #expect(g.social.edgeWeights.reduce(0, +) == 3.5)
    let bad = s.write("bad.csv", "a,b,2\nb,c,oops\n")
    let e = #expect(throws: InputError.self) { try InputLoader.loadGraph(bad) }
    #expect(e?.description == "\(bad):2: weight \"oops\" is not a number")
  }

  // Canonical numbers take the interner's direct-array path, other spellings the hash table: "7" and "007",
  // "0" and "00" are different people, and order of first appearance holds across both paths.
  @Test func numericAndTextIdsStayDistinct() throws {
    let s = Scratch()
    let p = s.write("g.txt", "7 007\n007 0\n00 7\nx 4194304\n4194303 7\n")
    let g = try InputLoader.loadGraph(p).graph
    #expect(Array(g.ids) == ["7", "007", "0", "00", "x", "4194304", "4194303"])
    #expect(g.social.edgeCount == 5)
  }

  @Test func corruptGzip() {
    let s = Scratch()
    let p = s.write("g.txt.gz", [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xff, 0xff])
    let e = #expect(throws: InputError.self) { try InputLoader.loadGraph(p) }
    #expect(e?.description.hasPrefix("\(p): corrupt gzip data") == true)
  }
}
