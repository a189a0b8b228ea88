import Synchronization

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

/// The channel of a touchpoint (`email`, `meeting`, `support_ticket`…), stored once per process: an interaction
/// holds its number (with its flags, 4 bytes) instead of a 16-byte `String`, so that a history of millions of rows
/// is half the memory, and copying or freeing a row touches no reference count. Names are compared as Swift
/// compares strings (canonical equivalence): two spellings of one name are one channel, named as first met.
public struct Channel: Sendable, Hashable {
  let code: UInt32
  /// The most distinct channels one process holds (27 bits of a row's word).
  public static let limit = 1 << 27 - 1

  private struct Table {
    var names: [String] = []
    var codes: [String: UInt32] = [:]
  }
  private static let table = Mutex(Table())

  /// The channel numbered `code` (from an interaction's word).
  fileprivate init(code: UInt32) { self.code = code }

  /// The channel named `name`; nil when `limit` channels are already known and this is a new one.
  public init?(interning name: String) {
    guard let code = Self.table.withLock({ t -> UInt32? in
      if let c = t.codes[name] { return c }
      guard t.names.count < Self.limit else { return nil }
      let c = UInt32(t.names.count)
      t.names.append(name); t.codes[name] = c
      return c
    }) else { return nil }
    self.code = code
  }

  /// The channel named `name`. Traps past `limit` distinct names: readers of files use `init?(interning:)` and
  /// refuse the row.
  public init(_ name: String) {
    guard let c = Channel(interning: name) else { preconditionFailure("more than \(Channel.limit) distinct channels") }
    self = c
  }

  public var name: String { Self.table.withLock { $0.names[Int(code)] } }
}

/// One entry of the contact history (`interactions.csv`): a touchpoint with a contact on a date.
///
/// 32 bytes and no reference: the team member as an index (−1 for none) and the channel's number with the kind,
/// direction and rupture flags in one word, behind the properties below. Histories run to millions of rows.
public struct Interaction: Sendable, Hashable {
  /// Signed influence of the touchpoint (positive builds the relationship, negative is an incident).
  public var points: Double
  public var cost: Double
  public var date: Day
  public var person: NodeIndex
  private var withIndex: Int32
  /// The channel's code (bits 0–26), the kind (27–28: 0 none, 1 transient, 2 cumulative), the direction (29–30:
  /// 0 none, 1 inbound, 2 outbound) and `churned` (31).
  private var word: UInt32

  private static let channelBits: UInt32 = 0x07FF_FFFF

  public init(date: Day, person: NodeIndex, with: NodeIndex? = nil, channel: String, points: Double,
              cost: Double = 0, kind: IncidentKind? = nil, direction: InteractionDirection? = nil) {
    self.init(date: date, person: person, with: with, channel: Channel(channel), points: points, cost: cost,
              kind: kind, direction: direction)
  }

  public init(date: Day, person: NodeIndex, with: NodeIndex? = nil, channel: Channel, points: Double,
              cost: Double = 0, kind: IncidentKind? = nil, direction: InteractionDirection? = nil) {
    self.date = date; self.person = person; self.points = points; self.cost = cost
    withIndex = -1; word = channel.code
    self.with = with; self.kind = kind; self.direction = direction
  }

  /// The team member involved, when known.
  public var with: NodeIndex? {
    get { withIndex >= 0 ? withIndex : nil }
    set {
      precondition(newValue.map { $0 >= 0 } ?? true, "a person's index is not negative")
      withIndex = newValue ?? -1
    }
  }

  public var channel: String {
    get { channelValue.name }
    set { channelValue = Channel(newValue) }
  }

  public var channelValue: Channel {
    get { Channel(code: word & Self.channelBits) }
    set { word = word & ~Self.channelBits | newValue.code }
  }

  public var kind: IncidentKind? {
    get { switch (word >> 27) & 3 { case 1: .transient; case 2: .cumulative; default: nil } }
    set { word = word & ~(3 << 27) | UInt32(newValue.map { $0 == .transient ? 1 : 2 } ?? 0) << 27 }
  }

  /// Who started it, when the history says (an optional `direction` column).
  public var direction: InteractionDirection? {
    get { switch (word >> 29) & 3 { case 1: .inbound; case 2: .outbound; default: nil } }
    set { word = word & ~(3 << 29) | UInt32(newValue.map { $0 == .inbound ? 1 : 2 } ?? 0) << 29 }
  }

  /// The relationship ended here: an explicit rupture (`outcome` = `churned`), the label `tiemap patterns` and
  /// `tiemap risk` learn from beside tolerance capital crossing its threshold.
  public var churned: Bool {
    get { word >> 31 != 0 }
    set { word = word & ~(1 << 31) | (newValue ? 1 << 31 : 0) }
  }
}
