import SocialGraph

/// What needs action between two snapshots of a portfolio (`tiemap alerts`), each with the person, the account,
/// the reason and the suggested action.
public struct SnapshotAlert: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    /// A decision maker, or a champion (an influencer we hold at P1), is no longer in the account's export.
    case decisionMakerLeft = "decision_maker_left", championLeft = "champion_left"
    /// A contact now in another account we track: a warm lead there.
    case movedToTrackedAccount = "moved_to_tracked_account"
    /// A decision maker or champion changed role or title.
    case roleChanged = "role_changed", titleChanged = "title_changed"
    /// The share of the decision circuit held at P1/P2 fell.
    case coverageFell = "decision_circuit_coverage_fell"
    /// A contact held at P1 not met for more than `silenceDays`.
    case p1Silent = "p1_silent"
    /// Tolerance capital projected to cross the rupture threshold within the horizon, or crossed it.
    case trustAtRisk = "trust_at_risk", ruptured
    /// Our team's only tie into a department of the account is gone.
    case onlyTieIntoDepartmentLost = "only_tie_into_department_lost"
    /// A bridge of the account's network (the only tie between two groups of two people or more) is gone, and
    /// nothing joins the groups any more.
    case bridgeLost = "bridge_lost"
    /// A member of our team now holds more P1 contacts than Dunbar's limit.
    case ownerOverDunbar = "owner_over_dunbar"
  }

  public var kind: Kind
  /// The newer snapshot's date.
  public var asOf: Day
  public var account: String
  /// The person's id (nil for an account-level alert).
  public var person: String?
  public var name: String?
  public var reason: String
  public var action: String
}

/// Thresholds of `SnapshotAlert`.
public struct AlertOptions: Sendable {
  /// `p1_silent`: days without contact.
  public var silenceDays = 90
  public init() {}
}

/// One snapshot analysed as `tiemap score` analyses it, at its date: every account's scores (`Workspace`'s
/// `eachScoredSnapshot` makes them).
public struct SnapshotState: Sendable {
  public var day: Day
  public var accounts: [AccountScore]

  public init(day: Day, accounts: [AccountScore]) {
    self.day = day
    self.accounts = accounts
  }

  /// Each contact's account score and own score, by id.
  func contacts() -> [String: (account: Int, score: ContactScore)] {
    var out: [String: (Int, ContactScore)] = [:]
    for (k, a) in accounts.enumerated() {
      for c in a.contacts { out[a.slice.graph.people[Int(c.person)].id] = (k, c) }
    }
    return out
  }
}

extension SnapshotState {
  /// The alerts from `old` to `self`, sorted by account, kind and person.
  ///
  /// - People are matched by id. A decision maker (or a champion: an influencer held at P1) missing from the new
  ///   export left; one whose account changed to another account of the new snapshot is a warm lead there (any
  ///   contact who moves); a changed role or title of a decision maker or champion, before or after, is named.
  /// - Accounts: the decision circuit's coverage (share held at P1/P2) falling.
  /// - Contacts: newly silent P1 contacts (no contact for more than `silenceDays` at the snapshot's date), trust
  ///   newly at risk (projected to cross the rupture threshold within the horizon) or ruptured (Kaufman's tolerance
  ///   capital, as `tiemap trust`).
  /// - Ties: a bridge of the old snapshot's account network (Tarjan's bridges of the social view, our team
  ///   included) with two or more people on each side, gone in the new one (the tie ended or an end left) while
  ///   the people still there on its two sides are no longer joined by any path; named after the end on the
  ///   smaller side, the way into that group.
  /// - Team: our only tie into a department lost (social ties between a team member and the department's
  ///   contacts), a member newly over Dunbar's limit of P1 contacts (summed over the accounts).
  /// - Complexity: O(n + m) over the two snapshots, after their analyses.
  public func alerts(since old: SnapshotState, options: AlertOptions = AlertOptions()) -> [SnapshotAlert] {
    var out: [SnapshotAlert] = []
    func alert(_ kind: SnapshotAlert.Kind, _ account: String, _ p: Person?, _ reason: String, _ action: String) {
      out.append(SnapshotAlert(kind: kind, asOf: day, account: account, person: p?.id, name: p?.displayName, reason: reason, action: action))
    }
    let (before, after) = (old.contacts(), contacts())
    let trackedNow = Set(accounts.map(\.slice.name))
    func person(_ s: SnapshotState, _ entry: (account: Int, score: ContactScore)) -> Person {
      s.accounts[entry.account].slice.graph.people[Int(entry.score.person)]
    }

    // People: left, moved, changed.
    for (id, was) in before.sorted(by: { $0.key < $1.key }) {
      let p = person(old, was)
      let oldAccount = old.accounts[was.account].slice.name
      let champion = p.role == .influencer && was.score.proximity == .p1
      let key = p.role == .decisionMaker || champion
      let label = p.role == .decisionMaker ? "decision maker" : "champion (influencer held at P1)"
      guard let now = after[id] else {
        if key {
          alert(p.role == .decisionMaker ? .decisionMakerLeft : .championLeft, oldAccount, p,
                "\(label) in \(old.day), not in the export of \(day)",
                "Find who now makes their decisions and ask a contact we hold there for an introduction; re-map the account.")
        }
        continue
      }
      let q = person(self, now)
      let newAccount = accounts[now.account].slice.name
      if newAccount != oldAccount {
        if trackedNow.contains(newAccount) && old.accounts.contains(where: { $0.slice.name == newAccount }) {
          alert(.movedToTrackedAccount, newAccount, q, "moved from \(oldAccount), an account we also track",
                "A warm lead at \(newAccount): they know us from \(oldAccount); ask for a meeting there.")
        } else if key {
          alert(p.role == .decisionMaker ? .decisionMakerLeft : .championLeft, oldAccount, p, "\(label), now at \(newAccount)",
                "Find who now makes their decisions at \(oldAccount); keep the relationship with them at \(newAccount).")
        }
        continue
      }
      // A role or title change of someone in the decision circuit's lead, before or after: into it or out of it.
      let keyNow = q.role == .decisionMaker || (q.role == .influencer && now.score.proximity == .p1)
      guard key || keyNow else { continue }
      let labelNow = key ? label : q.role == .decisionMaker ? "now a decision maker" : "now a champion (influencer held at P1)"
      if q.role != p.role {
        alert(.roleChanged, newAccount, q, "\(labelNow): role \(p.role?.rawValue ?? "none") → \(q.role?.rawValue ?? "none")",
              "Check who now decides; re-plan the coverage of the decision circuit.")
      }
      if q.title != p.title {
        alert(.titleChanged, newAccount, q, "\(labelNow): title \(p.title ?? "none") → \(q.title ?? "none")",
              "Re-qualify what they decide now; congratulate them.")
      }
    }

    // Accounts: coverage of the decision circuit.
    for a in accounts {
      guard let b = old.accounts.first(where: { $0.slice.name == a.slice.name }),
            let was = b.account.coverage.share, let now = a.account.coverage.share, now < was - 1e-12 else { continue }
      func pct(_ x: Double) -> String { "\(Int((100 * x).rounded())) %" }
      alert(.coverageFell, a.slice.name, nil, "decision-circuit coverage \(pct(was)) → \(pct(now))",
            "Re-cover the decision makers and influencers not held at P1/P2.")
    }

    // Contacts: silence and trust.
    for (id, now) in after.sorted(by: { $0.key < $1.key }) {
      let q = person(self, now)
      let account = accounts[now.account].slice.name
      let was = before[id]
      func silent(_ c: ContactScore?) -> Bool { c?.proximity == .p1 && (c?.lastContactDays ?? 0) > options.silenceDays }
      if silent(now.score) && !silent(was?.score) {
        alert(.p1Silent, account, q, "held at P1, last contact \(now.score.lastContactDays!) days before \(day)",
              "Call or meet them before the relationship cools.")
      }
      guard let status = now.score.trust?.status else { continue }
      let previous = was?.score.trust?.status ?? .healthy
      if status == .ruptured && previous != .ruptured {
        alert(.ruptured, account, q, "tolerance capital crossed the rupture threshold",
              "Repair first: a senior meeting to acknowledge the incidents, before any new proposal.")
      } else if status == .atRisk && previous == .healthy {
        alert(.trustAtRisk, account, q, "tolerance capital projected to cross the rupture threshold within the horizon",
              "Plan positive touchpoints now and resolve the open incidents.")
      }
    }

    // Team: the only tie into a department; Dunbar's limit.
    func teamTies(_ s: SnapshotState) -> [String: Set<String>] {   // "account\u{1F}department" → the contacts tied to our team
      var out: [String: Set<String>] = [:]
      for a in s.accounts {
        let g = a.slice.graph, view = g.social
        for v in 0..<g.people.count where g.people[v].isInternal {
          for u in view.out.neighbors(NodeIndex(v)) {
            let c = g.people[Int(u)]
            guard !c.isInternal, let d = c.department else { continue }
            out[a.slice.name + "\u{1F}" + d, default: []].insert(c.id)
          }
        }
      }
      return out
    }
    let (tiesBefore, tiesAfter) = (teamTies(old), teamTies(self))
    for (key, contacts) in tiesBefore.sorted(by: { $0.key < $1.key }) where contacts.count == 1 && (tiesAfter[key]?.isEmpty ?? true) {
      let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
      guard trackedNow.contains(parts[0]) else { continue }
      let id = contacts.first!
      let p = after[id].map { person(self, $0) } ?? before[id].map { person(old, $0) }
      alert(.onlyTieIntoDepartmentLost, parts[0], p, "our only tie into \(parts[1]) is gone",
            "Find a new way into \(parts[1]): an introduction by a contact we hold in the account.")
    }
    for a in accounts {
      guard let b = old.accounts.first(where: { $0.slice.name == a.slice.name }) else { continue }
      let (g, ng) = (b.slice.graph, a.slice.graph)
      let (splits, order) = g.social.bridgeSplits()
      var components: ConnectedComponents?
      for split in splits where split.side.count >= 2 && split.component.count - split.side.count >= 2 {
        let e = split.edge
        let (s, t) = (Int(g.social.edgeSources[e]), Int(g.social.edgeTargets[e]))
        let (near, far) = split.side.contains(where: { Int(order[$0]) == s }) ? (t, s) : (s, t)
        let (nearNow, farNow) = (ng.index(of: g.people[near].id), ng.index(of: g.people[far].id))
        if let x = nearNow, let y = farNow, ng.social.out.neighbors(x).contains(y) { continue }   // still there
        let comp = components ?? ng.social.connectedComponents()
        components = comp
        // The groups' people still in the account, and whether any path joins the two sides now.
        let farSide = Set(split.side.compactMap { ng.index(of: g.people[Int(order[$0])].id).map { comp.component[Int($0)] } })
        let nearSide = split.component.filter { !split.side.contains($0) }
          .compactMap { ng.index(of: g.people[Int(order[$0])].id).map { comp.component[Int($0)] } }
        guard !farSide.isEmpty, !nearSide.isEmpty, !nearSide.contains(where: farSide.contains) else { continue }
        let small = split.side.count <= split.component.count - split.side.count ? far : near
        let p = g.people[small], other = g.people[small == far ? near : far]
        let size = min(split.side.count, split.component.count - split.side.count)
        alert(.bridgeLost, a.slice.name, ng.index(of: p.id).map { ng[$0] } ?? p,
              "the tie \(other.displayName) – \(p.displayName) was the only link between a group of \(size) and the rest of the account; it is gone",
              "Reach that group again: meet \(p.displayName) directly, or ask a contact we hold for an introduction.")
      }
    }
    func p1Held(_ s: SnapshotState) -> [String: (count: Int, person: Person, limit: Int)] {
      var out: [String: (Int, Person, Int)] = [:]
      for a in s.accounts {
        for o in a.analysis.owners {
          let p = a.slice.graph.people[Int(o.person)]
          out[p.id] = ((out[p.id]?.0 ?? 0) + o.p1, p, a.analysis.options.dunbarLimit)
        }
      }
      return out
    }
    let (heldBefore, heldAfter) = (p1Held(old), p1Held(self))
    for (id, now) in heldAfter.sorted(by: { $0.key < $1.key }) where now.count > now.limit && (heldBefore[id]?.count ?? 0) <= now.limit {
      alert(.ownerOverDunbar, "", now.person, "holds \(now.count) P1 contacts, past Dunbar's \(now.limit)",
            "Hand some relationships over to a colleague before they fade.")
    }

    let order = Dictionary(uniqueKeysWithValues: SnapshotAlert.Kind.allCases.enumerated().map { ($1, $0) })
    return out.sorted { a, b in
      if a.account != b.account { return a.account < b.account }
      if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
      return (a.person ?? "") < (b.person ?? "")
    }
  }
}
