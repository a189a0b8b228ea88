import SocialGraph

/// Maps id byte strings to dense indices in order of first appearance, without making a `String` per
/// occurrence: ids live once in a byte arena; lookups hash the bytes (FNV-1a, 64-bit) into an open-addressing
/// table with linear probing, grown at 50 % load. A slot holds the index and where the id's bytes are in the arena,
/// so a probe reads the table and the arena only (two cache misses on a large portfolio, not three). Strings are
/// made once per distinct id.
/// - Reference: G. Fowler, L. C. Noll, K.-P. Vo, *FNV hash* (1991); Knuth, *TAOCP* vol. 3, §6.4 (linear probing).
///
/// Canonical decimal ids below 2^22 (no sign, no leading zero: SNAP's ids) skip the hash table: a direct
/// array maps the value to its index, which stays in cache where a hash probe would miss. Whether an id takes
/// that path depends on its text alone, so each id has exactly one index.
struct IDInterner {
  private static let numericLimit = 1 << 22
  private var numeric: [Int32] = []   // value → index + 1, 0 when unseen
  private var arena: [UInt8] = []
  private var starts: [Int32] = [0]
  private var hashes: [UInt64] = []
  /// Two words per slot: the high half of the hash with index + 1 (0: empty), then the id's arena start (high
  /// half) and length (low half).
  private var slots: [UInt64]
  private var mask: Int

  init(expected: Int = 1024) {
    var cap = 16
    while cap < expected * 2 { cap <<= 1 }
    slots = Self.table(words: 2 * cap)
    mask = cap - 1
    arena.reserveCapacity(expected * 8)
  }

  var count: Int { starts.count - 1 }

  /// The index of `bytes`, adding it when new.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    if bytes.count <= 7, let value = Self.canonicalNumber(bytes), value < Self.numericLimit {
      if value >= numeric.count {
        numeric.append(contentsOf: repeatElement(0, count: max(value + 1, numeric.count * 2) - numeric.count))
      }
      let known = numeric[value]
      if known > 0 { return known - 1 }
      let id = Int32(count)
      numeric[value] = id + 1
      hashes.append(0)   // never probed: numeric ids are not in the hash table
      arena.append(contentsOf: bytes)
      starts.append(Int32(arena.count))
      return id
    }
    let (found, h, i) = probe(bytes)
    if let found { return found }
    let id = Int32(count)
    slots[2 * i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(id) + 1)
    slots[2 * i + 1] = UInt64(arena.count) << 32 | UInt64(bytes.count)
    hashes.append(h)
    arena.append(contentsOf: bytes)
    starts.append(Int32(arena.count))
    if count * 4 > slots.count { grow() }
    return id
  }

  /// The index of `bytes` when it was interned, else nil (nothing added).
  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    if bytes.count <= 7, let value = Self.canonicalNumber(bytes), value < Self.numericLimit {
      guard value < numeric.count, numeric[value] > 0 else { return nil }
      return numeric[value] - 1
    }
    return probe(bytes).found
  }

  /// The hash-table lookup both share: the index of `bytes` if present, its FNV-1a hash, and the slot where the
  /// probe stopped (the empty slot to fill when it is absent).
  @inline(__always) private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: Int32?, hash: UInt64, slot: Int) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    let fragment = h & 0xFFFF_FFFF_0000_0000
    var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    while true {
      let s = slots[2 * i]
      if s == 0 { return (nil, h, i) }
      if s & 0xFFFF_FFFF_0000_0000 == fragment {
        let at = slots[2 * i + 1]
        if equal(start: Int(at >> 32), count: Int(at & 0xFFFF_FFFF), bytes) { return (Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1, h, i) }
      }
      i = (i + 1) & mask
    }
  }

  /// The value of a canonical decimal (digits only, no leading zero unless the id is "0"), else nil.
  @inline(__always) static func canonicalNumber(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = b.first, first >= 48, first <= 57, first != 48 || b.count == 1 else { return nil }
    var v = 0
    for c in b {
      guard c >= 48, c <= 57 else { return nil }
      v = v &* 10 &+ Int(c &- 48)
    }
    return v
  }

  private func equal(start a: Int, count: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { all in
      var k = 0
      while k < count { if all[a + k] != bytes[k] { return false }; k += 1 }
      return true
    }
  }

  /// An empty table of `words` words, on huge pages when it is large: a million ids make a 32 MB table probed
  /// at random, where 4 KiB pages miss the TLB on almost every lookup.
  private static func table(words: Int) -> [UInt64] {
    [UInt64](unsafeUninitializedCapacity: words) { buffer, count in
      HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
      buffer.initialize(repeating: 0)
      count = words
    }
  }

  private mutating func grow() {
    let cap = slots.count   // twice the slots: two words each
    slots = Self.table(words: 2 * cap)
    mask = cap - 1
    for id in 0..<count {
      let h = hashes[id]
      var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
      while slots[2 * i] != 0 { i = (i + 1) & mask }
      slots[2 * i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(id) + 1)
      slots[2 * i + 1] = UInt64(starts[id]) << 32 | UInt64(starts[id + 1] - starts[id])
    }
  }

  /// The id bytes of `index`, as a String (bytes were validated as UTF-8 by the caller).
  func string(_ index: Int) -> String {
    String(decoding: arena[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
  }
}
