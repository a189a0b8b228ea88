/// Where a row's cells go as they are made: an array of cells, or a writer's buffer (`CSVWriter.LineSink`).
public protocol CellSink {
  mutating func append(_ cell: Cell)
}

extension Array: CellSink where Element == Cell {}

/// One value of a result table, kept typed until it is written, so each format can render it properly
/// (numbers unquoted in JSON, text escaped in CSV, aligned right in a terminal table).
public enum Cell: Sendable, Equatable {
  case text(String)
  case int(Int)
  /// A real number; `digits` is the number of decimals in terminal tables (CSV and JSON keep full precision).
  case number(Double, digits: Int = 4)
  case bool(Bool)
  case empty

  /// Full-precision text: the shortest representation that reads back to the same Double; `inf`, `-inf`, `nan`.
  public var plainText: String {
    switch self {
    case .text(let s): return s
    case .int(let i): return String(i)
    case .number(let d, _): return Cell.shortest(d)
    case .bool(let b): return b ? "true" : "false"
    case .empty: return ""
    }
  }

  static func shortest(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return d.description
  }

  /// Text for a terminal table: fixed decimals for numbers, thousands separators for large integers.
  public var displayText: String {
    switch self {
    case .number(let d, let digits):
      if !d.isFinite { return plainText }
      return Cell.fixed(d, digits: digits)
    case .int(let i): return Cell.grouped(i)
    default: return plainText
    }
  }

  var isNumeric: Bool {
    switch self { case .int, .number: return true; default: return false }
  }

  /// `d` with exactly `digits` decimals (round half away from zero), without Foundation.
  public static func fixed(_ d: Double, digits: Int) -> String {
    guard d.isFinite, abs(d) < 9e15 else { return shortest(d) }
    if digits <= 0 { return String(Int64(d.rounded())) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(d) * scale).rounded()
    guard scaled < 9e18 else { return "\(d)" }
    let v = Int64(scaled)
    let intPart = v / Int64(scale), frac = v % Int64(scale)
    var fracText = String(frac)
    fracText = String(repeating: "0", count: digits - fracText.count) + fracText
    let sign = d < 0 && v != 0 ? "-" : ""
    return "\(sign)\(intPart).\(fracText)"
  }

  /// "1 tie", "2 ties", "12,345 people": a count with thousands separators and the noun it counts, singular for
  /// exactly one (`plural` defaults to the noun + "s").
  public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(grouped(n)) \(n == 1 ? noun : plural ?? noun + "s")"
  }

  /// `i` with thousands separators (12,345).
  public static func grouped(_ i: Int) -> String {
    let s = String(abs(i))
    guard s.count > 3 else { return String(i) }
    var out = ""
    for (k, c) in s.enumerated() {
      if k > 0 && (s.count - k) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (i < 0 ? "-" : "") + out
  }
}
