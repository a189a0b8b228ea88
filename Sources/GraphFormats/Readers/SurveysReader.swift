import SocialGraph

/// Reads `surveys.csv` (DESIGN.md, Inputs): `person` and `score` (the 0–10 answer to the Net Promoter question)
/// required, `date` optional. Aliases: `contact`, `respondent`; `nps`, `rating`, `likelihood`.
public enum SurveysReader {
  enum Field: String, CaseIterable { case person, score, date }

  static let aliases: [String: Field] = {
    var a: [String: Field] = [:]
    let table: [(Field, [String])] = [
      (.person, ["person", "contact", "contactid", "respondent", "id"]),
      (.score, ["score", "nps", "npsscore", "rating", "likelihood", "recommend"]),
      (.date, ["date", "day", "answered", "respondedon"]),
    ]
    for (f, names) in table { for n in names { a[n] = f } }
    return a
  }()

  /// The answers of `bytes`, in file order, resolved against the people already in `builder`.
  public static func read(_ bytes: [UInt8], file: String, builder: inout SocialGraphBuilder,
                          unknown: TiesReader.UnknownPeople) throws -> (responses: [SurveyResponse], warnings: [InputWarning]) {
    try read(InputBytes(bytes), file: file, builder: &builder, unknown: unknown)
  }

  /// `read` on bytes in place (`InputFile.bytes`).
  public static func read(_ data: InputBytes, file: String, builder: inout SocialGraphBuilder,
                          unknown: TiesReader.UnknownPeople) throws -> (responses: [SurveyResponse], warnings: [InputWarning]) {
    var table = try CSVTable<Field>(data: data, file: file, aliases: aliases, required: [.person, .score], name: { $0.rawValue })
    var refs = PersonReferences(unknown)
    var out: [SurveyResponse] = []
    while try table.next() {
      guard let pid = table.value(.person) else { throw table.error("empty person") }
      let person = try refs.resolve(pid, column: "person", in: table, builder: &builder)
      guard let s = table.value(.score) else { throw table.error("empty score (a survey row needs the 0–10 answer)") }
      let score = try ValueParsing.integer(s, column: "score", in: 0...10).get(in: table)
      let date = try table.value(.date).map { try ValueParsing.day($0, column: "date").get(in: table) }
      out.append(SurveyResponse(person: person, score: score, date: date))
    }
    return (out, refs.warnings(file: file))
  }
}
