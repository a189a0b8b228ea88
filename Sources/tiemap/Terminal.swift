#if canImport(Glibc)
import Glibc
#endif

/// Where messages go: data to stdout, everything else to stderr (written with write(2), unbuffered).
enum Terminal {
  static func error(_ message: String) { write(STDERR_FILENO, "error: \(message)\n") }
  static func warning(_ message: String) { write(STDERR_FILENO, "warning: \(message)\n") }
  /// A line of information on stderr (a batch run's summary), with no prefix.
  static func note(_ message: String) { write(STDERR_FILENO, "\(message)\n") }

  /// Seconds with one decimal: `14.6`.
  static func seconds(_ s: Double) -> String {
    let tenths = Int((s * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  static func write(_ fd: Int32, _ s: String) {
    var s = s
    s.withUTF8 { b in
      var off = 0
      while off < b.count {
        let n = Glibc.write(fd, b.baseAddress! + off, b.count - off)
        if n < 0 { if errno == EINTR { continue }; return }
        off += n
      }
    }
  }

  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
