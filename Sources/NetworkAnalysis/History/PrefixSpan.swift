/// Constraints of `PrefixSpan.mine`.
public struct PrefixSpanOptions: Sendable, Hashable {
  /// Least number of sequences of the mined class (`counted`) that must contain a pattern.
  public var minCount = 1
  /// Longest pattern, in items.
  public var maxLength = 4
  /// Most days between two consecutive items of an occurrence (nil: no limit).
  public var maxGap: Int32?
  /// Most days between the first and last items of an occurrence (nil: no limit).
  public var maxSpan: Int32?
  /// Worker threads over the first items (the result does not depend on it).
  public var threads = 1
  public init() {}
}

/// A sequential pattern and the sequences of each class that contain it.
public struct SequentialPattern: Sendable, Hashable {
  public var items: [Int32]
  /// Sequences containing it: of the mined class (`counted`), and of the other class.
  public var count: Int
  public var otherCount: Int
}

/// Frequent sequential patterns of single-item sequences by PrefixSpan, with time constraints.
///
/// A sequence contains pattern a₁…a_k when positions i₁ < … < i_k carry those items with
/// day(i_{j+1}) − day(i_j) ≤ maxGap and day(i_k) − day(i₁) ≤ maxSpan. Patterns are grown by prefix projection:
/// the projection of a prefix keeps, per sequence, every position where an occurrence of the prefix can end,
/// each with the latest day its occurrence can start (the best for the span); without a gap limit an end is
/// dominated by an earlier one that starts no earlier, and without either limit only the first end is kept —
/// which is Pei et al.'s pseudo-projection. Sequences are of two classes (episodes and controls): only the
/// `counted` class decides what is frequent (support is anti-monotone in it), the other is projected along to
/// count the same patterns on it in the same pass.
/// - Reference: J. Pei, J. Han, B. Mortazavi-Asl, H. Pinto, Q. Chen, U. Dayal, M.-C. Hsu (2001), "PrefixSpan:
///   mining sequential patterns efficiently by prefix-projected pattern growth", *Proc. ICDE*, 215–224; gap and
///   span constraints: J. Pei, J. Han, W. Wang (2007), "Constraint-based sequential pattern mining: the
///   pattern-growth methods", *J. Intell. Inf. Syst.* 28(2):133–160.
/// - Parity: the PyPI `prefixspan` package (`PrefixSpan(db).frequent(minsup)`) without constraints; brute-force
///   enumeration with them (tests).
/// - Complexity: O(Σ over frequent patterns of their projected database) — each projection is at most the
///   sequences' lengths times the kept ends.
public enum PrefixSpan {
  /// Frequent patterns of `sequences` (items with non-decreasing days), in depth-first order of their items
  /// (a prefix before its extensions, extensions by item id).
  public static func mine(items: [[Int32]], days: [[Int32]], counted: [Bool], alphabet: Int,
                          options: PrefixSpanOptions) -> [SequentialPattern] {
    precondition(items.count == days.count && items.count == counted.count)
    let minCount = max(1, options.minCount)
    // First items: every position is an occurrence end starting on its own day.
    var firsts = [[Projection.Entry]](repeating: [], count: alphabet)
    var seen = [Int32](repeating: -1, count: alphabet)
    var tally = [Int](repeating: 0, count: alphabet)
    for s in items.indices {
      for (p, x) in items[s].enumerated() where x >= 0 && Int(x) < alphabet {
        if seen[Int(x)] != Int32(s) {
          seen[Int(x)] = Int32(s)
          if counted[s] { tally[Int(x)] += 1 }
          firsts[Int(x)].append(Projection.Entry(sequence: Int32(s), ends: []))
        }
        firsts[Int(x)][firsts[Int(x)].count - 1].ends.append(Projection.End(position: Int32(p), start: days[s][p]))
      }
    }
    let roots = (0..<alphabet).filter { tally[$0] >= minCount }
    let starts = firsts
    let miner = Miner(items: items, days: days, counted: counted, alphabet: alphabet, options: options, minCount: minCount)
    let parts = ParallelMap.map(roots.count, threads: max(1, options.threads)) { k -> [SequentialPattern] in
      var m = miner
      let x = roots[k]
      var entries = starts[x]
      for i in entries.indices { entries[i].ends = m.prune(entries[i].ends) }
      var out: [SequentialPattern] = []
      m.grow([Int32(x)], Projection(entries: entries), into: &out)
      return out
    }
    return parts.flatMap { $0 }
  }

  struct Projection: Sendable {
    struct End: Sendable { var position: Int32; var start: Int32 }
    struct Entry: Sendable { var sequence: Int32; var ends: [End] }
    var entries: [Entry]
  }

  struct Miner: Sendable {
    let items: [[Int32]], days: [[Int32]], counted: [Bool]
    let alphabet: Int
    let options: PrefixSpanOptions
    let minCount: Int
    var seen: [Int32]
    var tallies: [Int], others: [Int]

    init(items: [[Int32]], days: [[Int32]], counted: [Bool], alphabet: Int, options: PrefixSpanOptions, minCount: Int) {
      self.items = items; self.days = days; self.counted = counted; self.alphabet = alphabet
      self.options = options; self.minCount = minCount
      seen = []; tallies = []; others = []
    }

    /// Keeps the ends that are not dominated (see the type's comment); `ends` are in increasing position.
    func prune(_ ends: [Projection.End]) -> [Projection.End] {
      if options.maxGap != nil { return ends }
      if options.maxSpan == nil { return ends.isEmpty ? [] : [ends[0]] }
      var kept: [Projection.End] = []
      for e in ends where kept.isEmpty || e.start > kept[kept.count - 1].start { kept.append(e) }
      return kept
    }

    /// The positions after `end` an occurrence can extend to: (first, last) positions, last exclusive.
    @inline(__always) func reach(_ s: Int, _ end: Projection.End) -> Range<Int> {
      let d = days[s], n = d.count
      let from = Int(end.position) + 1
      var limit = Int32.max
      if let g = options.maxGap { limit = min(limit, d[Int(end.position)] &+ g) }
      if let w = options.maxSpan { limit = min(limit, end.start &+ w) }
      if limit == Int32.max { return from..<n }
      var hi = from
      while hi < n && d[hi] <= limit { hi += 1 }
      return from..<hi
    }

    mutating func grow(_ prefix: [Int32], _ projection: Projection, into out: inout [SequentialPattern]) {
      var count = 0, other = 0
      for e in projection.entries { if counted[Int(e.sequence)] { count += 1 } else { other += 1 } }
      out.append(SequentialPattern(items: prefix, count: count, otherCount: other))
      guard prefix.count < options.maxLength else { return }
      if seen.isEmpty {
        seen = [Int32](repeating: -1, count: alphabet); tallies = [Int](repeating: 0, count: alphabet)
        others = tallies
      }
      // Count each item once per sequence of the projection.
      var candidates: [Int32] = []
      for (k, e) in projection.entries.enumerated() {
        let s = Int(e.sequence), row = items[s]
        for end in e.ends {
          for p in reach(s, end) {
            let x = Int(row[p])
            if seen[x] != Int32(k) {
              if tallies[x] == 0 && others[x] == 0 { candidates.append(Int32(x)) }
              seen[x] = Int32(k)
              if counted[s] { tallies[x] += 1 } else { others[x] += 1 }
            }
          }
        }
      }
      candidates.sort()
      let frequent = candidates.filter { tallies[Int($0)] >= minCount }
      for x in candidates { tallies[Int(x)] = 0; others[Int(x)] = 0 }
      for i in seen.indices where seen[i] >= 0 { seen[i] = -1 }
      for x in frequent {
        var entries: [Projection.Entry] = []
        for e in projection.entries {
          let s = Int(e.sequence), row = items[s]
          var ends: [Projection.End] = []
          for end in e.ends {
            for p in reach(s, end) where row[p] == x {
              let next = Projection.End(position: Int32(p), start: end.start)
              // Keep the latest start for each position (ends arrive grouped by their origin, so merge).
              if let i = ends.firstIndex(where: { $0.position == next.position }) {
                ends[i].start = max(ends[i].start, next.start)
              } else {
                ends.append(next)
              }
              if options.maxGap == nil && options.maxSpan == nil { break }
            }
          }
          guard !ends.isEmpty else { continue }
          ends.sort { $0.position < $1.position }
          entries.append(Projection.Entry(sequence: e.sequence, ends: prune(ends)))
        }
        grow(prefix + [x], Projection(entries: entries), into: &out)
      }
    }
  }
}
