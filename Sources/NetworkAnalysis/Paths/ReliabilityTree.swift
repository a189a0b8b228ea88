#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocialGraph

extension GraphView {
  /// Tie lengths for reliability searches: −ln p per slot, so that the shortest path is the most reliable one
  /// (Π p = exp(−Σ length)). Computed once per view and probability rule, not once per relaxation.
  /// - Complexity: O(m).
  public static func reliabilityLengths(_ probabilities: ContiguousArray<Double>) -> ContiguousArray<Double> {
    ContiguousArray(probabilities.lazy.map { -log($0) })
  }

  /// The best reliability from any start to every person: max over paths of (the start's own reliability) ×
  /// Π tie probabilities, 0 when nothing reaches them; Dijkstra on −ln p with several sources. `excluding` is left
  /// out of the network (as if they had left). Used for warm reach: Σ over an account of our best reliability.
  /// - Complexity: O((n + m) log n).
  public func bestReliabilities(from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>,
                                excluding: NodeIndex? = nil) -> [Double] {
    reliabilityTree(from: starts, probabilities: probabilities, excluding: excluding).reliability
  }

  /// `bestReliabilities` with the tree of best paths: `parent[v]` is the person before v on their best path (−1 for
  /// the starts and for people nothing reaches).
  public func reliabilityTree(from starts: [(person: NodeIndex, reliability: Double)], probabilities: ContiguousArray<Double>,
                              excluding: NodeIndex? = nil) -> (reliability: [Double], parent: [Int32]) {
    let (dist, parent) = reliabilitySearch(from: starts, lengths: GraphView.reliabilityLengths(probabilities), excluding: excluding)
    return (dist.map { $0 == .infinity ? 0 : exp(-$0) }, parent)
  }

  /// `reliabilityTree` in lengths: −ln of the best reliability (+∞ where nothing reaches), and the parents.
  func reliabilitySearch(from starts: [(person: NodeIndex, reliability: Double)], lengths: ContiguousArray<Double>,
                         excluding: NodeIndex?) -> (length: [Double], parent: [Int32]) {
    var search = ShortestPathSearch(nodeCount: nodeCount)
    if let excluding { search.block(person: excluding) }
    search.run(rows: out, lengths: lengths, from: starts.filter { $0.reliability > 0 }.map { ($0.person, -log($0.reliability)) })
    return (search.length, search.parent)
  }

  /// What one more start `from` with reliability `start` adds to `base` (the best reliabilities without it):
  /// Σ over the people where it does better of (new − base), counting only `counted` people. A Dijkstra from
  /// `from` that neither enters nor goes on from anyone it no longer beats `base` for: past such a person
  /// nothing can improve (every path on from there is at most base × p), so the search stays in the region the
  /// new start changes. `lengths` from `reliabilityLengths`; `search` is scratch reused from call to call.
  /// - Complexity: O((n' + m') log n') over the improved region, plus O(n) for a scratch row (`reliabilityGains`
  ///   shares one among all its candidates).
  public func reliabilityGain(from: NodeIndex, start: Double, base: [Double], lengths: ContiguousArray<Double>,
                              search: inout ShortestPathSearch, counted: (NodeIndex) -> Bool) -> Double {
    var entered = [Double](repeating: 0, count: nodeCount)
    return gainSearch(from: from, length: -log(start), base: base, bound: nil, lengths: lengths, search: &search,
                      entered: &entered, counted: counted)
  }

  /// `reliabilityGain` for each of `candidates`, sharing one search among pendants. A candidate c whose only tie,
  /// of length ℓ, goes to h reaches everyone else through h at −ln(start) + ℓ: its gain is its own (start − base
  /// of c) plus the gain of a start at h with that length, less that search's term for c (h's search reaches c
  /// back, the one from c does not). Pendants of one h with one ℓ share h's search, so a hub with 100,000
  /// uncovered spokes costs one search over the hub's region instead of 100,000. Equal to `reliabilityGain` up
  /// to rounding (the same terms, summed in another order).
  /// - Complexity: O((n' + m') log n') per candidate that is not a pendant and per (host, length) of the pendants,
  ///   over the improved region; O(log deg h) more per pendant.
  public func reliabilityGains(for candidates: [NodeIndex], start: Double, base: [Double],
                               lengths: ContiguousArray<Double>, counted: (NodeIndex) -> Bool) -> [Double] {
    struct Host: Hashable { let person: NodeIndex; let length: UInt64 }
    func host(_ c: NodeIndex) -> (Host, slot: Int)? {
      let row = out.slots(c)
      guard row.count == 1, out.targets[row.lowerBound] != c else { return nil }
      return (Host(person: out.targets[row.lowerBound], length: lengths[row.lowerBound].bitPattern), row.lowerBound)
    }
    var shared: [Host: Int] = [:]
    for c in candidates { if let (h, _) = host(c) { shared[h, default: 0] += 1 } }
    var search = ShortestPathSearch(nodeCount: nodeCount)
    var entered = [Double](repeating: 0, count: nodeCount)
    var memo: [Host: Double] = [:]
    let d0 = -log(start)
    // A length at or past bound[v] gives exp(−length) ≤ base[v] whatever the rounding (a margin of 10⁻⁹, relative
    // and absolute, over −ln base[v], against errors of the order of 10⁻¹⁶): such an entry is refused without its
    // exponential. Shorter lengths take the exact test, so the searches decide as before.
    let bound = base.map { $0 > 0 ? -log($0) * (1 + 1e-9) + 1e-9 : Double.infinity }
    return candidates.map { c in
      guard let (h, slot) = host(c), shared[h]! > 1 else {
        return gainSearch(from: c, length: d0, base: base, bound: bound, lengths: lengths, search: &search, entered: &entered,
                          counted: counted)
      }
      let r = exp(-d0)
      guard r > base[Int(c)] else { return 0 }   // the search from c would not go on from c
      let own = counted(c) ? r - base[Int(c)] : 0
      let atHost = d0 + lengths[slot]
      guard exp(-atHost) > base[Int(h.person)] else { return own }   // nor enter h
      let viaHost = memo[h] ?? {
        let g = gainSearch(from: h.person, length: atHost, base: base, bound: bound, lengths: lengths, search: &search,
                           entered: &entered, counted: counted)
        memo[h] = g
        return g
      }()
      // h's search enters c back through the tie h → c when that beats c's base, and counts it when c counts.
      let back = atHost + lengths[out.slot(from: h.person, to: c)!]
      let rb = exp(-back)
      let echo = counted(c) && rb > base[Int(c)] ? rb - base[Int(c)] : 0
      return own + (viaHost - echo)
    }
  }

  /// The reliability a search from `from` adds over `base`. `entered[v]` keeps exp(−d) of the length d with which
  /// v last entered the search: the length it is expanded at, so its reliability is not computed twice. `bound`
  /// (from `reliabilityGains`), when given, refuses the lengths that cannot beat base without an exponential.
  private func gainSearch(from: NodeIndex, length: Double, base: [Double], bound: [Double]?, lengths: ContiguousArray<Double>,
                          search: inout ShortestPathSearch, entered: inout [Double], counted: (NodeIndex) -> Bool) -> Double {
    var gain = 0.0
    entered[Int(from)] = exp(-length)
    search.run(rows: out, lengths: lengths, from: [(from, length)],
               enter: { v, _, nd in
                 if let bound, nd >= bound[Int(v)] { return false }   // exp(−nd) ≤ base[v] for sure
                 let r = exp(-nd)
                 guard r > base[Int(v)] else { return false }
                 entered[Int(v)] = r
                 return true
               },
               expand: { u, d in
                 let r = entered[Int(u)]   // exp(−d): d is the length u last entered with
                 guard r > base[Int(u)] else { return false }
                 if counted(u) { gain += r - base[Int(u)] }
                 return true
               })
    return gain
  }
}

/// The tree of best introduction paths (`GraphView.reliabilityTree`) kept with its lengths (−ln reliability) and
/// its children, to answer "what if this person left?" without a new search over the whole network.
public struct ReliabilityTree: Sendable {
  /// −ln of the best reliability (+∞ where nothing reaches).
  public let length: [Double]
  public let reliability: [Double]
  public let parent: [Int32]
  /// Children of each person in the tree (CSR).
  let childOffsets: [Int32]
  let children: [Int32]

  /// `lengths`: −ln p per slot of `view.out` (`GraphView.reliabilityLengths`).
  public init(view: GraphView, from starts: [(person: NodeIndex, reliability: Double)], lengths: ContiguousArray<Double>) {
    let (len, parent) = view.reliabilitySearch(from: starts, lengths: lengths, excluding: nil)
    length = len
    reliability = len.map { $0 == .infinity ? 0 : exp(-$0) }
    self.parent = parent
    var offsets = [Int32](repeating: 0, count: len.count + 1)
    for p in parent where p >= 0 { offsets[Int(p) + 1] += 1 }
    for i in 0..<len.count { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var kids = [Int32](repeating: 0, count: Int(offsets[len.count]))
    for (v, p) in parent.enumerated() where p >= 0 { kids[Int(cursor[Int(p)])] = Int32(v); cursor[Int(p)] += 1 }
    childOffsets = offsets; children = kids
  }

  public func hasChildren(_ v: NodeIndex) -> Bool { childOffsets[Int(v) + 1] > childOffsets[Int(v)] }

  /// The best reliabilities of `v`'s descendants once `v` is gone (everyone else's best path avoids `v`, so only
  /// they can change): a search over the descendants alone, each started from its best tie to the rest of the
  /// network (whose lengths stand). The values equal `bestReliabilities(excluding: v)` on those people, bit for
  /// bit, since both are the least fixed point of the same relaxations.
  /// - Complexity: O((s + e) log s) for the s descendants and their e ties, instead of O((n + m) log n).
  public func descendantsWithout(_ v: NodeIndex, view: GraphView, lengths: ContiguousArray<Double>,
                                 scratch: inout ReliabilityScratch) -> [(person: NodeIndex, reliability: Double)] {
    scratch.prepare(count: length.count)
    // The descendants, by a walk down the tree (members doubles as the stack: each is visited once).
    scratch.members.removeAll(keepingCapacity: true)
    scratch.members.append(v)
    var next = 0
    while next < scratch.members.count {
      let u = scratch.members[next]; next += 1
      for i in Int(childOffsets[Int(u)])..<Int(childOffsets[Int(u) + 1]) {
        scratch.members.append(children[i]); scratch.inside[Int(children[i])] = true
      }
    }
    let members = scratch.members.dropFirst()
    let off = view.out.offsets, tgt = view.out.targets
    var starts: [(person: NodeIndex, length: Double)] = []
    for d in members {
      var best = Double.infinity
      for p in Int(off[Int(d)])..<Int(off[Int(d) + 1]) {
        let u = tgt[p]
        guard u != v, !scratch.inside[Int(u)], length[Int(u)] < .infinity else { continue }
        // The length of the slot u → d (undirected views: the same value on both slots).
        let nd = length[Int(u)] + lengths[p]
        if nd < best { best = nd }
      }
      if best < .infinity { starts.append((d, best)) }
    }
    // The flags move out of the scratch while the search reads them (no copy of either array).
    var inside: [Bool] = []
    swap(&inside, &scratch.inside)
    scratch.search.run(rows: view.out, lengths: lengths, from: starts, enter: { w, _, _ in inside[Int(w)] })
    let out = members.map { d in
      let l = scratch.search.length[Int(d)]
      return (person: d, reliability: l == .infinity ? 0 : exp(-l))
    }
    for d in members { inside[Int(d)] = false }
    swap(&inside, &scratch.inside)
    return out
  }
}

/// Per-worker scratch of `ReliabilityTree.descendantsWithout`: only the entries it touched are reset.
public struct ReliabilityScratch: Sendable {
  var inside: [Bool] = []
  var members: [NodeIndex] = []
  var search = ShortestPathSearch(nodeCount: 0)
  public init() {}
  mutating func prepare(count: Int) {
    if inside.count != count { inside = [Bool](repeating: false, count: count); search = ShortestPathSearch(nodeCount: count) }
  }
}
