import NetworkAnalysis
import SocialGraph

/// Groups of people (`Groups`) from a file of `id group` pairs (whitespace, `#` comments — like SNAP's department labels — or a CSV
/// with columns `id,group`). Group names are numbered in order of first appearance; people without a group get −1.
public enum GroupsReader {
  /// Groups from a file of `id group` lines (or a CSV with `id,group`). Every id must be in the graph and appear once.
  public static func read(_ path: String, graph g: SocialGraph) throws -> Groups {
    var pairs: [(String, String, Int)] = []
    if path.lowercased().hasSuffix(".csv") {
      enum Field: String { case id, group }
      var table = try CSVTable<Field>(data: try InputFile.bytes(path), file: path,
                                      aliases: ["id": .id, "person": .id, "node": .id, "group": .group, "department": .group, "dept": .group],
                                      required: [.id, .group], name: { $0.rawValue })
      while try table.next() {
        guard let id = table.value(.id) else { throw table.error("empty id") }
        pairs.append((id, table.value(.group) ?? "", table.line))
      }
    } else {
      let bytes = try InputFile.read(path)
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw InputError(file: path, line: 0, problem: "invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
      }
      for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        if fields.isEmpty || fields[0].hasPrefix("#") { continue }
        guard fields.count == 2 else {
          throw InputError(file: path, line: i + 1, problem: "expected 2 columns (id group), found \(fields.count)")
        }
        pairs.append((String(fields[0]), String(fields[1]), i + 1))
      }
    }
    var group = [Int](repeating: -1, count: g.count)
    var firstLine: [Int: Int] = [:]
    var index: [String: Int] = [:], names: [String] = []
    for (id, name, line) in pairs {
      guard let v = g.index(of: id) else { throw InputError(file: path, line: line, problem: "id \(quoted(id)) is not in the graph") }
      if let first = firstLine[Int(v)] { throw InputError(file: path, line: line, problem: "id \(quoted(id)) already has a group (line \(first))") }
      firstLine[Int(v)] = line
      guard !name.isEmpty else { continue }
      if index[name] == nil { index[name] = names.count; names.append(name) }
      group[Int(v)] = index[name]!
    }
    return Groups(group: group, names: names)
  }
}
