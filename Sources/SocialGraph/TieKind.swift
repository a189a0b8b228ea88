/// The kind of a tie (one layer of the multiplex network): `reports_to`, `advice`, `friendship`,
/// `collaboration`, `interaction`, `referral`, `relationship` (ours with a contact), or any word.
///
/// Names are normalised: lower case, blanks and hyphens become `_` (`Reports To` → `reports_to`).
public struct TieKind: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let name: String

  public init(_ name: some StringProtocol) {
    var out = ""
    var pendingUnderscore = false
    for c in name.lowercased() {
      if c == " " || c == "-" || c == "_" || c == "\t" {
        pendingUnderscore = !out.isEmpty
      } else {
        if pendingUnderscore { out.append("_"); pendingUnderscore = false }
        out.append(c)
      }
    }
    self.name = out
  }

  public static let reportsTo = TieKind("reports_to")
  public static let advice = TieKind("advice")
  public static let friendship = TieKind("friendship")
  public static let collaboration = TieKind("collaboration")
  public static let interaction = TieKind("interaction")
  public static let referral = TieKind("referral")
  /// A tie between one of our team members and a contact.
  public static let relationship = TieKind("relationship")
  /// The kind given to ties of a whole-graph edge list.
  public static let edge = TieKind("edge")

  /// Whether a tie of this kind is directed when its row does not say: `reports_to` (person → manager),
  /// `advice` (seeker → adviser) and `referral` (referrer → referred) are; every other kind is not.
  public var isDirectedByDefault: Bool {
    self == .reportsTo || self == .advice || self == .referral
  }

  public var description: String { name }
  public static func < (a: Self, b: Self) -> Bool { a.name < b.name }
}

/// Index of a tie kind in `SocialGraph.kinds`.
public typealias KindIndex = Int32
