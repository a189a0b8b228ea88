import SocialGraph

/// Parsers for single cells, shared by every reader; each error message quotes the bad value.
enum ValueParsing {
  /// A tie weight: a finite number > 0.
  static func weight(_ text: String, column: String = "weight") -> Result<Double, CellProblem> {
    guard let w = Double(text) else { return .failure(CellProblem("\(column) \(quoted(text)) is not a number")) }
    guard w.isFinite else { return .failure(CellProblem("\(column) \(quoted(text)) is not a finite number")) }
    guard w > 0 else { return .failure(CellProblem("\(column) \(quoted(text)) must be greater than 0")) }
    return .success(w)
  }

  /// A finite number (signed).
  static func number(_ text: String, column: String) -> Result<Double, CellProblem> {
    guard let v = Double(text) else { return .failure(CellProblem("\(column) \(quoted(text)) is not a number")) }
    guard v.isFinite else { return .failure(CellProblem("\(column) \(quoted(text)) is not a finite number")) }
    return .success(v)
  }

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

