import SocialGraph

extension GraphView {
  /// Number of distinct neighbours of each person (out-neighbours when directed).
  /// - Parity: networkx `G.degree` on the simple graph.
  public func degrees() -> [Int] { (0..<nodeCount).map { out.degree(NodeIndex($0)) } }

  /// In-degree of each person (the same as `degrees()` when undirected).
  public func inDegrees() -> [Int] { (0..<nodeCount).map { inbound.degree(NodeIndex($0)) } }

  /// Strength (weighted degree): the sum of the weights of each person's ties (out-ties when directed).
  /// - Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras, A. Vespignani (2004), "The architecture of
  ///   complex weighted networks", *PNAS* 101(11):3747–3752.
  /// - Parity: networkx `G.degree(weight="weight")`.
  public func strengths() -> [Double] { rowSums(out) }

  /// In-strength: the sum of the weights of the ties pointing to each person (the same as `strengths()` when
  /// undirected).
  /// - Parity: networkx `G.in_degree(weight="weight")`.
  public func inStrengths() -> [Double] { rowSums(inbound) }

  private func rowSums(_ rows: Adjacency) -> [Double] {
    rows.withBuffers { off, _, w in
      (0..<nodeCount).map { v in
        var s = 0.0
        for p in Int(off[v])..<Int(off[v + 1]) { s += w[p] }
        return s
      }
    }
  }
}
