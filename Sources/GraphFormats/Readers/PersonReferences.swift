import SocialGraph

/// Resolves the person ids a file names (interactions, surveys, referrals) against the people read so far:
/// an unknown id is an error naming the row, or, with `--allow-unknown`, a person added and counted for one
/// warning; a file read on its own (a history without contacts) adds its people silently.
struct PersonReferences {
  let unknown: TiesReader.UnknownPeople
  private(set) var added: [(id: String, line: Int)] = []

  init(_ unknown: TiesReader.UnknownPeople) { self.unknown = unknown }

  mutating func resolve<F>(_ id: String, column: String, in table: CSVTable<F>,
                           builder: inout SocialGraphBuilder) throws -> NodeIndex {
    if let v = builder.index(of: id) { return v }
    switch unknown {
    case .reject(let contacts):
      throw table.error("\(column) \(quoted(id)) is not in \(contacts) (add the person there, or pass --allow-unknown to add unknown people)")
    case .add:
      added.append((id, table.line))
      return try builder.addPerson(Person(id: id))
    case .edgeList:   // the file itself lists the people: nothing to warn about
      return try builder.addPerson(Person(id: id))
    }
  }

  /// The warning for the people added, if any.
  func warnings(file: String) -> [InputWarning] {
    guard let first = added.first else { return [] }
    return [InputWarning(file: file, line: first.line,
      message: "added \(added.count) \(added.count == 1 ? "person" : "people") not in the contacts (first: \(quoted(first.id)))")]
  }
}
