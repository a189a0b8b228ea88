import CZlib
import SocialGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole input files into memory. Files ending in `.gz` are decompressed with zlib.
public enum InputFile {
  /// Whether `path` names an existing regular file (or anything that is not a directory).
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
  }

  /// The bytes of `path`, decompressed when it ends in `.gz`.
  /// - Throws: `InputError` (line 0) when the file cannot be opened or read, or the gzip stream is corrupt.
  public static func read(_ path: String) throws -> [UInt8] {
    if path.hasSuffix(".gz") { return try readGzip(path) }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(file: path, line: 0, problem: "cannot open: \(errnoText())") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw InputError(file: path, line: 0, problem: "cannot read: \(errnoText())") }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError(file: path, line: 0, problem: "is a directory, not a file") }
    // Read straight into an array of the file's size (no staging buffer, one copy from the page cache); a file
    // that grows while being read goes on in chunks.
    let size = max(Int(st.st_size), 0)
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
        bytes.append(contentsOf: chunk[0..<got])
      }
    }
    return bytes
  }

  private static func readGzip(_ path: String) throws -> [UInt8] {
    // Check the file exists first, for the same message as plain files.
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(file: path, line: 0, problem: "cannot open: \(errnoText())") }
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
    }
    return bytes
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
