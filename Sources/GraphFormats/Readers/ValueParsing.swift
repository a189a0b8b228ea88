import NetworkAnalysis
import SocialGraph

/// Parsers for single cells, shared by every reader; each error message quotes the bad value.
enum ValueParsing {
  /// A decimal number as people write them (`12`, `-0.5`, `1e3`), or nil: Swift's `Double(String)` also takes
  /// hexadecimal (`0x10`, `0x1p-2`), `inf` and `nan`, which no CRM export means as a number.
  static func decimal(_ text: String) -> Double? {
    guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 101 || $0 == 69 })
    else { return nil }
    return Double(text)
  }

  /// A tie weight: a finite number > 0.
  static func weight(_ text: String, column: String = "weight") -> Result<Double, CellProblem> {
    guard let w = decimal(text) else { return .failure(CellProblem("\(column) \(quoted(text)) is not a number")) }
    guard w.isFinite else { return .failure(CellProblem("\(column) \(quoted(text)) is not a finite number")) }
    guard w > 0 else { return .failure(CellProblem("\(column) \(quoted(text)) must be greater than 0")) }
    guard w <= TiemapLimits.inputMagnitude else { return .failure(tooLarge(text, column: column)) }
    return .success(w)
  }

  /// A finite number (signed).
  static func number(_ text: String, column: String) -> Result<Double, CellProblem> {
    guard let v = decimal(text) else { return .failure(CellProblem("\(column) \(quoted(text)) is not a number")) }
    guard v.isFinite else { return .failure(CellProblem("\(column) \(quoted(text)) is not a finite number")) }
    guard abs(v) <= TiemapLimits.inputMagnitude else { return .failure(tooLarge(text, column: column)) }
    return .success(v)
  }

  private static func tooLarge(_ text: String, column: String) -> CellProblem {
    CellProblem("\(column) \(quoted(text)) is too large (at most 1e15 in magnitude)")
  }

  /// The value of a plain decimal `-?digits[.digits]` with at most 15 significant digits — exactly what
  /// `Double(String)` gives, without making the `String` — or nil for anything else (the caller then takes the
  /// `String` path, which decides and words the error).
  ///
  /// Clinger's fast path: the digits form an integer m < 2^53 and the fraction has k ≤ 22 digits, so m and
  /// 10^k are exact doubles and one IEEE division m / 10^k is correctly rounded, as `strtod` is.
  /// - Reference: W. D. Clinger (1990), *How to read floating point numbers accurately*, PLDI '90.
  /// - Complexity: O(digits).
  @inline(__always) static func fastNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = b.count
    let negative = n > 0 && b[0] == UInt8(ascii: "-")
    if negative { i = 1 }
    guard i < n else { return nil }
    var m: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false, significant = 0
    while i < n {
      let c = b[i]
      if c >= 48 && c <= 57 {
        m = m &* 10 &+ UInt64(c &- 48)
        digits += 1
        if m != 0 { significant += 1 }
        if seenPoint { fraction += 1 }
      } else if c == UInt8(ascii: "."), !seenPoint, digits > 0 {
        seenPoint = true
      } else {
        return nil
      }
      i += 1
    }
    guard digits > 0, significant <= 15, fraction <= 22, !(seenPoint && fraction == 0) else { return nil }
    let v = Double(m) / powersOfTen[fraction]
    return negative ? -v : v
  }

  /// `true`/`false` exactly as most exports write them, else nil (the caller takes `boolean`'s `String` path).
  @inline(__always) static func fastBoolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
    if b.elementsEqual("true".utf8) { return true }
    if b.elementsEqual("false".utf8) { return false }
    return nil
  }

  /// A count `Int32(String)` accepts and that is ≥ 0, else nil. Digits only, at most 9 of them (below 2^31),
  /// on the fast path; anything else goes through `Int32(String)` itself.
  @inline(__always) static func fastCount(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
    if b.count <= 9, !b.isEmpty {
      var v: Int32 = 0
      var plain = true
      for c in b { if c >= 48 && c <= 57 { v = v &* 10 &+ Int32(c &- 48) } else { plain = false; break } }
      if plain { return v }
    }
    guard let v = Int32(String(decoding: b, as: UTF8.self)), v >= 0 else { return nil }
    return v
  }

  private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

  /// A whole number in `range`.
  static func integer(_ text: String, column: String, in range: ClosedRange<Int>) -> Result<Int, CellProblem> {
    guard let v = Int(text), range.contains(v) else {
      return .failure(CellProblem("\(column) \(quoted(text)) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
    }
    return .success(v)
  }

  /// true/false, yes/no, y/n, 1/0, x (checked).
  static func boolean(_ text: String, column: String) -> Result<Bool, CellProblem> {
    switch text.lowercased() {
    case "true", "yes", "y", "1", "x", "t": return .success(true)
    case "false", "no", "n", "0", "f": return .success(false)
    default: return .failure(CellProblem("\(column) \(quoted(text)) must be true or false"))
    }
  }

  static func day(_ text: String, column: String) -> Result<Day, CellProblem> {
    guard let d = Day(iso: text) else { return .failure(CellProblem("\(column) \(quoted(text)) is not a date (YYYY-MM-DD)")) }
    return .success(d)
  }

  static func proximity(_ text: String) -> Result<Proximity, CellProblem> {
    guard let p = Proximity(parsing: text) else {
      return .failure(CellProblem("proximity \(quoted(text)) must be P1, P2, P3 or P4 (or 1 to 4)"))
    }
    return .success(p)
  }

  static func role(_ text: String) -> Result<StakeholderRole, CellProblem> {
    guard let r = StakeholderRole(parsing: text) else {
      return .failure(CellProblem("role \(quoted(text)) is not one of \(StakeholderRole.allCases.map(\.rawValue).joined(separator: ", "))"))
    }
    return .success(r)
  }
}

/// What is wrong with one cell; the reader adds file and line.
struct CellProblem: Error { let message: String; init(_ m: String) { message = m } }

extension Result where Failure == CellProblem {
  /// The value, or an `InputError` at the table's current line.
  func get<F>(in table: CSVTable<F>) throws -> Success {
    switch self {
    case .success(let v): return v
    case .failure(let problem): throw table.error(problem.message)
    }
  }
}

