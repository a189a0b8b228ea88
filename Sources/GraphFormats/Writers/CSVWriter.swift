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

  /// One text value, neutralised and quoted as needed (`Escape.csvCell`).
  public static func escape(_ text: String) -> String { Escape.csvCell(text) }

  /// A line of values as they are (quoted where needed, never neutralised): CSV to be read back, not opened in a
  /// spreadsheet.
  public static func rawLine(_ values: [String]) -> String {
    values.map(Escape.csvValue).joined(separator: ",") + "\n"
  }

  /// A whole table: header line, then rows.
  public static func table(header: [String], rows: [[Cell]]) -> String {
    var out = line(header.map { .text($0) })
    for r in rows { out += line(r) }
    return out
  }
}
