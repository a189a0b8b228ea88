/// Writes RFC 4180 CSV with LF line ends. A text cell is quoted when it holds the separator, a quote, or a line
/// break; a text cell that a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR)
/// is neutralised with a leading `'` (OWASP, *CSV Injection*) — except a plain real number (`-5`, `+1.5e3`). Numbers are written as numbers.
public enum CSVWriter {
  public static func line(_ cells: [Cell]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(16 * cells.count)
    append(cells, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `line(cells)`'s bytes appended to `out`, with no `String` made for a cell but a real number's digits: the
  /// characters CSV treats specially (`,` `"` CR LF and the formula starts) are ASCII, so one pass over a text's
  /// UTF-8 bytes finds them.
  public static func append(_ cells: [Cell], to out: inout [UInt8]) {
    for (i, c) in cells.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendCell(c, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
  }

  /// One cell's bytes (no separator).
  static func appendCell(_ c: Cell, to out: inout [UInt8]) {
    switch c {
    case .text(let s): appendText(s, to: &out)
    case .int(let v): appendInt(v, to: &out)
    case .number(let d, _):
      if d == d.rounded(), abs(d) < 1e15 { appendInt(Int(d), to: &out) } else { out.append(contentsOf: Cell.shortest(d).utf8) }
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .empty: break
    }
  }

  /// Lines written cell by cell (`CellSink`): each cell after a separator but the first of its line, `endLine`
  /// to close a line. The bytes are `append(cells)`'s for the same cells.
  public struct LineSink: CellSink {
    public var bytes: [UInt8] = []
    private var lineStarts = true
    public init() {}
    public mutating func append(_ cell: Cell) {
      if !lineStarts { bytes.append(UInt8(ascii: ",")) }
      lineStarts = false
      CSVWriter.appendCell(cell, to: &bytes)
    }
    public mutating func endLine() {
      bytes.append(UInt8(ascii: "\n"))
      lineStarts = true
    }
  }

  /// `escape(text)`'s bytes appended to `out`.
  static func appendText(_ text: String, to out: inout [UInt8]) {
    var s = text
    s.withUTF8 { u in
      guard let first = u.first else { return }
      let neutralise = Escape.startsFormula(first) && !Escape.isPlainNumber(text)
      var quote = false
      for b in u where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D { quote = true; break }
      if quote { out.append(UInt8(ascii: "\"")) }
      if neutralise { out.append(UInt8(ascii: "'")) }
      if quote {
        for b in u {
          out.append(b)
          if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
      } else {
        out.append(contentsOf: u)
      }
    }
  }

  /// The decimal digits of `v` (as `String(v)`).
  static func appendInt(_ v: Int, to out: inout [UInt8]) {
    if v < 0 { out.append(UInt8(ascii: "-")) }
    var m = v.magnitude
    if m < 10 { out.append(UInt8(ascii: "0") + UInt8(m)); return }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: enough for 20 digits
    withUnsafeMutableBytes(of: &digits) { buf in
      var i = buf.count
      while m > 0 { i -= 1; buf[i] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10 }
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i...]))
    }
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
