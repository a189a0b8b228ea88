/// Aligned plain-text tables for terminals: text left, numbers right, a rule under the header. Control
/// characters in values are shown escaped so a hostile name cannot move the cursor or break the layout.
public enum TextTable {
  public static func render(header: [String], rows: [[Cell]], indent: Int = 0) -> String {
    let texts = rows.map { $0.map { sanitize($0.displayText) } }
    var widths = header.map { displayWidth($0) }
    for r in texts { for (i, t) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(t)) } }
    let numeric: [Bool] = header.indices.map { i in
      rows.contains { i < $0.count && $0[i].isNumeric } && rows.allSatisfy { i >= $0.count || $0[i].isNumeric || $0[i] == .empty }
    }
    let pad = String(repeating: " ", count: indent)
    func line(_ cells: [String]) -> String {
      var out = pad
      for (i, c) in cells.enumerated() {
        let gap = String(repeating: " ", count: max(0, widths[i] - displayWidth(c)))
        let isLast = i == cells.count - 1
        out += numeric[i] ? gap + c : (isLast ? c : c + gap)
        if !isLast { out += "  " }
      }
      return out + "\n"
    }
    var out = line(header)
    out += pad + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for r in texts { out += line(r) }
    return out
  }

  /// Width in terminal columns (East Asian wide characters and emoji count two).
  static func displayWidth(_ s: String) -> Int {
    var w = 0
    for ch in s {
      guard let v = ch.unicodeScalars.first?.value else { continue }
      let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
      w += wide ? 2 : 1
    }
    return w
  }

  /// `s` with control characters shown escaped (a hostile name cannot move the cursor or break the layout).
  public static func sanitize(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else { return s }
    var out = ""
    for c in s.unicodeScalars {
      if c == "\n" { out += "\\n" } else if c == "\t" { out += " " }
      else if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) { out += "?" }
      else { out.unicodeScalars.append(c) }
    }
    return out
  }
}
