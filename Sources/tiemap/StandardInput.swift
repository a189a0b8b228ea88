import GraphFormats
#if canImport(Glibc)
import Glibc
#endif

/// Lines of stdin as bytes (without the line end), for JSON lines input. Each byte is looked at once, however
/// long the line (an account's line can be megabytes).
enum StandardInput {
  nonisolated(unsafe) private static var buffer: [UInt8] = []
  nonisolated(unsafe) private static var position = 0
  /// Bytes from `position` to here hold no line end.
  nonisolated(unsafe) private static var scanned = 0
  nonisolated(unsafe) private static var ended = false

  /// The next line, or nil at the end of input. Only called from the main thread.
  static func readLine() throws -> [UInt8]? {
    while true {
      if let nl = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = Array(buffer[position..<nl])
        position = nl + 1; scanned = position
        return line
      }
      scanned = buffer.count
      if ended {
        guard position < buffer.count else { return nil }
        let line = Array(buffer[position...])
        position = buffer.count
        return line
      }
      buffer.removeFirst(position); scanned -= position; position = 0
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let n = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(file: "<stdin>", line: 0, problem: "cannot read: \(String(cString: strerror(errno)))")
      }
      if n == 0 { ended = true; continue }
      buffer.append(contentsOf: chunk[0..<n])
    }
  }
}
