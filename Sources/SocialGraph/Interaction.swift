/// Whether an incident's effect fades (transient) or leaves a lasting trace (cumulative): Kaufman (2007).
public enum IncidentKind: String, Sendable, Hashable, CaseIterable {
  case transient, cumulative
}

/// One entry of the contact history (`interactions.csv`): a touchpoint with a contact on a date.
public struct Interaction: Sendable, Hashable {
  public var date: Day
  public var person: NodeIndex
  /// The team member involved, when known.
  public var with: NodeIndex?
  public var channel: String
  /// Signed influence of the touchpoint (positive builds the relationship, negative is an incident).
  public var points: Double
  public var cost: Double
  public var kind: IncidentKind?

  public init(date: Day, person: NodeIndex, with: NodeIndex? = nil, channel: String, points: Double,
              cost: Double = 0, kind: IncidentKind? = nil) {
    self.date = date; self.person = person; self.with = with; self.channel = channel
    self.points = points; self.cost = cost; self.kind = kind
  }
}
