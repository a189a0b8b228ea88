/// A strict RFC 8259 JSON parser into `JSONValue` (object keys in document order), for JSON lines input. Refuses
/// what is not JSON (trailing commas, comments, NaN, unpaired surrogates, control characters in strings, bytes
/// that are not UTF-8) with the byte offset of the problem, and nesting deeper than `maxDepth`.
/// - Reference: T. Bray (2017), RFC 8259 *The JavaScript Object Notation (JSON) Data Interchange Format*.
/// - Complexity: O(length) time; O(depth) stack.
public struct JSONReader {
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "\(message) at byte \(offset + 1)" }
  }

  private let b: [UInt8]
  private var i = 0
  private let maxDepth: Int

  public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(Problem) -> JSONValue {
    var r = JSONReader(b: bytes, maxDepth: maxDepth)
    r.skipSpace()
    let v = try r.value(depth: 0)
    r.skipSpace()
    guard r.i == r.b.count else { throw Problem(offset: r.i, message: "unexpected text after the JSON value") }
    return v
  }

  private init(b: [UInt8], maxDepth: Int) { self.b = b; self.maxDepth = maxDepth }

  private mutating func skipSpace() {
    while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
  }

  private func fail(_ m: String) -> Problem { Problem(offset: i, message: m) }

  private mutating func value(depth: Int) throws(Problem) -> JSONValue {
    guard depth < maxDepth else { throw fail("nesting deeper than \(maxDepth)") }
    guard i < b.count else { throw fail("unexpected end of input") }
    switch b[i] {
    case UInt8(ascii: "{"):
      i += 1; skipSpace()
      var members: [(String, JSONValue)] = []
      if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      while true {
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
        let k = try string()
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
        i += 1; skipSpace()
        members.append((k, try value(depth: depth + 1)))
        skipSpace()
        guard i < b.count else { throw fail("unexpected end of input in an object") }
        if b[i] == UInt8(ascii: ",") { i += 1; continue }
        if b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        throw fail("expected ',' or '}' in an object")
      }
    case UInt8(ascii: "["):
      i += 1; skipSpace()
      var items: [JSONValue] = []
      if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard i < b.count else { throw fail("unexpected end of input in an array") }
        if b[i] == UInt8(ascii: ",") { i += 1; continue }
        if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        throw fail("expected ',' or ']' in an array")
      }
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    default: return try number()
    }
  }

  private mutating func literal(_ word: String) throws(Problem) {
    let n = word.utf8.count
    guard i + n <= b.count, b[i..<(i + n)].elementsEqual(word.utf8) else { throw fail("unexpected character") }
    i += n
  }

  private mutating func number() throws(Problem) -> JSONValue {
    let start = i
    if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
    func digits() -> Int { let s = i; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }; return i - s }
    let intStart = i
    let n = digits()
    guard n > 0 else { throw fail("unexpected character") }
    if n > 1 && b[intStart] == 48 { throw Problem(offset: intStart, message: "a number cannot start with 0") }
    var isInteger = true
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1; isInteger = false
      guard digits() > 0 else { throw fail("expected digits after '.'") }
    }
    if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      i += 1; isInteger = false
      if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw fail("expected digits in the exponent") }
    }
    let text = String(decoding: b[start..<i], as: UTF8.self)
    if isInteger, let v = Int(text) { return .int(v) }
    guard let d = Double(text), d.isFinite else { throw Problem(offset: start, message: "number \(text) is out of range") }
    return .number(d)
  }

  private mutating func string() throws(Problem) -> String {
    i += 1   // opening quote
    var out: [UInt8] = []
    while true {
      guard i < b.count else { throw fail("unterminated string") }
      let c = b[i]
      if c == UInt8(ascii: "\"") { i += 1; break }
      if c < 0x20 { throw fail("control character in a string (escape it)") }
      if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
      i += 1
      guard i < b.count else { throw fail("unterminated escape") }
      let e = b[i]; i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
          guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw fail("unpaired surrogate") }
          i += 2
          let low = try hex4()
          guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw fail("unpaired surrogate")
        }
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
      default: throw fail("invalid escape")
      }
    }
    guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
    return s
  }

  private mutating func hex4() throws(Problem) -> UInt32 {
    guard i + 4 <= b.count else { throw fail("truncated \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = b[i]
      let d: UInt32
      switch c {
      case 48...57: d = UInt32(c - 48)
      case 65...70: d = UInt32(c - 55)
      case 97...102: d = UInt32(c - 87)
      default: throw fail("invalid \\u escape")
      }
      v = v * 16 + d; i += 1
    }
    return v
  }
}
