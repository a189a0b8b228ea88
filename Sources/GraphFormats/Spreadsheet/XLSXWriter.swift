import SocialGraph

/// Tables as an Excel workbook (`-o x.xlsx`, Office Open XML SpreadsheetML), one sheet per table, as Excel,
/// LibreOffice and openpyxl open it: the header row bold and frozen, with a filter; each column typed — numbers
/// (every value a plain number written canonically: `42`, `0.5`, `-1.5e-07`; not `007`, whose zeros are data),
/// dates (every value ISO `YYYY-MM-DD`, shown so), booleans (`true`/`false`), else text — and as wide as its
/// content (up to 60 characters). The tables come as the CSV Tiemap writes (so every command with a CSV output
/// has a workbook too); a cell that CSV neutralised against formula injection (`'=…`) is plain text again, which a
/// workbook's inline strings never run. The bytes are the same for the same tables (entries dated 2026-01-01).
/// - Reference: ECMA-376 5th ed. (2016), Part 1, §18.3 (worksheets: `sheetView` panes, `autoFilter`, `cols`),
///   §18.8 (styles), §18.17.4.1 (dates as serial days in the 1900 system).
/// - Complexity: O(size of the tables).
public enum XLSXWriter {
  /// Excel's limits: rows and columns of a sheet, characters in a cell.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384
  public static let maxCellCharacters = 32_767

  public struct TooLarge: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  enum Kind { case number, date, boolean, text }

  /// The workbook of `sheets` (name, CSV text with a header line), in order.
  /// - Throws: `TooLarge` past Excel's limits (write CSV instead).
  public static func workbook(_ sheets: [(name: String, csv: String)]) throws -> [UInt8] {
    let package = try OfficePackage()
    func add(_ path: String, _ text: String) throws { try package.add(path, text) }
    var names: [String] = []
    for (k, sheet) in sheets.enumerated() {
      names.append(sheetName(sheet.name, taken: names))
      try add("xl/worksheets/sheet\(k + 1).xml", try worksheet(sheet.csv))
    }
    try add("[Content_Types].xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      \(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
      </Types>
      """)
    try add("_rels/.rels", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
      </Relationships>
      """)
    try add("xl/workbook.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheets>\(names.enumerated().map { "<sheet name=\"\(Escape.markup($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets>\
      </workbook>
      """)
    try add("xl/_rels/workbook.xml.rels", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
      <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
      </Relationships>
      """)
    // Styles: 0 plain, 1 the bold header, 2 a date (yyyy-mm-dd).
    try add("xl/styles.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
      <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
      <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
      <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
      <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
      <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
      <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
      <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
      </styleSheet>
      """)
    return try package.bytes()
  }

  /// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
  static func sheetName(_ raw: String, taken: [String]) -> String {
    var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    if name.isEmpty { name = "Sheet" }
    var k = 2
    let base = name
    while taken.contains(where: { $0.lowercased() == name.lowercased() }) {
      let suffix = " (\(k))"
      name = String(base.prefix(31 - suffix.count)) + suffix
      k += 1
    }
    return name
  }

  /// A cell value as the CSV held it, less the formula guard (`'=…` → `=…`).
  static func unguarded(_ s: String) -> String {
    guard s.hasPrefix("'"), let second = s.unicodeScalars.dropFirst().first, second.isASCII,
          Escape.startsFormula(UInt8(second.value)) else { return s }
    return String(s.dropFirst())
  }

  /// Whether `s` is a number written canonically (no leading zeros or `+`, no `inf`/`nan`).
  static func isCanonicalNumber(_ s: String) -> Bool {
    guard let d = Double(s), d.isFinite, Escape.isPlainNumber(s) else { return false }
    var digits = Substring(s)
    if digits.hasPrefix("-") { digits = digits.dropFirst() }
    if digits.hasPrefix("+") { return false }
    if digits.count > 1, digits.hasPrefix("0"), !digits.hasPrefix("0.") { return false }   // 007, 00.5
    return true
  }

  /// The column's type: the one all its values have.
  static func kind(of values: [String]) -> Kind {
    var (number, date, boolean, any) = (true, true, true, false)
    for v in values where !v.isEmpty {
      any = true
      if number && !isCanonicalNumber(v) { number = false }
      if date && !(v.count == 10 && Day(iso: v) != nil) { date = false }
      if boolean && v != "true" && v != "false" { boolean = false }
      if !number && !date && !boolean { return .text }
    }
    guard any else { return .text }
    return number ? .number : date ? .date : boolean ? .boolean : .text
  }

  /// `A`, `B`, … `Z`, `AA`…
  static func columnLetters(_ k: Int) -> String {
    var n = k + 1
    var out = ""
    while n > 0 { let r = (n - 1) % 26; out = String(UnicodeScalar(UInt8(65 + r))) + out; n = (n - 1) / 26 }
    return out
  }

  /// One sheet of the CSV text.
  static func worksheet(_ csv: String) throws -> String {
    var parser = CSVParser(bytes: Array(csv.utf8), file: "table", separator: 0x2C)
    var rows: [[String]] = []
    var fields: [String] = []
    while (try? parser.next(into: &fields)) ?? nil != nil { rows.append(fields.map(unguarded)) }
    guard rows.count <= maxRows else {
      throw TooLarge(description: "\(rows.count) rows: an Excel sheet holds at most \(maxRows) (write CSV: -o FILE.csv)")
    }
    let width = rows.map(\.count).max() ?? 0
    guard width <= maxColumns else { throw TooLarge(description: "\(width) columns: an Excel sheet holds at most \(maxColumns)") }
    if let long = rows.lazy.flatMap({ $0 }).first(where: { $0.count > maxCellCharacters }) {
      throw TooLarge(description: "a cell of \(long.count) characters: an Excel cell holds at most \(maxCellCharacters) (write CSV: -o FILE.csv)")
    }
    let kinds = (0..<width).map { c in kind(of: rows.dropFirst().map { c < $0.count ? $0[c] : "" }) }
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      """
    if !rows.isEmpty {
      out += "<dimension ref=\"A1:\(columnLetters(max(width - 1, 0)))\(rows.count)\"/>"
    }
    out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    if width > 0 {
      out += "<cols>"
      for c in 0..<width {
        let longest = rows.prefix(2000).map { c < $0.count ? $0[c].count : 0 }.max() ?? 8
        let w = kinds[c] == .date ? 12 : min(max(longest, 6), 60) + 2
        out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    let base = Day(year: 1899, month: 12, day: 30)!.daysSinceEpoch
    for (r, row) in rows.enumerated() {
      out += "<row r=\"\(r + 1)\">"
      for (c, v) in row.enumerated() where !v.isEmpty {
        let ref = "\(columnLetters(c))\(r + 1)"
        if r == 0 {
          out += "<c r=\"\(ref)\" t=\"inlineStr\" s=\"1\"><is><t>\(Escape.xmlData(v))</t></is></c>"
          continue
        }
        switch kinds[c] {
        case .number: out += "<c r=\"\(ref)\"><v>\(v)</v></c>"
        case .date: out += "<c r=\"\(ref)\" s=\"2\"><v>\(Int(Day(iso: v)!.daysSinceEpoch - base))</v></c>"
        case .boolean: out += "<c r=\"\(ref)\" t=\"b\"><v>\(v == "true" ? 1 : 0)</v></c>"
        case .text: out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Escape.xmlData(v))</t></is></c>"
        }
      }
      out += "</row>"
    }
    out += "</sheetData>"
    if rows.count > 1 && width > 0 { out += "<autoFilter ref=\"A1:\(columnLetters(width - 1))\(rows.count)\"/>" }
    return out + "</worksheet>"
  }
}
