/// The one escaper per output language (issue 16, "escaping by construction"): every piece of user text Tiemap
/// writes goes through exactly one of these, chosen by where it lands, and nothing else builds escaped text.
///
/// | language | function | used by |
/// |---|---|---|
/// | DOT quoted string | `dotString` | `DOTValue.text` (every DOT file, the maps through the Graphviz library) |
/// | Graphviz HTML-like label | `dotLabel` | `HTMLLabel.text` (org-chart cards) |
/// | XML / SVG / HTML | `markup` | charts, the report's SVG and HTML |
/// | XML data | `xmlData` | GraphML and GEXF (`GraphExport`) |
/// | CSV (for spreadsheets) | `csvCell` | every CSV writer (`CSVWriter`) |
/// | CSV (to be read back) | `csvValue` | `CSVWriter.rawLine` (JSON-lines input turned into CSV for the readers) |
/// | JSON | `json` | `JSONValue`, the report's data block |
///
/// Each is tested with every hostile name of the catalogue (`Tests/Fixtures/hostile/names.json`) and checked by a
/// real parser of its language: Graphviz's `dot`, an XML parser, JSONSerialization, a CSV reader, and Chromium
/// for the report (`scripts/check-report.sh`).
public enum Escape {
  /// The contents of a DOT double-quoted string (the quotes not included) for the attribute `attribute`: `"`
  /// escaped; `\` doubled, because Graphviz expands `\N`, `\G`, `\n`, `\l` in escString attributes and turns `\\`
  /// into `\` — and written as four in a tooltip, which Graphviz unescapes twice (measured with dot 2.43: a label
  /// or id of `A\\B` draws `A\B`, a tooltip of `T\\\\U` gives `T\U`); `&` written `&amp;` (Graphviz decodes
  /// HTML entities in plain strings too, so `&#x1F600;` or `AT&amp;T` in a name would otherwise be drawn as
  /// something else, or as invalid UTF-8); line breaks as Graphviz's centred line break; the rest as `userText`.
  public static func dotString(_ s: String, attribute: String) -> String {
    let backslash = attribute.hasSuffix("tooltip") ? "\\\\\\\\" : "\\\\"
    return userText(s) { ch in
      switch ch {
      case "\"": return "\\\""
      case "\\": return backslash
      case "\n": return "\\n"
      case "&": return "&amp;"
      default: return nil
      }
    }
  }

  /// Text inside a Graphviz HTML-like label: `& < > "` escaped, `\` doubled (Graphviz expands `\N`, `\G`, `\l` in
  /// HTML-label text too), line breaks as `<br/>`, and the rest as `userText`.
  public static func dotLabel(_ s: String) -> String {
    userText(s) { ch in
      switch ch {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "\\": return "\\\\"
      case "\n": return "<br/>"
      default: return nil
      }
    }
  }

  /// Text for XML and HTML (SVG charts, the HTML report): `&`, `<`, `>`, `"` and `'` escaped, so user text is
  /// safe in element content and in quoted attributes alike; line breaks become spaces, and the rest as `userText`
  /// (control characters are not allowed in XML 1.0).
  public static func markup(_ s: String) -> String { xml(s, keepingBreaks: false) }

  /// Text for XML data files (GraphML, GEXF), read back as data: as `markup`, but line breaks, carriage returns
  /// and tabs kept as character references (`&#10;`, `&#13;`, `&#9;`, which survive attribute-value normalisation);
  /// the other control characters, which XML 1.0 cannot hold in any form, dropped, and U+FFFE/U+FFFF shown as
  /// U+FFFD — the only changes a name suffers on its way through XML.
  public static func xmlData(_ s: String) -> String { xml(s, keepingBreaks: true) }

  private static func xml(_ s: String, keepingBreaks: Bool) -> String {
    userText(s) { ch in
      switch ch {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "'": return "&#39;"
      case "\n": return keepingBreaks ? "&#10;" : " "
      case "\r": return keepingBreaks ? "&#13;" : nil
      case "\t": return keepingBreaks ? "&#9;" : nil
      default: return nil
      }
    }
  }

  /// A CSV cell for a spreadsheet: a value that a spreadsheet would run as a formula (first character `=`, `+`,
  /// `-`, `@`, tab or CR) is neutralised with a leading `'` (OWASP, *CSV Injection*) — except a plain real number
  /// (`-5`, `+1.5e3`) — then quoted as `csvValue`.
  public static func csvCell(_ text: String) -> String {
    var s = text
    if let f = s.unicodeScalars.first, f.isASCII, startsFormula(UInt8(f.value)), !isPlainNumber(s) { s = "'" + s }
    return csvValue(s)
  }

  /// Whether a cell starting with this (ASCII) byte is run as a formula by a spreadsheet: `=`, `+`, `-`, `@`, tab, CR.
  @inline(__always) static func startsFormula(_ b: UInt8) -> Bool {
    b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D
  }

  /// A CSV value as it is (RFC 4180): in quotes with inner quotes doubled when it holds a separator, a quote or a
  /// line break. For CSV that is read back, not opened in a spreadsheet.
  public static func csvValue(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    var q = "\""
    for ch in s.unicodeScalars {
      if ch == "\"" { q += "\"\"" } else { q.unicodeScalars.append(ch) }
    }
    return q + "\""
  }

  /// A JSON string literal (RFC 8259), quotes included; `<`, `>`, `&`, U+2028 and U+2029 escaped too, so the JSON
  /// can sit inside an HTML `<script>` element. Every string round-trips exactly.
  public static func json(_ s: String) -> String {
    var out = ""
    json(s, into: &out)
    return out
  }

  /// `json(s)` appended to `out`.
  public static func json(_ s: String, into out: inout String) {
    out += "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if c.value < 0x20 {
          let h = String(c.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    out += "\""
  }

  /// User text for DOT, SVG and HTML with `replacement` applied per scalar; carriage returns and tabs become
  /// spaces, other control characters are dropped (they would break the DOT text or the SVG), and the
  /// noncharacters U+FFFE and U+FFFF (not allowed in XML) are shown as the replacement character.
  static func userText(_ s: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    for ch in s.unicodeScalars {
      if let r = replacement(ch) { out += r; continue }
      if ch == "\r" || ch == "\t" { out += " "; continue }
      if ch.value < 0x20 || ch.value == 0x7F { continue }
      if ch.value == 0xFFFE || ch.value == 0xFFFF { out += "\u{FFFD}"; continue }
      out.unicodeScalars.append(ch)
    }
    return out
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
}
