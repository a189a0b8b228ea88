/// Writes RFC 4180 CSV with LF line ends. A text cell is quoted when it holds the separator, a quote, or a line
/// break; a text cell that a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR)
/// is neutralised with a leading `'` (OWASP, *CSV Injection*). Numbers are written as numbers.
public enum CSVWriter {
  public static func line(_ cells: [Cell]) -> String {
    var out = ""
    for (i, c) in cells.enumerated() {
      if i > 0 { out.append(",") }
      out += field(c)
    }
    out.append("\n")
    return out
  }

  public static func field(_ c: Cell) -> String {
    guard case .text(let s) = c else { return c.plainText }
    return escape(s)
  }

  /// One text value, neutralised and quoted as needed.
  public static func escape(_ text: String) -> String {
    var s = text
    if let f = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f) { s = "'" + s }
    let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return s }
    var q = "\""
    for ch in s.unicodeScalars {
      if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) }
    }
    return q + "\""
  }

  /// A whole table: header line, then rows.
  public static func table(header: [String], rows: [[Cell]]) -> String {
    var out = line(header.map { .text($0) })
    for r in rows { out += line(r) }
    return out
  }
}
