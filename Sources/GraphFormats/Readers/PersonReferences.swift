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

/// The people of a builder looked up by the bytes of their id, so a reader resolves a million ties or
/// interactions without making a `String` per cell. A miss is not an answer: the reader then takes the `String`
/// path (`builder.index(of:)`, which also finds ids equal under Unicode canonical equivalence, and adds or
/// rejects unknown people), and tells the lookup about any person added (`added`), so indices stay the builder's.
struct PersonLookup {
  private var interner: IDInterner

  init(_ builder: SocialGraphBuilder) { self.init(people: builder.people) }

  /// The lookup of a builder made of `people` (the same people in the same order).
  init(people: [Person]) {
    interner = IDInterner(expected: people.count)
    for p in people {
      var id = p.id
      _ = id.withUTF8 { interner.intern($0) }
    }
  }

  /// The person with exactly these id bytes, or nil (then ask the builder).
  @inline(__always) func index(of bytes: UnsafeBufferPointer<UInt8>) -> NodeIndex? {
    interner.find(bytes).map { NodeIndex($0) }
  }

  /// Records that the builder just added person `index` with this id (a no-op for anyone else).
  mutating func added(_ id: String, at index: NodeIndex) {
    guard Int(index) == interner.count else { return }
    var id = id
    _ = id.withUTF8 { interner.intern($0) }
  }
}
