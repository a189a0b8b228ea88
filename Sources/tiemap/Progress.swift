import GraphFormats
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on stderr for long batch work: accounts and contacts done, rate, time left. Drawn only when
/// stderr is a terminal, at most ten times a second, and ended with a newline (STYLE.md §10). Workers call
/// `advance` from any thread.
final class Progress: Sendable {
  private struct State { var accounts = 0, contacts = 0; var lastDraw = 0.0; var drawn = false }
  private let state = Mutex(State())
  private let totalAccounts: Int, totalContacts: Int
  private let start: Double
  private let enabled: Bool

  init(accounts: Int, contacts: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
    totalAccounts = accounts; totalContacts = contacts; self.enabled = enabled
    start = Progress.now()
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  func advance(contacts n: Int) {
    guard enabled else { return }
    state.withLock { s in
      s.accounts += 1; s.contacts += n
      let t = Progress.now()
      guard t - s.lastDraw >= 0.1 || s.accounts == totalAccounts else { return }
      s.lastDraw = t; s.drawn = true
      Terminal.write(STDERR_FILENO, "\r\u{1B}[2K" + line(s, elapsed: t - start))
    }
  }

  func finish() {
    guard enabled else { return }
    state.withLock { s in if s.drawn { Terminal.write(STDERR_FILENO, "\n") } }
  }

  private func line(_ s: State, elapsed: Double) -> String {
    let share = totalContacts == 0 ? 1 : Double(s.contacts) / Double(totalContacts)
    let width = 24
    let filled = min(width, Int(share * Double(width)))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let rate = elapsed > 0 ? Double(s.contacts) / elapsed : 0
    let left = rate > 0 ? Double(totalContacts - s.contacts) / rate : 0
    func clock(_ x: Double) -> String {
      let t = Int(x.rounded())
      return t >= 60 ? "\(t / 60)m \(t % 60 < 10 ? "0" : "")\(t % 60)s" : "\(t)s"
    }
    return "scoring \(bar) \(Int((share * 100).rounded(.down)))%  \(Cell.grouped(s.accounts))/\(Cell.count(totalAccounts, "account"))"
      + "  \(Cell.grouped(s.contacts))/\(Cell.count(totalContacts, "contact"))  \(Cell.grouped(Int(rate))) contacts/s  ETA \(clock(left))"
  }
}
