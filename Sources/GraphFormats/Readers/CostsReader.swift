import SocialGraph

/// Reads a file of per-person costs (`id,cost` CSV; aliases `person`, `contact`; `spend`) for budgeted seed
/// selection: every id must be a person, every cost a finite number ≥ 0, each person at most once. People the
/// file does not list keep `default`.
public enum CostsReader {
  enum Field: String { case id, cost }

  public static func read(_ path: String, graph g: SocialGraph, default fallback: Double) throws -> [Double] {
    var table = try CSVTable<Field>(data: try InputFile.bytes(path), file: path,
                                    aliases: ["id": .id, "person": .id, "contact": .id, "contactid": .id, "cost": .cost, "spend": .cost],
                                    required: [.id, .cost], name: { $0.rawValue })
    var costs = [Double](repeating: fallback, count: g.count)
    var seen = Set<NodeIndex>()
    while try table.next() {
      guard let id = table.value(.id) else { throw table.error("empty id") }
      guard let v = g.index(of: id) else { throw table.error("id \(quoted(id)) is not a person of the input") }
      guard seen.insert(v).inserted else { throw table.error("id \(quoted(id)) is listed twice") }
      guard let c = table.value(.cost) else { throw table.error("empty cost") }
      let cost = try ValueParsing.number(c, column: "cost").get(in: table)
      if cost < 0 { throw table.error("cost \(quoted(c)) must not be negative") }
      costs[Int(v)] = cost
    }
    return costs
  }
}
