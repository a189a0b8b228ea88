#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encoding of a text input (`--encoding`): what CRMs, Excel and older tools write. Every reader
/// works on UTF-8; a file in another encoding is transcoded to UTF-8 once, as it is read (`InputFile`), with its
/// line breaks where they were, so every `file:line` in a message is the file's own.
///
/// Detection (`auto`, the default): a UTF-16 byte-order mark (`FF FE` little-endian, `FE FF` big-endian) gives
/// UTF-16; a UTF-8 byte-order mark, or bytes that are valid UTF-8, give UTF-8; anything else is read as
/// Windows-1252 (a superset of ISO-8859-1's printable characters: Salesforce's Data Export, Excel's "CSV"), and
/// one warning says so. Valid UTF-8 is never reinterpreted: a Windows-1252 file whose accented letters happen to
/// form valid UTF-8 sequences needs `--encoding windows-1252`.
/// - Reference: The Unicode Standard 15.0, §3.9 (UTF-8 well-formed sequences, Table 3-7) and §3.9 D91 (UTF-16);
///   WHATWG Encoding Standard, index-windows-1252 (bytes 0x80–0x9F; the five it leaves undefined map to the C1
///   controls of the same value, as ISO-8859-1 does).
public enum TextEncoding: String, Sendable, CaseIterable {
  case auto
  case utf8 = "utf-8"
  case utf16le = "utf-16le"
  case utf16be = "utf-16be"
  /// UTF-16 with its byte-order mark saying which.
  case utf16 = "utf-16"
  case windows1252 = "windows-1252"
  case latin1 = "iso-8859-1"

  /// The encoding `--encoding NAME` names: the names above, case-insensitive, and the usual aliases
  /// (`utf8`, `cp1252`, `latin-1`, `latin1`, `iso8859-1`).
  public init?(name: String) {
    let n = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    switch n {
    case "auto": self = .auto
    case "utf-8", "utf8": self = .utf8
    case "utf-16le", "utf16le": self = .utf16le
    case "utf-16be", "utf16be": self = .utf16be
    case "utf-16", "utf16": self = .utf16
    case "windows-1252", "cp1252", "win1252", "windows1252": self = .windows1252
    case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1": self = .latin1
    default: return nil
    }
  }

  /// How the text came to be UTF-8: nil when it was UTF-8 already.
  public struct Decoded: Sendable {
    public var bytes: [UInt8]
    /// The encoding read (for the warning).
    public var from: TextEncoding
    /// Detected as Windows-1252: the line of the first byte that is not UTF-8.
    public var firstNonUTF8Line: Int?
    init(bytes: [UInt8], from: TextEncoding) { self.bytes = bytes; self.from = from }
  }

  /// `bytes` as UTF-8 under `self` (`auto`: detected). Returns nil when the bytes are UTF-8 already and need no
  /// copy (the common case costs one validating scan, no allocation).
  /// - Throws: `InputError` for UTF-16 with an odd byte count or an unpaired surrogate, naming the line.
  /// - Complexity: O(n).
  public func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Decoded? {
    switch self {
    case .utf8:
      return nil
    case .utf16le, .utf16be, .utf16:
      return Decoded(bytes: try Self.fromUTF16(bytes, file: file, bigEndian: self == .utf16be), from: self)
    case .windows1252, .latin1:
      return Decoded(bytes: Self.fromSingleByte(bytes, windows1252: self == .windows1252), from: self)
    case .auto:
      if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
        return Decoded(bytes: try Self.fromUTF16(bytes, file: file, bigEndian: false), from: .utf16le)
      }
      if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
        return Decoded(bytes: try Self.fromUTF16(bytes, file: file, bigEndian: true), from: .utf16be)
      }
      guard let bad = Self.firstInvalidUTF8(bytes) else { return nil }
      var d = Decoded(bytes: Self.fromSingleByte(bytes, windows1252: true), from: .windows1252)
      d.firstNonUTF8Line = 1 + UnsafeBufferPointer(rebasing: bytes[..<bad]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      return d
    }
  }

  /// Whether `b` is well-formed UTF-8.
  public static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool { firstInvalidUTF8(b) == nil }

  /// The offset of the first byte where `b` stops being well-formed UTF-8 (Unicode Table 3-7: no overlong forms,
  /// no surrogates, nothing past U+10FFFF), nil when it all is. ASCII runs are skipped sixteen bytes at a time.
  /// - Complexity: O(n), two loads per sixteen ASCII bytes.
  public static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = b.baseAddress else { return nil }
    let n = b.count
    var i = 0
    while i < n {
      // Eight ASCII bytes at a time (unaligned loads through memcpy semantics).
      while i + 16 <= n {
        var w0: UInt64 = 0, w1: UInt64 = 0
        memcpy(&w0, base + i, 8)
        memcpy(&w1, base + i + 8, 8)
        if (w0 | w1) & 0x8080_8080_8080_8080 != 0 { break }
        i += 16
      }
      guard i < n else { return nil }
      let c = base[i]
      if c < 0x80 { i += 1; continue }
      var need = 0
      var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE, 0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default: return i
      }
      guard i + need < n else { return i }
      let second = base[i + 1]
      guard second >= lo && second <= hi else { return i }
      var k = 2
      while k <= need {
        guard base[i + k] & 0xC0 == 0x80 else { return i }
        k += 1
      }
      i += need + 1
    }
    return nil
  }

  /// Windows-1252's characters for bytes 0x80–0x9F (0 where it defines none: the C1 control of that value).
  private static let windows1252High: [UInt16] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// A single-byte encoding to UTF-8: ISO-8859-1 (every byte its own code point) or Windows-1252.
  static func fromSingleByte(_ b: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + b.count / 8)
    for c in b {
      if c < 0x80 { out.append(c); continue }
      var scalar = UInt32(c)
      if windows1252 && c < 0xA0, windows1252High[Int(c) - 0x80] != 0 { scalar = UInt32(windows1252High[Int(c) - 0x80]) }
      appendUTF8(scalar, to: &out)
    }
    return out
  }

  /// UTF-16 (a leading byte-order mark dropped) to UTF-8.
  static func fromUTF16(_ b: UnsafeBufferPointer<UInt8>, file: String, bigEndian: Bool) throws -> [UInt8] {
    var start = 0
    var big = bigEndian
    if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { start = 2; big = false }
    else if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { start = 2; big = true }
    var out: [UInt8] = []
    out.reserveCapacity((b.count - start) / 2 + 16)
    var line = 1
    var i = start
    func unit(_ at: Int) -> UInt32 { big ? UInt32(b[at]) << 8 | UInt32(b[at + 1]) : UInt32(b[at + 1]) << 8 | UInt32(b[at]) }
    while i + 1 < b.count {
      let u = unit(i)
      i += 2
      if u == 0x0A { line += 1 }
      if u >= 0xD800 && u <= 0xDBFF {
        guard i + 1 < b.count else { throw InputError(file: file, line: line, problem: "UTF-16: the text ends inside a surrogate pair") }
        let low = unit(i)
        guard low >= 0xDC00 && low <= 0xDFFF else {
          throw InputError(file: file, line: line, problem: "UTF-16: a high surrogate is not followed by a low one (not UTF-16 text)")
        }
        i += 2
        appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
      } else if u >= 0xDC00 && u <= 0xDFFF {
        throw InputError(file: file, line: line, problem: "UTF-16: a low surrogate without a high one (not UTF-16 text)")
      } else {
        appendUTF8(u, to: &out)
      }
    }
    if i < b.count { throw InputError(file: file, line: line, problem: "UTF-16: an odd number of bytes (the file is cut, or not UTF-16)") }
    return out
  }

  @inline(__always) static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
    switch s {
    case 0..<0x80: out.append(UInt8(s))
    case 0x80..<0x800: out.append(UInt8(0xC0 | s >> 6)); out.append(UInt8(0x80 | s & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | s >> 12)); out.append(UInt8(0x80 | (s >> 6) & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
    default:
      out.append(UInt8(0xF0 | s >> 18)); out.append(UInt8(0x80 | (s >> 12) & 0x3F))
      out.append(UInt8(0x80 | (s >> 6) & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
    }
  }

  /// What the warning calls the encoding.
  public var title: String {
    switch self {
    case .auto: "auto"
    case .utf8: "UTF-8"
    case .utf16le: "UTF-16 (little-endian)"
    case .utf16be: "UTF-16 (big-endian)"
    case .utf16: "UTF-16"
    case .windows1252: "Windows-1252"
    case .latin1: "ISO-8859-1"
    }
  }
}
