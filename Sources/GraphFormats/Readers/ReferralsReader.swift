import SocialGraph

/// Reads `referrals.csv` (DESIGN.md, Inputs): `referrer`, `referred` and `value` required; `cost` (≥ 0),
/// `period` (1, 2, … : the year the value accrues) and `date` optional. `referrer` must be a person; `referred`
/// is any name (often a new customer, not a contact).
public enum ReferralsReader {
  enum Field: String, CaseIterable { case referrer, referred, value, cost, period, date }

  static let aliases: [String: Field] = {
    var a: [String: Field] = [:]
    let table: [(Field, [String])] = [
      (.referrer, ["referrer", "referredby", "source", "person", "contact"]),
      (.referred, ["referred", "referee", "newcustomer", "customer", "target"]),
      (.value, ["value", "margin", "contribution", "amount"]),
      (.cost, ["cost", "referralcost", "incentive"]),
      (.period, ["period", "year", "t"]),
      (.date, ["date", "day", "when"]),
    ]
    for (f, names) in table { for n in names { a[n] = f } }
    return a
  }()

  public static func read(_ bytes: [UInt8], file: String, builder: inout SocialGraphBuilder,
                          unknown: TiesReader.UnknownPeople) throws -> (referrals: [Referral], warnings: [InputWarning]) {
    try read(InputBytes(bytes), file: file, builder: &builder, unknown: unknown)
  }

  /// `read` on bytes in place (`InputFile.bytes`).
  public static func read(_ data: InputBytes, file: String, builder: inout SocialGraphBuilder,
                          unknown: TiesReader.UnknownPeople) throws -> (referrals: [Referral], warnings: [InputWarning]) {
    var table = try CSVTable<Field>(data: data, file: file, aliases: aliases, required: [.referrer, .referred, .value],
                                    name: { $0.rawValue })
    var refs = PersonReferences(unknown)
    var out: [Referral] = []
    while try table.next() {
      guard let rid = table.value(.referrer) else { throw table.error("empty referrer") }
      let referrer = try refs.resolve(rid, column: "referrer", in: table, builder: &builder)
      guard let referred = table.value(.referred) else { throw table.error("empty referred (who was referred?)") }
      guard let v = table.value(.value) else { throw table.error("empty value") }
      let value = try ValueParsing.number(v, column: "value").get(in: table)
      var cost = 0.0
      if let c = table.value(.cost) {
        cost = try ValueParsing.number(c, column: "cost").get(in: table)
        if cost < 0 { throw table.error("cost \(quoted(c)) must not be negative") }
      }
      let period = try table.value(.period).map { try ValueParsing.integer($0, column: "period", in: 0...1000).get(in: table) }
      let date = try table.value(.date).map { try ValueParsing.day($0, column: "date").get(in: table) }
      out.append(Referral(referrer: referrer, referred: referred, value: value, cost: cost, period: period, date: date))
    }
    return (out, refs.warnings(file: file))
  }
}
