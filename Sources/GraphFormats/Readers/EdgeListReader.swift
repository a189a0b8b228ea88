import NetworkAnalysis
import SocialGraph

/// What the third column of a whitespace edge list holds.
public enum EdgeListThirdColumn: String, Sendable, CaseIterable {
  /// A tie weight (> 0).
  case weight
  /// Ignored (for example a label the analysis does not use).
  case ignore
  /// A Unix time stamp in seconds: each line is one interaction; lines of the same pair combine (weight =
  /// number of interactions), and the tie's `since`/`last_contact` are its first and last dates.
  case timestamp
}

/// Reads SNAP-style whitespace edge lists: `u v [third]` per line, separated by spaces or tabs, LF or CRLF line
/// ends, `#` or `%` comment lines, blank lines skipped. Ids are kept as written (strings), and people are
/// numbered in order of first appearance, as `networkx.read_edgelist` does.
///
/// A tight byte loop: on the 948,464-line Slashdot file it makes no allocation per line beyond the graph's own
/// arrays (ids of up to 15 bytes are stored inline in `String`).
public enum EdgeListReader {
  public struct Options: Sendable {
    public var directed = false
    public var thirdColumn = EdgeListThirdColumn.weight
    /// Skip lines whose weight is 0 (adjacency-style lists such as Krackhardt's), counting them in a warning.
    /// Otherwise a 0 weight is an error.
    public var skipZeroWeights = false
    public var kind = TieKind.edge
    public init() {}
  }

  public static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder,
                          options: Options = Options()) throws -> [InputWarning] {
    let k = builder.kindIndex(for: options.kind)
    var warnings: [InputWarning] = []
    var selfLoops = 0, firstSelfLoop = 0, skipped = 0, firstSkipped = 0, edges = 0
    // Timestamped pairs: combine per ordered pair into one tie with a count and first/last day.
    var stamped: [UInt64: Int] = [:]
    var stampedTies: [Tie] = []
    var pendingTies = ContiguousArray<Tie>()
    pendingTies.reserveCapacity(bytes.count / 12)
    // People are numbered in order of first appearance, after the ones the builder already has.
    var interner = IDInterner(expected: max(1024, bytes.count / 64))
    let base = Int32(builder.count)
    try bytes.withUnsafeBufferPointer { buf in
      let n = buf.count
      var pos = 0
      if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { pos = 3 }
      var line = 0
      var tokens: [Range<Int>] = []
      tokens.reserveCapacity(4)
      while pos < n {
        line += 1
        // Find the line's end.
        var end = pos
        while end < n && buf[end] != 0x0A { end += 1 }
        var stop = end
        if stop > pos && buf[stop - 1] == 0x0D { stop -= 1 }
        let lineStart = pos
        pos = end + 1
        // Tokenise on blanks.
        tokens.removeAll(keepingCapacity: true)
        var i = lineStart
        while i < stop {
          while i < stop && (buf[i] == 0x20 || buf[i] == 0x09) { i += 1 }
          if i >= stop { break }
          let s = i
          while i < stop && buf[i] != 0x20 && buf[i] != 0x09 { i += 1 }
          tokens.append(s..<i)
        }
        if tokens.isEmpty { continue }
        let first = buf[tokens[0].lowerBound]
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "%") { continue }
        guard tokens.count == 2 || tokens.count == 3 else {
          throw InputError(file: file, line: line,
                           problem: "expected 2 or 3 columns (source target [\(options.thirdColumn.rawValue)]), found \(tokens.count)")
        }
        func text(_ r: Range<Int>) throws -> String {
          let slice = UnsafeBufferPointer(rebasing: buf[r])
          guard let s = String(validating: slice, as: UTF8.self) else {
            throw InputError(file: file, line: line, problem: "invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
          }
          return s
        }
        var weight = 1.0
        var stamp: Int64?
        if tokens.count == 3 {
          let third = try text(tokens[2])
          switch options.thirdColumn {
          case .ignore: break
          case .weight:
            if options.skipZeroWeights, let w = ValueParsing.decimal(third), w == 0 {
              if skipped == 0 { firstSkipped = line }
              skipped += 1
              continue
            }
            switch ValueParsing.weight(third) {
            case .success(let w): weight = w
            case .failure(let p): throw InputError(file: file, line: line, problem: p.message)
            }
          case .timestamp:
            guard let t = Int64(third) else {
              throw InputError(file: file, line: line, problem: "timestamp \(quoted(third)) is not a whole number of seconds")
            }
            // Dates are years 1 to 9999 everywhere (ISO cells too): beyond, a day would not fit its Int32.
            guard (-62_135_596_800...253_402_300_799).contains(t) else {
              throw InputError(file: file, line: line, problem: "timestamp \(quoted(third)) is not a time from year 1 to 9999 (seconds since 1970-01-01)")
            }
            stamp = t
          }
        }
        func id(_ r: Range<Int>) throws -> Int32 {
          let slice = UnsafeBufferPointer(rebasing: buf[r])
          if slice.count > TiemapLimits.fieldBytes {
            throw InputError(file: file, line: line, problem: "an id is longer than \(Cell.grouped(TiemapLimits.fieldBytes)) bytes (the limit for one cell)")
          }
          var ascii = true
          for b in slice where b >= 0x80 { ascii = false; break }
          if !ascii && String(validating: slice, as: UTF8.self) == nil {
            throw InputError(file: file, line: line, problem: "invalid UTF-8 (give the file's encoding with --encoding, or save it as UTF-8)")
          }
          return base + interner.intern(slice)
        }
        let u = try id(tokens[0])
        let v = try id(tokens[1])
        if u == v {
          if selfLoops == 0 { firstSelfLoop = line }
          selfLoops += 1
        }
        edges += 1
        if let stamp {
          let day = Day(unixSeconds: stamp)
          let (a, b) = options.directed || u < v ? (u, v) : (v, u)
          let key = UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
          if let j = stamped[key] {
            stampedTies[j].weight += 1
            stampedTies[j].interactions! += 1
            if day < stampedTies[j].since! { stampedTies[j].since = day }
            if day > stampedTies[j].lastContact! { stampedTies[j].lastContact = day }
          } else {
            stamped[key] = stampedTies.count
            stampedTies.append(Tie(source: a, target: b, weight: 1, kind: k, isDirected: options.directed,
                                   since: day, lastContact: day, interactions: 1))
          }
        } else {
          pendingTies.append(Tie(source: u, target: v, weight: weight, kind: k, isDirected: options.directed))
        }
      }
    }
    for i in 0..<interner.count {
      let s = interner.string(i)
      if builder.index(of: s) != nil {
        throw InputError(file: file, line: 0, problem: "id \(quoted(s)) is already in the graph")
      }
      try builder.addPerson(Person(id: s))
    }
    if !options.directed, let once = mirroredOnce(pendingTies) {
      warnings.append(InputWarning(file: file, line: 0,
        message: "every tie is listed in both directions (u v and v u, SNAP's layout for undirected graphs): read as \(once.count) tie\(once.count == 1 ? "" : "s"), not \(pendingTies.count) with doubled weights (give --directed to keep both arcs)"))
      pendingTies = once
    }
    for t in pendingTies { try builder.addTie(t) }
    for t in stampedTies { try builder.addTie(t) }
    if edges == 0 {
      throw InputError(file: file, line: 0, problem: bytes.isEmpty ? "file is empty" : "no edges (only comments or blank lines)")
    }
    if selfLoops > 0 {
      warnings.append(InputWarning(file: file, line: firstSelfLoop,
        message: "\(selfLoops) self-loop\(selfLoops == 1 ? "" : "s") (a person tied to themself) kept in the data but left out of every measure"))
    }
    if skipped > 0 {
      warnings.append(InputWarning(file: file, line: firstSkipped, message: "skipped \(skipped) line\(skipped == 1 ? "" : "s") with weight 0 (--skip-zero-weights)"))
    }
    return warnings
  }

  /// When an undirected list holds every tie twice, once each way with the same weight (u v w and v u w: SNAP's
  /// usual layout, e.g. Email-Enron), the ties with source < target (self-loops as listed); nil otherwise — a
  /// list with any unmatched line, or a pair listed more than once in one direction, keeps its ties as they are
  /// (parallel ties then add up, as documented).
  /// - Complexity: O(m) expected (one hash table of ordered pairs).
  static func mirroredOnce(_ ties: ContiguousArray<Tie>) -> ContiguousArray<Tie>? {
    guard ties.count >= 2 else { return nil }
    var slot: [UInt64: Int32] = [:]
    slot.reserveCapacity(ties.count)
    var loops = 0
    for (i, t) in ties.enumerated() {
      if t.source == t.target { loops += 1; continue }
      let key = UInt64(UInt32(t.source)) << 32 | UInt64(UInt32(t.target))
      guard slot.updateValue(Int32(i), forKey: key) == nil else { return nil }   // listed twice one way
    }
    let pairs = ties.count - loops
    guard pairs > 0, pairs % 2 == 0 else { return nil }
    var once = ContiguousArray<Tie>()
    once.reserveCapacity(pairs / 2 + loops)
    for t in ties {
      if t.source == t.target { once.append(t); continue }
      let reverse = UInt64(UInt32(t.target)) << 32 | UInt64(UInt32(t.source))
      guard let j = slot[reverse], ties[Int(j)].weight == t.weight else { return nil }
      if t.source < t.target { once.append(t) }
    }
    return once
  }
}
