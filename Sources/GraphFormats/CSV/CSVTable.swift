import SocialGraph

/// Column names are compared after `normalizedColumnName`: lower case, letters and digits only, so `Reports To`,
/// `reports_to`, `ReportsToId`-style names meet their aliases.
func normalizedColumnName(_ s: String) -> String {
  var out = ""
  for c in s.lowercased().unicodeScalars where CharacterSet_isAlnum(c) { out.unicodeScalars.append(c) }
  return out
}

@inline(__always) private func CharacterSet_isAlnum(_ c: Unicode.Scalar) -> Bool {
  c.properties.isAlphabetic || ("0"..."9").contains(c)
}

/// A CSV file with a header, read row by row: maps header names to known fields through aliases, keeps the
/// other columns, checks that every row has as many fields as the header, and names file and line in every
/// error.
struct CSVTable<Field: Hashable & Sendable>: Sendable {
  let file: String
  private var parser: CSVParser
  /// Header names as written.
  let header: [String]
  /// Column index of each known field present.
  let columns: [Field: Int]
  /// Columns that are not known fields, as (name, index), in file order.
  let extraColumns: [(name: String, index: Int)]
  /// The current row.
  private(set) var record = CSVRecord()
  /// Line of the current row.
  private(set) var line = 0
  private(set) var rowCount = 0
  /// A chunk of the file (`chunk`): lines count from its start, and it may hold no rows.
  private(set) var isChunk = false

  /// Reads the header. `aliases` maps normalised names to fields; `name(field)` is the canonical column name.
  init(bytes: [UInt8], file: String, aliases: [String: Field], required: [Field],
       name: (Field) -> String) throws {
    try self.init(data: InputBytes(bytes), file: file, aliases: aliases, required: required, name: name)
  }

  init(data: InputBytes, file: String, aliases: [String: Field], required: [Field], name: (Field) -> String) throws {
    self.file = file
    var parser = CSVParser(data: data, file: file)
    if parser.isBlank { throw InputError(file: file, line: 0, problem: "file is empty (expected a header line)") }
    var header: [String] = []
    guard let headerLine = try parser.next(into: &header) else {
      throw InputError(file: file, line: 0, problem: "file is empty (expected a header line)")
    }
    var columns: [Field: Int] = [:]
    var extra: [(String, Int)] = []
    for (i, raw) in header.enumerated() {
      let h = raw.trimmingBlanks()
      if let f = aliases[normalizedColumnName(h)] {
        if let j = columns[f] {
          throw InputError(file: file, line: headerLine,
                           problem: "columns \(quoted(header[j])) and \(quoted(raw)) both give \(name(f))")
        }
        columns[f] = i
      } else {
        extra.append((h.isEmpty ? "column\(i + 1)" : h, i))
      }
    }
    for f in required where columns[f] == nil {
      throw InputError(file: file, line: headerLine,
                       problem: "missing required column \(quoted(name(f))) (columns found: \(header.map { $0.trimmingBlanks() }.joined(separator: ", ")))")
    }
    self.parser = parser
    self.header = header
    self.columns = columns
    self.extraColumns = extra
    self.line = headerLine
  }

  /// The header of `bytes` (names as written) and its line, without reading further.
  static func header(of bytes: [UInt8], file: String) throws -> (names: [String], line: Int) {
    try header(of: InputBytes(bytes), file: file)
  }

  static func header(of data: InputBytes, file: String) throws -> (names: [String], line: Int) {
    var parser = CSVParser(data: data, file: file)
    var header: [String] = []
    guard !parser.isBlank, let line = try parser.next(into: &header) else {
      throw InputError(file: file, line: 0, problem: "file is empty (expected a header line)")
    }
    return (header, line)
  }

  /// Where the rows start: the offset after the header.
  var dataStart: Int { parser.position }

  /// The same table over the rows that start in `range` of the file (a line start after the header), its lines
  /// numbered from 1 at `range.lowerBound`: one chunk of a file read in parallel (`CSVChunks`).
  func chunk(_ range: Range<Int>) -> CSVTable {
    var t = self
    t.parser = CSVParser(data: parser.source, file: file, separator: parser.separator, range: range)
    t.record = CSVRecord()
    t.line = 0; t.rowCount = 0; t.isChunk = true
    return t
  }

  /// Where the chunk's first row started, and where its reading stands (`CSVParser`).
  var firstRecordStart: Int? { parser.firstRecordStart }
  var position: Int { parser.position }

  /// Moves to the next row; false at the end. Throws when the row's field count differs from the header's —
  /// or, with `rejects`, logs that row and moves on.
  mutating func next(_ rejects: RejectLog? = nil) throws -> Bool {
    while true {
      guard let l = try parser.next(into: &record) else {
        if rowCount == 0 && !isChunk {
          throw InputError(file: file, line: line, problem: "no rows after the header")
        }
        return false
      }
      line = l
      rowCount += 1
      if record.count != header.count {
        let e = InputError(file: file, line: l,
                           problem: "row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count)")
        guard let rejects else { throw e }
        rejects.add(e)
        continue
      }
      return true
    }
  }

  /// The trimmed value of `field` in the current row; nil when the column is absent or the cell is blank.
  func value(_ field: Field) -> String? { value(at: columns[field]) }

  /// The column of `field`, for readers that look it up once, before their row loop (`value(at:)`).
  func column(_ field: Field) -> Int? { columns[field] }

  /// The trimmed value of column `i` in the current row; nil when `i` is nil or the cell is blank.
  @inline(__always) func value(at i: Int?) -> String? {
    guard let i else { return nil }
    return parser.withTrimmedField(i, of: record) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
  }

  /// Column `i` of the current row as written (not trimmed).
  func raw(at i: Int) -> String { parser.string(i, of: record) }

  /// `body` on the trimmed bytes of column `i`; nil when `i` is nil or the cell is blank. Lets readers parse
  /// numbers, dates and ids without making a `String` per cell.
  @inline(__always) func withBytes<R>(at i: Int?, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
    guard let i else { return nil }
    return try parser.withTrimmedField(i, of: record) { $0.isEmpty ? nil : try body($0) }
  }

  /// The number in column `i` (nil when blank); the error of `ValueParsing.number` when it is not one.
  @inline(__always) func number(at i: Int?, column: String) throws -> Double? {
    guard let parsed = withBytes(at: i, { ValueParsing.fastNumber($0) }) else { return nil }
    if let v = parsed { return v }
    return try ValueParsing.number(value(at: i)!, column: column).get(in: self)
  }

  /// The date in column `i` (nil when blank); the error of `ValueParsing.day` when it is not one.
  @inline(__always) func day(at i: Int?, column: String) throws -> Day? {
    guard let parsed = withBytes(at: i, { Day(isoBytes: $0) }) else { return nil }
    if let d = parsed { return d }
    return try ValueParsing.day(value(at: i)!, column: column).get(in: self)
  }

  func has(_ field: Field) -> Bool { columns[field] != nil }

  func error(_ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }
}

extension String {
  /// Without leading and trailing spaces and tabs (not other characters: a quoted value keeps its inner spaces).
  func trimmingBlanks() -> String {
    // Fast path: most cells have no blank at either end (O(1) on native strings).
    let u = utf8
    guard let f = u.first, let l = u.last else { return self }
    if f != 0x20 && f != 0x09 && l != 0x20 && l != 0x09 { return self }
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s.count == count ? self : String(s)
  }
}
