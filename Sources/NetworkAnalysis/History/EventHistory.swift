import SocialGraph

/// How a contact history becomes sequences of event tokens, and what counts as a rupture
/// (`tiemap patterns`, `tiemap risk`).
public struct SequenceOptions: Sendable, Hashable {
  /// Days before a rupture that form its episode, and the length of every control window (`--window`).
  public var windowDays: Int32 = 90
  /// A silence longer than one of these (days) becomes a `gap>Nd` token, N the longest exceeded: before the event
  /// that ends it, or at the window's end when it is still going on.
  public var gapBuckets: [Int32] = [30, 60, 90]
  /// The tolerance capital model; its rupture threshold marks ruptures.
  public var model = ToleranceModel()
  /// Count the balance crossing the rupture threshold as a rupture (beside explicit `churned` outcomes).
  public var toleranceRuptures = true
  /// Count interactions with outcome `churned` as ruptures.
  public var churnedRuptures = true
  /// Seeds the choice of each control window's end among the ruptures' dates.
  public var seed: UInt64 = TiemapDefaults.seed

  public init() {}
}

/// Why a relationship counts as ruptured.
public enum RuptureCause: String, Sendable, Hashable {
  /// Kaufman's tolerance capital fell below the rupture threshold.
  case tolerance
  /// The history says so: an interaction with outcome `churned`.
  case churned
}

/// One contact's history as event tokens, in date order (file order among equal dates), up to its rupture.
public struct ContactEvents: Sendable, Hashable {
  public var person: NodeIndex
  /// Each token's day (days since 1970-01-01) and token (an index into `EventHistory.vocabulary`): one per
  /// event, two for a cumulative incident.
  public var days: [Int32]
  public var tokens: [Int32]
  /// Each token's interaction (index into the interactions given).
  public var interactions: [Int32]
  public var first: Int32
  /// The day of the rupture, when there is one; events from that day on are not in `days`.
  public var rupture: Int32?
  public var cause: RuptureCause?
}

/// The contact history as token sequences (`SocialGraph.eventHistory`).
public struct EventHistory: Sendable {
  /// Token names: `channel:+`, `channel:0`, `channel:-` (an incident) for each event, followed by
  /// `incident:cumulative` on the same day for a cumulative incident; then the gap tokens `gap>Nd`.
  public var vocabulary: [String]
  /// Contacts with at least one interaction, in input order of the people.
  public var contacts: [ContactEvents]
  /// The evaluation date: interactions after it are left out, and contacts not ruptured by it are censored there.
  public var end: Int32
  public var options: SequenceOptions
  /// The token of each gap bucket, in `options.gapBuckets` order.
  public var gapTokens: [Int32]
  /// Each contact's tolerance capital (same order as `contacts`), its events the states after each interaction.
  public var trust: [ToleranceAccount]

  /// Token of an event.
  static func eventName(_ x: Interaction) -> String {
    x.points > 0 ? "\(x.channel):+" : x.points == 0 ? "\(x.channel):0" : "\(x.channel):-"
  }
  static let cumulativeName = "incident:cumulative"
}

/// A window of one contact's history, as items with their days: an episode (the `windowDays` before a rupture)
/// or a control (a window of the same length ending on a rupture date, from a contact who did not rupture).
public struct SequenceWindow: Sendable, Hashable {
  public var person: NodeIndex
  /// The window is [end − windowDays, end).
  public var end: Int32
  public var isEpisode: Bool
  public var items: [Int32]
  public var days: [Int32]
}

extension SocialGraph {
  /// Each contact's history as event tokens, cut at its rupture: the first day its tolerance capital
  /// (`toleranceCapital`) falls below the rupture threshold after an interaction, or the first interaction with
  /// outcome `churned`, whichever comes first.
  /// - Complexity: O(I log I) for I interactions.
  public func eventHistory(_ interactions: [Interaction], options: SequenceOptions = SequenceOptions(), asOf: Day? = nil) -> EventHistory {
    var names: [String] = [], index: [String: Int32] = [:]
    func token(_ name: String) -> Int32 {
      if let t = index[name] { return t }
      let t = Int32(names.count)
      names.append(name); index[name] = t
      return t
    }
    // Event tokens first, in order of first appearance in the file; then the gap tokens.
    let eventToken = interactions.map { token(EventHistory.eventName($0)) }
    let cumulative = interactions.contains { $0.points < 0 && $0.kind == .cumulative } ? token(EventHistory.cumulativeName) : -1
    let gapTokens = options.gapBuckets.map { token("gap>\($0)d") }
    let latest = interactions.map(\.date).max()
    let end = (asOf ?? latest).map(\.daysSinceEpoch) ?? 0
    let trust = toleranceCapital(interactions, model: options.model, asOf: asOf)
    var contacts: [ContactEvents] = []
    contacts.reserveCapacity(trust.count)
    for account in trust {
      var rupture: Int32?, cause: RuptureCause?
      for e in account.events {
        let x = interactions[e.interaction]
        if x.churned && options.churnedRuptures { rupture = x.date.daysSinceEpoch; cause = .churned; break }
        if options.toleranceRuptures && e.state.balance < options.model.ruptureThreshold {
          rupture = x.date.daysSinceEpoch; cause = .tolerance; break
        }
      }
      var c = ContactEvents(person: account.person, days: [], tokens: [], interactions: [],
                            first: account.firstContact.daysSinceEpoch, rupture: rupture, cause: cause)
      for e in account.events {
        let d = interactions[e.interaction].date.daysSinceEpoch
        if let r = rupture, d >= r { break }
        if interactions[e.interaction].churned { continue }
        c.days.append(d); c.tokens.append(eventToken[e.interaction]); c.interactions.append(Int32(e.interaction))
        let x = interactions[e.interaction]
        if x.points < 0 && x.kind == .cumulative {
          c.days.append(d); c.tokens.append(cumulative); c.interactions.append(Int32(e.interaction))
        }
      }
      contacts.append(c)
    }
    return EventHistory(vocabulary: names, contacts: contacts, end: end, options: options, gapTokens: gapTokens, trust: trust)
  }
}

extension EventHistory {
  /// The gap token of a silence of `days`, if it is longer than a bucket.
  func gapToken(_ days: Int32) -> Int32? {
    var best: Int32?, bestBucket = Int32.min
    for (k, b) in options.gapBuckets.enumerated() where days > b && b > bestBucket { best = gapTokens[k]; bestBucket = b }
    return best
  }

  /// The items of contact `c`'s history in [end − windowDays, end), with a gap token before each event that
  /// ends a long silence (the previous event may lie before the window) and one at `end` for a silence still
  /// going on.
  public func window(_ c: ContactEvents, end: Int32, isEpisode: Bool) -> SequenceWindow {
    var w = SequenceWindow(person: c.person, end: end, isEpisode: isEpisode, items: [], days: [])
    let start = end - options.windowDays
    var previous: Int32?
    for k in c.days.indices {
      let d = c.days[k]
      if d >= end { break }
      if d >= start {
        if let p = previous, let g = gapToken(d - p) { w.items.append(g); w.days.append(d) }
        w.items.append(c.tokens[k]); w.days.append(d)
      }
      previous = d
    }
    if let p = previous, let g = gapToken(end - p) { w.items.append(g); w.days.append(end) }
    return w
  }

  /// Episodes and their controls, matched by time.
  /// - Episodes: the window before each rupture, in order of the contacts.
  /// - Controls: one window per contact who never ruptured and was known before some rupture date, ending on one
  ///   of the ruptures' dates after its first contact, drawn uniformly (SplitMix64 seeded by `options.seed` and the
  ///   person), so the controls' dates follow the episodes' dates.
  /// - Complexity: O(I + C log R) for C contacts and R ruptures.
  /// - `before`: only the ruptures before that day count (a contact who ruptures later is a control until then),
  ///   as when learning from the past only.
  public func windows(before cutoff: Int32? = nil) -> (episodes: [SequenceWindow], controls: [SequenceWindow]) {
    let limit = cutoff ?? Int32.max
    let episodes = contacts.compactMap { c in c.rupture.flatMap { $0 < limit ? window(c, end: $0, isEpisode: true) : nil } }
    let dates = contacts.compactMap(\.rupture).filter { $0 < limit }.sorted()
    var controls: [SequenceWindow] = []
    for c in contacts where (c.rupture ?? Int32.max) >= limit {
      let end = Swift.min(self.end, (c.rupture ?? Int32.max) - 1)
      // Rupture dates after the first contact (and by the end of the history).
      var lo = 0, hi = dates.count
      while lo < hi { let mid = (lo + hi) / 2; if dates[mid] <= c.first { lo = mid + 1 } else { hi = mid } }
      var top = dates.count
      while top > lo && dates[top - 1] > end { top -= 1 }
      guard lo < top else { continue }
      var rng = SplitMix64(seed: options.seed, stream: UInt64(c.person))
      let pick = lo + Int(rng.next() % UInt64(top - lo))
      controls.append(window(c, end: dates[pick], isEpisode: false))
    }
    return (episodes, controls)
  }
}
