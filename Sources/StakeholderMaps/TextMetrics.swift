/// Text widths for laying out labels before Graphviz draws them: Helvetica's advance widths (Adobe AFM, in
/// thousandths of an em), which Graphviz's renderers get from the metric-compatible Liberation Sans / Arial.
/// Characters outside ASCII are estimated by their class (wide East Asian scripts and emoji take a full em).
enum TextMetrics {
  // Helvetica widths for U+0020 … U+007E.
  private static let helvetica: [UInt16] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   //  !"#$%&'()*+,-./
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   // 0-9 :;<=>?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @A-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   // P-Z [\]^_
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   // `a-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,        // p-z {|}~
  ]

  /// The width in points of `text` at `size` points; bold is about 10 % wider.
  static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
    var em = 0.0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v >= 0x20 && v <= 0x7E {
        em += Double(helvetica[Int(v - 0x20)]) / 1000
      } else if v < 0x20 || (0x300...0x36F).contains(v) || (0xFE00...0xFE0F).contains(v) || v == 0x200D {
        continue   // controls, combining marks, variation selectors and joiners take no advance
      } else if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                  || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || v >= 0x1F000 {
        em += 1.0    // CJK, Hangul, full-width forms, emoji
      } else {
        em += 0.62   // Latin with diacritics, Greek, Cyrillic, Arabic, Hebrew…
      }
    }
    return em * size * (bold ? 1.1 : 1)
  }

  /// Splits `text` into lines of at most `limit` characters at spaces (a longer word keeps its own line).
  static func wrap(_ text: String, limit: Int) -> [String] {
    var lines: [String] = [], current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= limit {
        current += " " + word
      } else {
        lines.append(current); current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.isEmpty ? [""] : lines
  }
}
