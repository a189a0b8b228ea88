/// A JSON document with keys kept in the order they were given (stable, diffable output).
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// Non-finite numbers are written as `null` (JSON has no NaN or infinity).
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

  public init(_ cell: Cell) {
    switch cell {
    case .text(let s): self = .string(s)
    case .int(let i): self = .int(i)
    case .number(let d, _): self = .number(d)
    case .bool(let b): self = .bool(b)
    case .empty: self = .null
    }
  }

  /// Pretty-printed with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    out.append("\n")
    return out
  }

  /// On one line, without spaces (JSON lines).
  public func compact() -> String {
    var out = ""
    writeCompact(into: &out)
    return out
  }

  private func writeCompact(into out: inout String) {
    switch self {
    case .array(let items):
      out += "["
      for (i, v) in items.enumerated() { if i > 0 { out += "," }; v.writeCompact(into: &out) }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, (k, v)) in members.enumerated() {
        if i > 0 { out += "," }
        JSONValue.writeString(k, into: &out)
        out += ":"
        v.writeCompact(into: &out)
      }
      out += "}"
    default: write(into: &out, indent: 0)
    }
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d): out += d.isFinite ? Cell.shortest(d) : "null"
    case .string(let s): JSONValue.writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      let scalar = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
      if scalar {
        out += "["
        for (i, v) in items.enumerated() { if i > 0 { out += ", " }; v.write(into: &out, indent: indent) }
        out += "]"
        return
      }
      out += "[\n"
      for (i, v) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        v.write(into: &out, indent: indent + 2)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, (k, v)) in members.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        JSONValue.writeString(k, into: &out)
        out += ": "
        v.write(into: &out, indent: indent + 2)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += String(repeating: " ", count: indent) + "}"
    }
  }

  /// A string literal (`Escape.json`).
  static func writeString(_ s: String, into out: inout String) { Escape.json(s, into: &out) }
}
