/// One tie as it was given (one input row), between two people of the graph.
///
/// Ties are stored flat (`SocialGraph.ties`), in input order; nothing here allocates.
/// The views of the graph (`SocialGraph.layer(_:)`, `SocialGraph.social`) combine them; see `SocialGraph`.
///
/// 32 bytes and no reference: the kind shares a word with the direction, and the dates and the count use values
/// no input gives (`Int32.min` days, −1 interactions) for "none", behind the properties below.
public struct Tie: Sendable, Hashable {
  public var source: NodeIndex
  public var target: NodeIndex
  /// Tie strength, finite and > 0 (1 when the input gives none).
  public var weight: Double
  /// The kind (bits 0–30) and whether the tie is directed (bit 31).
  private var kindWord: UInt32
  private var sinceDays: Int32
  private var lastDays: Int32
  private var count: Int32

  public init(source: NodeIndex, target: NodeIndex, weight: Double, kind: KindIndex, isDirected: Bool,
              since: Day? = nil, lastContact: Day? = nil, interactions: Int32? = nil) {
    self.source = source; self.target = target; self.weight = weight
    kindWord = 0; sinceDays = .min; lastDays = .min; count = -1
    self.kind = kind; self.isDirected = isDirected; self.since = since; self.lastContact = lastContact
    self.interactions = interactions
  }

  public var kind: KindIndex {
    get { KindIndex(kindWord & 0x7FFF_FFFF) }
    set {
      precondition(newValue >= 0, "a tie kind's index is not negative")
      kindWord = kindWord & 0x8000_0000 | UInt32(newValue)
    }
  }

  public var isDirected: Bool {
    get { kindWord >> 31 != 0 }
    set { kindWord = kindWord & 0x7FFF_FFFF | (newValue ? 0x8000_0000 : 0) }
  }

  public var since: Day? {
    get { sinceDays == .min ? nil : Day(daysSinceEpoch: sinceDays) }
    set { sinceDays = Self.days(newValue) }
  }

  public var lastContact: Day? {
    get { lastDays == .min ? nil : Day(daysSinceEpoch: lastDays) }
    set { lastDays = Self.days(newValue) }
  }

  /// Number of interactions on this tie, when declared (never negative).
  public var interactions: Int32? {
    get { count >= 0 ? count : nil }
    set {
      precondition(newValue.map { $0 >= 0 } ?? true, "a tie's number of interactions is not negative")
      count = newValue ?? -1
    }
  }

  private static func days(_ day: Day?) -> Int32 {
    guard let day else { return .min }
    precondition(day.daysSinceEpoch != .min, "a date out of range")
    return day.daysSinceEpoch
  }

  public var isSelfLoop: Bool { source == target }
}
