import NetworkAnalysis
import SocialGraph

/// Generates realistic sample accounts: an org chart per account (departments, reports-to hierarchy with
/// wide and deep teams), stakeholder roles, declared proximity / influence / interest, our team and its
/// relationships, informal ties (advice, friendship, cross-department project collaboration — the weak
/// bridges), a few silent influencers (low rank, many advice-seekers), and 18 months of contact history with
/// channels, points, costs and incidents. Everything follows from the seed.
struct SampleAccounts {
  struct Options {
    var seed: UInt64 = 2026
    var accounts = 1
    var peoplePerAccount = 145
    var teamSize = 6
    var months = 18
    var end = Day(year: 2026, month: 10, day: 31)!
    /// The history with a churn process (`ChurnProcess`): incidents and silence raise a hidden hazard, and the
    /// ruptures it draws are recorded as `churned` interactions.
    var churn = false
  }

  struct Member {
    var id: String
    var name: String
    var title: String
    var account: String
    var department: String
    var manager: Int?
    var role: StakeholderRole?
    var proximity: Proximity?
    var influence: Int?
    var interest: Int?
    var owner: Int?
    var isInternal: Bool
    var level: Int
    var location: String
    var email: String
    var hired: Day
    var isHub = false
  }

  struct GenTie {
    var a: Int, b: Int
    var kind: TieKind
    var weight: Double
    var directed: Bool
    var since: Day?
    var last: Day?
    var interactions: Int?
  }

  struct GenInteraction {
    var date: Day, person: Int, with: Int, channel: String, points: Double, cost: Double, kind: IncidentKind?
    var churned = false
  }

  /// A rupture drawn by the churn process, with the planted cause that raised the hazard.
  struct GenRupture { var person: Int, with: Int, date: Day, cause: String }

  struct GenSurvey { var person: Int, score: Int, date: Day }
  struct GenReferral { var referrer: Int, referred: String, value: Double, cost: Double, date: Day }

  let options: Options
  var rng: SplitMix64
  var people: [Member] = []
  var ties: [GenTie] = []
  var history: [GenInteraction] = []
  var surveys: [GenSurvey] = []
  var referrals: [GenReferral] = []
  var ruptures: [GenRupture] = []
  var usedNames = Set<String>()
  private var pairKeys = Set<String>()
  /// Our team members who serve the accounts generated next (indices into `people`); the first `teamSize` people.
  var team: [Int] = []

  init(options: Options) {
    self.options = options
    self.rng = SplitMix64(seed: options.seed)
  }

  // MARK: random helpers

  mutating func unit() -> Double { rng.nextUnit() }
  mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(rng.next() % UInt64(r.count)) }
  mutating func chance(_ p: Double) -> Bool { unit() < p }
  mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
  mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }
  mutating func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
  /// Knuth's Poisson sampler (small λ).
  mutating func poisson(_ lambda: Double) -> Int {
    let l = (-lambda).exp; var k = 0; var p = 1.0
    repeat { k += 1; p *= unit() } while p > l
    return k - 1
  }
  mutating func weightedIndex(_ w: [Double]) -> Int {
    let total = w.reduce(0, +)
    var r = unit() * total
    for (i, x) in w.enumerated() { r -= x; if r < 0 { return i } }
    return w.count - 1
  }

  /// A full name not used yet. Past `drawsBeforeNumbering` draws that are all taken (an account larger than the
  /// vocabulary's first × last names), the last draw gets the smallest free number: "Anna Keller 2". Accounts
  /// that never get there (the bundled sample) draw exactly as before.
  mutating func newName() -> String {
    var used = Set<String>()
    swap(&used, &usedNames)   // out of self while `unique` draws from self (no copy)
    defer { swap(&used, &usedNames) }
    return unique(&used) { g in "\(g.pick(Vocabulary.firstNames)) \(g.pick(Vocabulary.lastNames))" }
  }

  static let drawsBeforeNumbering = 64

  /// `draw()` until it gives a value not in `used` (then inserted), numbering the last draw when too many collide.
  mutating func unique(_ used: inout Set<String>, _ draw: (inout Self) -> String) -> String {
    var n = ""
    for _ in 0..<Self.drawsBeforeNumbering {
      n = draw(&self)
      if used.insert(n).inserted { return n }
    }
    var k = 2
    while !used.insert("\(n) \(k)").inserted { k += 1 }
    return "\(n) \(k)"
  }

  static func emailLocal(_ name: String) -> String {
    var out = ""
    for c in name.lowercased().unicodeScalars {
      if ("a"..."z").contains(c) { out.unicodeScalars.append(c) } else if c == " " { out.append(".") }
      else if c.value > 127 {
        let map: [Character: String] = ["é": "e", "è": "e", "ë": "e", "á": "a", "ó": "o", "ö": "o", "ø": "o",
                                        "ü": "u", "ñ": "n", "ł": "l", "ç": "c", "ễ": "e", "ś": "s", "í": "i"]
        out += map[Character(c)] ?? ""
      }
    }
    return out
  }

  // MARK: generation

  mutating func generate() {
    for t in 0..<options.teamSize { people.append(teamMember(t, id: String.padded("T", t + 1))) }
    team = Array(0..<options.teamSize)
    // Our team works together.
    for a in 0..<options.teamSize { for b in (a + 1)..<options.teamSize where chance(0.6) {
      addTie(a, b, .collaboration, weight: round2(uniform(0.6, 1.0)), directed: false, since: people[b].hired)
    } }
    for k in 0..<options.accounts { generateAccount(k) }
    generateHistory()
    // Surveys and referrals draw from their own stream, so the files above stay what they were.
    let main = rng
    rng = SplitMix64(seed: options.seed, stream: 7)
    generateSurveysAndReferrals()
    rng = main
  }

  /// Member `t` of our team (title and department by position in `Vocabulary.team`).
  mutating func teamMember(_ t: Int, id: String) -> Member {
    let teamLocations = ["Lyon", "Geneva", "Amsterdam", "Munich", "London", "Milan", "Barcelona", "Stockholm"]
    let role = Vocabulary.team[t % Vocabulary.team.count]
    let name = newName()
    return Member(id: id, name: name, title: role.title, account: "",
                  department: role.department, manager: nil, role: nil, proximity: nil, influence: nil,
                  interest: nil, owner: nil, isInternal: true, level: 0, location: teamLocations[t % teamLocations.count],
                  email: Self.emailLocal(name) + "@ourcompany.example", hired: Day(year: 2016 + t % 6, month: 1 + t % 12, day: 1)!)
  }

  /// Two Net Promoter waves (November 2025 and September 2026) sent to the contacts we know; answers follow our
  /// proximity and drop after a cumulative incident. About a third of the promoters then referred one to three
  /// companies, each worth a contribution margin and a referral cost.
  mutating func generateSurveysAndReferrals() {
    var incidents = Set<Int>()
    for h in history where h.kind == .cumulative { incidents.insert(h.person) }
    let waves = [Day(year: 2025, month: 11, day: 3)!, Day(year: 2026, month: 9, day: 7)!]
    var lastScore: [Int: Int] = [:]
    for (w, start) in waves.enumerated() {
      for i in people.indices where !people[i].isInternal {
        let prox = people[i].proximity
        let rate: Double = switch prox { case .p1?: 0.8; case .p2?: 0.65; case .p3?: 0.45; case .p4?: 0.08; case nil: 0.2 }
        guard chance(rate) else { continue }
        let base: Double = switch prox { case .p1?: 9.2; case .p2?: 8.2; case .p3?: 7.0; default: 6.0 }
        var score = base + uniform(-2.2, 1.6) - (incidents.contains(i) ? 2.5 : 0) + (w == 1 && lastScore[i] != nil ? 0.3 : 0)
        score = max(0, min(10, score.rounded()))
        surveys.append(GenSurvey(person: i, score: Int(score), date: start.adding(days: int(0...20))))
        lastScore[i] = Int(score)
      }
    }
    surveys.sort { ($0.date, people[$0.person].id) < ($1.date, people[$1.person].id) }
    let suffixes = ["Logistics", "Freight", "Transport", "Shipping", "Cargo", "Distribution", "Supply Chain"]
    var used = Set<String>()
    for i in people.indices where (lastScore[i] ?? 0) >= 9 && chance(0.35) {
      for _ in 0..<int(1...3) {
        let company = unique(&used) { g in "\(g.pick(Vocabulary.lastNames)) \(g.pick(suffixes))" }
        referrals.append(GenReferral(referrer: i, referred: company, value: (uniform(4_000, 60_000) / 100).rounded() * 100,
                                     cost: (uniform(300, 2_500) / 50).rounded() * 50,
                                     date: options.end.adding(days: -int(30...700))))
      }
    }
    referrals.sort { ($0.date, $0.referred) < ($1.date, $1.referred) }
  }

  /// One account of `size` contacts (default `peoplePerAccount`). From the second account on, names need only be
  /// unique within the account (and differ from our team's), so large portfolios never run out of names.
  mutating func generateAccount(_ k: Int, size: Int? = nil) {
    if k > 0 { usedNames = Set(team.map { people[$0].name }) }
    let base = Vocabulary.accountNames[k % Vocabulary.accountNames.count]
    let account = k < Vocabulary.accountNames.count ? base : "\(base) \(k / Vocabulary.accountNames.count + 1)"
    let prefix = String(account.unicodeScalars.filter { ("A"..."Z").contains($0) }.prefix(2).map(Character.init))
      + (k < Vocabulary.accountNames.count ? "" : String(k / Vocabulary.accountNames.count + 1))
    let domain = Self.emailLocal(account).replacingDots() + ".example"
    let sites = ["Rotterdam", "Antwerp", "Hamburg", "Lyon", "Milan", "Gdańsk", "Valencia", "Gothenburg"]
    let n = size ?? options.peoplePerAccount
    let first = people.count
    var serial = 0
    func nextID() -> String { serial += 1; return String.padded(prefix + "-", serial, width: 3) }
    func hireDay(_ level: Int) -> Day {
      let years = level <= 1 ? int(3...15) : int(0...12)
      return options.end.adding(days: -(years * 365 + int(0...364)))
    }
    func add(_ title: String, _ dept: String, manager: Int?, level: Int) -> Int {
      let name = newName()
      people.append(Member(id: nextID(), name: name, title: title, account: account, department: dept,
                           manager: manager, role: nil, proximity: nil, influence: nil, interest: nil, owner: nil,
                           isInternal: false, level: level, location: pick(sites),
                           email: Self.emailLocal(name) + "@" + domain, hired: hireDay(level)))
      return people.count - 1
    }
    let ceo = add("Chief Executive Officer", "Executive Office", manager: nil, level: 0)
    _ = add("Executive Assistant to the CEO", "Executive Office", manager: ceo, level: 2)
    _ = add("Chief of Staff", "Executive Office", manager: ceo, level: 1)
    // Department sizes by largest remainder.
    let rest = max(0, n - 3)
    let shares = Vocabulary.departments.map { $0.share }
    let total = shares.reduce(0, +)
    var sizes = shares.map { Int(Double(rest) * $0 / total) }
    var order = shares.indices.sorted { Double(rest) * shares[$0] / total - Double(sizes[$0]) > Double(rest) * shares[$1] / total - Double(sizes[$1]) }
    while sizes.reduce(0, +) < rest { sizes[order.removeFirst()] += 1 }
    for (di, dept) in Vocabulary.departments.enumerated() where sizes[di] > 0 {
      let size = sizes[di]
      let head = add(dept.head, dept.name, manager: ceo, level: 1)
      let below = size - 1
      let dCount = min(dept.directors.count, max(below >= 4 ? 1 : 0, Int((Double(below) / 11).rounded())))
      var directors: [Int] = []
      for j in 0..<dCount { directors.append(add(dept.directors[j], dept.name, manager: head, level: 2)) }
      let mCount = min(below - dCount, max(dCount, Int((Double(below - dCount) / 6.5).rounded())))
      var managers: [Int] = []
      for j in 0..<mCount {
        let boss = directors.isEmpty ? head : directors[j % directors.count]
        managers.append(add(pick(dept.managers), dept.name, manager: boss, level: 3))
      }
      let leaders = managers.isEmpty ? (directors.isEmpty ? [head] : directors) : managers
      // Uneven team sizes: a few managers get wide teams (org-chart layout must cope).
      let pull = leaders.map { _ in uniform(0.4, 2.2) }
      for _ in 0..<(below - dCount - mCount) {
        let boss = leaders[weightedIndex(pull)]
        _ = add(pick(dept.staff), dept.name, manager: boss, level: 4)
      }
    }
    let members = Array(first..<people.count)
    assignAttributes(members)
    generateInformalTies(members)
    generateOurRelationships(members)
  }

  mutating func assignAttributes(_ members: [Int]) {
    let dept = Dictionary(uniqueKeysWithValues: Vocabulary.departments.map { ($0.name, $0) })
    for i in members {
      let p = people[i]
      let d = dept[p.department]
      let t = p.title
      var role: StakeholderRole
      var influence: Int
      switch p.level {
      case 0: role = .decisionMaker; influence = 5
      case 1:
        if t.hasPrefix("Chief Operating") || t.hasPrefix("Chief Information") || t.hasPrefix("Chief Financial") {
          role = .decisionMaker; influence = 5
        } else if t.hasPrefix("Chief Procurement") { role = .gatekeeper; influence = 4 }
        else if t == "Chief of Staff" { role = .influencer; influence = 3 }
        else { role = .influencer; influence = 4 }
      case 2:
        if t.hasPrefix("Executive Assistant") { role = .gatekeeper; influence = 2 }
        else if d?.experts.contains(where: { t.contains($0) }) == true { role = .technicalExpert; influence = 3 }
        else { role = .influencer; influence = int(3...4) }
      case 3:
        if d?.experts.contains(where: { t.contains($0) }) == true { role = .technicalExpert; influence = int(2...3) }
        else if d?.gatekeepers.contains(where: { t.contains($0) }) == true { role = .gatekeeper; influence = int(2...3) }
        else { role = chance(0.4) ? .influencer : .endUser; influence = int(2...3) }
      default:
        if d?.experts.contains(where: { t.contains($0) }) == true { role = .technicalExpert; influence = int(1...2) }
        else if d?.gatekeepers.contains(where: { t.contains($0) }) == true { role = .gatekeeper; influence = int(1...2) }
        else { role = .endUser; influence = int(1...2) }
      }
      people[i].role = role
      people[i].influence = influence
      let baseInterest = d?.interest ?? 3
      people[i].interest = max(1, min(5, baseInterest + int(-1...1) + (role == .decisionMaker && baseInterest >= 4 ? 1 : 0)))
      // Proximity: how likely we know them (rank and department), then how well.
      let reach = (d?.reach ?? 1.2) * [0.95, 0.8, 0.65, 0.5, 0.38][min(p.level, 4)]
      if chance(min(0.95, reach)) {
        let w: [Double] = p.level <= 2 ? [0.3, 0.35, 0.35] : [0.12, 0.3, 0.58]
        people[i].proximity = Proximity(rawValue: weightedIndex(w) + 1)!
      } else {
        people[i].proximity = .p4
      }
    }
    // A few contacts have no declared proximity (to be derived from ties and history).
    for i in members where people[i].level >= 3 && chance(0.05) { people[i].proximity = nil }
    // Silent influencers: staff and managers everyone asks for advice, whose declared influence is low.
    let candidates = members.filter { people[$0].level >= 3 && (people[$0].department == "Operations" || people[$0].department == "IT") }
    for _ in 0..<min(4, candidates.count) {
      let h = pick(candidates)
      people[h].isHub = true
      people[h].influence = int(1...2)
    }
  }

  mutating func addTie(_ a: Int, _ b: Int, _ kind: TieKind, weight: Double, directed: Bool, since: Day? = nil,
                       last: Day? = nil, interactions: Int? = nil) {
    guard a != b else { return }
    let key = directed ? "\(kind.name):\(a)>\(b)" : "\(kind.name):\(min(a, b))-\(max(a, b))"
    guard pairKeys.insert(key).inserted else { return }
    ties.append(GenTie(a: a, b: b, kind: kind, weight: weight, directed: directed, since: since, last: last, interactions: interactions))
  }

  mutating func generateInformalTies(_ members: [Int]) {
    for i in members { if let m = people[i].manager { addTie(i, m, .reportsTo, weight: 1, directed: true, since: people[i].hired) } }
    let byDept = Dictionary(grouping: members, by: { people[$0].department })
    func later(_ a: Int, _ b: Int) -> Day { max(people[a].hired, people[b].hired) }
    // Advice (directed: seeker → adviser).
    for i in members where people[i].level > 0 {
      let k = int(1...4)
      var cand: [Int] = []
      var w: [Double] = []
      for j in members where j != i {
        let same = people[j].department == people[i].department
        var x = same ? 1.0 : 0.08
        if same && people[j].level < people[i].level { x *= 2 }
        if people[j].isHub { x *= same ? 8 : 5 }
        if people[i].manager == j { x *= 4 }
        cand.append(j); w.append(x)
      }
      for _ in 0..<k {
        let c = weightedIndex(w)
        w[c] = 0
        addTie(i, cand[c], .advice, weight: round2(uniform(0.3, 0.9)), directed: true, since: later(i, cand[c]))
      }
    }
    // Friendship (undirected), mostly inside a department.
    for i in members {
      for _ in 0..<int(0...2) {
        let pool = chance(0.8) ? byDept[people[i].department]! : members
        let j = pick(pool)
        addTie(i, j, .friendship, weight: round2(uniform(0.4, 1.0)), directed: false, since: later(i, j))
      }
    }
    // Cross-department projects: the weak bridges between groups.
    let depts = Array(byDept.keys).sorted()
    for _ in 0..<max(2, members.count / 30) {
      var team: [Int] = []
      var chosen = Set<String>()
      for _ in 0..<int(2...4) { chosen.insert(pick(depts)) }
      for d in chosen.sorted() { for _ in 0..<int(2...3) { team.append(pick(byDept[d]!)) } }
      team = Array(Set(team)).sorted()
      for a in team {
        for _ in 0..<int(1...2) {
          let b = pick(team)
          addTie(a, b, .collaboration, weight: round2(uniform(0.2, 0.6)), directed: false, since: options.end.adding(days: -int(60...700)))
        }
      }
    }
  }

  mutating func generateOurRelationships(_ members: [Int]) {
    guard !team.isEmpty else { return }
    for i in members {
      guard let p = people[i].proximity, p != .p4 else { continue }
      let d = people[i].department, level = people[i].level
      // Affinity of each team member for this contact.
      let w: [Double] = team.map { t in
        switch t % Vocabulary.team.count {
        case 0: return level <= 2 ? 3 : 1.5                           // account executive
        case 1: return d == "IT" ? 4 : 0.3                              // solutions engineer
        case 2: return d == "Operations" ? 3 : 0.8                      // customer success
        case 3: return level <= 1 || d == "Finance" || d == "Procurement" ? 3 : 0.3
        case 4: return level >= 3 && (d == "IT" || d == "Operations") ? 2.5 : 0.2
        case 5: return level <= 1 ? 2.5 : 0.05                          // executive sponsor
        default: return 1
        }
      }
      let owner = team[weightedIndex(w)]
      people[i].owner = owner
      let weight: Double
      switch p { case .p1: weight = uniform(0.82, 0.95); case .p2: weight = uniform(0.55, 0.72); default: weight = uniform(0.18, 0.4) }
      addTie(owner, i, .relationship, weight: round2(weight), directed: false, since: options.end.adding(days: -int(90...2200)))
      if (p == .p1 || p == .p2) && chance(0.4) {
        let second = team[weightedIndex(w.enumerated().map { $0.offset == owner ? 0 : $0.element })]
        addTie(second, i, .relationship, weight: round2(uniform(0.2, 0.45)), directed: false, since: options.end.adding(days: -int(60...900)))
      }
    }
  }

  /// One touchpoint on `day`: a channel drawn by its weight with points and cost around its own, or, with chance
  /// `incidents`, an incident (support ticket, delivery incident or billing dispute) of `severity` points.
  mutating func touchpoint(_ day: Day, person c: Int, with t: Int, incidents: Double, severity: ClosedRange<Int>) -> GenInteraction {
    let ch = Vocabulary.channels[weightedIndex(Vocabulary.channels.map(\.weight))]
    var points = (ch.points * uniform(0.7, 1.3) * 2).rounded() / 2
    var cost = (ch.cost * uniform(0.8, 1.2)).rounded()
    var kind: IncidentKind?
    var channel = ch.name
    if chance(incidents) {
      channel = pick(["support_ticket", "delivery_incident", "billing_dispute"])
      points = -Double(int(severity))
      cost = Double(int(50...400))
      kind = chance(0.7) ? .transient : .cumulative
    }
    return GenInteraction(date: day, person: c, with: t, channel: channel, points: points, cost: cost, kind: kind)
  }

  /// Interaction history along our relationships; fills in each relationship's last contact and count.
  mutating func generateHistory() {
    if options.churn { generateChurnHistory(); return }
    let start = options.end.adding(days: -(options.months * 30 + 6))
    for ti in ties.indices where ties[ti].kind == .relationship {
      let (t, c, w) = (ties[ti].a, ties[ti].b, ties[ti].weight)
      let goesCold = chance(0.1)
      let coldAfter = goesCold ? int(3...(options.months - 2)) : options.months
      var count = 0
      var last: Day?
      for m in 0..<options.months where m < coldAfter {
        for _ in 0..<poisson(0.15 + 2.6 * w) {
          let day = start.adding(days: m * 30 + int(0...29))
          if let since = ties[ti].since, day < since { continue }
          history.append(touchpoint(day, person: c, with: t, incidents: 0.04, severity: 1...6))
          count += 1
          last = max(last ?? day, day)
        }
      }
      ties[ti].last = last
      ties[ti].interactions = count
    }
    history.sort { ($0.date, people[$0.person].id, people[$0.with].id, $0.channel) < ($1.date, people[$1.person].id, people[$1.with].id, $1.channel) }
  }
}

extension SampleAccounts {
  /// The churn process (`--churn`), month by month along each relationship, with planted truth in `ruptures`:
  /// - touchpoints as in the plain history, but incidents three times as frequent (12 % of touchpoints);
  /// - after a `delivery_incident`, half the time the contact goes quiet for 3–5 months (no touchpoint at all);
  ///   once that silence passes 60 days the monthly hazard is 45 % (planted pattern
  ///   `delivery_incident:- → gap>60d`, cause `delivery_silence`);
  /// - a second `billing_dispute` within 90 days of another makes the hazard 50 % in each of the two months after
  ///   it (planted pattern `billing_dispute:- → billing_dispute:-`, cause `billing_repeat`);
  /// - otherwise a background hazard of 0.4 % a month (cause `background`).
  /// A rupture falls on a day of its month after the last touchpoint and is recorded as an interaction with
  /// outcome `churned` (0 points); the relationship has no touchpoint after it.
  mutating func generateChurnHistory() {
    let start = options.end.adding(days: -(options.months * 30 + 6))
    for ti in ties.indices where ties[ti].kind == .relationship {
      let (t, c, w) = (ties[ti].a, ties[ti].b, ties[ti].weight)
      var count = 0
      var last: Day?
      var quietUntil = -1
      var delivery: Day?, disputes: [Day] = []
      var repeatUntil = -1
      months: for m in 0..<options.months {
        let monthStart = start.adding(days: m * 30)
        if m >= quietUntil {
          var days = (0..<poisson(0.15 + 2.6 * w)).map { _ in monthStart.adding(days: int(0...29)) }
          days.sort()
          for day in days {
            if let since = ties[ti].since, day < since { continue }
            let x = touchpoint(day, person: c, with: t, incidents: 0.12, severity: 1...3)
            history.append(x)
            let (channel, points) = (x.channel, x.points)
            count += 1
            last = max(last ?? day, day)
            if channel == "delivery_incident" {
              delivery = day
              if chance(0.5) { quietUntil = m + 1 + int(3...5); break }
            } else if channel == "billing_dispute" {
              if disputes.contains(where: { day.daysSinceEpoch - $0.daysSinceEpoch <= 90 }) { repeatUntil = m + 2 }
              disputes.append(day)
            } else if points > 0 {
              delivery = nil
            }
          }
        }
        let monthEnd = monthStart.adding(days: 29)
        var hazard = 0.004, cause = "background"
        if m < quietUntil, let d = delivery, monthEnd.daysSinceEpoch - d.daysSinceEpoch > 60 { hazard = 0.45; cause = "delivery_silence" }
        if m < repeatUntil && m >= repeatUntil - 2 && hazard < 0.5 { hazard = 0.5; cause = "billing_repeat" }
        guard let l = last, chance(hazard) else { continue }
        let from = max(monthStart.daysSinceEpoch, l.daysSinceEpoch + 1)
        guard from <= monthEnd.daysSinceEpoch else { continue }
        let day = Day(daysSinceEpoch: from + Int32(int(0...Int(monthEnd.daysSinceEpoch - from))))
        var x = GenInteraction(date: day, person: c, with: t, channel: "relationship_review", points: 0, cost: 0, kind: nil)
        x.churned = true
        history.append(x)
        ruptures.append(GenRupture(person: c, with: t, date: day, cause: cause))
        count += 1
        last = day
        break months
      }
      ties[ti].last = last
      ties[ti].interactions = count
    }
    history.sort { ($0.date, people[$0.person].id, people[$0.with].id, $0.channel) < ($1.date, people[$1.person].id, people[$1.with].id, $1.channel) }
    ruptures.sort { ($0.date, people[$0.person].id) < ($1.date, people[$1.person].id) }
  }
}

extension Double {
  var exp: Double {
    // e^x by squaring a Taylor series for small |x|; enough for Poisson sampling with λ < 5.
    var x = self, k = 0
    while abs(x) > 0.5 { x /= 2; k += 1 }
    var term = 1.0, sum = 1.0
    for i in 1...20 { term *= x / Double(i); sum += term }
    for _ in 0..<k { sum *= sum }
    return sum
  }
}

extension String {
  static func padded(_ prefix: String, _ n: Int, width: Int = 2) -> String {
    let digits = "\(n)"
    return prefix + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
  }
  func replacingDots() -> String { String(self.map { $0 == "." ? "-" : $0 }) }
}
