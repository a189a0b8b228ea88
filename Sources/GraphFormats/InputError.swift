/// Bad input: names the file, the line (1-based; 0 when the problem is the whole file) and the problem, in the
/// compiler's format so editors jump to it: `ties.csv:3: weight "oops" is not a number`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var problem: String

  public init(file: String, line: Int, problem: String) {
    self.file = file; self.line = line; self.problem = problem
  }

  /// `file:line: problem`, at most `maxLength` characters: a problem quoting a header a gigabyte long (a gzip
  /// bomb's first line) ends in "…" instead of flooding the terminal.
  public var description: String {
    capped(line > 0 ? "\(file):\(InputFile.row(of: line, in: file)): \(problem)" : "\(file): \(problem)")
  }

  /// The longest message, so that with "error: " or "warning: " before it a line stays within 300 characters.
  public static let maxLength = 290
}

/// `message` cut to `InputError.maxLength` characters, ending in "…" when cut.
func capped(_ message: String) -> String {
  message.count <= InputError.maxLength ? message : String(message.prefix(InputError.maxLength - 1)) + "…"
}

/// A non-fatal finding about the input (a self-loop, a reports-to cycle…), in the same `file:line:` form.
public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String
  public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
  public var description: String {
    capped(line > 0 ? "\(file):\(InputFile.row(of: line, in: file)): \(message)" : "\(file): \(message)")
  }
}

/// Quotes a value from the input for an error message, escaping what would make the message ambiguous and
/// cutting long values.
func quoted(_ s: some StringProtocol) -> String {
  var out = "\""
  var n = 0
  for c in s.unicodeScalars {
    n += 1
    if n > 60 { out += "…"; break }
    switch c {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if c.value < 0x20 || c.value == 0x7F { out += "\\u{\(String(c.value, radix: 16))}" } else { out.unicodeScalars.append(c) }
    }
  }
  return out + "\""
}
