import SocialGraph

/// A buying-group template: how many contacts of each stakeholder role a deal needs us to hold (at P1/P2).
/// The default — one decision maker, two influencers, one technical expert, one end user, one gatekeeper — is
/// the usual B2B buying centre (Webster & Wind 1972: deciders, influencers, users, gatekeepers; technical
/// evaluators as the specialists among the influencers).
/// - Reference: F. E. Webster, Y. Wind (1972), "A general model for understanding organizational buying
///   behavior", *Journal of Marketing* 36(2):12–19.
public struct BuyingGroupTemplate: Sendable, Hashable {
  /// Roles in the order given, with the number needed (≥ 1).
  public var needs: [(role: StakeholderRole, count: Int)]

  public static let standard = BuyingGroupTemplate(needs: [(.decisionMaker, 1), (.influencer, 2), (.technicalExpert, 1),
                                                           (.endUser, 1), (.gatekeeper, 1)])

  public init(needs: [(role: StakeholderRole, count: Int)]) { self.needs = needs }

  /// Parses `role=count,role=count…` (roles as in contacts.csv); nil with the problem otherwise.
  public static func parse(_ text: String) -> Result<BuyingGroupTemplate, TemplateProblem> {
    var needs: [(StakeholderRole, Int)] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = pair[0].trimmingCharacters(in: " ")
      guard pair.count == 2, let role = StakeholderRole(parsing: name) else {
        return .failure(TemplateProblem("'\(item)' is not role=count with a role among \(StakeholderRole.allCases.map(\.rawValue).joined(separator: ", "))"))
      }
      guard let n = Int(pair[1].trimmingCharacters(in: " ")), (1...1_000).contains(n) else {
        return .failure(TemplateProblem("the count of \(role.rawValue) must be a whole number from 1 to 1000"))
      }
      guard !needs.contains(where: { $0.0 == role }) else { return .failure(TemplateProblem("\(role.rawValue) is given twice")) }
      needs.append((role, n))
    }
    guard !needs.isEmpty else { return .failure(TemplateProblem("the template is empty")) }
    return .success(BuyingGroupTemplate(needs: needs))
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.needs.map { "\($0.role.rawValue)=\($0.count)" } == b.needs.map { "\($0.role.rawValue)=\($0.count)" }
  }
  public func hash(into h: inout Hasher) { for n in needs { h.combine(n.role); h.combine(n.count) } }

  /// The template as it is written on the command line.
  public var text: String { needs.map { "\($0.role.rawValue)=\($0.count)" }.joined(separator: ",") }
}

public struct TemplateProblem: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ d: String) { description = d }
}

/// How much of the buying group we hold in one account.
public struct BuyingGroupCompleteness: Sendable, Hashable {
  /// Σ_role min(held, needed) / Σ needed, in [0, 1].
  public var share: Double
  /// Roles still short, with how many more contacts are needed, in template order.
  public var missing: [(role: StakeholderRole, count: Int)]

  public static func == (a: Self, b: Self) -> Bool {
    a.share == b.share && a.missing.map { "\($0.role)\($0.count)" } == b.missing.map { "\($0.role)\($0.count)" }
  }
  public func hash(into h: inout Hasher) { h.combine(share) }

  /// - Parameters: `held` the roles of the contacts held at P1/P2.
  public init(template: BuyingGroupTemplate, held: [StakeholderRole]) {
    var count: [StakeholderRole: Int] = [:]
    for r in held { count[r, default: 0] += 1 }
    var got = 0, need = 0
    var missing: [(StakeholderRole, Int)] = []
    for (role, n) in template.needs {
      let h = count[role] ?? 0
      got += min(h, n); need += n
      if h < n { missing.append((role, n - h)) }
    }
    share = need == 0 ? 1 : Double(got) / Double(need)
    self.missing = missing
  }
}

extension Substring {
  func trimmingCharacters(in c: Character) -> String {
    var s = self
    while s.first == c { s.removeFirst() }
    while s.last == c { s.removeLast() }
    return String(s)
  }
}
