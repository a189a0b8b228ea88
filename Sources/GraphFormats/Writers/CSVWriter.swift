/// Writes RFC 4180 CSV with LF line ends. A text cell is quoted when it holds the separator, a quote, or a line
/// break; a text cell that a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR)
/// is neutralised with a leading `'` (OWASP, *CSV Injection*) — except a plain real number (`-5`, `+1.5e3`). Numbers are written as numbers.
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
    if let f = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f), !isPlainNumber(s) { s = "'" + s }
    return quoted(s)
  }

  /// `s`, in quotes with inner quotes doubled when it holds a separator, a quote or a line break.
  static func quoted(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    var q = "\""
    for ch in s.unicodeScalars {
      if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) }
    }
    return q + "\""
  }

  /// `[+-]digits[.digits][e[+-]digits]`: a real number, which a spreadsheet reads as a number, not a formula.
  static func isPlainNumber(_ s: String) -> Bool {
    var u = Array(s.utf8)[...]
    func digits() -> Int { var n = 0; while let c = u.first, c >= 48, c <= 57 { u.removeFirst(); n += 1 }; return n }
    if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u.removeFirst() }
    var n = digits()
    if u.first == UInt8(ascii: ".") { u.removeFirst(); n += digits() }
    guard n > 0 else { return false }
    if u.first == UInt8(ascii: "e") || u.first == UInt8(ascii: "E") {
      u.removeFirst()
      if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u.removeFirst() }
      guard digits() > 0 else { return false }
    }
    return u.isEmpty
  }

  /// A line of values as they are (quoted where needed, never neutralised): CSV to be read back, not opened in a
  /// spreadsheet.
  public static func rawLine(_ values: [String]) -> String {
    values.map(quoted).joined(separator: ",") + "\n"
  }

  /// A whole table: header line, then rows.
  public static func table(header: [String], rows: [[Cell]]) -> String {
    var out = line(header.map { .text($0) })
    for r in rows { out += line(r) }
    return out
  }
}
