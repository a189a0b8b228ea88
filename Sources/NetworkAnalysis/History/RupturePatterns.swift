/// How `EventHistory.rupturePatterns` mines and ranks.
public struct RupturePatternOptions: Sendable, Hashable {
  /// Least share of the episodes that must contain a pattern (`--min-support`).
  public var minSupport = 0.1
  public var maxLength = 4
  /// Most days between consecutive items of an occurrence (`--max-gap`; nil: the window is the only limit).
  public var maxGap: Int32?
  public var rank = Rank.lift
  public var threads = 1
  public enum Rank: String, Sendable, Hashable, CaseIterable { case lift, support, confidence }
  public init() {}
}

/// A sequential pattern found before ruptures, with the evidence behind it.
public struct RupturePattern: Sendable, Hashable {
  public var items: [Int32]
  /// Episodes and controls that contain it.
  public var episodes: Int, controls: Int
  /// Share of the episodes that contain it.
  public var support: Double
  /// Share of the controls that contain it.
  public var controlSupport: Double
  /// Of the windows that contain it, the share that are episodes.
  public var confidence: Double
  /// Laplace-smoothed support in episodes over support in controls: ((e + 1)/(E + 2)) / ((c + 1)/(C + 2)).
  public var lift: Double
}

/// Patterns before ruptures against the controls (`tiemap patterns`).
public struct RupturePatterns: Sendable {
  public var history: EventHistory
  /// The windows mined (`EventHistory.windows`).
  public var episodeWindows: [SequenceWindow], controlWindows: [SequenceWindow]
  public var episodes: Int { episodeWindows.count }
  public var controls: Int { controlWindows.count }
  /// Ranked, best first.
  public var patterns: [RupturePattern]
  public var options: RupturePatternOptions

  /// A pattern's tokens, joined by " → ".
  public func text(_ p: RupturePattern) -> String { p.items.map { history.vocabulary[Int($0)] }.joined(separator: " → ") }
}

extension EventHistory {
  /// Sequential patterns that precede ruptures: PrefixSpan over the episodes (the window before each rupture)
  /// with the controls counted alongside (`windows()`), every occurrence within the window (span ≤
  /// `windowDays`) and, when set, `maxGap` between consecutive items. Ranked by `rank` (lift: the smoothed ratio of
  /// support in episodes to support in controls; support; confidence), then by episodes, shorter first, and by
  /// the tokens' text.
  /// - Reference: PrefixSpan (Pei et al. 2001); episodes against time-matched controls as in case–control
  ///   sampling (N. Breslow 1996, "Statistics in epidemiology: the case-control study", *JASA* 91:14–28); the
  ///   three kinds of mining: J. Dyché (2002), *The CRM Handbook*.
  /// - Complexity: that of `PrefixSpan.mine` over episodes and controls.
  public func rupturePatterns(_ o: RupturePatternOptions = RupturePatternOptions(), before cutoff: Int32? = nil) -> RupturePatterns {
    let (episodes, controls) = windows(before: cutoff)
    let all = episodes + controls
    var p = PrefixSpanOptions()
    p.minCount = max(1, Int((o.minSupport * Double(episodes.count)).rounded(.up)))
    // Every window spans at most windowDays, so the span limit holds by construction and the miner needs only
    // its faster projections.
    p.maxLength = o.maxLength; p.maxGap = o.maxGap; p.maxSpan = nil; p.threads = o.threads
    let mined = episodes.isEmpty ? [] : PrefixSpan.mine(items: all.map(\.items), days: all.map(\.days), counted: all.map(\.isEpisode),
                                                      alphabet: vocabulary.count, options: p)
    let (e, c) = (Double(episodes.count), Double(controls.count))
    var out = mined.map { m in
      RupturePattern(items: m.items, episodes: m.count, controls: m.otherCount, support: Double(m.count) / max(1, e),
                     controlSupport: c > 0 ? Double(m.otherCount) / c : 0,
                     confidence: Double(m.count) / Double(m.count + m.otherCount),
                     lift: ((Double(m.count) + 1) / (e + 2)) / ((Double(m.otherCount) + 1) / (c + 2)))
    }
    let names = vocabulary
    func key(_ r: RupturePattern) -> Double {
      switch o.rank { case .lift: r.lift; case .support: r.support; case .confidence: r.confidence }
    }
    out.sort { a, b in
      if key(a) != key(b) { return key(a) > key(b) }
      if a.episodes != b.episodes { return a.episodes > b.episodes }
      if a.items.count != b.items.count { return a.items.count < b.items.count }
      return a.items.map { names[Int($0)] }.lexicographicallyPrecedes(b.items.map { names[Int($0)] })
    }
    return RupturePatterns(history: self, episodeWindows: episodes, controlWindows: controls, patterns: out, options: o)
  }
}
