import ArgumentParser
import CTempFiles
import GraphFormats
import Workspace
import NetworkAnalysis
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
    subcommands: [Info.self, Metrics.self, Ties.self, Brokers.self, Path.self, Reach.self, Referrals.self, Account.self, Trust.self, Patterns.self, Risk.self, Diff.self, Score.self, Map.self, Report.self, Convert.self, Import.self, History.self, Alerts.self])

  static func main() {
    // Memory freed stays with the process for the next allocation (`tiemap_keep_freed_memory`): on the 1M score
    // set, 15 % fewer page faults (293,000 → 250,000) and the same peak RSS.
    tiemap_keep_freed_memory()
    AtomicFile.refusesInputs.store(true, ordering: .relaxed)   // -o never replaces one of the run's inputs
    AtomicFile.removeTemporariesOnSignals()
    if let unknown = unknownSubcommand(Array(CommandLine.arguments.dropFirst())) {
      Terminal.error(unknown)
      exit(withError: ExitCode(1))
    }
    do {
      var command = try parseAsRoot(negativeValuesJoined(Array(CommandLine.arguments.dropFirst())))
      let name = type(of: command)._commandName
      OutputOptions.sheetName = name.prefix(1).uppercased() + name.dropFirst()   // a workbook's sheet: "Metrics"
      defer { flushInputNotes() }   // how files read after the loaders were decoded (a groups file, a side file)
      try command.run()
      try RejectedRows.finish()   // --rejects: the bad rows, once the output is written; exit status 3 if any
    } catch let e as OutputError where e.deviceFailed {
      Terminal.error(String(describing: e))   // the data was right; the device failed under it
      exit(withError: ExitCode(2))
    } catch let code as ExitCode {
      exit(withError: code)   // a status the command chose (score's 3: rows rejected)
    } catch where error is InputError || error is RunError || error is OutputError || error is ReachBudgetError || error is WorkspaceError {
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

  /// "'mtrics' is not a tiemap command. Did you mean 'metrics'?" for a first argument that names no subcommand
  /// (nil when it does, or is an option or `help`).
  /// Prints the decoding warnings no loader has taken (`InputFile.takeNotes`).
  static func flushInputNotes() {
    for w in InputFile.takeNotes() { Terminal.warning(w.description) }
  }

  static func unknownSubcommand(_ args: [String]) -> String? {
    guard let first = args.first, !first.hasPrefix("-"), first != "help" else { return nil }
    let names = configuration.subcommands.map { $0._commandName }
    guard !names.contains(first) else { return nil }
    let typed = first.lowercased()
    let prefixed = names.filter { $0.hasPrefix(typed) }
    let near = names.map { (name: $0, distance: editDistance(typed, $0)) }.min { $0.distance < $1.distance }
    var message = "'\(first)' is not a tiemap command."
    if prefixed.count == 1 {
      message += " Did you mean '\(prefixed[0])'?"
    } else if let near, near.distance <= max(2, near.name.count / 3) {
      message += " Did you mean '\(near.name)'?"
    }
    return message + "\nCommands: \(names.joined(separator: ", ")) (tiemap --help)."
  }

  /// Levenshtein distance between two short words (insertions, deletions and substitutions).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    var row = Array(0...y.count)   // row[j]: distance between the first i scalars of x and the first j of y
    for (i, cx) in x.enumerated() {
      var diagonal = row[0]
      row[0] = i + 1
      for (j, cy) in y.enumerated() {
        let above = row[j + 1]
        row[j + 1] = min(above + 1, row[j] + 1, diagonal + (cx == cy ? 0 : 1))
        diagonal = above
      }
    }
    return row[y.count]
  }

  /// `--k -1` as `--k=-1`: a negative number after an option is its value (ArgumentParser would read `-1` as an
  /// unknown option and report a missing value), so the option's own check can say what is wrong with it.
  static func negativeValuesJoined(_ args: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < args.count {
      let a = args[i]
      if a.hasPrefix("--"), !a.contains("="), i + 1 < args.count, isNegativeNumber(args[i + 1]) {
        out.append(a + "=" + args[i + 1]); i += 2
      } else {
        out.append(a); i += 1
      }
    }
    return out
  }

  static func isNegativeNumber(_ s: String) -> Bool {
    guard s.count > 1, s.first == "-", let second = s.dropFirst().first, second.isNumber || second == "." else { return false }
    return Double(s) != nil
  }
}
