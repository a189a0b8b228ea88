import NetworkAnalysis
import SocialGraph

/// Reads one self-contained account per line (JSON lines, the shape pipe-based engines such as Spark's
/// `RDD.pipe` stream): `{"account": NAME, "contacts": [{…}], "ties": [{…}], "interactions": [{…}]}`, where each
/// object has the columns of contacts.csv, ties.csv and interactions.csv as keys (values as strings, numbers,
/// booleans or null). The rows go through the same readers as the CSV files, so every check and message is the
/// same; a problem is reported as `<stdin>:LINE: contacts[ROW]: problem`. Contacts without an `account` get the
/// line's; our team's members come as contacts with `"internal": true`.
public enum AccountLinesReader {
  public struct Account: Sendable {
    public var name: String
    public var parts: SocialGraphParts
    public var interactions: [Interaction]
  }

  /// The account on `line` (its text, without the line end), line number `number` of `file`.
  public static func read(_ line: [UInt8], number: Int, file: String = "<stdin>", options: LoadOptions = LoadOptions()) throws -> Account {
    func problem(_ m: String) -> InputError { InputError(file: file, line: number, problem: m) }
    let doc: JSONValue
    do { doc = try JSONReader.parse(line) } catch { throw problem("not a JSON object: \(error)") }
    guard case .object(let members) = doc else { throw problem("expected a JSON object {\"account\", \"contacts\", \"ties\", \"interactions\"}") }
    var name: String?
    var tables: [String: [[(String, JSONValue)]]] = [:]
    for (k, v) in members {
      switch k {
      case "account":
        guard case .string(let s) = v else { throw problem("\"account\" must be a string") }
        name = s
      case "contacts", "ties", "interactions":
        guard case .array(let items) = v else { throw problem("\"\(k)\" must be an array of objects") }
        var rows: [[(String, JSONValue)]] = []
        for (i, item) in items.enumerated() {
          guard case .object(let fields) = item else { throw problem("\(k)[\(i)] must be an object") }
          rows.append(fields)
        }
        tables[k] = rows
      default: continue
      }
    }
    guard let name else { throw problem("missing \"account\"") }
    guard var contacts = tables["contacts"], !contacts.isEmpty else { throw problem("\"contacts\" is missing or empty") }
    // (Our team's rows get it too: an account is only ever read for people not on our team.)
    for i in contacts.indices where !contacts[i].contains(where: { $0.0 == "account" }) {
      contacts[i].append(("account", .string(name)))
    }
    func source(_ key: String, _ rows: [[(String, JSONValue)]]) -> (InputLoader.Source, [Int]) {
      let (bytes, lines) = csv(rows)
      let data = InputBytes(bytes)
      return ((name: "\(file):\(number) \(key)", bytes: { data }), lines)
    }
    let (c, cLines) = source("contacts", contacts)
    let t = tables["ties"].flatMap { $0.isEmpty ? nil : source("ties", $0) }
    let h = tables["interactions"].flatMap { $0.isEmpty ? nil : source("interactions", $0) }
    do {
      let r = try InputLoader.loadParts(contactsSource: c, tiesSource: t?.0, historySource: h?.0, options: options)
      return Account(name: name, parts: r.parts, interactions: r.interactions)
    } catch let e as InputError {
      // Back from the generated CSV's lines to the line's rows.
      for (key, lines) in [("contacts", cLines), ("ties", t?.1 ?? []), ("interactions", h?.1 ?? [])] where e.file.hasSuffix(" \(key)") {
        let row = lines.lastIndex { $0 <= e.line }
        throw problem(row.map { "\(key)[\($0)]: \(e.problem)" } ?? "\(key): \(e.problem)")
      }
      throw problem(e.problem)
    }
  }

  /// The rows as CSV (header: the keys in order of first appearance), and the line each row starts on.
  static func csv(_ rows: [[(String, JSONValue)]]) -> ([UInt8], [Int]) {
    var keys: [String] = []
    var seen = Set<String>()
    for r in rows { for (k, _) in r where seen.insert(k).inserted { keys.append(k) } }
    var out = CSVWriter.rawLine(keys)
    var line = 2
    var lines: [Int] = []
    for r in rows {
      var cells = [String](repeating: "", count: keys.count)
      for (k, v) in r {
        let i = keys.firstIndex(of: k)!
        switch v {
        case .string(let s): cells[i] = s
        case .int(let n): cells[i] = String(n)
        case .number(let d): cells[i] = Cell.number(d).plainText
        case .bool(let b): cells[i] = b ? "true" : "false"
        case .null: cells[i] = ""
        case .array, .object: cells[i] = v.compact()
        }
      }
      lines.append(line)
      let text = CSVWriter.rawLine(cells)
      line += text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      out += text
    }
    return (Array(out.utf8), lines)
  }
}
