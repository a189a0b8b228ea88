/// What a `--rejects` run says on stderr: how many rows went to the rejects file, grouped by cause — each cause
/// with its count, its file and its first line, the values in it elided so that one bad value repeated is one
/// cause —, which rows were rejected only because they name a rejected row, and which contacts were kept without
/// a rejected manager or owner (flagged), so that a batch log explains itself:
///
///     3 rows rejected, written to rejects.csv:
///       contacts.csv: 2 rows: influence "…" must be from 1 to 5 (first: line 4)
///       interactions.csv: 1 row names a rejected row (first: line 9)
///     12 contacts of 2 accounts kept without their owner (a rejected row): flagged owner_rejected in input_flags
public enum RejectSummary {
  /// At most this many causes are listed; the rest are counted.
  public static let maxCauses = 8

  /// A reason with its quoted values elided (`influence "high" is not…` → `influence "…" is not…`).
  static func cause(_ reason: String) -> String {
    var out = ""
    var inQuote = false
    var previous: Character = " "
    for c in reason {
      if c == "\"" && previous != "\\" {
        if !inQuote { out += "\"…\"" }
        inQuote.toggle()
      } else if !inQuote {
        out.append(c)
      }
      previous = c
    }
    if let r = out.range(of: " was rejected (") { out = String(out[..<r.lowerBound]) + " was rejected" }
    return out
  }

  /// The lines to print (without "warning: ").
  public static func lines(_ log: RejectLog, file: String) -> [String] {
    var out: [String] = []
    let n = log.entries.count
    if n > 0 {
      out.append("\(count(n, "row")) rejected, written to \(file):")
      var groups: [String: (file: String, cause: String, count: Int, line: Int, order: Int, dependent: Bool)] = [:]
      for (k, e) in log.entries.enumerated() {
        let dependent = RejectLog.dependsOnRejected(e)
        let c = dependent ? "names a rejected row" : cause(e.reason)
        let key = e.file + "\u{0}" + c
        if var g = groups[key] { g.count += 1; groups[key] = g }
        else { groups[key] = (e.file, c, 1, InputFile.row(of: e.line, in: e.file), k, dependent) }
      }
      let sorted = groups.values.sorted { ($0.dependent ? 1 : 0, -$0.count, $0.order) < ($1.dependent ? 1 : 0, -$1.count, $1.order) }
      for g in sorted.prefix(maxCauses) {
        let at = g.line > 0 ? " (first: line \(g.line))" : ""
        if g.dependent {
          out.append("  \(g.file): \(count(g.count, "row")) \(g.count == 1 ? "names" : "name") a rejected row\(at)")
        } else {
          out.append("  \(g.file): \(count(g.count, "row")): \(g.cause)\(at)")
        }
      }
      if sorted.count > maxCauses {
        let rest = sorted.dropFirst(maxCauses).reduce(0) { $0 + $1.count }
        out.append("  and \(count(rest, "row")) of \(sorted.count - maxCauses) other cause\(sorted.count - maxCauses == 1 ? "" : "s") (see \(file))")
      }
    }
    for (flag, what) in [("owner_rejected", "owner"), ("manager_rejected", "manager")] {
      guard let f = log.flagged[flag] else { continue }
      let accounts = f.accounts.isEmpty ? "" : " of \(count(f.accounts.count, "account"))"
      out.append("\(count(f.contacts, "contact"))\(accounts) kept without their \(what) (a rejected row): flagged \(flag) in input_flags")
    }
    if let n = log.keptWithout["with"] {
      out.append("\(count(n, "interaction")) kept without their team member (a rejected row)")
    }
    return out
  }

  /// `1 row`, `12,521 rows`.
  public static func count(_ n: Int, _ noun: String) -> String {
    var digits = String(n)
    var i = digits.count - 3
    while i > 0 { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: i)); i -= 3 }
    return "\(digits) \(noun)\(n == 1 ? "" : "s")"
  }
}
