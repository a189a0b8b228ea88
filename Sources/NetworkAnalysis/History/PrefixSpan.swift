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
    var firsts = [Projection](repeating: Projection(), count: alphabet)
    var seen = [Int32](repeating: -1, count: alphabet)
    var tally = [Int](repeating: 0, count: alphabet)
    for s in items.indices {
      for (p, x) in items[s].enumerated() where x >= 0 && Int(x) < alphabet {
        if seen[Int(x)] != Int32(s) {
          seen[Int(x)] = Int32(s)
          if counted[s] { tally[Int(x)] += 1 }
          firsts[Int(x)].open(Int32(s))
        }
        firsts[Int(x)].add(position: Int32(p), start: days[s][p])
      }
    }
    let roots = (0..<alphabet).filter { tally[$0] >= minCount }
    let starts = firsts
    let miner = Miner(items: items, days: days, counted: counted, alphabet: alphabet, options: options, minCount: minCount)
    let parts = ParallelMap.map(roots.count, threads: max(1, options.threads)) { k -> [SequentialPattern] in
      var m = miner
      let x = roots[k]
      // Prune each sequence's ends as the miner's projections do.
      var root = Projection()
      let all = starts[x]
      for e in 0..<all.count {
        m.scratch.removeAll(keepingCapacity: true)
        for i in Int(all.offsets[e])..<Int(all.offsets[e + 1]) { m.scratch.append((all.positions[i], all.starts[i])) }
        root.open(all.sequences[e])
        m.keep(into: &root)
      }
      var out: [SequentialPattern] = []
      m.grow([Int32(x)], root, into: &out)
      return out
    }
    return parts.flatMap { $0 }
  }

  /// A projected database, flat: for each sequence (in `sequences`), the ends of the prefix's occurrences in it
  /// (positions and the latest day each occurrence can start), at `offsets[k]..<offsets[k + 1]`.
  struct Projection: Sendable {
    var sequences: [Int32] = []
    var offsets: [Int32] = [0]
    var positions: [Int32] = [], starts: [Int32] = []
    var count: Int { sequences.count }
    /// Starts the entry of sequence `s` (close it with `add`s; an entry left without ends is dropped by `close`).
    mutating func open(_ s: Int32) { sequences.append(s); offsets.append(offsets[offsets.count - 1]) }
    mutating func add(position: Int32, start: Int32) {
      positions.append(position); starts.append(start); offsets[offsets.count - 1] += 1
    }
    /// Drops the last entry if it has no end.
    mutating func dropEmptyLast() {
      if let last = offsets.last, offsets.count >= 2, last == offsets[offsets.count - 2] { sequences.removeLast(); offsets.removeLast() }
    }
  }

  struct Miner: Sendable {
    let items: [[Int32]], days: [[Int32]], counted: [Bool]
    let alphabet: Int
    let options: PrefixSpanOptions
    let minCount: Int
    var seen: [Int32] = [], tallies: [Int] = [], others: [Int] = []
    /// Ends of one sequence being projected: (position, start).
    var scratch: [(Int32, Int32)] = []

    init(items: [[Int32]], days: [[Int32]], counted: [Bool], alphabet: Int, options: PrefixSpanOptions, minCount: Int) {
      self.items = items; self.days = days; self.counted = counted; self.alphabet = alphabet
      self.options = options; self.minCount = minCount
    }

    /// Appends the ends of `scratch` that are not dominated (see the type's comment) to the entry just opened in
    /// `p`; `scratch` holds distinct positions, in any order.
    mutating func keep(into p: inout Projection) {
      if scratch.count > 1 { scratch.sort { $0.0 < $1.0 } }
      if options.maxGap != nil {
        for (q, st) in scratch { p.add(position: q, start: st) }
      } else if options.maxSpan == nil {
        if let first = scratch.first { p.add(position: first.0, start: first.1) }
      } else {
        var best = Int32.min
        for (q, st) in scratch where st > best { p.add(position: q, start: st); best = st }
      }
      p.dropEmptyLast()
    }

    /// The positions after an end an occurrence can extend to.
    @inline(__always) func reach(_ s: Int, _ position: Int32, _ start: Int32) -> Range<Int> {
      let d = days[s], n = d.count
      let from = Int(position) + 1
      var limit = Int32.max
      if let g = options.maxGap { limit = min(limit, d[Int(position)] &+ g) }
      if let w = options.maxSpan { limit = min(limit, start &+ w) }
      if limit == Int32.max { return from..<n }
      var hi = from
      while hi < n && d[hi] <= limit { hi += 1 }
      return from..<hi
    }

    mutating func grow(_ prefix: [Int32], _ projection: Projection, into out: inout [SequentialPattern]) {
      var count = 0, other = 0
      for s in projection.sequences { if counted[Int(s)] { count += 1 } else { other += 1 } }
      out.append(SequentialPattern(items: prefix, count: count, otherCount: other))
      guard prefix.count < options.maxLength else { return }
      if seen.isEmpty {
        seen = [Int32](repeating: -1, count: alphabet); tallies = [Int](repeating: 0, count: alphabet)
        others = tallies
      }
      // Count each item once per sequence of the projection.
      var candidates: [Int32] = []
      for k in 0..<projection.count {
        let s = Int(projection.sequences[k]), row = items[s]
        for e in Int(projection.offsets[k])..<Int(projection.offsets[k + 1]) {
          for p in reach(s, projection.positions[e], projection.starts[e]) {
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
      let firstOnly = options.maxGap == nil && options.maxSpan == nil
      for x in frequent {
        var child = Projection()
        for k in 0..<projection.count {
          let s = Int(projection.sequences[k]), row = items[s]
          scratch.removeAll(keepingCapacity: true)
          for e in Int(projection.offsets[k])..<Int(projection.offsets[k + 1]) {
            let start = projection.starts[e]
            for p in reach(s, projection.positions[e], start) where row[p] == x {
              // Keep the latest start for each position.
              if let i = scratch.firstIndex(where: { $0.0 == Int32(p) }) {
                scratch[i].1 = max(scratch[i].1, start)
              } else {
                scratch.append((Int32(p), start))
              }
              if firstOnly { break }
            }
          }
          guard !scratch.isEmpty else { continue }
          child.open(Int32(s))
          keep(into: &child)
        }
        grow(prefix + [x], child, into: &out)
      }
    }
  }
}
