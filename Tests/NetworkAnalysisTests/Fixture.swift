import Foundation
import Testing
import GraphFormats
import NetworkAnalysis
import SocialGraph

/// One fixture of Tests/Fixtures/measures, written by scripts/oracle.py from NetworkX (see that script for
/// where each measure's expected values come from).
struct Fixture: CustomTestStringConvertible, Sendable {
  let file: String
  let dataset: String
  let weighted: Bool
  let directedInput: Bool
  let source: String
  /// The tie kind whose layer was measured (the sample account's `advice`), or nil for a whole-graph file.
  let kind: String?
  let ids: [String]
  /// For `sampled` fixtures: the sources NetworkX swept from.
  let sources: [String]
  let measures: [String: [Double]]
  let scalars: [String: Double]

  var testDescription: String { "\(dataset) \(weighted ? "weighted" : "unweighted")" }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let all: [Fixture] = load("measures")
  /// Directed views (`tiemap metrics --kind …`), from scripts/oracle.py's `directed` mode.
  static let directed: [Fixture] = load("directed")
  /// Betweenness from sampled sources, from scripts/oracle.py's `sampled` mode.
  static let sampled: [Fixture] = load("sampled")

  static func load(_ folder: String) -> [Fixture] {
    let dir = root.appendingPathComponent("Tests/Fixtures/\(folder)")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
    return files.map { try! Fixture(path: dir.appendingPathComponent($0).path) }
  }

  init(path: String) throws {
    let j = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    file = path
    dataset = j["dataset"] as! String
    weighted = j["weighted"] as! Bool
    directedInput = j["directed_input"] as! Bool
    source = j["source"] as! String
    kind = j["kind"] as? String
    sources = (j["sources"] as? [String]) ?? []
    ids = j["ids"] as! [String]
    var m: [String: [Double]] = [:]
    for (k, v) in j["measures"] as! [String: [Any]] {
      m[k] = v.map { x in
        if let s = x as? String { return s == "nan" ? .nan : (s == "inf" ? .infinity : -.infinity) }
        return (x as! NSNumber).doubleValue
      }
    }
    measures = m
    scalars = ((j["scalars"] as? [String: NSNumber]) ?? [:]).mapValues(\.doubleValue)
  }

  /// The network read by Tiemap exactly as a user would (`--graph`, `--directed` for directed sources).
  func graph() throws -> SocialGraph {
    if kind != nil {   // a layer of an account: contacts.csv next to the ties file
      let ties = Fixture.root.appendingPathComponent(source)
      let contacts = ties.deletingLastPathComponent().appendingPathComponent("contacts.csv")
      return try InputLoader.loadAccount(contacts: contacts.path, ties: ties.path, interactions: nil, options: LoadOptions()).graph
    }
    let path = Fixture.root.appendingPathComponent(source).path
    var o = LoadOptions()
    o.directed = directedInput
    o.skipZeroWeights = source.contains("Krack")
    return try InputLoader.loadGraph(path, options: o).graph
  }

  /// The directed layer a `directed` fixture measured: the layer of `kind`, or the `edge` layer of a file.
  func directedLayer(of g: SocialGraph) -> GraphView { g.layer(kind.map { TieKind($0) } ?? .edge)! }

  /// Compares Tiemap's values (in Tiemap's person order) with the fixture's (by id).
  func check(_ measure: String, _ got: [Double], in g: SocialGraph, relative: Double = 1e-6, absolute: Double = 1e-9,
             sourceLocation: SourceLocation = #_sourceLocation) {
    guard let want = measures[measure] else { Issue.record("fixture has no \(measure)", sourceLocation: sourceLocation); return }
    #expect(g.count == ids.count, "\(dataset): people", sourceLocation: sourceLocation)
    var bad = 0
    for (i, id) in ids.enumerated() {
      guard let v = g.index(of: id) else { Issue.record("\(dataset): no person \(id)", sourceLocation: sourceLocation); return }
      let (a, b) = (got[Int(v)], want[i])
      let ok = (a.isNaN && b.isNaN) || (a.isInfinite && a == b) || abs(a - b) <= max(absolute, relative * abs(b))
      if !ok {
        bad += 1
        if bad <= 3 { Issue.record("\(dataset) \(weighted ? "weighted" : "unweighted") \(measure)[\(id)]: got \(a), NetworkX \(b)", sourceLocation: sourceLocation) }
      }
    }
    if bad > 3 { Issue.record("\(dataset) \(measure): \(bad) values differ in all", sourceLocation: sourceLocation) }
  }
}
