/// Text for XML and HTML (SVG charts, the HTML report): `&`, `<`, `>`, `"` and `'` escaped, so user text is safe
/// in element content and in quoted attributes alike; line breaks become spaces and other control characters
/// (not allowed in XML 1.0) are dropped.
public enum Markup {
  public static func escaped(_ s: String) -> String {
    escapingUserText(s) { ch in
      switch ch {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "'": return "&#39;"
      case "\n": return " "
      default: return nil
      }
    }
  }
}
