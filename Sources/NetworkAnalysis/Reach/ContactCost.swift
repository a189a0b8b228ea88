import SocialGraph

extension SocialGraph {
  /// What activating each person costs, from the contact history: the mean cost of their interactions; people
  /// without any get the mean cost of all interactions (1 when the history is empty or free), so no one is free
  /// by lack of data. The contact audit's measured costs, in the budgeted seed selection.
  public func meanInteractionCost(_ interactions: [Interaction]) -> [Double] {
    var sum = [Double](repeating: 0, count: count), n = [Int](repeating: 0, count: count)
    var total = 0.0
    for i in interactions { sum[Int(i.person)] += i.cost; n[Int(i.person)] += 1; total += i.cost }
    let fallback = interactions.isEmpty || total == 0 ? 1 : total / Double(interactions.count)
    return (0..<count).map { n[$0] > 0 ? sum[$0] / Double(n[$0]) : fallback }
  }

  /// The decision circuit of an account (or of everyone): its decision makers and influencers.
  public func decisionCircuit(account: String? = nil) -> [NodeIndex] {
    people.indices.filter { v in
      let p = people[v]
      return !p.isInternal && p.isInDecisionCircuit && (account == nil || p.account == account)
    }.map { NodeIndex($0) }
  }
}
