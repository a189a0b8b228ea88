import Foundation
import Testing

/// Directed and doubled input read as users mean it (issue 15, points 3–5): densities by layer, spans in ties,
/// undefined overlap left empty, and SNAP lists that give every undirected tie twice.
@Suite struct DirectedInputTests {
  static let krackhardt = "datasets/krackhardt-hightech/Krack-High-Tec-edgelist-Advice.txt"

  // Krackhardt's advice network: 190 arcs among 21 managers, published density 190 / 420 = 0.452; its social
  // view (a reciprocated pair once) has 145 pairs of 210, 0.6905.
  @Test func infoGivesTheDirectedDensityOfADirectedLayer() throws {
    let args = ["info", "--graph", Self.krackhardt, "--directed", "--skip-zero-weights", "--no-communities"]
    let csv = try CLI.run(args + ["--format", "csv"], cwd: CLI.root)
    #expect(csv.status == 0)
    #expect(csv.stdout.contains("\ndirection,edge,directed\n"))
    #expect(csv.stdout.contains("\ndensity,edge,\(190.0 / 420)\n"))
    #expect(csv.stdout.contains("\nnetwork,density,\(145.0 / 210)\n"))
    let table = try CLI.run(args + ["--format", "table"], cwd: CLI.root)
    #expect(table.stdout.contains("density 0.6905 (social view, undirected)"))
    #expect(table.stdout.contains("directed") && table.stdout.contains("0.4524"))
    let json = try CLI.run(args + ["--format", "json"], cwd: CLI.root)
    let j = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let kind = ((j["ties"] as! [String: Any])["by_kind"] as! [[String: Any]])[0]
    #expect(kind["kind"] as? String == "edge" && kind["directed"] as? Bool == true)
    #expect(abs((kind["density"] as! Double) - 190.0 / 420) < 1e-15)
  }

  // a–b–c–d–a is a square with a chord-free cycle, so every tie is a local bridge of span 3 (ties), whatever the
  // weights; e–f is a pair with no other contact: overlap 0/0, an empty cell, and no other path (span inf).
  @Test func spanCountsTiesAndUndefinedOverlapIsEmpty() throws {
    let ws = Workspace(files: ["g.csv": Array("source,target,weight\na,b,0.5\nb,c,2\nc,d,0.25\nd,a,4\ne,f,1\n".utf8)])
    let r = try CLI.run(["ties", "--graph", "g.csv", "--format", "csv"], cwd: ws.dir)
    #expect(r.status == 0)
    let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows[0] == ["source", "target", "weight", "strength", "class", "embeddedness", "overlap", "bridge", "local_bridge", "span"])
    let byPair = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ("\($0[0])-\($0[1])", $0) })
    for pair in ["a-b", "b-c", "c-d", "a-d"] {
      #expect(byPair[pair]?[6] == "0" && byPair[pair]?[8] == "true" && byPair[pair]?[9] == "3", "\(pair): \(byPair[pair] ?? [])")
    }
    #expect(byPair["e-f"]?[6] == "" && byPair["e-f"]?[7] == "true" && byPair["e-f"]?[9] == "inf")
    let weighted = try CLI.run(["ties", "--graph", "g.csv", "--weighted"], cwd: ws.dir)
    #expect(weighted.status == 1 && weighted.stderr.contains("span counts the ties on the shortest other path"))
  }

  // Every tie twice, once each way (SNAP's layout): one tie each, weights not doubled, and a warning. A list
  // with one unmatched line is left as it is (its parallel ties add up, as documented).
  @Test func mirroredEdgeListIsReadOnce() throws {
    let mirrored = "# both directions\na b 2\nb a 2\nb c 1\nc b 1\nc c 1\n"
    let partial = "a b 2\nb a 2\nb c 1\n"
    let ws = Workspace(files: ["m.txt": Array(mirrored.utf8), "p.txt": Array(partial.utf8)])
    let m = try CLI.run(["ties", "--graph", "m.txt", "--format", "csv"], cwd: ws.dir)
    #expect(m.status == 0)
    #expect(m.stderr.contains("every tie is listed in both directions") && m.stderr.contains("read as 3 ties, not 5"))
    let weights = m.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
    #expect(weights == ["2", "1"])
    let p = try CLI.run(["ties", "--graph", "p.txt", "--format", "csv"], cwd: ws.dir)
    #expect(p.status == 0 && !p.stderr.contains("both directions"))
    #expect(p.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] } == ["4", "1"])
    let directed = try CLI.run(["info", "--graph", "m.txt", "--directed", "--format", "csv", "--no-communities"], cwd: ws.dir)
    #expect(!directed.stderr.contains("both directions") && directed.stdout.contains("\npairs,edge,4\n"))
  }
}
