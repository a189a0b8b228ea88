#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var problem: String
  public var description: String { "\(file): cannot write: \(problem)" }
}

/// Writes files atomically: a temporary file in the same directory, written in full, `fsync`ed, then renamed
/// over the destination. Readers never see a half-written file, and a failed write leaves the old file as it
/// was (the temporary file is removed).
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String) throws { try writeAll([(path, bytes)]) }

  /// Several files at once: every temporary file is written and synced first, and only when all succeeded are
  /// they renamed over their destinations, so a failure leaves every old file as it was.
  public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws {
    var temps: [String] = []
    var renamed = 0
    defer { for t in temps.dropFirst(renamed) { unlink(t) } }
    for (path, bytes) in files { temps.append(try writeTemporary(bytes, for: path)) }
    for (i, (path, _)) in files.enumerated() {
      guard rename(temps[i], path) == 0 else { throw OutputError(file: path, problem: errnoText()) }
      renamed += 1
    }
  }

  /// Writes `bytes` to a new temporary file beside `path`, synced; returns its path.
  private static func writeTemporary(_ bytes: [UInt8], for path: String) throws -> String {
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[..<$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !base.isEmpty else { throw OutputError(file: path, problem: "the path names a directory") }
    var template = Array("\(dir.isEmpty ? "/" : dir)/.\(base).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw OutputError(file: path, problem: errnoText()) }
    let tmp = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var ok = false
    defer { if !ok { unlink(tmp) } }
    defer { close(fd) }
    try bytes.withUnsafeBytes { raw in
      var off = 0
      while off < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
        if n < 0 { if errno == EINTR { continue }; throw OutputError(file: path, problem: errnoText()) }
        off += n
      }
    }
    // mkstemp makes the file 0600; give it the usual mode for new files (0666 less the umask).
    let mask = umask(0); umask(mask)
    fchmod(fd, 0o666 & ~mask)
    guard fsync(fd) == 0 else { throw OutputError(file: path, problem: errnoText()) }
    ok = true
    return tmp
  }

  public static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
