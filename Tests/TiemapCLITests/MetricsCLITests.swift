// `tiemap metrics` end to end: DESIGN.md fixes the CSV columns and their order; values are checked against
// NetworkX in NetworkAnalysisTests, so here we check shape, order, undefined cells and determinism.
import Foundation
import Testing

@Suite struct MetricsCLITests {
  static let design = "id,degree,strength,closeness,harmonic,betweenness,eigenvector,pagerank,clustering,core,constraint,effective_size,efficiency,hierarchy,community,influence"

  @Test func csvHasDesignColumnsOneRowPerPersonInInputOrder() throws {
    let s = try SampleFiles()
    let r = try CLI.run(["metrics", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                         "--format", "csv"], cwd: CLI.root)
    #expect(r.status == 0 && r.stderr == "")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == Self.design)
    #expect(lines.dropFirst().map { String($0.split(separator: ",")[0]) } == s.contacts.map { $0["id"]! })
  }

  // p─q─r plus an isolated s: r and p have one contact, so hierarchy is empty; s has no ties, so constraint,
  // effective size, efficiency and hierarchy are empty too.
  @Test func undefinedValuesAreEmptyCells() throws {
    let ws = Workspace(files: ["c.csv": Array("id\np\nq\nr\ns\n".utf8), "t.csv": Array("source,target\np,q\nq,r\n".utf8)])
    let r = try CLI.run(["metrics", "--contacts", "c.csv", "--ties", "t.csv", "--measures", "degree,constraint,hierarchy",
                         "--format", "csv"], cwd: ws.dir)
    #expect(r.stdout == "id,degree,constraint,hierarchy\np,1,1,\nq,2,0.5,0\nr,1,1,\ns,0,,\n")
  }

  // --with-fields: the contact fields after id, values escaped for spreadsheets; the measures unchanged.
  @Test func contactFieldsGoAfterTheId() throws {
    let ws = Workspace(files: ["c.csv": Array("id,name,account,role\np,\"Ann, Jr\",Acme,decision_maker\nq,=HYPERLINK(1),Acme,\nr,,Beta,\n".utf8),
                               "t.csv": Array("source,target\np,q\nq,r\n".utf8)])
    let r = try CLI.run(["metrics", "--contacts", "c.csv", "--ties", "t.csv", "--measures", "degree", "--with-fields", "name,account,role",
                         "--format", "csv"], cwd: ws.dir)
    #expect(r.status == 0)
    #expect(r.stdout == "id,name,account,role,degree\np,\"Ann, Jr\",Acme,decision_maker,1\nq,'=HYPERLINK(1),Acme,,2\nr,,Beta,,1\n")
    let plain = try CLI.run(["metrics", "--contacts", "c.csv", "--ties", "t.csv", "--measures", "degree", "--format", "csv"], cwd: ws.dir)
    #expect(plain.stdout == "id,degree\np,1\nq,2\nr,1\n", "without it, DESIGN's columns")
  }

  // --kind advice: the directed columns (values are checked against NetworkX in DirectedParityTests).
  @Test func directedLayerHasDirectedColumns() throws {
    let base = ["metrics", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv"]
    let r = try CLI.run(base + ["--kind", "advice", "--format", "csv"], cwd: CLI.root)
    #expect(r.status == 0 && r.stderr == "")
    #expect(r.stdout.hasPrefix("id,in_degree,out_degree,in_strength,out_strength,closeness,harmonic,betweenness,pagerank,hub,authority,constraint,effective_size,efficiency,hierarchy\n"))
    #expect(r.stdout.split(separator: "\n").count == 152)
    let json = try CLI.run(base + ["--kind", "advice", "--format", "json", "--measures", "hub"], cwd: CLI.root)
    let j = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect(j["kind"] as? String == "advice" && j["directed"] as? Bool == true)
    let hubs = (j["people"] as! [[String: Any]]).map { ($0["hub"] as! NSNumber).doubleValue }
    #expect(abs(hubs.reduce(0, +) - 1) < 1e-9)
    let wrong = try CLI.run(base + ["--kind", "advice", "--measures", "eigenvector"], cwd: CLI.root)
    #expect(wrong.status == 1 && wrong.stderr.contains("'eigenvector' is computed on undirected views; the 'advice' ties are directed"))
    #expect(!wrong.stderr.contains("Usage"))
    let noHub = try CLI.run(base + ["--measures", "hub"], cwd: CLI.root)
    #expect(noHub.status == 1 && noHub.stderr.contains("'hub' needs a directed view such as --kind advice"))
    let noKind = try CLI.run(base + ["--kind", "gossip"], cwd: CLI.root)
    #expect(noKind.status == 1 && noKind.stderr.contains("No ties of kind 'gossip'. Kinds here: collaboration, reports_to, advice, friendship, relationship."))
  }

  // `--graph FILE --directed` measures the directed layer, as `--kind edge` does: the digraph
  // {0→1, 0→2, 1→0, 2→1} has Burt's directed constraint 325/324, 325/324, 25/18 (NetworkX 1.003, 1.003, 1.389) and
  // effective size 7/6, 7/6, 1; without --directed the same file is one undirected triangle.
  @Test func directedGraphFileGivesDirectedColumns() throws {
    let ws = Workspace(files: ["g.txt": Array("0 1\n0 2\n1 0\n2 1\n".utf8)])
    let r = try CLI.run(["metrics", "--graph", "g.txt", "--directed", "--measures", "in_degree,constraint,effective_size", "--format", "csv"], cwd: ws.dir)
    #expect(r.status == 0)
    let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.first == ["id", "in_degree", "constraint", "effective_size"])
    let values = rows.dropFirst().map { $0.dropFirst().map { Double($0)! } }
    let want: [[Double]] = [[1, 325.0 / 324, 7.0 / 6], [2, 325.0 / 324, 7.0 / 6], [1, 25.0 / 18, 1]]
    #expect(values.count == 3)
    for (got, w) in zip(values, want) { for (a, b) in zip(got, w) { #expect(abs(a - b) < 1e-12) } }
    let same = try CLI.run(["metrics", "--graph", "g.txt", "--kind", "edge", "--directed", "--measures", "in_degree,constraint,effective_size", "--format", "csv"], cwd: ws.dir)
    #expect(same.stdout == r.stdout)
    let undirected = try CLI.run(["metrics", "--graph", "g.txt", "--measures", "degree,constraint", "--format", "csv"], cwd: ws.dir)
    #expect(undirected.stdout == "id,degree,constraint\n0,2,1.125\n1,2,1.125\n2,2,1.125\n")
  }

  @Test func sampledBetweennessIsSeededAndExactWithEverySource() throws {
    let base = ["metrics", "--graph", "datasets/networkx-classics/les_miserables.edges.csv", "--measures", "betweenness",
                "--format", "csv"]
    let exact = try CLI.run(base, cwd: CLI.root)
    let all = try CLI.run(base + ["--betweenness-samples", "77"], cwd: CLI.root)
    #expect(exact.status == 0 && all.stdout == exact.stdout)
    let a = try CLI.run(base + ["--betweenness-samples", "20", "--seed", "5"], cwd: CLI.root)
    let b = try CLI.run(base + ["--betweenness-samples", "20", "--seed", "5"], cwd: CLI.root)
    let c = try CLI.run(base + ["--betweenness-samples", "20", "--seed", "6"], cwd: CLI.root)
    #expect(a.stdout == b.stdout && a.stdout != c.stdout && a.stdout != exact.stdout)
    let zero = try CLI.run(base + ["--betweenness-samples", "0"], cwd: CLI.root)
    #expect(zero.status == 1 && zero.stderr.contains("--betweenness-samples must be at least 1."))
  }

  // The terminal table puts the most influential first; CSV keeps input order.
  @Test func terminalTableIsSortedByInfluence() throws {
    let base = ["metrics", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv", "--measures", "influence"]
    let csv = try CLI.run(base + ["--format", "csv"], cwd: CLI.root)
    let scores = csv.stdout.split(separator: "\n").dropFirst().map { l in
      let f = l.split(separator: ","); return (String(f[0]), Double(f[1])!)
    }
    let best = scores.max { $0.1 < $1.1 }!
    let table = try CLI.run(base + ["--format", "table"], cwd: CLI.root)
    let firstRow = table.stdout.split(separator: "\n")[2]
    #expect(firstRow.hasPrefix(best.0 + " "))
    #expect(table.stdout.contains("… 91 more rows (use --format csv or -o for all)"))
  }

  @Test func sameSeedSameBytes() throws {
    let args = ["metrics", "--graph", "datasets/networkx-classics/karate_club.edges.csv", "--weighted", "--format", "json"]
    let a = try CLI.run(args, cwd: CLI.root), b = try CLI.run(args, cwd: CLI.root)
    #expect(a.status == 0 && a.stdout == b.stdout)
    let j = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as! [String: Any]
    #expect((j["people"] as! [[String: Any]]).count == 34)
    #expect((j["modularity"] as! Double) > 0.35)
  }
}

@Suite struct TiesCLITests {
  @Test func csvHasDesignColumnsOneRowPerConnectedPair() throws {
    let r = try CLI.run(["ties", "--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                         "--interactions", "datasets/sample/interactions.csv", "--format", "csv"], cwd: CLI.root)
    #expect(r.status == 0 && r.stderr == "")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first == "source,target,weight,strength,class,embeddedness,overlap,bridge,local_bridge,span")
    let info = try CLI.run(SampleFiles.args + ["--format", "json"], cwd: CLI.root)
    let pairs = (try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any])["social_pairs"] as! Int
    #expect(lines.count - 1 == pairs)
    // span is set exactly for local bridges; class is strong or weak.
    for l in lines.dropFirst() {
      let f = l.split(separator: ",", omittingEmptySubsequences: false)
      #expect(f[4] == "strong" || f[4] == "weak")
      #expect((f[8] == "true") == !f[9].isEmpty)
      #expect((f[8] == "true") == (f[5] == "0"))
    }
  }

  // a–b–c path plus the triangle c–d–e: a–b and b–c are bridges (span inf), the triangle's ties are not.
  @Test func bridgesAndPerPerson() throws {
    let ws = Workspace(files: ["g.csv": Array("source,target\na,b\nb,c\nc,d\nd,e\ne,c\n".utf8)])
    let r = try CLI.run(["ties", "--graph", "g.csv", "--format", "csv"], cwd: ws.dir)
    let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let bridge = Dictionary(uniqueKeysWithValues: rows.map { ("\($0[0])-\($0[1])", ($0[7], $0[9])) })
    #expect(bridge["a-b"]! == ("true", "inf") && bridge["b-c"]! == ("true", "inf"))
    #expect(bridge["c-d"]! == ("false", "") && bridge["d-e"]! == ("false", ""))
    let people = try CLI.run(["ties", "--graph", "g.csv", "--per-person", "--format", "csv"], cwd: ws.dir)
    #expect(people.stdout.hasPrefix("id,strong_ties,weak_ties,stc_violations\n"))
    #expect(people.stdout.split(separator: "\n").count == 6)
    let bad = try CLI.run(["ties", "--graph", "g.csv", "--strength-weights", "loudness=1"], cwd: ws.dir)
    #expect(bad.status == 1 && bad.stderr.contains("'loudness=1' is not dimension=weight"))
  }
}

@Suite struct BrokersCLITests {
  // The hand-drawn case of BrokerageTests plus e (sales): v's open two-paths are a→v→b gatekeeper, a→v→d liaison,
  // c→v→d and c→v→e representative, a→v→e itinerant (a and e both sales); c→v→b is closed by c→b.
  static let files: [String: [UInt8]] = [
    "c.csv": Array("id,department\na,sales\nv,ops\nb,ops\nc,ops\nd,it\ne,sales\n".utf8),
    "t.csv": Array("source,target,kind\na,v,advice\nv,b,advice\nc,v,advice\nv,d,advice\nc,b,advice\nv,e,advice\n".utf8),
    "g.txt": Array("a sales\nv ops\nb ops\nc ops\nd it\ne sales\n".utf8),
  ]

  @Test func rolesOnTheAdviceLayerByColumnAndByFile() throws {
    let ws = Workspace(files: Self.files)
    let want = """
      id,group,coordinator,itinerant,gatekeeper,representative,liaison,total
      a,sales,0,0,0,0,0,0
      v,ops,0,1,1,2,1,5
      b,ops,0,0,0,0,0,0
      c,ops,0,0,0,0,0,0
      d,it,0,0,0,0,0,0
      e,sales,0,0,0,0,0,0

      """
    let byColumn = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv", "--group-by", "department",
                                "--kind", "advice", "--format", "csv"], cwd: ws.dir)
    #expect(byColumn.status == 0 && byColumn.stderr == "")
    #expect(byColumn.stdout == want)
    let byFile = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv", "--groups", "g.txt",
                              "--kind", "advice", "--format", "csv"], cwd: ws.dir)
    #expect(byFile.stdout == want)
  }

  @Test func weakTieBrokersAndErrors() throws {
    let ws = Workspace(files: Self.files)
    // Every tie has weight 1 and no history, so every tie is weak; v's ties reach sales and it (2 other groups).
    let r = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv", "--group-by", "department", "--weak-ties",
                         "--format", "csv"], cwd: ws.dir)
    #expect(r.status == 0)
    let rows = r.stdout.split(separator: "\n").map(String.init)
    #expect(rows.first == "id,name,group,weak_bridging_ties,groups_reached,local_bridges")
    #expect(rows.dropFirst().first?.hasPrefix("v,,ops,") == true)
    let noKind = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv", "--group-by", "department", "--kind", "gossip"], cwd: ws.dir)
    #expect(noKind.status == 1 && noKind.stderr.contains("No ties of kind 'gossip'. Kinds here: advice"))
    let noColumn = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv", "--group-by", "shoe_size"], cwd: ws.dir)
    #expect(noColumn.status == 1 && noColumn.stderr.contains("no column \"shoe_size\""))
    let neither = try CLI.run(["brokers", "--contacts", "c.csv", "--ties", "t.csv"], cwd: ws.dir)
    #expect(neither.status != 0 && neither.stderr.contains("Give either --group-by COLUMN or --groups FILE."))
  }
}
