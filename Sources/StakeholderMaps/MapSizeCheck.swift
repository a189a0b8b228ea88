import SocialGraph

/// Whether a map is worth drawing at its size: past `warnAbove` people its text is unreadable on any page or
/// screen without zooming (and several accounts on one map are rarely what was meant); past `refuseAbove` the file
/// would be tens of megabytes of unreadable drawing (the whole of a 200-account export was a 629,382-pt, 50 MB SVG),
/// so it is refused with what to do instead.
public enum MapSizeCheck: Equatable, Sendable {
  case fine
  case warn(String)
  case refuse(String)

  public static let warnAbove = 1_000, refuseAbove = 10_000

  public init(graph g: SocialGraph, options o: MapOptions) {
    let shown = StakeholderMap.people(g, o)
    let accounts = Set(shown.compactMap { g.people[$0].isInternal ? nil : g.people[$0].account })
    let several = o.account == nil && o.focus == nil && accounts.count > 1
      ? "the map holds \(accounts.count) accounts at once: pass --account NAME to draw one" : ""
    if shown.count > Self.refuseAbove {
      self = .refuse("a map of \(shown.count) people is too large to read (the cap is \(Self.refuseAbove)); "
                     + (several.isEmpty ? "draw one account (--account), one person's neighbourhood (--focus), or use tiemap report to pan and zoom." : several + "."))
    } else if shown.count > Self.warnAbove {
      self = .warn("the map shows \(shown.count) people; its text will need zooming to read" + (several.isEmpty ? "." : "; " + several + "."))
    } else if !several.isEmpty {
      self = .warn(several + ".")
    } else {
      self = .fine
    }
  }
}
