import CTempFiles
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
  /// `file: cannot write: problem`, a long path shortened in its middle so the problem stays in view.
  public var description: String {
    let shown = file.count <= 120 ? file : "\(file.prefix(60))…\(file.suffix(50))"
    return capped("\(shown): cannot write: \(problem)")
  }
}

/// Writes files atomically: a temporary file in the same directory, written in full, `fsync`ed, then renamed
/// over the destination. Readers never see a half-written file, and a failed write leaves the old file as it
/// was (the temporary file is removed).
public enum AtomicFile {
  /// When set (the `tiemap` command sets it at start), a destination that is a file this process read as input
  /// (`InputFile.wasRead`) is refused instead of replaced. Off for library users, who may mean to rewrite a file.
  public static let refusesInputs = Atomic<Bool>(false)

  /// Bytes `start ..< end` of source `source` (`Contents.gathered`).
  public struct Span: Sendable {
    public var source: Int32
    public var start: Int, end: Int
    public init(source: Int32, start: Int, end: Int) { self.source = source; self.start = start; self.end = end }
  }

  /// What a file holds: bytes (an image), text, or text in pieces written one after the other (large outputs:
  /// never joined into one copy). Text is written as its UTF-8 without a copy.
  public enum Contents: Sendable {
    case bytes([UInt8])
    case text(String)
    case pieces([String])
    /// `header`, then each span's bytes of its source in turn (`ScoreReport.inInputOrder`: lines gathered from
    /// per-account buffers in input order).
    case gathered(header: String, sources: [[UInt8]], spans: [Span])

    /// Every byte in order, as one or more buffers.
    public func forEachBuffer(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
      switch self {
      case .gathered(let header, let sources, let spans):
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        block.append(contentsOf: header.utf8)
        for span in spans {
          sources[Int(span.source)].withUnsafeBufferPointer { block.append(contentsOf: UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
          if block.count >= 1 << 20 { try block.withUnsafeBytes(body); block.removeAll(keepingCapacity: true) }
        }
        if !block.isEmpty { try block.withUnsafeBytes(body) }
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
  ///
  /// A temporary is an unnamed file (O_TMPFILE) while it is written, so a run killed then — even by SIGKILL —
  /// leaves nothing behind; it gets its name `.<file>.tiemap-<pid>-<random>` just before the rename. A named
  /// temporary (file systems without unnamed files, and that last step) is removed on SIGINT, SIGTERM and SIGHUP
  /// once `removeTemporariesOnSignals()` ran, and one left by a killed run is swept by the next write to the same
  /// file. An existing file keeps its permissions (and, as root, its owner); a new one gets 0666 less the umask.
  public static func writeAll(_ files: [(path: String, contents: Contents)]) throws {
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
    var staged: [Staged] = []
    var placed = 0
    defer { for s in staged.dropFirst(placed) { s.discard() } }
    for (path, contents) in regular {
      let place = try Place(path)
      place.sweepStale()
      staged.append(try stage(contents, at: place))
    }
    for s in staged {
      try s.put()
      placed += 1
    }
    for (path, contents) in special {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { throw OutputError(file: path, problem: errnoText()) }
      defer { close(fd) }
      try contents.forEachBuffer { raw in try writeAll(raw, to: fd, path: path) }
    }
  }

  /// Makes a SIGINT, SIGTERM or SIGHUP remove the named temporary files of a write in progress before the process
  /// ends (by the signal, as it would have). The `tiemap` command calls it at start.
  public static func removeTemporariesOnSignals() { tiemap_temp_install_handlers() }

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

  /// A destination's directory and the names of its temporaries.
  private struct Place {
    let path: String
    let dir: String
    /// `.<file>.tiemap-`, the file name cut (at a character) so that a whole temporary name fits NAME_MAX.
    let prefix: String

    init(_ path: String) throws {
      self.path = path
      let slash = path.lastIndex(of: "/")
      let d = slash.map { String(path[..<$0]) } ?? "."
      dir = d.isEmpty ? "/" : d
      var base = Substring(slash.map { String(path[path.index(after: $0)...]) } ?? path)
      guard !base.isEmpty else { throw OutputError(file: path, problem: "the path names a directory") }
      // 255 bytes less ".", ".tiemap-", a pid of up to 10 digits, "-" and 6 random characters.
      while base.utf8.count > 255 - 26 { base.removeLast() }
      prefix = ".\(base).tiemap-"
    }

    /// A fresh temporary name: `<dir>/.<file>.tiemap-<pid>-<6 random characters>`.
    func temporaryName() -> String {
      let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
      var rng = SystemRandomNumberGenerator()
      let tag = String((0..<6).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      return "\(dir)/\(prefix)\(getpid())-\(tag)"
    }

    /// Removes this destination's temporaries whose process is gone (a run killed between naming its temporary
    /// and the rename). A live process's temporaries, or a pid now reused, are left alone.
    func sweepStale() {
      guard let d = opendir(dir) else { return }
      defer { closedir(d) }
      while let entry = readdir(d) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        guard name.hasPrefix(prefix) else { continue }
        let rest = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard rest.count == 2, rest[1].utf8.count == 6, let pid = Int32(rest[0]), pid > 0, pid != getpid() else { continue }
        if kill(pid, 0) == -1 && errno == ESRCH { unlink("\(dir)/\(name)") }
      }
    }
  }

  /// A temporary file written in full and synced, not yet in place.
  private struct Staged {
    let place: Place
    let fd: Int32
    /// The temporary's name when it has one (file systems without unnamed files), and its slot in the table of
    /// files a signal removes.
    let name: String?
    let slot: Int32

    /// Names the file (if unnamed), closes it (a deferred write error shows here) and renames it over the destination.
    func put() throws {
      var name = self.name, slot = self.slot
      var fdOpen = true
      defer {
        if fdOpen { close(fd) }
        if let name { unlink(name) }   // nil once renamed
        tiemap_temp_release(slot)
      }
      while name == nil {
        let candidate = place.temporaryName()
        slot = tiemap_temp_register(candidate)
        if tiemap_temp_link(fd, candidate) == 0 { name = candidate; break }
        let e = errno
        tiemap_temp_release(slot); slot = -1
        guard e == EEXIST else { errno = e; throw OutputError(file: place.path, problem: errnoText()) }
      }
      fdOpen = false
      guard close(fd) == 0 else { throw OutputError(file: place.path, problem: errnoText(), deviceFailed: true) }
      guard rename(name!, place.path) == 0 else { throw OutputError(file: place.path, problem: errnoText()) }
      name = nil
    }

    /// Forgets a temporary that will not be put in place.
    func discard() {
      close(fd)
      if let name { unlink(name) }
      tiemap_temp_release(slot)
    }
  }

  /// Writes `contents` to a new temporary file beside the destination, with the destination's permissions, synced.
  private static func stage(_ contents: Contents, at place: Place) throws -> Staged {
    var fd = tiemap_temp_open_unnamed(place.dir, 0o600)
    var name: String? = nil
    var slot: Int32 = -1
    if fd < 0 {
      guard errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL else {
        throw OutputError(file: place.path, problem: errnoText())
      }
      while fd < 0 {   // a named temporary, recorded for the signal handler before it exists
        let candidate = place.temporaryName()
        slot = tiemap_temp_register(candidate)
        fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { name = candidate; break }
        let e = errno
        tiemap_temp_release(slot); slot = -1
        guard e == EEXIST else { errno = e; throw OutputError(file: place.path, problem: errnoText()) }
      }
    }
    let staged = Staged(place: place, fd: fd, name: name, slot: slot)
    var ok = false
    defer { if !ok { staged.discard() } }
    try contents.forEachBuffer { raw in try writeAll(raw, to: fd, path: place.path) }
    var existing = stat()
    if stat(place.path, &existing) == 0 {
      fchmod(fd, existing.st_mode & 0o7777)
      if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
    } else {
      let mask = umask(0); umask(mask)
      fchmod(fd, 0o666 & ~mask)
    }
    guard fsync(fd) == 0 else { throw OutputError(file: place.path, problem: errnoText(), deviceFailed: true) }
    ok = true
    return staged
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
