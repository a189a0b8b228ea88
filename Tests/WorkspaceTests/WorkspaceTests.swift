// The workspace file itself: a newer schema, another SQLite file and a file that is not SQLite are refused with
// what to do; a reader is not blocked while another connection holds a write transaction (WAL); a snapshot read
// back is the input imported, in order.
import Foundation
import GRDB
import Testing
import GraphFormats
import SocialGraph
@testable import Workspace

@Suite struct WorkspaceTests {
  static func scratch() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tiemap-wst-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
  }
  static func sample() throws -> LoadedInput {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    func f(_ n: String) -> String { root.appendingPathComponent("datasets/sample/\(n)").path }
    return try InputLoader.loadAccount(contacts: f("contacts.csv"), ties: f("ties.csv"), interactions: f("interactions.csv"),
                                       surveys: f("surveys.csv"), referrals: f("referrals.csv"))
  }
  static func message(_ body: () throws -> Void) -> String {
    do { try body(); return "opened" } catch { return "\(error)" }
  }

  @Test func newerSchemaIsRefused() throws {
    let path = Self.scratch() + "/w.tiemap"
    _ = try Workspace(path: path, create: true)
    let q = try DatabaseQueue(path: path)
    try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2')") }
    #expect(Self.message { _ = try Workspace(path: path, create: false) }
            == "\(path): written by a newer Tiemap (schema v2); this one reads schemas up to v1: upgrade Tiemap")
  }

  @Test func otherFilesAreRefused() throws {
    let dir = Self.scratch()
    let other = dir + "/other.db"
    let q = try DatabaseQueue(path: other)
    try q.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
    #expect(Self.message { _ = try Workspace(path: other, create: true) } == "\(other): an SQLite file that is not a Tiemap workspace (its tables: invoices)")
    let text = dir + "/notes.txt"
    try "id,name\na,Ann\n".write(toFile: text, atomically: true, encoding: .utf8)
    #expect(Self.message { _ = try Workspace(path: text, create: false) }.hasPrefix("\(text): not a Tiemap workspace (SQLite: "))
    #expect(Self.message { _ = try Workspace(path: dir + "/none.tiemap", create: false) }.hasPrefix("\(dir)/none.tiemap: no workspace here"))
  }

  @Test func readersAreNotBlockedByAWriter() throws {
    let path = Self.scratch() + "/w.tiemap"
    let ws = try Workspace(path: path, create: true)
    let input = try Self.sample()
    _ = try ws.importSnapshot(input, asOf: Day(iso: "2026-10-31")!, roles: ["contacts", "ties", "interactions", "surveys", "referrals"])
    // Another process's import, mid-transaction: the reader still reads the last committed snapshot.
    let writer = try DatabaseQueue(path: path)
    try writer.inDatabase { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      try db.execute(sql: "UPDATE person SET valid_to = '2026-11-30' WHERE valid_to IS NULL")
      let (back, day) = try ws.load(asOf: nil, feedback: true)
      #expect(day == Day(iso: "2026-10-31") && back.graph.people.count == input.graph.people.count)
      try db.execute(sql: "ROLLBACK")
    }
    let (back, _) = try ws.load(asOf: nil, feedback: true)
    #expect(back.graph.people == input.graph.people && back.graph.ties.elementsEqual(input.graph.ties, by: ==))
    #expect(back.interactions == input.interactions && back.surveys == input.surveys && back.referrals == input.referrals)
    #expect(back.graph.kinds == input.graph.kinds && back.graph.tieAttributeNames == input.graph.tieAttributeNames)
    let mode = try writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
  }
}
