/// One tie as it was given (one input row), between two people of the graph.
///
/// Ties are stored flat (`SocialGraph.ties`), in input order; nothing here allocates.
/// The views of the graph (`SocialGraph.layer(_:)`, `SocialGraph.social`) combine them; see `SocialGraph`.
public struct Tie: Sendable, Hashable {
  public var source: NodeIndex
  public var target: NodeIndex
  /// Tie strength, finite and > 0 (1 when the input gives none).
  public var weight: Double
  public var kind: KindIndex
  public var isDirected: Bool
  public var since: Day?
  public var lastContact: Day?
  /// Number of interactions on this tie, when declared.
  public var interactions: Int32?

  public init(source: NodeIndex, target: NodeIndex, weight: Double, kind: KindIndex, isDirected: Bool,
              since: Day? = nil, lastContact: Day? = nil, interactions: Int32? = nil) {
    self.source = source; self.target = target; self.weight = weight; self.kind = kind
    self.isDirected = isDirected; self.since = since; self.lastContact = lastContact
    self.interactions = interactions
  }

  public var isSelfLoop: Bool { source == target }
}
