import Foundation

/// Runs the built `tiemap` binary and keeps stdout, stderr and the exit status apart.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `.build/debug/tiemap` (or `$TIEMAP_BIN`); `make test` builds it before `swift test`.
  static var binary: String {
    if let env = ProcessInfo.processInfo.environment["TIEMAP_BIN"] { return env }
    return root.appendingPathComponent(".build/debug/tiemap").path
  }

  /// The sample generator built beside `binary` (`.build/debug/tiemap-sample`, or `.build-tsan/debug/…` under
  /// `make sanitize`, whose build folders hold no plain debug build).
  static var sampleBinary: String {
    URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("tiemap-sample").path
  }

  /// How much slower than a plain debug build the binary runs (`TIEMAP_TIME_SCALE`: `make sanitize` sets it, as a
  /// sanitized build runs several times slower); the hang guards' bounds are multiplied by it.
  static var timeScale: Double { ProcessInfo.processInfo.environment["TIEMAP_TIME_SCALE"].flatMap(Double.init) ?? 1 }

  /// Runs `tiemap` (or `executable`, e.g. taskset wrapping it) with `args`.
  static func run(_ args: [String], cwd: URL? = nil, executable: String? = nil, stdin: URL? = nil) throws -> CLIResult {
    guard executable != nil || FileManager.default.isExecutableFile(atPath: binary) else {
      throw MissingBinary(path: binary)
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable ?? binary)
    p.arguments = args
    if let cwd { p.currentDirectoryURL = cwd }
    let scratch = Workspace(files: [:])
    let tmp = scratch.dir
    let out = tmp.appendingPathComponent("out"), err = tmp.appendingPathComponent("err")
    guard FileManager.default.createFile(atPath: out.path, contents: nil),
          FileManager.default.createFile(atPath: err.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return CLIResult(status: p.terminationStatus,
                     stdout: try String(contentsOf: out, encoding: .utf8),
                     stderr: try String(contentsOf: err, encoding: .utf8))
  }
}

/// The tests run the real command; without it they fail with this message (never skip).
struct MissingBinary: Error, CustomStringConvertible {
  let path: String
  var description: String {
    "the tiemap binary is not at \(path): build it first (`swift build`, or `make test`, which does), or set TIEMAP_BIN"
  }
}

/// A temporary directory with the files of one case, removed when the case is done with it.
final class Workspace: Sendable {
  let dir: URL
  deinit { try? FileManager.default.removeItem(at: dir) }
  init(files: [String: [UInt8]]) {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("tiemap-ws-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, bytes) in files {
      precondition(FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(bytes)))
    }
  }
}
