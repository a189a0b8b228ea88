import Foundation
@testable import GraphFormats

/// The repository root and its real public networks (`datasets/`).
enum Paths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let shared = root.appendingPathComponent("datasets")
  static func dataset(_ p: String) -> String { shared.appendingPathComponent(p).path }
  static func sample(_ f: String) -> String { root.appendingPathComponent("datasets/sample/\(f)").path }
}

/// A fresh temporary directory for one test, with helpers to write files into it; removed when the test is done.
final class Scratch: Sendable {
  let dir: URL
  deinit { try? FileManager.default.removeItem(at: dir) }
  init() {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("tiemap-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }
  @discardableResult func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
  @discardableResult func write(_ name: String, _ bytes: [UInt8]) -> String {
    let url = dir.appendingPathComponent(name)
    precondition(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)), "cannot write \(url.path)")
    return url.path
  }
  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
}

/// All records of a CSV text, with their lines.
func records(_ text: String, file: String = "t.csv") throws -> [(Int, [String])] {
  try records(Array(text.utf8), file: file)
}
func records(_ bytes: [UInt8], file: String = "t.csv") throws -> [(Int, [String])] {
  var p = CSVParser(bytes: bytes, file: file)
  var out: [(Int, [String])] = []
  var f: [String] = []
  while let line = try p.next(into: &f) { out.append((line, f)) }
  return out
}
