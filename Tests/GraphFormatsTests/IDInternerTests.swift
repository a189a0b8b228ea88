// The id interner: every id found at the index it was given, through the table's growths, numeric ids (a direct
// array) and text ids (the hash table) side by side, and nothing found that was not interned.
import Testing
@testable import GraphFormats

private func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
  var s = s
  return s.withUTF8(body)
}

@Test func internedIdsAreFoundAtTheirIndexThroughGrowth() {
  var interner = IDInterner(expected: 4)   // grows many times on the way to 30,000 ids
  var ids: [String] = []
  for k in 0..<10_000 {
    ids.append("HF\(k % 97)-\(k)")   // text: hashed
    ids.append(String(k * 7 + 1))   // canonical decimal: the direct array
    ids.append("é\(k)")   // non-ASCII text
  }
  for (i, id) in ids.enumerated() {
    #expect(withBytes(id) { interner.intern($0) } == Int32(i))
  }
  #expect(interner.count == ids.count)
  for (i, id) in ids.enumerated() {
    #expect(withBytes(id) { interner.find($0) } == Int32(i))
    #expect(withBytes(id) { interner.intern($0) } == Int32(i))   // again: the same index, nothing added
    #expect(interner.string(i) == id)
  }
  #expect(interner.count == ids.count)
  for absent in ["HF1-2", "HF0-", "", "0", "07", "é", "HF96-9999x", "é10000"] {
    #expect(withBytes(absent) { interner.find($0) } == nil, "\(absent)")
  }
}
