import SocialGraph

/// Groups of people (for brokerage roles, NPS segments, the report's departments): a group number per person
/// (−1 for people in no group) and the group names, numbered in order of first appearance.
public struct Groups: Sendable, Equatable {
  public var group: [Int]
  public var names: [String]

  public init(group: [Int], names: [String]) { self.group = group; self.names = names }

  public func name(of v: Int) -> String? { group[v] >= 0 ? names[group[v]] : nil }
}

/// A column that no contact field or attribute answers to.
public struct UnknownGroupingColumn: Error, CustomStringConvertible, Sendable {
  public let column: String
  public let attributes: [String]
  public var description: String {
    "no column \"\(column)\" (use one of \(SocialGraph.groupingColumns.joined(separator: ", "))"
      + (attributes.isEmpty ? "" : ", or an attribute: " + attributes.joined(separator: ", ")) + ")"
  }
}

extension SocialGraph {
  /// The contact fields people can be grouped by, besides their free attributes.
  public static let groupingColumns = ["department", "account", "role", "title", "owner", "proximity", "internal"]

  /// People grouped by a contact field (`groupingColumns`, matched ignoring case, spaces and underscores) or a
  /// free attribute (matched exactly); people with no value are in no group (−1). O(n).
  public func groups(byColumn column: String) throws -> Groups {
    let key = String(String.UnicodeScalarView(column.lowercased().unicodeScalars.filter {
      $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }))
    let attributes = Set(people.flatMap { $0.attributes.map(\.name) })
    guard SocialGraph.groupingColumns.contains(key) || attributes.contains(column) else {
      throw UnknownGroupingColumn(column: column, attributes: attributes.sorted())
    }
    var index: [String: Int] = [:], names: [String] = []
    let group = people.map { p -> Int in
      let value: String?
      switch key {
      case "department": value = p.department
      case "account": value = p.account
      case "role": value = p.role?.rawValue
      case "title": value = p.title
      case "owner": value = p.owner
      case "proximity": value = p.proximity?.label
      case "internal": value = p.isInternal ? "our team" : "contacts"
      default: value = p.attribute(column).flatMap { $0.isEmpty ? nil : $0 }
      }
      guard let v = value else { return -1 }
      if let i = index[v] { return i }
      index[v] = names.count; names.append(v)
      return names.count - 1
    }
    return Groups(group: group, names: names)
  }
}
