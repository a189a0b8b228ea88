import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var problem: String
  /// The device failed under a write that had begun (disk full, a closed pipe or stdout, an I/O error), as opposed
  /// to a destination that cannot be opened: the command exits 2 for these.
  public var deviceFailed = false
  public var description: String { "\(file): cannot write: \(problem)" }
}

/// Writes files atomically: a temporary file in the same directory, written in full, `fsync`ed, then renamed
/// over the destination. Readers never see a half-written file, and a failed write leaves the old file as it
/// was (the temporary file is removed).
public enum AtomicFile {
  /// When set (the `tiemap` command sets it at start), a destination that is a file this process read as input
  /// (`InputFile.wasRead`) is refused instead of replaced. Off for library users, who may mean to rewrite a file.
  public static let refusesInputs = Atomic<Bool>(false)

  /// What a file holds: bytes (an image), text, or text in pieces written one after the other (large outputs:
  /// never joined into one copy). Text is written as its UTF-8 without a copy.
  public enum Contents: Sendable {
    case bytes([UInt8])
    case text(String)
    case pieces([String])

    /// Every byte in order, as one or more buffers.
    func forEachBuffer(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
      switch self {
      case .bytes(let b): try b.withUnsafeBytes(body)
      case .text(var s): try s.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
      case .pieces(let list):
        // Gathered into 1 MiB blocks, so that a million small lines are not a million writes.
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        for var piece in list {
          piece.withUTF8 { block.append(contentsOf: $0) }
          if block.count >= 1 << 20 { try block.withUnsafeBytes(body); block.removeAll(keepingCapacity: true) }
        }
        if !block.isEmpty { try block.withUnsafeBytes(body) }
      }
    }
  }

  public static func write(_ bytes: [UInt8], to path: String) throws { try writeAll([(path, .bytes(bytes))]) }

  public static func write(_ text: String, to path: String) throws { try writeAll([(path, .text(text))]) }

  /// Several files at once: every temporary file is written and synced first, and only when all succeeded are
  /// they renamed over their destinations, so a failure leaves every old file as it was.
  public static func writeAll(_ files: [(path: String, contents: Contents)]) throws {
    var temps: [String] = []
    var renamed = 0
    defer { for t in temps.dropFirst(renamed) { unlink(t) } }
    // What is not a regular file (/dev/null, a pipe, a terminal) cannot be replaced: it is written in place, after
    // the files, and renaming over it would swap the device for a file. A symbolic link to a file is followed, so
    // the file it names is replaced and the link stays.
    var regular: [(path: String, contents: Contents)] = [], special: [(path: String, contents: Contents)] = []
    for f in files where refusesInputs.load(ordering: .relaxed) && InputFile.wasRead(f.path) {
      throw OutputError(file: f.path, problem: "it is one of this run's inputs (choose another output file)")
    }
    for f in files {
      switch destination(f.path) {
      case .special: special.append(f)
      case .file(let target): regular.append((target, f.contents))
      }
    }
    for (path, contents) in regular { temps.append(try writeTemporary(contents, for: path)) }
    for (i, (path, _)) in regular.enumerated() {
      guard rename(temps[i], path) == 0 else { throw OutputError(file: path, problem: errnoText()) }
      renamed += 1
    }
    for (path, contents) in special {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { throw OutputError(file: path, problem: errnoText()) }
      defer { close(fd) }
      try contents.forEachBuffer { raw in try writeAll(raw, to: fd, path: path) }
    }
  }

  private enum Destination { case file(String), special }

  /// Where `path`'s contents go: a regular file (itself, or the file a symbolic link names), or a special file.
  private static func destination(_ path: String) -> Destination {
    var st = stat()
    guard stat(path, &st) == 0 else { return .file(path) }   // new file (or a dangling link: replaced)
    if (st.st_mode & S_IFMT) != S_IFREG { return (st.st_mode & S_IFMT) == S_IFDIR ? .file(path) : .special }
    var lst = stat()
    if lstat(path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) {
      defer { free(real) }
      return .file(String(cString: real))
    }
    return .file(path)
  }

  /// Writes `bytes` to a new temporary file beside `path`, synced; returns its path.
  private static func writeTemporary(_ contents: Contents, for path: String) throws -> String {
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
    try contents.forEachBuffer { raw in try writeAll(raw, to: fd, path: path) }
    // mkstemp makes the file 0600; give it the usual mode for new files (0666 less the umask).
    let mask = umask(0); umask(mask)
    fchmod(fd, 0o666 & ~mask)
    guard fsync(fd) == 0 else { throw OutputError(file: path, problem: errnoText(), deviceFailed: true) }
    ok = true
    return tmp
  }

  /// Writes every byte of `raw` to `fd`, retrying partial writes and EINTR.
  static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
    var off = 0
    while off < raw.count {
      let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
      if n < 0 { if errno == EINTR { continue }; throw OutputError(file: path, problem: errnoText(), deviceFailed: true) }
      off += n
    }
  }

  /// `contents` on standard output (checked like a file).
  public static func writeStandardOutput(_ contents: Contents) throws {
    try contents.forEachBuffer { raw in try writeAll(raw, to: STDOUT_FILENO, path: "<stdout>") }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
