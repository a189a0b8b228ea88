// An account's graph cut from the whole: tie ends found among the people given, whether they come in index order
// (binary search) or not (a dictionary), and the binary search itself.
import Testing
@testable import SocialGraph

@Test func sortedPositionFindsEachMemberAndNothingElse() {
  let members: [NodeIndex] = [2, 3, 5, 8, 13, 21]
  for (i, v) in members.enumerated() { #expect(members.sortedPosition(of: v) == NodeIndex(i)) }
  for v: NodeIndex in [0, 1, 4, 9, 20, 22, -1] { #expect(members.sortedPosition(of: v) == nil) }
  #expect([NodeIndex]().sortedPosition(of: 0) == nil)
}

@Test func subgraphMapsTieEndsInAnyOrderOfPeople() throws {
  var b = SocialGraphBuilder()
  for id in ["a", "b", "c", "d", "e"] { try b.addPerson(Person(id: id)) }
  let k = b.kindIndex(for: .edge)
  for (s, t) in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("b", "d")] {
    try b.addTie(Tie(source: b.index(of: s)!, target: b.index(of: t)!, weight: 1, kind: k, isDirected: true))
  }
  let parts = b.parts
  // b, c, d and the ties b→c, c→d, b→d: given in index order, then in another order.
  for members: [NodeIndex] in [[1, 2, 3], [3, 1, 2]] {
    let g = try parts.subgraph(people: members, ties: [1, 2, 4])
    #expect(g.people.map(\.id) == members.map { parts.people[Int($0)].id })
    let ends = g.ties.map { "\(g.people[Int($0.source)].id)→\(g.people[Int($0.target)].id)" }
    #expect(ends == ["b→c", "c→d", "b→d"])
  }
}
