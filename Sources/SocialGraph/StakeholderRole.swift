/// A contact's part in the buying decision, each with its own engagement strategy (DESIGN.md, Concepts).
public enum StakeholderRole: String, Sendable, Hashable, CaseIterable, Comparable {
  case decisionMaker = "decision_maker"
  case influencer
  case endUser = "end_user"
  case gatekeeper
  case technicalExpert = "technical_expert"

  /// Parses the canonical names and their common spellings: `decision_maker`, `Decision Maker`,
  /// `decision-maker`, `DM`; `technical expert`, `expert`; `end user`, `user`. Case-insensitive.
  public init?(parsing text: some StringProtocol) {
    var key = ""
    for c in text.lowercased() where c.isLetter { key.append(c) }
    switch key {
    case "decisionmaker", "dm", "decider", "economicbuyer": self = .decisionMaker
    case "influencer", "champion": self = .influencer
    case "enduser", "user": self = .endUser
    case "gatekeeper": self = .gatekeeper
    case "technicalexpert", "expert", "technicalbuyer": self = .technicalExpert
    default: return nil
    }
  }

  /// Decision makers and influencers form the decision circuit: the people a deal is won or lost with.
  public var isInDecisionCircuit: Bool { self == .decisionMaker || self == .influencer }

  /// Human label ("decision maker").
  public var label: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// Our relationship level with a contact: P1 strong, P2 moderate, P3 weak, P4 none.
public enum Proximity: Int, Sendable, Hashable, CaseIterable, Comparable {
  case p1 = 1, p2, p3, p4

  /// Parses `P1`…`P4` or `1`…`4` (case-insensitive, surrounding blanks ignored).
  public init?(parsing text: some StringProtocol) {
    var s = Substring(text)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    if let f = s.first, f == "P" || f == "p" { s.removeFirst() }
    guard s.count == 1, let v = Int(s), let p = Proximity(rawValue: v) else { return nil }
    self = p
  }

  public var label: String { "P\(rawValue)" }
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
