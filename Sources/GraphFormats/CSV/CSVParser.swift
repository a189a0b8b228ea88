/// A byte-level RFC 4180 CSV parser that knows the line each record starts on.
///
/// Why not a package: the two CSV packages available here (swiftcsv/SwiftCSV 0.10, yaslab/CSV.swift 2.5) report
/// neither the line of a bad record nor an unterminated quote — CSV.swift closes the field at end of file, and
/// SwiftCSV parses a whole `String` first — and both go through `Character`s, several times slower than bytes on
/// million-row exports. Tiemap must name file and line for every problem, so it has this one parser.
///
/// Handles: quoted fields with doubled quotes (`"a ""b"""`), separators and line breaks inside quotes, LF, CRLF
/// and lone CR line ends, a UTF-8 byte-order mark, blank lines (skipped), and a `,` `;` or tab separator
/// (`detectSeparator`). A quote inside an unquoted field is kept as a character (`5" screen`), as
/// spreadsheet programs write it. Errors: an unterminated quoted field (at the line it opened), text after a
/// closing quote, and bytes that are not UTF-8.
/// - Reference: Y. Shafranovich (2005), RFC 4180 *Common Format and MIME Type for CSV Files*.
public struct CSVParser {
  public let file: String
  public let separator: UInt8
  private let bytes: [UInt8]
  private var pos: Int
  private var line = 1
  private var scratch: [UInt8] = []

  public init(bytes: [UInt8], file: String, separator: UInt8? = nil) {
    self.bytes = bytes
    self.file = file
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    self.pos = start
    self.separator = separator ?? CSVParser.detectSeparator(bytes, from: start)
  }

  /// The separator of the first line: the most frequent of `,` `;` tab outside quotes (`,` on a tie or none).
  public static func detectSeparator(_ bytes: [UInt8], from start: Int = 0) -> UInt8 {
    var counts = (comma: 0, semi: 0, tab: 0)
    var inQuotes = false
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") { inQuotes.toggle() }
      else if !inQuotes {
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
        if b == UInt8(ascii: ",") { counts.comma += 1 }
        else if b == UInt8(ascii: ";") { counts.semi += 1 }
        else if b == UInt8(ascii: "\t") { counts.tab += 1 }
      }
      i += 1
    }
    if counts.semi > counts.comma && counts.semi >= counts.tab { return UInt8(ascii: ";") }
    if counts.tab > counts.comma && counts.tab > counts.semi { return UInt8(ascii: "\t") }
    return UInt8(ascii: ",")
  }

  /// At least the number of records of `bytes` (its line ends, plus one): what to reserve before reading rows, so
  /// that a million-row file is not copied through every doubling of its arrays.
  /// - Complexity: O(bytes), one pass.
  public static func recordBound(_ bytes: [UInt8]) -> Int {
    var n = 1
    for b in bytes where b == 0x0A { n += 1 }
    return n
  }

  /// True when the input holds nothing but an optional byte-order mark and blank space.
  public var isBlank: Bool {
    bytes[pos...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
  }

  /// Reads the next record into `fields` (reusing its storage) and returns the line it starts on, or nil at the
  /// end of the input. Blank lines are skipped.
  public mutating func next(into fields: inout [String]) throws -> Int? {
    fields.removeAll(keepingCapacity: true)
    let n = bytes.count
    // Skip blank lines.
    while pos < n {
      let b = bytes[pos]
      if b == 0x0A { line += 1; pos += 1 }
      else if b == 0x0D { line += 1; pos += 1; if pos < n && bytes[pos] == 0x0A { pos += 1 } }
      else { break }
    }
    guard pos < n else { return nil }
    let recordLine = line
    while true {
      let (field, ended) = try readField()
      fields.append(field)
      if ended { return recordLine }
    }
  }

  /// Reads one field; `ended` is true when it closes the record (line end or end of input).
  private mutating func readField() throws -> (String, Bool) {
    let n = bytes.count
    let sep = separator
    if pos < n && bytes[pos] == UInt8(ascii: "\"") {
      let openLine = line
      pos += 1
      scratch.removeAll(keepingCapacity: true)
      var runStart = pos
      while true {
        guard pos < n else {
          throw InputError(file: file, line: openLine, problem: "unterminated quoted field (the quote opened here is never closed)")
        }
        let b = bytes[pos]
        if b == UInt8(ascii: "\"") {
          scratch.append(contentsOf: bytes[runStart..<pos])
          if pos + 1 < n && bytes[pos + 1] == UInt8(ascii: "\"") {
            scratch.append(UInt8(ascii: "\"")); pos += 2; runStart = pos; continue
          }
          pos += 1
          break
        }
        if b == 0x0A { line += 1 }
        else if b == 0x0D { if !(pos + 1 < n && bytes[pos + 1] == 0x0A) { line += 1 } }
        pos += 1
      }
      let value = try scratch.withUnsafeBufferPointer { try makeString($0, line: openLine) }
      // After the closing quote: separator, line end or end of input.
      guard pos < n else { return (value, true) }
      let b = bytes[pos]
      if b == sep { pos += 1; return (value, false) }
      if b == 0x0A || b == 0x0D { consumeLineEnd(); return (value, true) }
      throw InputError(file: file, line: line,
                       problem: "unexpected \(quoted(String(decoding: [b], as: UTF8.self))) after a closing quote (a quote inside a quoted field must be doubled)")
    }
    let start = pos
    while pos < n {
      let b = bytes[pos]
      if b == sep || b == 0x0A || b == 0x0D { break }
      pos += 1
    }
    let value = try bytes.withUnsafeBufferPointer { try makeString(UnsafeBufferPointer(rebasing: $0[start..<pos]), line: line) }
    guard pos < n else { return (value, true) }
    if bytes[pos] == sep { pos += 1; return (value, false) }
    consumeLineEnd()
    return (value, true)
  }

  private mutating func consumeLineEnd() {
    if bytes[pos] == 0x0D { pos += 1; if pos < bytes.count && bytes[pos] == 0x0A { pos += 1 } } else { pos += 1 }
    line += 1
  }

  /// The field's text: ASCII (the common case) is copied as is; anything else is validated as UTF-8.
  private func makeString(_ b: UnsafeBufferPointer<UInt8>, line: Int) throws -> String {
    if b.isEmpty { return "" }
    var high: UInt8 = 0
    for c in b { high |= c }
    if high < 0x80 { return String(decoding: b, as: UTF8.self) }
    guard let s = String(validating: b, as: UTF8.self) else {
      throw InputError(file: file, line: line, problem: "invalid UTF-8 (save the file as UTF-8)")
    }
    return s
  }
}
