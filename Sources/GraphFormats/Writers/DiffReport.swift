import NetworkAnalysis
import SocialGraph

/// `tiemap diff`: what changed between two snapshots.
public enum DiffReport {
  public static let columns = ["change", "id", "field", "old", "new"]

  /// One row per change: `arrived`/`left` (id), `changed` (id, field, old, new), `tie_gained`/`tie_lost`/
  /// `tie_reweighted` (id = `source > target`, field = kind, old/new weights), `coverage` (id = account, field =
  /// `decision_circuit_covered` as covered/circuit, or a proximity level's count).
  public static func table(_ d: SnapshotDiff) -> ResultTable {
    func text(_ s: String?) -> Cell { s.map { .text($0) } ?? .empty }
    func weight(_ w: Double?) -> Cell { w.map { .number($0) } ?? .empty }
    var rows: [[Cell]] = []
    rows += d.arrived.map { [.text("arrived"), .text($0), .empty, .empty, .empty] }
    rows += d.left.map { [.text("left"), .text($0), .empty, .empty, .empty] }
    rows += d.changes.map { [.text("changed"), .text($0.id), .text($0.field), text($0.old), text($0.new)] }
    for (name, list) in [("tie_gained", d.tiesGained), ("tie_lost", d.tiesLost), ("tie_reweighted", d.tiesReweighted)] {
      rows += list.map { [.text(name), .text("\($0.source) > \($0.target)"), .text($0.kind), weight($0.oldWeight), weight($0.newWeight)] }
    }
    let levels = ["P1", "P2", "P3", "P4", "unknown"]
    for c in d.coverage {
      if c.oldCovered != c.newCovered || c.oldCircuit != c.newCircuit {
        rows.append([.text("coverage"), .text(c.account), .text("decision_circuit_covered"),
                     .text("\(c.oldCovered)/\(c.oldCircuit)"), .text("\(c.newCovered)/\(c.newCircuit)")])
      }
      for (i, level) in levels.enumerated() where c.oldProximity[i] != c.newProximity[i] {
        rows.append([.text("coverage"), .text(c.account), .text(level), .int(c.oldProximity[i]), .int(c.newProximity[i])])
      }
    }
    return ResultTable(columns: columns, rows: rows)
  }

  public static func json(_ d: SnapshotDiff, graph new: SocialGraph, old: SocialGraph) -> String {
    func name(_ id: String, _ g: SocialGraph) -> JSONValue { g.index(of: id).map { .string(g.people[Int($0)].displayName) } ?? .null }
    func tie(_ t: SnapshotDiff.TieChange) -> JSONValue {
      .object([("source", .string(t.source)), ("target", .string(t.target)), ("kind", .string(t.kind)),
               ("old_weight", t.oldWeight.map { .number($0) } ?? .null), ("new_weight", t.newWeight.map { .number($0) } ?? .null)])
    }
    func share(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
    return JSONValue.object([
      ("arrived", .array(d.arrived.map { .object([("id", .string($0)), ("name", name($0, new))]) })),
      ("left", .array(d.left.map { .object([("id", .string($0)), ("name", name($0, old))]) })),
      ("changed", .array(d.changes.map { c in
        .object([("id", .string(c.id)), ("field", .string(c.field)), ("old", c.old.map { .string($0) } ?? .null),
                 ("new", c.new.map { .string($0) } ?? .null)])
      })),
      ("ties_gained", .array(d.tiesGained.map(tie))), ("ties_lost", .array(d.tiesLost.map(tie))),
      ("ties_reweighted", .array(d.tiesReweighted.map(tie))),
      ("coverage", .array(d.coverage.map { c in
        .object([("account", .string(c.account)), ("old_circuit", .int(c.oldCircuit)), ("old_covered", .int(c.oldCovered)),
                 ("old_share", share(c.oldShare)), ("new_circuit", .int(c.newCircuit)), ("new_covered", .int(c.newCovered)),
                 ("new_share", share(c.newShare)),
                 ("old_proximity", .object(zip(["P1", "P2", "P3", "P4", "unknown"], c.oldProximity).map { ($0, .int($1)) })),
                 ("new_proximity", .object(zip(["P1", "P2", "P3", "P4", "unknown"], c.newProximity).map { ($0, .int($1)) }))])
      })),
    ]).rendered()
  }

  /// Readable summary: the counts, then each section.
  public static func text(_ d: SnapshotDiff, graph new: SocialGraph, old: SocialGraph) -> String {
    func name(_ id: String, _ g: SocialGraph) -> String {
      TextTable.sanitize(g.index(of: id).map { g.people[Int($0)].displayName } ?? id)
    }
    if d.isEmpty && d.coverage.allSatisfy({ $0.oldProximity == $0.newProximity }) { return "No change.\n" }
    var out = "\(d.arrived.count) arrived, \(d.left.count) left, \(d.changes.count) field changes, \(d.tiesGained.count) ties gained, "
      + "\(d.tiesLost.count) lost, \(d.tiesReweighted.count) re-weighted\n"
    if !d.arrived.isEmpty { out += "\nArrived: " + d.arrived.map { "\(name($0, new)) (\(TextTable.sanitize($0)))" }.joined(separator: ", ") + "\n" }
    if !d.left.isEmpty { out += "Left: " + d.left.map { "\(name($0, old)) (\(TextTable.sanitize($0)))" }.joined(separator: ", ") + "\n" }
    if !d.changes.isEmpty {
      out += "\nChanges\n" + TextTable.render(header: ["person", "field", "old", "new"], rows: d.changes.map { c in
        [.text(name(c.id, new)), .text(c.field), .text(c.old ?? "—"), .text(c.new ?? "—")]
      })
    }
    let ties = [("gained", d.tiesGained), ("lost", d.tiesLost), ("re-weighted", d.tiesReweighted)].flatMap { label, list in
      list.map { t -> [Cell] in
        [.text(label), .text(name(t.source, label == "lost" ? old : new)), .text(name(t.target, label == "lost" ? old : new)),
         .text(t.kind), t.oldWeight.map { .number($0, digits: 2) } ?? .empty, t.newWeight.map { .number($0, digits: 2) } ?? .empty]
      }
    }
    if !ties.isEmpty { out += "\nTies\n" + TextTable.render(header: ["", "from", "to", "kind", "old", "new"], rows: ties) }
    out += "\nCoverage\n" + TextTable.render(header: ["account", "decision circuit covered", "P1", "P2", "P3", "P4", "unknown"], rows: d.coverage.map { c in
      func pct(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
      return [.text(c.account.isEmpty ? "(no account)" : c.account),
              .text("\(c.oldCovered)/\(c.oldCircuit) (\(pct(c.oldShare))) → \(c.newCovered)/\(c.newCircuit) (\(pct(c.newShare)))")]
        + (0..<5).map { .text(c.oldProximity[$0] == c.newProximity[$0] ? "\(c.newProximity[$0])" : "\(c.oldProximity[$0]) → \(c.newProximity[$0])") }
    })
    return out
  }
}
