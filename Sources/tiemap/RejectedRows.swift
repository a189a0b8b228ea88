import ArgumentParser
import GraphFormats

/// `--rejects FILE` on the commands that read an account: the log their load fills, written when the command has
/// written its output, with the summary on stderr; exit status 3 when a row was rejected (`Tiemap.main`).
enum RejectedRows {
  nonisolated(unsafe) private static var pending: (file: String, log: RejectLog)?

  /// A new log for `file`, to be written when the command ends.
  static func start(file: String) -> RejectLog {
    let log = RejectLog()
    pending = (file, log)
    return log
  }

  /// Writes the pending log (if any) and its summary; exit status 3 when it holds a row.
  static func finish() throws {
    guard let (file, log) = pending else { return }
    pending = nil
    try AtomicFile.write(ScoreReport.rejects(log), to: file)
    for line in RejectSummary.lines(log, file: file) { Terminal.warning(line) }
    if !log.entries.isEmpty { throw ExitCode(3) }
  }
}
