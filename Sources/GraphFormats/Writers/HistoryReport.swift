import NetworkAnalysis
import SocialGraph

/// `tiemap patterns` and `tiemap risk`: what the contact history teaches, as tables.
public enum HistoryReport {
  public static let patternColumns = ["rank", "pattern", "length", "episodes", "controls", "support", "control_support",
                                      "confidence", "lift"]

  /// One row per pattern, best first.
  public static func patterns(_ r: RupturePatterns, limit: Int? = nil) -> ResultTable {
    let list = limit.map { Array(r.patterns.prefix($0)) } ?? r.patterns
    return ResultTable(columns: patternColumns, rows: list.enumerated().map { k, p in
      [.int(k + 1), .text(r.text(p)), .int(p.items.count), .int(p.episodes), .int(p.controls), .number(p.support, digits: 4),
       .number(p.controlSupport, digits: 4), .number(p.confidence, digits: 4), .number(p.lift, digits: 4)]
    })
  }

  public static let sequenceColumns = ["person", "kind", "end", "tokens"]

  /// Every episode and control window, its tokens joined by spaces (for checking and for other miners).
  public static func sequences(_ episodes: [SequenceWindow], _ controls: [SequenceWindow], history h: EventHistory, graph g: SocialGraph) -> ResultTable {
    ResultTable(columns: sequenceColumns, rows: (episodes + controls).map { w in
      [.text(g.people[Int(w.person)].id), .text(w.isEpisode ? "episode" : "control"), .text(Day(daysSinceEpoch: w.end).description),
       .text(w.items.map { h.vocabulary[Int($0)] }.joined(separator: " "))]
    })
  }
}
