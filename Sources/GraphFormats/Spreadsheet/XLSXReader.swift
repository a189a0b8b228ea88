internal import Foundation
internal import ZIPFoundation
import SocialGraph

/// An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML), as the CRMs' "Export to Excel", Excel and LibreOffice
/// write it, read as the CSV text of one sheet, so that every reader takes a spreadsheet as it takes a CSV file,
/// with the same checks and messages: each sheet row is the line of the same number (a row left empty is an empty
/// line), so `contacts.xlsx:12:` is row 12. Cells are typed by the sheet: text as written (shared or inline
/// strings, formula results), numbers in their shortest form (`5`, `0.25`), booleans `true`/`false`, and a
/// number shown with a date format (built-in formats 14–22, 27–36, 45–47, 50–58, or a custom format with day,
/// month, year or time parts) as an ISO date, `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time; the 1900 and
/// 1904 date systems both. Every row is as wide as the widest, so trailing empty cells Excel leaves out are there.
///
/// A cell holding a line break keeps it (the CSV field is quoted); the rows after it would then start on later
/// lines, so the reader's line numbers are mapped back to rows in every message (`InputFile.row(of:in:)`).
///
/// The first sheet is read, or the one `sheet` names (by name, case-insensitive, or by its number from 1; a
/// workbook of one sheet is read whatever `sheet` says, so that one `--sheet` serves the workbook it is for); a
/// workbook of several sheets says which it read in a warning. Refused, naming the file: a legacy `.xls` or a file
/// that is not a workbook, a sheet not in it, and a part that would inflate past `maxPartBytes` (checked against
/// the declared size before anything is inflated, and again while inflating).
/// - Reference: ECMA-376 5th ed. (2016), Part 1, §18.3 (worksheets), §18.4 (shared strings), §18.8.30–31
///   (number formats and the built-in ones), §18.17.4.1 (date systems; the 1900 system's day 60).
/// - Complexity: O(size of the sheet and shared strings, inflated).
enum XLSXReader {
  /// The largest part (a sheet, the shared strings) inflated: 1 GiB.
  static let maxPartBytes = 1 << 30

  struct Converted {
    var csv: [UInt8]
    /// CSV line → sheet row, when a multi-line cell shifted them (nil: line n is row n).
    var rows: [Int]?
    var note: String?
  }

  /// Whether `bytes` open as a ZIP archive does (an `.xlsx` under another name).
  static func looksLikeZip(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
  }

  static func convert(path: String, sheet wanted: String?) throws -> Converted {
    func fail(_ problem: String) -> InputError { InputError(file: path, line: 0, problem: problem) }
    let archive: Archive
    do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
      throw fail("not a readable .xlsx workbook (a ZIP archive): \(error)")
    }
    func part(_ name: String) throws -> [UInt8]? {
      guard let entry = archive[name] else { return nil }
      guard entry.uncompressedSize <= UInt64(maxPartBytes) else {
        throw fail("\(name) would inflate to \(entry.uncompressedSize >> 20) MiB, more than \(maxPartBytes >> 20) MiB (refused)")
      }
      var out: [UInt8] = []
      out.reserveCapacity(Int(entry.uncompressedSize))
      do {
        _ = try archive.extract(entry, skipCRC32: false) { data in
          guard out.count + data.count <= maxPartBytes && out.count + data.count <= Int(entry.uncompressedSize) + 1 else {
            throw InputError(file: path, line: 0, problem: "\(name) inflates past its declared size (a damaged or hostile archive; refused)")
          }
          out.append(contentsOf: data)
        }
      } catch let e as InputError { throw e } catch {
        throw fail("\(name) cannot be read from the workbook: \(error)")
      }
      return out
    }
    guard let workbook = try part("xl/workbook.xml") else {
      if archive["word/document.xml"] != nil || archive["ppt/presentation.xml"] != nil {
        throw fail("a Word or PowerPoint file, not a workbook: save the table as .xlsx or CSV")
      }
      throw fail("a ZIP archive without xl/workbook.xml: not an .xlsx workbook")
    }
    // Sheets in order (name, relationship id), the date system.
    var sheets: [(name: String, rel: String)] = []
    var date1904 = false
    try XMLStream.read(workbook, file: path + "!xl/workbook.xml") { xml in
      while let event = try xml.next() {
        guard case .start(let e) = event else { continue }
        if e.name == "sheet", let name = e["name"], let rel = e["id"] { sheets.append((name, rel)) }
        if e.name == "workbookPr", let d = e["date1904"] { date1904 = d == "1" || d == "true" }
      }
    }
    guard !sheets.isEmpty else { throw fail("the workbook has no sheet") }
    var index = 0
    if let wanted {
      if let k = Int(wanted), k >= 1, k <= sheets.count { index = k - 1 }
      else if let k = sheets.firstIndex(where: { $0.name.lowercased() == wanted.lowercased() }) { index = k }
      else if sheets.count == 1 { index = 0 }   // a one-sheet workbook beside the one --sheet is for
      else {
        throw fail("no sheet \(quoted(wanted)) (sheets: \(sheets.map { quoted($0.name) }.joined(separator: ", ")); give a name or a number from 1)")
      }
    }
    var targets: [String: String] = [:]
    if let rels = try part("xl/_rels/workbook.xml.rels") {
      try XMLStream.read(rels, file: path + "!xl/_rels/workbook.xml.rels") { xml in
        while let event = try xml.next() {
          if case .start(let e) = event, e.name == "Relationship", let id = e["Id"], let t = e["Target"] { targets[id] = t }
        }
      }
    }
    let target = targets[sheets[index].rel] ?? "worksheets/sheet\(index + 1).xml"
    let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    guard let sheetXML = try part(sheetPath) else { throw fail("sheet \(quoted(sheets[index].name)) is missing its part \(sheetPath)") }
    let strings = try part("xl/sharedStrings.xml").map { try sharedStrings($0, file: path) } ?? []
    let dateStyles = try part("xl/styles.xml").map { try self.dateStyles($0, file: path) } ?? []

    // The cells, row by row.
    var rows: [(row: Int, cells: [(column: Int, text: String)])] = []
    var width = 0
    try XMLStream.read(sheetXML, file: path + "!" + sheetPath) { xml in
      var rowNumber = 0
      while let event = try xml.next() {
        guard case .start(let e) = event else { continue }
        if e.name == "row" {
          rowNumber = e["r"].flatMap { Int($0) } ?? rowNumber + 1
          rows.append((rowNumber, []))
          continue
        }
        guard e.name == "c", !rows.isEmpty else { continue }
        let column = e["r"].flatMap(columnIndex) ?? (rows[rows.count - 1].cells.last.map { $0.column + 1 } ?? 0)
        let type = e["t"] ?? "n"
        let style = e["s"].flatMap { Int($0) } ?? 0
        var value: String?
        var inline = ""
        if !e.isEmpty {
          var depth = 0
          cell: while let inner = try xml.next() {
            switch inner {
            case .start(let s):
              if s.name == "v" { value = try xml.text(of: s) }
              else if s.name == "t" { inline += try xml.text(of: s) }
              else if s.name == "rPh" { try xml.skip(s) }
              else if !s.isEmpty { depth += 1 }
            case .end:
              if depth == 0 { break cell }
              depth -= 1
            case .text: break
            }
          }
        }
        var text: String
        switch type {
        case "s":
          guard let v = value, let k = Int(v), k >= 0, k < strings.count else {
            throw InputError(file: path, line: rowNumber, problem: "cell \(e["r"] ?? "?") names shared string \(value ?? "none"), which the workbook does not have")
          }
          text = strings[k]
        case "inlineStr": text = inline
        case "b": text = value == "1" ? "true" : "false"
        case "str", "e": text = value ?? ""
        default:
          guard let v = value, let x = Double(v), x.isFinite else { text = value ?? ""; break }
          text = style < dateStyles.count && dateStyles[style] ? isoDate(x, date1904: date1904) ?? number(x) : number(x)
        }
        if text.isEmpty { continue }
        rows[rows.count - 1].cells.append((column, text))
        width = max(width, column + 1)
      }
    }
    guard width > 0 else { throw InputError(file: path, line: 0, problem: "sheet \(quoted(sheets[index].name)) is empty") }

    // As CSV: row r on line r (empty rows as empty lines), every row `width` wide.
    var out = LineKeptCSV()
    var previous = 0
    for (row, cells) in rows where !cells.isEmpty {
      if row <= previous { throw InputError(file: path, line: row, problem: "rows out of order in the sheet (a damaged workbook)") }
      previous = row
      var fields = [String](repeating: "", count: width)
      for (c, t) in cells where c < width { fields[c] = t }
      out.record(fields, at: row)
    }
    var converted = Converted(csv: out.bytes, rows: out.lineMap)
    if sheets.count > 1 {
      converted.note = "read sheet \(quoted(sheets[index].name)) (\(index + 1) of \(sheets.count): \(sheets.map { quoted($0.name) }.joined(separator: ", "))); choose another with --sheet"
    }
    return converted
  }

  /// `A` → 0, `Z` → 25, `AA` → 26 … from a cell reference (`B12`).
  static func columnIndex(_ ref: String) -> Int? {
    var k = 0
    var letters = 0
    for u in ref.utf8 {
      guard u >= 0x41 && u <= 0x5A else { break }
      k = k * 26 + Int(u - 0x40)
      letters += 1
      if letters > 3 { return nil }   // past XFD (16,384 columns)
    }
    return letters == 0 ? nil : k - 1
  }

  /// The shared strings, each the text of its `<t>` runs (phonetic runs left out).
  static func sharedStrings(_ bytes: [UInt8], file: String) throws -> [String] {
    var out: [String] = []
    try XMLStream.read(bytes, file: file + "!xl/sharedStrings.xml") { xml in
      var current: String?
      while let event = try xml.next() {
        switch event {
        case .start(let e):
          if e.name == "si" { current = "" }
          else if e.name == "t", current != nil { current! += try xml.text(of: e) }
          else if e.name == "rPh" { try xml.skip(e) }
        case .end(let name, _):
          if name == "si", let s = current { out.append(s); current = nil }
        case .text: break
        }
      }
    }
    return out
  }

  /// For each cell style (`cellXfs` index), whether its number format shows a date or a time.
  static func dateStyles(_ bytes: [UInt8], file: String) throws -> [Bool] {
    var custom: [Int: String] = [:]
    var styles: [Bool] = []
    try XMLStream.read(bytes, file: file + "!xl/styles.xml") { xml in
      var inCellXfs = false
      while let event = try xml.next() {
        switch event {
        case .start(let e):
          if e.name == "numFmt", let id = e["numFmtId"].flatMap({ Int($0) }), let code = e["formatCode"] { custom[id] = code }
          if e.name == "cellXfs" { inCellXfs = !e.isEmpty }
          if e.name == "xf" && inCellXfs {
            let id = e["numFmtId"].flatMap { Int($0) } ?? 0
            styles.append(custom[id].map(isDateFormat) ?? builtinDates.contains(id))
          }
        case .end(let name, _): if name == "cellXfs" { inCellXfs = false }
        case .text: break
        }
      }
    }
    return styles
  }

  /// The built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones).
  static let builtinDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  /// Whether a format code shows a date or time: a d, m, y, h or s outside quoted text, `[…]` and escapes.
  static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false, inBracket = false, escaped = false
    for c in code.lowercased() {
      if escaped { escaped = false; continue }
      if inQuote { if c == "\"" { inQuote = false }; continue }
      if inBracket { if c == "]" { inBracket = false }; continue }
      switch c {
      case "\"": inQuote = true
      case "[": inBracket = true
      case "\\", "_", "*": escaped = true
      case "d", "m", "y", "h", "s": return true
      default: break
      }
    }
    return false
  }

  /// A number as the sheet holds it, shortest: `5`, `0.25`, `1e-07`.
  static func number(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// An Excel serial date as ISO `YYYY-MM-DD` (and ` HH:MM:SS` when it has a time of day); nil out of range.
  static func isoDate(_ serial: Double, date1904: Bool) -> String? {
    guard serial >= 0 && serial < 2_958_466 else { return nil }   // up to 9999-12-31
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 { days += 1; seconds -= 86_400 }
    let base: Day
    if date1904 { base = Day(year: 1904, month: 1, day: 1)! }
    else {
      // The 1900 system counts a 29 February 1900 that never was (day 60): from day 61 on, 30 Dec 1899 is day 0.
      guard days != 60 else { return nil }
      base = days < 60 ? Day(year: 1899, month: 12, day: 31)! : Day(year: 1899, month: 12, day: 30)!
    }
    let day = Day(daysSinceEpoch: base.daysSinceEpoch + Int32(days))
    guard seconds > 0 else { return day.description }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(day) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
  }
}
