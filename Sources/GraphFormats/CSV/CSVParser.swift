import NetworkAnalysis
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
public struct CSVParser: Sendable {
  public let file: String
  public let separator: UInt8
  /// The input, read in place (unquoted fields are not copied).
  private let data: InputBytes
  @inline(__always) private var bytes: UnsafeBufferPointer<UInt8> { data.buffer }
  private var pos: Int
  private var line = 1
  /// Records start before this offset (`bytes.count` unless the parser reads one chunk of a file).
  private let end: Int
  /// Where the first record read started (after any blank lines); nil before the first `next`.
  public private(set) var firstRecordStart: Int?
  /// Where reading stands: after the last record read (and any blank lines once `next` has returned nil).
  public var position: Int { pos }
  /// The bytes read (shared, not copied).
  var source: InputBytes { data }

  public init(bytes: [UInt8], file: String, separator: UInt8? = nil) {
    self.init(data: InputBytes(bytes), file: file, separator: separator)
  }

  public init(data: InputBytes, file: String, separator: UInt8? = nil) {
    self.data = data
    let bytes = data.buffer
    self.file = file
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    self.pos = start
    self.end = bytes.count
    self.separator = separator ?? CSVParser.detectSeparator(bytes, from: start)
  }

  /// A parser for the records of `bytes` that start in `range` (the last one read whole, past the range's end if
  /// it goes on), numbering lines from 1 at `range.lowerBound`: one chunk of a file read in parallel
  /// (`CSVChunks`). `range` must start at the beginning of a line.
  public init(data: InputBytes, file: String, separator: UInt8, range: Range<Int>) {
    self.data = data
    self.file = file
    self.separator = separator
    self.pos = range.lowerBound
    self.end = range.upperBound
  }

  /// The separator of the first line: the most frequent of `,` `;` tab outside quotes (`,` on a tie or none).
  public static func detectSeparator(_ bytes: [UInt8], from start: Int = 0) -> UInt8 {
    bytes.withUnsafeBufferPointer { detectSeparator($0, from: start) }
  }

  public static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt8 {
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
    bytes.withUnsafeBufferPointer { recordBound($0) }
  }

  public static func recordBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    1 + CSVChunks.lineFeeds(bytes, in: 0..<bytes.count)
  }

  /// True when the input holds nothing but an optional byte-order mark and blank space.
  public var isBlank: Bool {
    bytes[pos...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
  }

  /// Reads the next record into `fields` (reusing its storage) and returns the line it starts on, or nil at the
  /// end of the input. Blank lines are skipped.
  public mutating func next(into fields: inout [String]) throws -> Int? {
    var record = CSVRecord()
    guard let l = try next(into: &record) else { fields.removeAll(); return nil }
    fields = (0..<record.count).map { string($0, of: record) }
    return l
  }

  /// Reads the next record into `record` (reusing its storage: no allocation per row once it has grown) and
  /// returns the line it starts on, or nil at the end of the input. Blank lines are skipped.
  /// - Complexity: O(bytes of the record).
  public mutating func next(into record: inout CSVRecord) throws -> Int? {
    record.removeAll()
    let n = bytes.count
    // Skip blank lines.
    while pos < n {
      let b = bytes[pos]
      if b == 0x0A { line += 1; pos += 1 }
      else if b == 0x0D { line += 1; pos += 1; if pos < n && bytes[pos] == 0x0A { pos += 1 } }
      else { break }
    }
    if firstRecordStart == nil { firstRecordStart = pos }
    guard pos < end else { return nil }
    let recordLine = line
    while true {
      if try readField(into: &record) { return recordLine }
    }
  }

  /// Reads one field onto `record`; true when it closes the record (line end or end of input).
  private mutating func readField(into record: inout CSVRecord) throws -> Bool {
    let n = bytes.count
    let sep = separator
    if record.count >= TiemapLimits.fields {
      throw InputError(file: file, line: line, problem: "row has more than \(Cell.grouped(TiemapLimits.fields)) fields (the limit)")
    }
    if pos < n && bytes[pos] == UInt8(ascii: "\"") {
      let openLine = line
      pos += 1
      let fieldStart = record.copied.count
      var runStart = pos
      while true {
        guard pos < n else {
          throw InputError(file: file, line: openLine, problem: "unterminated quoted field (the quote opened here is never closed)")
        }
        let b = bytes[pos]
        if b == UInt8(ascii: "\"") {
          record.copied.append(contentsOf: bytes[runStart..<pos])
          if pos + 1 < n && bytes[pos + 1] == UInt8(ascii: "\"") {
            record.copied.append(UInt8(ascii: "\"")); pos += 2; runStart = pos; continue
          }
          pos += 1
          break
        }
        if b == 0x0A { line += 1 }
        else if b == 0x0D { if !(pos + 1 < n && bytes[pos + 1] == 0x0A) { line += 1 } }
        pos += 1
      }
      try checkLength(record.copied.count - fieldStart, field: record.count, line: openLine)
      try record.copied.withUnsafeBufferPointer { try validate(UnsafeBufferPointer(rebasing: $0[fieldStart...]), line: openLine) }
      record.spans.append(~fieldStart); record.spans.append(~record.copied.count)
      // After the closing quote: separator, line end or end of input.
      guard pos < n else { return true }
      let b = bytes[pos]
      if b == sep { pos += 1; return false }
      if b == 0x0A || b == 0x0D { consumeLineEnd(); return true }
      throw InputError(file: file, line: line,
                       problem: "unexpected \(quoted(String(decoding: [b], as: UTF8.self))) after a closing quote (a quote inside a quoted field must be doubled)")
    }
    let start = pos
    do {
      let all = bytes
      pos = Self.fieldEnd(all, from: pos, separator: sep)
      let field = UnsafeBufferPointer(rebasing: all[start..<pos])
      try checkLength(field.count, field: record.count, line: line)
      if Self.hasHighBit(field) { try validate(field, line: line) }
    }
    record.spans.append(start); record.spans.append(pos)   // read in place: nothing copied
    guard pos < n else { return true }
    if bytes[pos] == sep { pos += 1; return false }
    consumeLineEnd()
    return true
  }

  /// The end of the unquoted field starting at `from`: the first separator, LF or CR at or after it, else the
  /// end. Eight bytes at a time (SWAR: a byte equal to one of the three is a zero byte of the word xor'ed with it,
  /// and the lowest byte flagged by (x − 0x01…) & ~x & 0x80… is the first zero byte), so a field of a few bytes
  /// costs one word and no mispredicted exit from a byte loop.
  /// - Reference: A. Mycroft's zero-byte test, in H. S. Warren, *Hacker's Delight* (2nd ed., 2012), §6-1.
  @inline(__always) static func fieldEnd(_ all: UnsafeBufferPointer<UInt8>, from: Int, separator: UInt8) -> Int {
    let n = all.count
    var p = from
    guard let base = all.baseAddress else { return p }
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    let (s, lf, cr) = (UInt64(separator) &* ones, 0x0A &* ones, 0x0D &* ones)
    while p + 8 <= n {
      let w = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
      let (a, b, c) = (w ^ s, w ^ lf, w ^ cr)
      let z = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
      if z != 0 { return p + z.trailingZeroBitCount >> 3 }
      p += 8
    }
    while p < n {
      let b = base[p]
      if b == separator || b == 0x0A || b == 0x0D { break }
      p += 1
    }
    return p
  }

  /// Whether any byte of `field` is 0x80 or above (not ASCII), eight at a time.
  @inline(__always) static func hasHighBit(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = field.baseAddress else { return false }
    var p = 0, high: UInt64 = 0
    while p + 8 <= field.count { high |= UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self); p += 8 }
    while p < field.count { high |= UInt64(base[p]); p += 1 }
    return high & 0x8080_8080_8080_8080 != 0
  }

  /// Refuses field `field` (0-based) of `length` bytes when it is longer than `TiemapLimits.fieldBytes`.
  @inline(__always) private func checkLength(_ length: Int, field: Int, line: Int) throws {
    guard length > TiemapLimits.fieldBytes else { return }
    throw InputError(file: file, line: line, problem: "field \(field + 1) is longer than \(Cell.grouped(TiemapLimits.fieldBytes)) bytes (the limit for one cell)")
  }

  private mutating func consumeLineEnd() {
    if bytes[pos] == 0x0D { pos += 1; if pos < bytes.count && bytes[pos] == 0x0A { pos += 1 } } else { pos += 1 }
    line += 1
  }

  /// Checks that a field is UTF-8 (ASCII, the common case, is checked by the caller's scan).
  private func validate(_ b: UnsafeBufferPointer<UInt8>, line: Int) throws {
    var high: UInt8 = 0
    for c in b { high |= c }
    if high < 0x80 { return }
    guard String(validating: b, as: UTF8.self) != nil else {
      throw InputError(file: file, line: line, problem: "invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
    }
  }
}

/// One CSV record: where each field's bytes are. An unquoted field is read in place, in the parser's bytes; a
/// quoted one is copied, quotes removed and doubled quotes undone. Reused from row to row, so reading a million
/// rows allocates nothing per row; fields become `String`s only when a reader asks (`CSVParser.string`), numbers
/// and dates are parsed from the bytes. A record is read through the parser that filled it.
public struct CSVRecord: Sendable {
  /// Field `i` is `spans[2i] ..< spans[2i + 1]` of the parser's bytes, or — both bitwise-negated — of `copied`.
  var spans: [Int] = []
  /// The quoted fields, unescaped.
  var copied: [UInt8] = []

  public init() {
    spans.reserveCapacity(64)
  }

  public var count: Int { spans.count / 2 }

  mutating func removeAll() {
    spans.removeAll(keepingCapacity: true)
    copied.removeAll(keepingCapacity: true)
  }
}

extension CSVParser {
  /// `body` on the bytes of field `i` of `record` (read by this parser), as written.
  @inline(__always) func withField<R>(_ i: Int, of record: CSVRecord, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let a = record.spans[2 * i], b = record.spans[2 * i + 1]
    if a >= 0 { return try body(UnsafeBufferPointer(rebasing: bytes[a..<b])) }
    return try record.copied.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[(~a)..<(~b)])) }
  }

  /// Field `i` of `record` as it was written (validated UTF-8).
  func string(_ i: Int, of record: CSVRecord) -> String {
    withField(i, of: record) { String(decoding: $0, as: UTF8.self) }
  }

  /// Field `i` of `record` without leading and trailing spaces and tabs, passed to `body` as bytes.
  @inline(__always) func withTrimmedField<R>(_ i: Int, of record: CSVRecord, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try withField(i, of: record) { all in
      var (lo, hi) = (0, all.count)
      while lo < hi, all[lo] == 0x20 || all[lo] == 0x09 { lo += 1 }
      while lo < hi, all[hi - 1] == 0x20 || all[hi - 1] == 0x09 { hi -= 1 }
      return try body(UnsafeBufferPointer(rebasing: all[lo..<hi]))
    }
  }
}
