import CGzip
import SocialGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of (device, inode) pairs behind a pthread mutex, shared by the readers of one load (ties and history are
/// read on two threads). A pthread lock rather than Synchronization's `Mutex`: on Linux that one parks on raw futex
/// calls, which ThreadSanitizer cannot see, and `make sanitize` reported the guarded insert as a race.
final class LockedIDs: @unchecked Sendable {
  private var ids = Set<[UInt64]>()
  private let lock: UnsafeMutablePointer<pthread_mutex_t> = {
    let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(m, nil)
    return m
  }()

  func insert(_ id: [UInt64]) {
    pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
    ids.insert(id)
  }

  func contains(_ id: [UInt64]) -> Bool {
    pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
    return ids.contains(id)
  }
}

/// How input files are read: their character encoding (`--encoding`) and a workbook's sheet (`--sheet`).
public struct InputText: Sendable, Equatable {
  public var encoding: TextEncoding
  /// A workbook's sheet: a name or a number from 1; nil: the first.
  public var sheet: String?
  public init(encoding: TextEncoding = .auto, sheet: String? = nil) { self.encoding = encoding; self.sheet = sheet }
}

/// The process's input settings behind a pthread mutex (see `LockedIDs`).
final class InputSettings: @unchecked Sendable {
  struct State {
    var text = InputText()
    /// Spreadsheets whose CSV lines are not their rows: line → row.
    var rows: [String: [Int]] = [:]
    /// Files read through a conversion whose lines are not the file's (an activity export): line → the file's line.
    var converted: [String: [Int]] = [:]
    /// The latest decoding note of each file, and the files whose note a loader has given out.
    var notes: [String: InputWarning] = [:]
    var order: [String] = []
    var given = Set<String>()
  }
  private var state = State()
  private let lock: UnsafeMutablePointer<pthread_mutex_t> = {
    let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(m, nil)
    return m
  }()
  func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
    pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
    return try body(&state)
  }
}

/// Reads whole input files into memory. Files ending in `.gz` are decompressed with zlib.
public enum InputFile {
  /// (device, inode) of every regular file read by this process, so that no output replaces an input
  /// (`AtomicFile` refuses them, whatever path names them: relative, absolute or through a link).
  static let readSoFar = LockedIDs()

  /// Whether `path` names a file this process has read as input.
  public static func wasRead(_ path: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
    let id = [UInt64(st.st_dev), UInt64(st.st_ino)]
    return readSoFar.contains(id)
  }

  static func remember(_ st: stat) {
    guard (st.st_mode & S_IFMT) == S_IFREG else { return }
    let id = [UInt64(st.st_dev), UInt64(st.st_ino)]
    readSoFar.insert(id)
  }

  /// Whether `path` names an existing regular file (or anything that is not a directory).
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
  }

  /// The largest input read (after decompression): 16 GiB, two thirds of this class of machine's memory.
  public static let maxBytes = 16 << 30

  /// The bytes of `path`, decompressed when it ends in `.gz`, as UTF-8: text in another encoding is transcoded
  /// (`TextEncoding`, the process's `encoding`; one warning in `takeNotes()` says so) unless `decoding` is false
  /// (XML, which declares its own). Text only: a NUL byte (binary data, or an endless device such as /dev/zero) is
  /// refused with its line, as is anything over `maxBytes`.
  /// - Throws: `InputError` when the file cannot be opened or read, is too large, holds a NUL byte, is UTF-16 that
  ///   does not decode, or its gzip stream is corrupt or truncated.
  public static func read(_ path: String, decoding: Bool = true, text: InputText? = nil) throws -> [UInt8] {
    let text = text ?? defaultText
    if isSpreadsheet(path) { return try spreadsheet(path, sheet: text.sheet) }
    var bytes = path.hasSuffix(".gz") ? try readGzip(path) : try readPlain(path)
    // A workbook under another name (a download saved without its extension), or a legacy one.
    let zipped = bytes.withUnsafeBufferPointer { XLSXReader.looksLikeZip($0) }
    if zipped && !path.hasSuffix(".gz") { return try spreadsheet(path, sheet: text.sheet) }
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw InputError(file: path, line: 0, problem: "a legacy Excel workbook (.xls): save it as .xlsx or CSV")
    }
    if decoding, let d = try bytes.withUnsafeBufferPointer({ try decode($0, path: path, encoding: text.encoding) }) { bytes = d }
    try refuseNUL(bytes, path: path)
    return bytes
  }

  static let utf16Problem = "the file is UTF-16 (its byte-order mark says so): read it with --encoding auto or utf-16, or save it as UTF-8"

  private static let settings = InputSettings()

  /// How files are read when the caller gives no `InputText` (the command line's `--encoding` and `--sheet`, for
  /// the files a command reads beside its inputs: a groups file, costs). The loaders pass their options' own.
  public static var defaultText: InputText {
    get { settings.withLock { $0.text } }
    set { settings.withLock { $0.text = newValue } }
  }

  /// Whether `path` names a workbook by its extension (`.xlsx`, `.xlsm`).
  static func isSpreadsheet(_ path: String) -> Bool {
    let p = path.lowercased()
    return p.hasSuffix(".xlsx") || p.hasSuffix(".xlsm")
  }

  /// A workbook's sheet as CSV bytes (`XLSXReader`), its note and row map kept.
  static func spreadsheet(_ path: String, sheet: String?) throws -> [UInt8] {
    var st = stat()
    if stat(path, &st) == 0 {
      guard (st.st_mode & S_IFMT) == S_IFREG else { throw InputError(file: path, line: 0, problem: "a workbook must be a regular file") }
      remember(st)
    } else {
      throw InputError(file: path, line: 0, problem: "cannot open: \(errnoText())")
    }
    let c = try XLSXReader.convert(path: path, sheet: sheet)
    settings.withLock { s in
      if let rows = c.rows { s.rows[path] = rows } else { s.rows[path] = nil }
      if let note = c.note {
        if s.notes[path] == nil { s.order.append(path) }
        s.notes[path] = InputWarning(file: path, line: 0, message: note)
      }
    }
    return c.csv
  }

  /// The line of `file` (its row, for a workbook) that line `line` of the text a reader read came from: through
  /// a conversion's map (`setLineMap`), then a workbook's rows; the line itself for other files.
  public static func row(of line: Int, in file: String) -> Int {
    settings.withLock { s in
      var l = line
      if let c = s.converted[file], l > 0, l < c.count { l = c[l] }
      if let rows = s.rows[file], l > 0, l < rows.count { l = rows[l] }
      return l
    }
  }

  /// The row of a workbook that line `line` of its CSV text came from (the line itself for other files).
  static func sheetRow(of line: Int, in file: String) -> Int {
    settings.withLock { s in
      guard let rows = s.rows[file], line > 0, line < rows.count else { return line }
      return rows[line]
    }
  }

  /// Records how the lines of a converted text map to the lines of `file` (nil: one to one).
  static func setLineMap(_ map: [Int]?, for file: String) {
    settings.withLock { $0.converted[file] = map }
  }

  /// How the files `paths` were decoded, for those not read as UTF-8 (one warning each, in the order given);
  /// the loaders add them to their warnings. The same files give the same notes on every call (loads running
  /// side by side, as tests do, each get theirs).
  public static func notes(for paths: [String?]) -> [InputWarning] {
    settings.withLock { s in
      var out: [InputWarning] = []
      var seen = Set<String>()
      for case let p? in paths where seen.insert(p).inserted {
        if let n = s.notes[p] { out.append(n); s.given.insert(p) }
      }
      return out
    }
  }

  /// The decoding notes no loader has given out (files read on their own: a groups file, a side file), in the
  /// order the files were read; each once.
  public static func takeNotes() -> [InputWarning] {
    settings.withLock { s in
      let out = s.order.filter { !s.given.contains($0) }.compactMap { s.notes[$0] }
      s.given.formUnion(s.order)
      return out
    }
  }

  /// `bytes` transcoded to UTF-8 under `encoding`, nil when they are UTF-8 already; notes the decoding.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String, encoding chosen: TextEncoding) throws -> [UInt8]? {
    guard let d = try chosen.decode(bytes, file: path) else { return nil }
    let message: String
    if let line = d.firstNonUTF8Line {
      message = "not UTF-8 (line \(line) is the first that is not): read as Windows-1252; pass --encoding to choose another"
    } else if chosen == .auto {
      message = "read as \(d.from.title) (byte-order mark)"
    } else {
      message = "read as \(d.from.title) (--encoding \(chosen.rawValue))"
    }
    settings.withLock { s in
      if s.notes[path] == nil { s.order.append(path) }
      s.notes[path] = InputWarning(file: path, line: 0, message: message)
    }
    return d.bytes
  }

  /// The first NUL byte, if any, as an error naming its line.
  static func refuseNUL(_ bytes: [UInt8], path: String, lineOffset: Int = 0) throws {
    try bytes.withUnsafeBufferPointer { try refuseNUL($0, path: path, lineOffset: lineOffset) }
  }

  /// Whether `b` opens with a UTF-16 byte-order mark.
  static func startsUTF16(_ b: [UInt8]) -> Bool {
    b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
  }

  static func refuseNUL(_ b: UnsafeBufferPointer<UInt8>, path: String, lineOffset: Int = 0) throws {
    // UTF-16 (Excel's "Unicode text", some XML) left undecoded: every other byte is NUL; say what it is.
    if lineOffset == 0 && b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
      throw InputError(file: path, line: 1, problem: utf16Problem)
    }
    guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return }
    let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    var line = lineOffset + 1
    for i in 0..<at where b[i] == 0x0A { line += 1 }
    throw InputError(file: path, line: line, problem: "contains a NUL byte: binary data, not a text file")
  }

  /// Files from this size up are mapped by `bytes(_:)` rather than read (smaller ones are read: a mapping's
  /// set-up costs more than their copy).
  public static let mapFrom = 1 << 20

  /// The bytes of `path` as `read` gives them, with the same checks and errors, in `InputBytes`: a regular file
  /// of at least `mapFrom` bytes is mapped from the page cache (no copy; see `InputBytes`), anything else (a
  /// small file, a pipe, a `.gz` file) is read.
  public static func bytes(_ path: String, text: InputText? = nil) throws -> InputBytes {
    let text = text ?? defaultText
    if isSpreadsheet(path) { return InputBytes(try spreadsheet(path, sheet: text.sheet)) }
    if !path.hasSuffix(".gz") {
      let (fd, st) = try openInput(path)
      defer { close(fd) }
      let size = Int(st.st_size)
      if (st.st_mode & S_IFMT) == S_IFREG && size >= mapFrom {
        guard size <= maxBytes else { throw tooLarge(path) }
        if let mapped = InputBytes(mapping: fd, length: size, path: path) {
          remember(st)
          if XLSXReader.looksLikeZip(mapped.buffer) { return InputBytes(try spreadsheet(path, sheet: text.sheet)) }
          if let d = try decode(mapped.buffer, path: path, encoding: text.encoding) {
            try refuseNUL(d, path: path)
            return InputBytes(d)
          }
          try refuseNUL(mapped.buffer, path: path)
          return mapped
        }
      }
    }
    return InputBytes(try read(path, text: text))
  }

  private static func tooLarge(_ path: String) -> InputError {
    InputError(file: path, line: 0, problem: "larger than \(maxBytes >> 30) GiB (or endless): split it, or give it as .gz of a smaller file")
  }

  /// `path` opened for reading, with its status; refuses what cannot be opened, and directories.
  private static func openInput(_ path: String) throws -> (fd: Int32, status: stat) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(file: path, line: 0, problem: "cannot open: \(errnoText())") }
    var st = stat()
    guard fstat(fd, &st) == 0 else { close(fd); throw InputError(file: path, line: 0, problem: "cannot read: \(errnoText())") }
    if (st.st_mode & S_IFMT) == S_IFDIR { close(fd); throw InputError(file: path, line: 0, problem: "is a directory, not a file") }
    return (fd, st)
  }

  private static func readPlain(_ path: String) throws -> [UInt8] {
    let (fd, st) = try openInput(path)
    defer { close(fd) }
    remember(st)
    // Read straight into an array of the file's size (no staging buffer, one copy from the page cache); a file
    // that grows while being read goes on in chunks.
    let size = max(Int(st.st_size), 0)
    guard size <= maxBytes else { throw tooLarge(path) }
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      count = 0
      while count < buffer.count {
        let got = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
        if got < 0 { if errno == EINTR { continue }; failure = errno; return }
        if got == 0 { break }
        count += got
      }
    }
    if failure != 0 { errno = failure; throw InputError(file: path, line: 0, problem: "cannot read: \(errnoText())") }
    if bytes.count == size + 1 {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if got < 0 {
          if errno == EINTR { continue }
          throw InputError(file: path, line: 0, problem: "cannot read: \(errnoText())")
        }
        if got == 0 { break }
        // A pipe or device: check each chunk as it comes, so /dev/zero is refused at once, not at 16 GiB
        // (UTF-16 text, whose NULs are half its bytes, is checked once decoded).
        if memchr(chunk, 0, got) != nil && !startsUTF16(bytes) { try refuseNUL(bytes + chunk[0..<got], path: path) }
        bytes.append(contentsOf: chunk[0..<got])
        if bytes.count > maxBytes { throw tooLarge(path) }
      }
    }
    return bytes
  }

  private static func readGzip(_ path: String) throws -> [UInt8] {
    // Check the file exists first, for the same message as plain files.
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(file: path, line: 0, problem: "cannot open: \(errnoText())") }
    var st = stat()
    if fstat(fd, &st) == 0 { remember(st) }
    close(fd)
    guard let gz = gzopen(path, "rb") else { throw InputError(file: path, line: 0, problem: "cannot open gzip stream") }
    defer { gzclose(gz) }
    gzbuffer(gz, 1 << 17)
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 1 << 17)
    while true {
      let got = chunk.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32($0.count)) }
      if got < 0 {
        var code: Int32 = 0
        let msg = gzerror(gz, &code).map { String(cString: $0) } ?? "unknown error"
        throw InputError(file: path, line: 0, problem: "corrupt gzip data: \(msg)")
      }
      if got == 0 { break }
      bytes.append(contentsOf: chunk[0..<Int(got)])
      if bytes.count > maxBytes { throw tooLarge(path) }
    }
    // gzread reports a stream cut short only through gzerror (Z_BUF_ERROR: input ended before the end marker).
    var code: Int32 = 0
    _ = gzerror(gz, &code)
    if code == Z_BUF_ERROR {
      throw InputError(file: path, line: 0, problem: "truncated gzip file: the data ends before the stream does (\(bytes.count) bytes decompressed); the download or copy is incomplete")
    }
    return bytes
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
