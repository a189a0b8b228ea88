/// A result with one row per item (person, tie…) and named columns, rendered as CSV, JSON or a terminal table.
/// NaN numbers mean "undefined" and are written as empty CSV cells and JSON nulls.
public struct ResultTable: Sendable {
  public var columns: [String]
  public var rows: [[Cell]]

  public init(columns: [String], rows: [[Cell]]) {
    self.columns = columns
    self.rows = rows
  }

  static func defined(_ c: Cell) -> Cell {
    if case .number(let d, _) = c, d.isNaN { return .empty }
    return c
  }

  public func csv() -> String {
    CSVWriter.table(header: columns, rows: rows.map { $0.map(Self.defined) })
  }

  /// The rows as a JSON array of objects `{column: value, …}` (NaN as null).
  public var jsonRows: JSONValue {
    .array(rows.map { row in .object(zip(columns, row).map { ($0.0, JSONValue(Self.defined($0.1))) }) })
  }

  /// `{meta…, "<rowsKey>": [{column: value, …}, …]}`.
  public func json(meta: [(String, JSONValue)] = [], rowsKey: String) -> String {
    JSONValue.object(meta + [(rowsKey, jsonRows)]).rendered()
  }

  /// The same table with its rows sorted by `key` of each row's index, largest first; equal keys keep input order
  /// (terminal tables put the most telling rows first; CSV and JSON keep input order).
  public func sortedDescending<K: Comparable>(by key: (Int) -> K) -> ResultTable {
    let order = rows.indices.map { (key($0), $0) }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    return ResultTable(columns: columns, rows: order.map { rows[$0.1] })
  }

  /// Aligned text; `limit` rows at most, with a note of how many were left out.
  public func text(limit: Int? = nil) -> String {
    let shown = limit.map { Array(rows.prefix($0)) } ?? rows
    var out = TextTable.render(header: columns, rows: shown.map { $0.map(Self.defined) })
    if shown.count < rows.count { out += "… \(rows.count - shown.count) more rows (use --format csv or -o for all)\n" }
    return out
  }
}
