/// CSV text that a reader makes of another file (a workbook's sheet, a LinkedIn export with its id added, a CRM's
/// activity export as Tiemap's history), written so that every record starts on the line its source row was on —
/// blank lines between — and so every `file:line` a reader gives is the source's own. When a line is already taken
/// (a source row that gives two records, or a cell whose line break the source did not count), the record goes on
/// the next free line and `lineMap` says, for each line written, the source line it came from.
/// - Complexity: O(bytes written).
struct LineKeptCSV {
  private(set) var bytes: [UInt8] = []
  /// Line written → source line (index 0 unused); kept from the first shift on.
  private var map: [Int] = [0]
  private var shifted = false
  /// Line ends written so far.
  private var done = 0

  init(reserving capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Nil while every record is on its source's line; else the map from lines written to source lines.
  var lineMap: [Int]? { shifted ? map : nil }

  /// One record of `fields` (quoted where they need it), from source line `source`.
  mutating func record(_ fields: [String], at source: Int) {
    while done < source - 1 { bytes.append(0x0A); done += 1; map.append(done) }
    if done != source - 1 { shifted = true }
    map.append(source)
    for (k, f) in fields.enumerated() {
      if k > 0 { bytes.append(0x2C) }
      guard f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
        bytes.append(contentsOf: f.utf8)
        continue
      }
      bytes.append(0x22)
      for b in f.utf8 {
        if b == 0x22 { bytes.append(0x22) }
        if b == 0x0A { done += 1; map.append(source) }
        bytes.append(b)
      }
      bytes.append(0x22)
    }
    bytes.append(0x0A)
    done += 1
  }
}
