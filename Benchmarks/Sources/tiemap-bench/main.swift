// tiemap-bench: times Tiemap against igraph, NetworKit and NetworkX on the same files, in the same run.
//
//   tiemap-bench [--repeat N] [--tiemap PATH]            orchestrate every case and print the table
//   tiemap-bench worker load FILE REPEAT [--directed]    (internal) time Tiemap's load in this process
//
// Each (tool, case) runs in a fresh process so its peak RSS (wait4 ru_maxrss) is its own. Times are the
// median of REPEAT runs after one warm-up, measured inside the worker around the load call only (no process
// start, no interpreter start, no import). Every timed run checks its result (node and edge counts).
import Foundation
import GraphFormats
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.isEmpty ? .nan : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
}

// MARK: worker

func worker(_ args: [String]) throws {
  guard args.count >= 3, args[0] == "load" else { fatalError("usage: worker load FILE REPEAT [--directed]") }
  let file = args[1], repeatCount = Int(args[2])!
  var options = LoadOptions()
  options.directed = args.contains("--directed")
  var times: [Double] = []
  var check = (0, 0)
  for i in 0...repeatCount {
    let t = now()
    let g = try InputLoader.loadGraph(file, options: options).graph
    let dt = now() - t
    check = (g.count, g.ties.count)
    precondition(g.count > 0 && g.ties.count > 0)
    if i > 0 { times.append(dt) }   // run 0 is the warm-up
  }
  print("{\"tool\": \"tiemap\", \"times\": \(times), \"check\": [\(check.0), \(check.1)], \"threads\": 1}")
}

// MARK: orchestration

struct Measurement {
  var tool: String
  var times: [Double]
  var check: [Int]
  var threads: Int
  var peakRSS: Int   // bytes
  var failed: String?
}

/// Runs a command with stdout to a file; returns its stdout and peak RSS (wait4).
func spawn(_ argv: [String]) -> (status: Int32, stdout: String, rss: Int) {
  let outPath = "/tmp/tiemap-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
  defer { unlink(outPath) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)   // warnings are not results
  var pid: pid_t = 0
  let cArgs = argv.map { strdup($0) } + [nil]
  defer { cArgs.forEach { free($0) } }
  let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
  guard rc == 0 else { return (127, "", 0) }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  return (exited, out, Int(usage.ru_maxrss) * 1024)
}

func measure(_ tool: String, _ argv: [String]) -> Measurement {
  let r = spawn(argv)
  guard r.status == 0, let data = r.stdout.data(using: .utf8),
        let j = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
    return Measurement(tool: tool, times: [], check: [], threads: 0, peakRSS: r.rss, failed: "exit \(r.status)")
  }
  return Measurement(tool: tool, times: (j["times"] as? [Double]) ?? [], check: (j["check"] as? [Int]) ?? [],
                     threads: (j["threads"] as? Int) ?? 1, peakRSS: r.rss, failed: nil)
}

func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
  let gap = String(repeating: " ", count: max(0, w - s.count))
  return right ? gap + s : s + gap
}

func fmtTime(_ t: Double) -> String { t.isNaN ? "—" : String(format: "%.3f s", t) }
func fmtMB(_ b: Int) -> String { String(format: "%.0f MB", Double(b) / 1_048_576) }

func orchestrate(_ args: [String]) throws {
  var repeatCount = 5
  var tiemapCLI = "../.build/release/tiemap"
  var i = 0
  while i < args.count {
    if args[i] == "--repeat" { repeatCount = Int(args[i + 1])!; i += 1 }
    else if args[i] == "--tiemap" { tiemapCLI = args[i + 1]; i += 1 }
    i += 1
  }
  let benchDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let shared = benchDir.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/datasets")
  let dataDir = benchDir.appendingPathComponent(".data")
  try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
  let gz = shared.appendingPathComponent("soc-slashdot0902/soc-Slashdot0902.txt.gz").path
  // One plain file every tool can read: igraph's reader takes neither '#' comments nor CRLF.
  let plain = dataDir.appendingPathComponent("slashdot.txt").path
  if !FileManager.default.fileExists(atPath: plain) {
    let bytes = try InputFile.read(gz)
    var out = [UInt8](); out.reserveCapacity(bytes.count)
    var lineStart = true, comment = false
    for b in bytes {
      if lineStart { comment = b == UInt8(ascii: "#"); lineStart = false }
      if b == 0x0A { if !comment { out.append(b) }; lineStart = true; continue }
      if comment || b == 0x0D { continue }
      out.append(b == 0x09 ? 0x20 : b)
    }
    try Data(out).write(to: URL(fileURLWithPath: plain))
  }
  let peers = benchDir.appendingPathComponent("peers.py").path
  let me = CommandLine.arguments[0]
  print("Load benchmark: soc-Slashdot0902 (82,168 people, 948,464 directed ties), same plain file for every tool.")
  print("Median of \(repeatCount) runs after a warm-up, timed around the load call in a fresh process per tool;")
  print("peak RSS is the whole process (Python's interpreter and imports included: see 'python baseline').")
  print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores.\n")

  var rows: [Measurement] = []
  rows.append(measure("tiemap", [me, "worker", "load", plain, "\(repeatCount)", "--directed"]))
  rows.append(measure("igraph", ["python3", peers, "igraph", "load", plain, "\(repeatCount)", "--directed"]))
  rows.append(measure("networkit", ["python3", peers, "networkit", "load", plain, "\(repeatCount)", "--directed"]))
  rows.append(measure("networkx", ["python3", peers, "networkx", "load", plain, "1", "--directed"]))
  let baseline = measure("python baseline", ["python3", peers, "baseline", "load", plain, "0"])

  // Every tool must have read the same graph.
  let expected = [82_168, 948_464]
  let base = median(rows[0].times)
  print(pad("tool", 12) + pad("load (median)", 15, right: true) + pad("min", 10, right: true)
        + pad("peak RSS", 11, right: true) + pad("threads", 9, right: true) + pad("time vs tiemap", 16, right: true) + "  check")
  print(String(repeating: "─", count: 90))
  for m in rows {
    let t = median(m.times)
    let ok = m.failed == nil && m.check == expected
    let ratio = m.tool == "tiemap" ? "1.00×" : (t.isNaN ? "—" : String(format: "%.2f×", t / base))
    print(pad(m.tool, 12) + pad(fmtTime(t), 15, right: true) + pad(fmtTime(m.times.min() ?? .nan), 10, right: true)
          + pad(fmtMB(m.peakRSS), 11, right: true) + pad("\(m.threads)", 9, right: true) + pad(ratio, 16, right: true)
          + "  " + (ok ? "ok" : "FAILED \(m.failed ?? "counts \(m.check)")"))
  }
  print(pad(baseline.tool, 12) + pad("", 15) + pad("", 10) + pad(fmtMB(baseline.peakRSS), 11, right: true))
  print("\n'time vs tiemap' > 1 means the peer is slower than Tiemap.")

  // The command a user runs, end to end (process start, gzip, all views, summary).
  if FileManager.default.isExecutableFile(atPath: tiemapCLI) {
    var cli: [Double] = []
    var rss = 0
    for _ in 0..<3 {
      let t = now()
      let r = spawn([tiemapCLI, "info", "--graph", gz, "--directed", "--format", "json"])
      cli.append(now() - t)
      rss = max(rss, r.rss)
      precondition(r.status == 0 && r.stdout.contains("\"people\": 82168"), "tiemap info failed")
    }
    print("\n`tiemap info --graph soc-Slashdot0902.txt.gz --directed` end to end: \(fmtTime(median(cli))) (median of 3), peak RSS \(fmtMB(rss))")
  }
}

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "worker" { try worker(Array(args.dropFirst())) } else { try orchestrate(args) }
