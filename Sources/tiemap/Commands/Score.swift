import ArgumentParser
import Dispatch
import GraphFormats
import Workspace
import NetworkAnalysis
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

enum ScoreInput: String, ExpressibleByArgument, CaseIterable { case csv, jsonl }
enum StrategyForm: String, ExpressibleByArgument, CaseIterable { case code, text }
extension ScoreReport.Format: ExpressibleByArgument {}

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Batch scoring: one row per contact of every account, each account analysed on its own, in parallel.",
    discussion: """
      Columns: id, name, account, role, proximity, tie_strength, declared_influence, structural_influence, interest, \
      quadrant, strategy, silent_influencer, risk, priority, proximity_source, covered, single_threaded, reach_lost, \
      trust_balance, trust_status, last_contact_days, input_flags — each the value `tiemap account`, `metrics` \
      (influence) and `trust` give on that account alone (--columns chooses and orders them). strategy is a code \
      (engage_fully, meet_needs, inform_and_enlist, light_touch; --strategy text for the sentence). input_flags: \
      owner_rejected or manager_rejected when --rejects rejected the contact's owner or manager row (the contact \
      is scored without it). An account is its contacts, the ties among them, and our team's ties into \
      them (with the ties among the team members engaged there); ties between two accounts count for neither. \
      risk flags (joined by ';'): single_threaded_decision_maker, single_threaded_influencer, \
      uncovered_decision_maker, uncovered_silent_influencer, trust_at_risk, ruptured, no_contact_<N>d (held at \
      P1/P2 or in the decision circuit and not met for more than --silence-days, or never). priority is the \
      recommendation priority (empty for contacts held at P1/P2). --accounts-out adds one row per account with the \
      buying-group completeness and the warnings no_activity_<N>d, one_way_contact (from the history's direction \
      column), fewer_than_<K>_held, no_decision_maker_held, champion_silent_<N>d. --shard K/N keeps the accounts \
      whose FNV-1a hash of the name is K−1 mod N. --input jsonl reads one account per line on stdin. Bad input \
      stops the run (exit 1) unless --rejects FILE is given: then bad rows and accounts go there and the run \
      ends with exit status 3.
      """)

  @Option(help: ArgumentHelp("Contacts file (one row per person).", valueName: "file")) var contacts: String?
  @Option(help: ArgumentHelp("Ties file.", valueName: "file")) var ties: String?
  @Option(help: ArgumentHelp("Contact history.", valueName: "file")) var interactions: String?
  @Flag(help: "Add people that ties or interactions name but the contacts lack, instead of failing.") var allowUnknown = false
  @OptionGroup(title: "CRM exports") var crm: CRMImportOptions
  @OptionGroup var text: EncodingOption
  @Option(help: ArgumentHelp("Score a snapshot of this workspace (tiemap import; --as-of picks it) instead of files.", valueName: "file"))
  var workspace: String?
  @Option(help: "Where the accounts come from: the CSV files, or one JSON account per line on stdin.") var input: ScoreInput = .csv
  @Option(name: .short, help: ArgumentHelp("Write the contact rows to this file (atomically) instead of stdout.", valueName: "file"))
  var output: String?
  @Option(help: "Output format: CSV, or JSON lines (one object per contact).") var format: ScoreReport.Format = .csv
  @Option(help: ArgumentHelp("Also write one row per account (coverage, buying group, warnings) as CSV.", valueName: "file"))
  var accountsOut: String?
  @Option(help: ArgumentHelp("Go on past bad rows and accounts, writing them here (file, line, account, id, reason); exit status 3.", valueName: "file"))
  var rejects: String?
  @Option(help: ArgumentHelp("Score only the accounts of shard K of N (stable FNV-1a hash of the account name).", valueName: "K/N"))
  var shard: String?
  @Option(help: ArgumentHelp("Only this account.", valueName: "name")) var account: String?
  @Option(help: "Worker threads (the output does not depend on it).") var threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  @Option(help: ArgumentHelp("Evaluate trust and silences at this date (default: the latest interaction of the input; required with --input jsonl).", valueName: "date"))
  var asOf: String?
  @Option(help: ArgumentHelp("Buying-group template: role=count,… (default decision_maker=1,influencer=2,technical_expert=1,end_user=1,gatekeeper=1).", valueName: "template"))
  var buyingGroup: String?
  @Option(help: "Influence and interest from this value up are high (power/interest grid).") var high = 4
  @Option(help: "no_contact flag: days without contact.") var silenceDays = 90
  @Option(help: "no_activity warning: days without any interaction in the account.") var inactiveDays = 90
  @Option(help: "fewer_than_K_held warning: contacts held at P1/P2.") var minHeld = 3
  @Option(help: "champion_silent warning: days a P1 influencer has not been met.") var championDays = 60
  @Option(help: "one_way_contact warning: outbound touchpoints with no inbound one in the --inactive-days window.") var oneWayMinimum = 5
  @Option(help: "Largest account (contacts) scored; larger ones are refused.") var maxAccountSize = 50_000
  @Option(help: ArgumentHelp("The contact columns to write, in this order (comma-separated; default: all).", valueName: "list"))
  var columns: String?
  @Option(help: "The strategy column as a short code or as the sentence.") var strategy: StrategyForm = .code
  @Flag(help: "No summary line on stderr at the end of the run.") var quiet = false

  /// `contents` as they are, or as an Excel workbook of one sheet when `path` ends in `.xlsx`.
  static func workbookIfAsked(_ contents: AtomicFile.Contents, path: String, sheet: String) throws -> AtomicFile.Contents {
    guard OutputOptions.fileExtension(path) == "xlsx" else { return contents }
    var text: [UInt8] = []
    contents.forEachBuffer { text.append(contentsOf: $0) }
    do { return .bytes(try XLSXWriter.workbook([(sheet, String(decoding: text, as: UTF8.self))])) }
    catch let e as XLSXWriter.TooLarge { throw RunError("\(path): \(e.description)") }
  }

  func validate() throws {
    if let output, OutputOptions.fileExtension(output) == "xlsx" && format != .csv {
      throw ValidationError("-o \(output): a workbook holds the CSV rows; leave out --format jsonl.")
    }
    if input == .jsonl, let output, OutputOptions.fileExtension(output) == "xlsx" {
      throw ValidationError("-o \(output): --input jsonl streams its rows; write CSV.")
    }
    switch input {
    case .csv:
      if workspace != nil {
        guard contacts == nil, ties == nil, interactions == nil, crm.options.isEmpty else {
          throw ValidationError("Give either --workspace FILE (a snapshot holds every input) or the input files, not both.")
        }
      } else {
        guard contacts != nil else { throw ValidationError("Missing input: give --contacts FILE [--ties FILE] [--interactions FILE], --workspace FILE, or --input jsonl.") }
      }
    case .jsonl:
      guard contacts == nil, ties == nil, interactions == nil, workspace == nil else { throw ValidationError("--input jsonl reads stdin: leave out --contacts, --ties, --interactions and --workspace.") }
      guard asOf != nil else { throw ValidationError("--input jsonl needs --as-of DATE, so that every line is scored at the same date.") }
      guard accountsOut == nil else { throw ValidationError("--accounts-out is not available with --input jsonl (the rows stream to stdout).") }
      guard crm.options.isEmpty else { throw ValidationError("--preset and the other CRM options read --contacts FILE, not --input jsonl.") }
    }
    if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD).") }
    if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard '\(shard)' must be K/N with 1 ≤ K ≤ N.") }
    if let buyingGroup, case .failure(let p) = BuyingGroupTemplate.parse(buyingGroup) { throw ValidationError("--buying-group: \(p)") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    guard (2...5).contains(high) else { throw ValidationError("--high must be from 2 to 5.") }
    for (name, v) in [("--silence-days", silenceDays), ("--inactive-days", inactiveDays), ("--min-held", minHeld),
                      ("--champion-days", championDays), ("--one-way-minimum", oneWayMinimum)] where v < 0 {
      throw ValidationError("\(name) must not be negative.")
    }
    guard maxAccountSize >= 1 else { throw ValidationError("--max-account-size must be at least 1.") }
    if let columns, case .failure(let p) = ScoreReport.Layout.columns(columns) { throw ValidationError("--columns: \(p.message)") }
  }

  /// The contact rows' layout: `--columns`, `--strategy`, and the input flags of a `--rejects` run.
  func layout(flags: [String: [String]] = [:]) -> ScoreReport.Layout {
    var l = ScoreReport.Layout()
    if let columns, case .success(let c) = ScoreReport.Layout.columns(columns) { l.columns = c }
    l.strategyText = strategy == .text
    l.flags = flags
    return l
  }

  func options(asOf day: Day) -> ScoreOptions {
    var o = ScoreOptions()
    o.asOf = day
    o.account.high = high
    if let buyingGroup, case .success(let t) = BuyingGroupTemplate.parse(buyingGroup) { o.buyingGroup = t }
    o.silenceDays = silenceDays; o.inactiveDays = inactiveDays; o.minimumHeld = minHeld
    o.championSilentDays = championDays; o.oneWayMinimum = oneWayMinimum
    return o
  }

  func run() throws {
    let started = Progress.now()
    if input == .jsonl { try runLines(); return }
    let log = rejects == nil ? nil : RejectLog()
    let timings = Timings()
    let scored = try scoreFiles(log: log, timings: timings)
    // The inputs are freed on another thread while the output is written (a million people and their history take
    // a tenth of a second or two to free, which the write need not wait for).
    let freeing = DispatchGroup()
    DispatchQueue.global().async(group: freeing) { _ = scored.inputs.take() }
    defer { freeing.wait() }
    let out = ScoreReport.inInputOrder(scored.rows, people: scored.people, header: ScoreReport.header(format, layout: layout()))
    var files: [(path: String, contents: AtomicFile.Contents)] = []
    if let output { files.append((output, try Self.workbookIfAsked(out, path: output, sheet: "Contacts"))) }
    if let accountsOut { files.append((accountsOut, try Self.workbookIfAsked(.text(scored.summaries), path: accountsOut, sheet: "Accounts"))) }
    if let rejects, let log { files.append((rejects, try Self.workbookIfAsked(.text(ScoreReport.rejects(log)), path: rejects, sheet: "Rejects"))) }
    try AtomicFile.writeAll(files)
    if output == nil { try AtomicFile.writeStandardOutput(out) }
    timings.mark("write")
    if let log { for line in RejectSummary.lines(log, file: rejects!) { Terminal.warning(line) } }
    if !quiet {
      let rejected = log.map { ", \(RejectSummary.count($0.entries.count, "row")) rejected" } ?? ""
      Terminal.note("score: \(RejectSummary.count(scored.contacts, "contact")) of \(RejectSummary.count(scored.accounts, "account")) scored\(rejected), in \(Terminal.seconds(Progress.now() - started)) s")
    }
    if let log, !log.entries.isEmpty { throw ExitCode(3) }
  }

  /// Reads the files, scores the accounts; returns each account's contact lines, the accounts file, and the number
  /// of people read. Accounts that could not be scored go to `log` (or stop the run without one).
  func scoreFiles(log: RejectLog?, timings: Timings) throws
    -> (rows: [ScoreReport.AccountLines], summaries: String, people: Int, contacts: Int, accounts: Int,
        inputs: TakenOnce<(SocialGraphParts, [Interaction], AccountPartition)>) {
    var load = LoadOptions()
    load.allowUnknown = allowUnknown
    load.crm = crm.options
    load.encoding = text.encoding
    load.sheet = text.sheet
    InputFile.defaultText = load.text
    load.extraColumns = false   // no score output shows the free columns
    let loaded: (parts: SocialGraphParts, interactions: [Interaction], warnings: [InputWarning], lines: [Int])
    if let workspace {
      // A snapshot of a workspace: the same people, ties and history as its files (`--as-of` picks it, and is the
      // date scored at, as on the files).
      let input = try Workspace(path: workspace, create: false).load(asOf: asOf.flatMap { Day(iso: $0) }, feedback: false).input
      loaded = (input.graph.parts, input.interactions, [], [])
    } else {
      loaded = try InputLoader.loadParts(contacts: contacts!, ties: ties, interactions: interactions, options: load, rejects: log)
    }
    timings.mark("read")
    for w in loaded.warnings { Terminal.warning(w.description) }
    let account = try AccountName.resolve(self.account, in: loaded.parts.people)
    let partition = AccountPartition(loaded.parts, interactions: loaded.interactions, only: account.map { a in { $0 == a } })
    if let account, partition.count == 0 { throw RunError("--account: no contact in account '\(account)'.") }
    if partition.crossAccountTies > 0 {
      Terminal.warning("\(partition.crossAccountTies) ties join contacts of two different accounts; they count for neither account")
    }
    timings.mark("partition")
    let day = asOf.flatMap { Day(iso: $0) } ?? loaded.interactions.map(\.date).max() ?? Day(year: 1970, month: 1, day: 1)!
    let chosen = PortfolioScoring.accounts(of: partition, shard: shard.flatMap { Shard(parsing: $0) })
    let progress = Progress(accounts: chosen.count, contacts: chosen.reduce(0) { $0 + partition.contacts[$1].count })
    let fmt = format
    let lay = layout(flags: log?.flags ?? [:])
    let results = PortfolioScoring.score(partition, history: loaded.interactions, accounts: chosen, options: options(asOf: day),
                                         maxContacts: maxAccountSize, threads: threads,
                                         done: { k in progress.advance(contacts: partition.contacts[k].count) }) { k, r in
      switch r {
      case .success(let s):
        return AccountOutput(rows: ScoreReport.contactLines(s, format: fmt, layout: lay), summary: CSVWriter.line(ScoreReport.accountRow(s)), refusal: nil)
      case .failure(let why):
        return AccountOutput(rows: ScoreReport.AccountLines(), summary: nil, refusal: why.description)
      }
    }
    progress.finish()
    timings.mark("score")
    var refused: [Int: String] = [:]
    var summaries = CSVWriter.line(ScoreReport.accountColumns.map { .text($0) })
    for (i, r) in results.enumerated() {
      if let s = r.summary { summaries += s }
      if let why = r.refusal { refused[chosen[i]] = why }
    }
    if !refused.isEmpty {
      guard let log else {
        let (k, why) = refused.min { $0.key < $1.key }!
        throw RunError("account '\(partition.names[k])' cannot be scored: \(why) (pass --rejects FILE to score the other accounts)")
      }
      for (k, why) in refused.sorted(by: { $0.key < $1.key }) {
        for v in partition.contacts[k] {
          let p = loaded.parts.people[Int(v)]
          log.add(RejectLog.Entry(file: contacts ?? workspace!, line: Int(v) < loaded.lines.count ? loaded.lines[Int(v)] : 0,
                                  account: partition.names[k], id: p.id,
                                  reason: "account '\(partition.names[k])' was not scored: \(why)"))
        }
      }
    }
    let scoredContacts = results.reduce(0) { $0 + $1.rows.people.count }
    let scoredAccounts = results.reduce(0) { $0 + ($1.refusal == nil ? 1 : 0) }
    return (results.map(\.rows), summaries, loaded.parts.people.count, scoredContacts, scoredAccounts,
            TakenOnce((loaded.parts, loaded.interactions, partition)))
  }

  /// `--input jsonl`: one account per line on stdin, one output line per contact on stdout, in line order.
  func runLines() throws {
    let started = Progress.now()
    var (accounts, contacts) = (0, 0)
    let day = Day(iso: asOf!)!
    let o = options(asOf: day)
    let log = rejects == nil ? nil : RejectLog()
    let shardFilter = shard.flatMap { Shard(parsing: $0) }
    var lineNumber = 0
    var header = true
    let batchSize = 256
    var done = false
    while !done {
      var batch: [(Int, [UInt8])] = []
      while batch.count < batchSize, let l = try StandardInput.readLine() {
        lineNumber += 1
        if l.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        batch.append((lineNumber, l))
      }
      if batch.count < batchSize { done = true }
      let lines = batch
      let fmt = format, maxContacts = maxAccountSize, lay = layout()
      let results = ParallelMap.map(batch.count, threads: threads) { i -> Result<(String, Int), InputError> in
        let (number, text) = lines[i]
        do {
          let a = try AccountLinesReader.read(text, number: number)
          if let shardFilter, !shardFilter.contains(account: a.name) { return .success(("", 0)) }
          let partition = AccountPartition(a.parts, interactions: a.interactions)
          let rows = PortfolioScoring.score(partition, history: a.interactions, accounts: Array(0..<partition.count), options: o,
                                            maxContacts: maxContacts, threads: 1) { _, r in r.map { ScoreReport.contactLines($0, format: fmt, layout: lay) } }
          let lists = try rows.map { r in
            try r.mapError { InputError(file: "<stdin>", line: number, problem: "account '\(a.name)' was not scored: \($0)") }.get()
          }
          var text = ""
          ScoreReport.inInputOrder(lists, people: a.parts.people.count).forEachBuffer { text += String(decoding: $0, as: UTF8.self) }
          return .success((text, lists.reduce(0) { $0 + $1.people.count }))
        } catch let e as InputError {
          return .failure(e)
        } catch {
          return .failure(InputError(file: "<stdin>", line: number, problem: String(describing: error)))
        }
      }
      for r in results {
        switch r {
        case .success(let (text, n)):
          if n > 0 { accounts += 1; contacts += n }
          if header { try AtomicFile.writeStandardOutput(.text(ScoreReport.header(format, layout: layout()))); header = false }
          try AtomicFile.writeStandardOutput(.text(text))
        case .failure(let e):
          guard let log else { throw e }
          log.add(e)
        }
      }
    }
    if let rejects, let log {
      try AtomicFile.write(ScoreReport.rejects(log), to: rejects)
      for line in RejectSummary.lines(log, file: rejects) { Terminal.warning(line) }
    }
    if !quiet {
      let rejected = log.map { ", \(RejectSummary.count($0.entries.count, "line")) rejected" } ?? ""
      Terminal.note("score: \(RejectSummary.count(contacts, "contact")) of \(RejectSummary.count(accounts, "account")) scored\(rejected), in \(Terminal.seconds(Progress.now() - started)) s")
    }
    if let log, !log.entries.isEmpty { throw ExitCode(3) }
  }
}

/// What one account's worker hands back: its contact lines (`ScoreReport.AccountLines`), its summary row, or why
/// it was not scored.
struct AccountOutput: Sendable {
  var rows: ScoreReport.AccountLines
  var summary: String?
  var refusal: String?
}

/// Phase times on stderr when `TIEMAP_TIMINGS` is set (for the benchmark and profiling; off by default).
final class Timings {
  private var last = Progress.now()
  private var lastCPU = Timings.cpu()
  private var lastFaults = Timings.usage().ru_minflt
  private let enabled = getenv("TIEMAP_TIMINGS") != nil
  /// User and system CPU time of the process so far, in seconds.
  private static func usage() -> rusage {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return u
  }
  private static func cpu() -> Double {
    let u = usage()
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(u.ru_utime) + s(u.ru_stime)
  }
  func mark(_ phase: String) {
    guard enabled else { return }
    let (t, c, u) = (Progress.now(), Timings.cpu(), Timings.usage())
    // Page faults: on the virtual machines measured, each first touch of fresh memory costs the host a fault too.
    Terminal.write(STDERR_FILENO, "timing: \(phase) \(Int(((t - last) * 1000).rounded())) ms, cpu \(Int(((c - lastCPU) * 1000).rounded())) ms, page faults \(u.ru_minflt - lastFaults), peak RSS \(u.ru_maxrss / 1024) MiB\n")
    (last, lastCPU, lastFaults) = (t, c, u.ru_minflt)
  }
}
