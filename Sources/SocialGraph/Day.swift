/// A calendar date (proleptic Gregorian, UTC), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var daysSinceEpoch: Int32

  public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

  /// The day of a Unix time stamp (seconds since the epoch, UTC).
  public init(unixSeconds: Int64) {
    // Floor division without overflow (Int64.min included).
    let q = unixSeconds / 86_400
    let d = unixSeconds % 86_400 < 0 ? q - 1 : q
    self.daysSinceEpoch = Int32(clamping: d)
  }

  /// The date `year-month-day`, or nil when it does not exist (2025-02-30).
  /// - Reference: H. Hinnant, *chrono-compatible low-level date algorithms* (2013), `days_from_civil`.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
          (1...9999).contains(year) else { return nil }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    self.daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
  }

  /// Parses ISO 8601 `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`), which is ignored.
  public init?(iso text: some StringProtocol) {
    var probe = text.utf8.withContiguousStorageIfAvailable { Day.parseISO($0) }
    if probe == nil { probe = Array(text.utf8).withUnsafeBufferPointer { Day.parseISO($0) } }
    guard let day = probe! else { return nil }
    self = day
  }

  /// `init?(iso:)` on UTF-8 bytes (readers parse cells without making a `String`).
  public init?(isoBytes: UnsafeBufferPointer<UInt8>) {
    guard let day = Day.parseISO(isoBytes) else { return nil }
    self = day
  }

  private static func parseISO(_ u: UnsafeBufferPointer<UInt8>) -> Day? {
    guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
    if u.count > 10, u[10] != UInt8(ascii: "T"), u[10] != UInt8(ascii: " ") { return nil }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        let c = u[i]
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// (year, month, day) — Hinnant's `civil_from_days`.
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(daysSinceEpoch) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The first day of the month after this day's.
  public var startOfNextMonth: Day {
    let (y, m, _) = components
    return m == 12 ? Day(year: y + 1, month: 1, day: 1)! : Day(year: y, month: m + 1, day: 1)!
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    func pad(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
  public static func - (a: Day, b: Day) -> Int { Int(a.daysSinceEpoch) - Int(b.daysSinceEpoch) }
  public func adding(days: Int) -> Day { Day(daysSinceEpoch: Int32(Int(daysSinceEpoch) + days)) }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
