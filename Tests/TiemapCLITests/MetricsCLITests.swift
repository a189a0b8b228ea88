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

  @Test func sameSeedSameBytes() throws {
    let args = ["metrics", "--graph", "../shared/datasets/networkx-classics/karate_club.edges.csv", "--weighted", "--format", "json"]
    let a = try CLI.run(args, cwd: CLI.root), b = try CLI.run(args, cwd: CLI.root)
    #expect(a.status == 0 && a.stdout == b.stdout)
    let j = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as! [String: Any]
    #expect((j["people"] as! [[String: Any]]).count == 34)
    #expect((j["modularity"] as! Double) > 0.35)
  }
}
