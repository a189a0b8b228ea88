import ArgumentParser
import GraphFormats
#if canImport(Glibc)
import Glibc
#endif

/// The `tiemap` command. Owns `main()` so exit statuses follow DESIGN.md: 0 success, 1 bad input or usage
/// (message on stderr naming file and line), 2 internal error.
@main
struct Tiemap: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tiemap",
    abstract: "Map a company's relational capital inside its customer accounts.",
    discussion: """
      Inputs are --contacts FILE [--ties FILE] [--interactions FILE] for an account, or --graph FILE for a whole \
      network (SNAP or CSV edge list, .gz allowed). Tables go to stdout; -o FILE writes a file atomically.
      """,
    version: "0.1.0",
    subcommands: [Info.self, Metrics.self, Ties.self, Brokers.self, Path.self, Reach.self, Referrals.self, Account.self, Trust.self, Diff.self, Score.self, Map.self, Report.self])

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      exit(withError: code)   // a status the command chose (score's 3: rows rejected)
    } catch where error is InputError || error is RunError || error is OutputError {
      Terminal.error(String(describing: error))   // their descriptions name file, line and problem
      exit(withError: ExitCode(1))
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }   // --help, --version
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      Terminal.error(message)
      exit(withError: ExitCode(code == .validationFailure || code.rawValue == 64 ? 1 : 2))
    }
  }
}
