/// Whether an incident's effect fades (transient) or leaves a lasting trace (cumulative): Kaufman (2007).
public enum IncidentKind: String, Sendable, Hashable, CaseIterable {
  case transient, cumulative
}

/// Who started a touchpoint: we reached out (outbound) or the contact did (inbound).
public enum InteractionDirection: String, Sendable, Hashable, CaseIterable {
  case inbound, outbound

  /// `inbound`/`in`/`incoming`/`received`/`reply`, `outbound`/`out`/`outgoing`/`sent` (any case).
  public init?(parsing text: String) {
    switch text.lowercased() {
    case "inbound", "in", "incoming", "received", "reply", "replied": self = .inbound
    case "outbound", "out", "outgoing", "sent": self = .outbound
    default: return nil
    }
  }
}

/// One entry of the contact history (`interactions.csv`): a touchpoint with a contact on a date.
public struct Interaction: Sendable, Hashable {
  // Stored widest first (48 bytes a row instead of 56): histories run to millions of rows.
  /// Signed influence of the touchpoint (positive builds the relationship, negative is an incident).
  public var points: Double
  public var cost: Double
  public var channel: String
  public var date: Day
  public var person: NodeIndex
  /// The team member involved, when known.
  public var with: NodeIndex?
  public var kind: IncidentKind?
  /// Who started it, when the history says (an optional `direction` column).
  public var direction: InteractionDirection?
  /// The relationship ended here: an explicit rupture (`outcome` = `churned`), the label `tiemap patterns` and
  /// `tiemap risk` learn from beside tolerance capital crossing its threshold.
  public var churned = false

  public init(date: Day, person: NodeIndex, with: NodeIndex? = nil, channel: String, points: Double,
              cost: Double = 0, kind: IncidentKind? = nil, direction: InteractionDirection? = nil) {
    self.date = date; self.person = person; self.with = with; self.channel = channel
    self.points = points; self.cost = cost; self.kind = kind; self.direction = direction
  }
}
