import SocialGraph

/// So many contacts of one stakeholder role.
public struct RoleCount: Sendable, Hashable {
  public var role: StakeholderRole
  public var count: Int
  public init(_ role: StakeholderRole, _ count: Int) { self.role = role; self.count = count }
}

/// A buying-group template: how many contacts of each stakeholder role a deal needs us to hold (at P1/P2).
/// The default — one decision maker, two influencers, one technical expert, one end user, one gatekeeper — is
/// the usual B2B buying centre (Webster & Wind 1972: deciders, influencers, users, gatekeepers; technical
/// evaluators as the specialists among the influencers).
/// - Reference: F. E. Webster, Y. Wind (1972), "A general model for understanding organizational buying
///   behavior", *Journal of Marketing* 36(2):12–19.
public struct BuyingGroupTemplate: Sendable, Hashable {
  /// Roles in the order given, with the number needed (≥ 1).
  public var needs: [RoleCount]

  public static let standard = BuyingGroupTemplate(needs: [RoleCount(.decisionMaker, 1), RoleCount(.influencer, 2),
                                                           RoleCount(.technicalExpert, 1), RoleCount(.endUser, 1),
                                                           RoleCount(.gatekeeper, 1)])

  public init(needs: [RoleCount]) { self.needs = needs }

  /// Parses `role=count,role=count…` (roles as in contacts.csv), or says what is wrong.
  public static func parse(_ text: String) -> Result<BuyingGroupTemplate, TemplateProblem> {
    var needs: [RoleCount] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      // StakeholderRole(parsing:) reads letters only, so spaces around the name do not matter.
      guard pair.count == 2, let role = StakeholderRole(parsing: pair[0]) else {
        return .failure(TemplateProblem("'\(item)' is not role=count with a role among \(StakeholderRole.allCases.map(\.rawValue).joined(separator: ", "))"))
      }
      let count = pair[1].split(separator: " ")
      guard count.count == 1, let n = Int(count[0]), (1...1_000).contains(n) else {
        return .failure(TemplateProblem("the count of \(role.rawValue) must be a whole number from 1 to 1000"))
      }
      guard !needs.contains(where: { $0.role == role }) else { return .failure(TemplateProblem("\(role.rawValue) is given twice")) }
      needs.append(RoleCount(role, n))
    }
    guard !needs.isEmpty else { return .failure(TemplateProblem("the template is empty")) }
    return .success(BuyingGroupTemplate(needs: needs))
  }
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
  public var missing: [RoleCount]

  /// - Parameters: `held` the roles of the contacts held at P1/P2.
  public init(template: BuyingGroupTemplate, held: [StakeholderRole]) {
    var count: [StakeholderRole: Int] = [:]
    for r in held { count[r, default: 0] += 1 }
    var got = 0, need = 0
    var missing: [RoleCount] = []
    for n in template.needs {
      let h = count[n.role] ?? 0
      got += min(h, n.count); need += n.count
      if h < n.count { missing.append(RoleCount(n.role, n.count - h)) }
    }
    share = need == 0 ? 1 : Double(got) / Double(need)
    self.missing = missing
  }
}
