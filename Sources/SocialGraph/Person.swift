/// Dense index of a person inside one `SocialGraph` (0 ..< count). External ids are `String`s.
public typealias NodeIndex = Int32

/// One person: a contact in a customer account, or a member of our own team (`isInternal`).
///
/// Only `id` is required. Columns a reader does not know are kept, in file order, in `attributes`.
public struct Person: Sendable, Hashable {
  public var id: String
  public var name: String?
  public var title: String?
  public var account: String?
  public var department: String?
  /// The id of this person's manager, as declared (resolved to an index by the graph: `SocialGraph.manager(of:)`).
  public var reportsTo: String?
  public var role: StakeholderRole?
  public var proximity: Proximity?
  /// Declared influence in the account or on the deal, 1 (none) … 5 (decisive).
  public var influence: Int?
  /// Declared interest in our offer, 1 … 5.
  public var interest: Int?
  /// The id of the team member who holds the relationship.
  public var owner: String?
  /// True for members of our own team (relationship owners).
  public var isInternal: Bool
  public var attributes: [Attribute]

  public init(
    id: String, name: String? = nil, title: String? = nil, account: String? = nil,
    department: String? = nil, reportsTo: String? = nil, role: StakeholderRole? = nil,
    proximity: Proximity? = nil, influence: Int? = nil, interest: Int? = nil,
    owner: String? = nil, isInternal: Bool = false, attributes: [Attribute] = []
  ) {
    self.id = id; self.name = name; self.title = title; self.account = account
    self.department = department; self.reportsTo = reportsTo; self.role = role
    self.proximity = proximity; self.influence = influence; self.interest = interest
    self.owner = owner; self.isInternal = isInternal; self.attributes = attributes
  }

  /// Whether the person's role puts them in the decision circuit (`StakeholderRole.isInDecisionCircuit`).
  public var isInDecisionCircuit: Bool { role?.isInDecisionCircuit ?? false }

  /// The name to show: `name` when present, else the id.
  public var displayName: String { name ?? id }

  /// The value of a free attribute, by exact column name.
  public func attribute(_ name: String) -> String? {
    attributes.first(where: { $0.name == name })?.value
  }
}

/// A named free attribute of a person (an input column Tiemap does not interpret).
public struct Attribute: Sendable, Hashable {
  public var name: String
  public var value: String
  public init(name: String, value: String) { self.name = name; self.value = value }
}
