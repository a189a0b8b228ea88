/// A stored record's fields as a compact JSON array — strings, `null`s and arrays of them — written and read straight
/// on UTF-8 bytes (SQLite's `json_extract` reads it too). A general JSON tree per record cost ten times as much on a
/// portfolio of ten million interactions.
/// - Complexity: O(length of the record).
struct RecordWriter {
  private var bytes: [UInt8] = [0x5B]
  private var count = 0

  private mutating func separator() {
    if count > 0 { bytes.append(0x2C) }
    count += 1
  }

  private mutating func quoted(_ s: String) {
    bytes.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: bytes.append(b)
      }
    }
    bytes.append(0x22)
  }

  /// A string field, or `null`.
  mutating func add(_ s: String?) {
    separator()
    if let s { quoted(s) } else { bytes += Array("null".utf8) }
  }

  /// An array of strings as one field.
  mutating func add(list: [String]) {
    separator()
    bytes.append(0x5B)
    for (i, s) in list.enumerated() {
      if i > 0 { bytes.append(0x2C) }
      quoted(s)
    }
    bytes.append(0x5D)
  }

  /// Name–value pairs as one field: an array of two-string arrays.
  mutating func add(pairs: [(String, String)]) {
    separator()
    bytes.append(0x5B)
    for (i, p) in pairs.enumerated() {
      if i > 0 { bytes.append(0x2C) }
      bytes.append(0x5B); quoted(p.0); bytes.append(0x2C); quoted(p.1); bytes.append(0x5D)
    }
    bytes.append(0x5D)
  }

  func text() -> String { String(decoding: bytes + [0x5D], as: UTF8.self) }
}

/// Reads what `RecordWriter` writes (and any JSON array of strings, `null`s and such arrays).
enum RecordReader {
  indirect enum Item: Equatable {
    case null
    case string(String)
    case list([Item])

    var string: String? { if case .string(let s) = self { return s }; return nil }
  }

  struct Malformed: Error {}

  static func read(_ text: String) throws -> [Item] {
    var t = text
    return try t.withUTF8 { b in
      var i = 0
      let item = try value(b, &i)
      guard case .list(let items) = item else { throw Malformed() }
      return items
    }
  }

  private static func value(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> Item {
    guard i < b.count else { throw Malformed() }
    switch b[i] {
    case 0x6E:   // null
      guard i + 4 <= b.count, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C else { throw Malformed() }
      i += 4
      return .null
    case 0x22:
      return .string(try string(b, &i))
    case 0x5B:
      i += 1
      var items: [Item] = []
      if i < b.count && b[i] == 0x5D { i += 1; return .list(items) }
      while true {
        items.append(try value(b, &i))
        guard i < b.count else { throw Malformed() }
        if b[i] == 0x2C { i += 1; continue }
        if b[i] == 0x5D { i += 1; return .list(items) }
        throw Malformed()
      }
    default:
      throw Malformed()
    }
  }

  private static func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> String {
    i += 1
    let start = i
    // Fast path: no escape.
    while i < b.count && b[i] != 0x22 && b[i] != 0x5C { i += 1 }
    guard i < b.count else { throw Malformed() }
    if b[i] == 0x22 {
      defer { i += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }
    var out = Array(b[start..<i])
    while i < b.count {
      let c = b[i]
      if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
      if c != 0x5C { out.append(c); i += 1; continue }
      guard i + 1 < b.count else { throw Malformed() }
      let e = b[i + 1]
      i += 2
      switch e {
      case 0x22, 0x5C, 0x2F: out.append(e)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        func hex4() throws -> UInt32 {
          guard i + 4 <= b.count, let v = UInt32(String(decoding: UnsafeBufferPointer(rebasing: b[i..<i + 4]), as: UTF8.self), radix: 16) else { throw Malformed() }
          i += 4
          return v
        }
        var v = try hex4()
        if (0xD800..<0xDC00).contains(v), i + 2 <= b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
          i += 2
          let low = try hex4()
          v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
        }
        out += Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8)
      default: throw Malformed()
      }
    }
    throw Malformed()
  }
}
