import SocialGraph

extension ClassicGraph {
  /// One relation's entries (row, column, value, line), as ties: none for a 0; a value below 0 refused (a tie's
  /// strength). Undirected ties (each pair once) when the entries are symmetric — every (i, j) has a (j, i) of the
  /// same value — and `directed` is false; arcs otherwise.
  mutating func addEntries(_ entries: [(i: Int, j: Int, value: Double, line: Int)], relation: String?, directed: Bool) throws {
    var values: [[Int]: Double] = [:]
    for e in entries where e.value != 0 {
      guard e.value > 0 && e.value.isFinite else {
        throw error(e.line, "value \(e.value) must be greater than 0 (a tie's strength; 0 for none)")
      }
      values[[e.i, e.j], default: 0] += e.value
    }
    let symmetric = !directed && values.allSatisfy { values[[$0.key[1], $0.key[0]]] == $0.value }
    for e in entries where e.value != 0 {
      if symmetric && e.i > e.j { continue }
      _ = try weight("\(e.value)", line: e.line)
      edges.append(Edge(u: e.i, v: e.j, weight: e.value, directed: !symmetric, relation: relation, line: e.line))
    }
  }
}

/// Adjacency matrices (`--input-format matrix`), the usual form of the classic small networks (Padgett's
/// Florentine families, Kapferer's tailor shop, the bank wiring room, Zachary's karate club): n rows of n values
/// separated by white space, commas, semicolons or tabs; optional column labels on the first line (a first cell
/// left empty or naming the corner) and row labels at the start of each row; k matrices stacked (k·n rows, blank
/// lines between them or not) are k relations, named `relation1`…`relationk` (one matrix: `edge`). A value is the
/// weight of the tie from the row's person to the column's, 0 for none; a symmetric matrix gives undirected ties,
/// each pair once, unless `directed`. People are the labels (column labels first, else row labels), else 1…n.
/// Lines starting with `#` or `%` are comments.
/// - Reference: NetworkX `from_numpy_array` (the same reading of a matrix: row → column, value as `weight`);
///   J. F. Padgett, C. K. Ansell (1993), "Robust action and the rise of the Medici", *Am. J. Sociology* 98(6).
/// - Complexity: O(k·n²).
enum MatrixReader {
  static func read(_ bytes: [UInt8], file: String, directed: Bool, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    var g = ClassicGraph(file: file)
    func fail(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }
    var rows: [(line: Int, words: [String])] = []
    for (number, text) in try classicLines(bytes, file: file) {
      let t = text.drop(while: { $0 == " " || $0 == "\t" })
      if t.hasPrefix("#") || t.hasPrefix("%") { continue }
      var words: [String]
      if t.contains(",") { words = classicWords(t, commas: true) }
      else if t.contains(";") { words = t.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingBlanks() } }
      else { words = classicWords(t) }
      if words.allSatisfy({ $0.isEmpty }) { continue }
      if t.contains(",") || t.contains(";") {
        // A CSV row keeps its empty first cell (the corner); elsewhere empty cells are none.
        if words.last == "" && words.count > 1 { words.removeLast() }
      }
      rows.append((number, words))
    }
    guard let first = rows.first else { throw InputError(file: file, line: 0, problem: "file is empty") }
    func isNumber(_ s: String) -> Bool { Double(s) != nil }
    var columnLabels: [String]?
    if first.words.dropFirst().contains(where: { !isNumber($0) }) || first.words.first == "" {
      columnLabels = first.words
      rows.removeFirst()
    }
    guard !rows.isEmpty else { throw fail(first.line, "column labels but no rows") }
    let rowLabelled = rows.contains { !isNumber($0.words[0]) }
    let n = rows[0].words.count - (rowLabelled ? 1 : 0)
    if var labels = columnLabels {
      if labels.count == n + 1 { labels.removeFirst() }   // the corner
      guard labels.count == n else { throw fail(first.line, "\(labels.count) column labels for \(n) columns") }
      columnLabels = labels
    }
    guard n > 0 else { throw fail(rows[0].line, "a row with no values") }
    guard rows.count % n == 0 else {
      throw fail(rows.last!.line, "\(rows.count) rows of \(n) values: not n × n, nor k stacked n × n matrices (k·n rows)")
    }
    let k = rows.count / n
    let labels = columnLabels ?? (rowLabelled ? rows.prefix(n).map { $0.words[0] } : (1...n).map(String.init))
    for (i, label) in labels.enumerated() { try g.addNode(label, line: columnLabels != nil ? first.line : rows[i].line) }
    for m in 0..<k {
      var entries: [(i: Int, j: Int, value: Double, line: Int)] = []
      for i in 0..<n {
        let row = rows[m * n + i]
        var values = row.words
        if rowLabelled {
          guard !isNumber(values[0]) || values.count == n + 1 else { throw fail(row.line, "a row without its label") }
          values.removeFirst()
        }
        guard values.count == n else { throw fail(row.line, "a row of \(values.count) values in an n × n matrix of n = \(n)") }
        for (j, w) in values.enumerated() {
          guard let x = Double(w), x.isFinite else { throw fail(row.line, "\(quoted(w)) is not a number") }
          entries.append((i, j, x, row.line))
        }
      }
      try g.addEntries(entries, relation: k > 1 ? "relation\(m + 1)" : nil, directed: directed)
    }
    try g.write(into: &builder)
    return g.warnings
  }
}

/// UCINET's DL files (Borgatti, Everett & Freeman), the form of many classic data sets: a header —
/// `dl n=5 [nm=2] [format=fullmatrix|edgelist1|nodelist1] [labels embedded] [labels: a, b, …]
/// [matrix labels: kin, business] [diagonal present]` — then `data:`. `fullmatrix` (the default) is n values per
/// row, nm matrices one after the other (embedded labels: the column labels, then each row's label before its
/// values); `edgelist1` is one tie per line (`a b [weight]`); `nodelist1` a person then their neighbours. Ends
/// are labels or numbers from 1 to n. Each matrix is a relation (its kind: the matrix label, or `relation1`…);
/// a value is the weight of the tie from row to column, 0 for none; symmetric data gives undirected ties unless
/// `directed`. Two-mode data (`nr`, `nc`) is refused.
/// - Reference: S. P. Borgatti, M. G. Everett, L. C. Freeman (2002), *UCINET for Windows: Software for Social
///   Network Analysis*, Analytic Technologies (the DL language); igraph `igraph_read_graph_dl`.
/// - Complexity: O(size of the file + nm·n² for full matrices).
enum DLReader {
  static func read(_ bytes: [UInt8], file: String, directed: Bool, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    var g = ClassicGraph(file: file)
    func fail(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }
    // Tokens with their lines; "=" and a trailing ":" are tokens of their own.
    var tokens: [(text: String, line: Int)] = []
    var lineTokens: [Int: [String]] = [:]   // the data lines' words, for the line formats
    var dataStart: Int?
    for (number, text) in try classicLines(bytes, file: file) {
      if dataStart != nil {
        let words = classicWords(text, commas: true)
        if !words.isEmpty { lineTokens[number] = words }
        for w in words { tokens.append((w, number)) }
        continue
      }
      for raw in classicWords(text, commas: true) {
        var parts: [String] = []
        var word = ""
        for c in raw {
          if c == "=" { if !word.isEmpty { parts.append(word) }; parts.append("="); word = "" } else { word.append(c) }
        }
        if !word.isEmpty { parts.append(word) }
        for p in parts {
          if p.count > 1 && p.hasSuffix(":") { tokens.append((String(p.dropLast()), number)); tokens.append((":", number)) }
          else { tokens.append((p, number)) }
          if p.lowercased() == "data:" || (p.lowercased() == ":" && tokens.count >= 2 && tokens[tokens.count - 2].text.lowercased() == "data") {
            dataStart = tokens.count
          }
        }
      }
    }
    guard let first = tokens.first else { throw InputError(file: file, line: 0, problem: "file is empty") }
    guard first.text.lowercased() == "dl" else { throw fail(first.line, "a DL file starts with dl (found \(quoted(first.text)))") }
    guard let start = dataStart else { throw fail(tokens.last!.line, "no data: section") }
    var n: Int?, nm = 1
    var format = "fullmatrix"
    var embedded = false
    var labels: [String] = [], matrixLabels: [String] = []
    var diagonal = true
    var t = 1
    let header = Array(tokens[..<start])
    func lower(_ k: Int) -> String { k < header.count ? header[k].text.lowercased() : "" }
    func isSectionStart(_ k: Int) -> Bool {
      (["labels", "data"].contains(lower(k)) && lower(k + 1) == ":")
        || (["matrix", "row", "column"].contains(lower(k)) && lower(k + 1) == "labels")
    }
    func list(from k: inout Int) -> [String] {
      var out: [String] = []
      while k < header.count && !isSectionStart(k) && lower(k + 1) != "=" { out.append(header[k].text); k += 1 }
      return out
    }
    while t < header.count {
      let key = lower(t), line = header[t].line
      if lower(t + 1) == "=" {
        let value = lower(t + 2)
        switch key {
        case "n":
          guard let v = Int(value), v > 0, v <= PajekReader.maxVertices else { throw fail(line, "n=\(value) is not a number of people") }
          n = v
        case "nm":
          guard let v = Int(value), v > 0, v <= 1000 else { throw fail(line, "nm=\(value) is not a number of matrices") }
          nm = v
        case "nr", "nc": throw fail(line, "two-mode data (nr=, nc=) is not read: Tiemap reads one set of people")
        case "format":
          let f = ["fm": "fullmatrix", "el1": "edgelist1", "nl1": "nodelist1"][value] ?? value
          guard ["fullmatrix", "edgelist1", "nodelist1"].contains(f) else {
            throw fail(line, "format=\(value) is not read (fullmatrix, edgelist1 or nodelist1)")
          }
          format = f
        default: break
        }
        t += 3
      } else if key == "labels" && lower(t + 1) == "embedded" {
        embedded = true; t += 2
        if lower(t) == ":" { t += 1 }
      } else if key == "labels" && lower(t + 1) == ":" {
        t += 2; labels = list(from: &t)
      } else if (key == "row" || key == "column") && lower(t + 1) == "labels" {
        t += 2
        if lower(t) == ":" { t += 1 }
        let l = list(from: &t)
        if labels.isEmpty { labels = l }
      } else if key == "matrix" && lower(t + 1) == "labels" {
        t += 2
        if lower(t) == ":" { t += 1 }
        matrixLabels = list(from: &t)
      } else if key == "diagonal" {
        diagonal = lower(t + 1) != "absent"; t += 2
      } else if key == "data" {
        break
      } else {
        throw fail(line, "\(quoted(header[t].text)) is not a DL header keyword (n=, nm=, format=, labels:, labels embedded, matrix labels:, diagonal)")
      }
    }
    guard let n else { throw fail(first.line, "the header gives no n= (the number of people)") }
    guard labels.isEmpty || labels.count == n else { throw fail(first.line, "\(labels.count) labels for n=\(n)") }
    let data = Array(tokens[start...])
    func relation(_ m: Int) -> String? { nm == 1 && matrixLabels.isEmpty ? nil : m < matrixLabels.count ? matrixLabels[m] : "relation\(m + 1)" }
    if format == "fullmatrix" {
      var k = 0
      func next() throws -> (text: String, line: Int) {
        guard k < data.count else { throw fail(tokens.last!.line, "the data ends early: \(nm) matrices of \(n) × \(n) values expected") }
        k += 1
        return data[k - 1]
      }
      var names = labels
      for m in 0..<nm {
        if embedded {
          var columns: [String] = []
          for _ in 0..<n { columns.append(try next().text) }
          if m == 0 && names.isEmpty { names = columns }
        }
        if m == 0 {
          for i in 0..<n { try g.addNode(names.isEmpty ? "\(i + 1)" : names[i], line: first.line) }
        }
        var entries: [(i: Int, j: Int, value: Double, line: Int)] = []
        for i in 0..<n {
          if embedded { _ = try next() }
          for j in 0..<n {
            if !diagonal && i == j { continue }
            let (w, line) = try next()
            guard let x = Double(w), x.isFinite else { throw fail(line, "\(quoted(w)) is not a number") }
            entries.append((i, j, x, line))
          }
        }
        try g.addEntries(entries, relation: relation(m), directed: directed)
      }
      if k < data.count { throw fail(data[k].line, "more data than \(nm) matrices of \(n) × \(n) values") }
    } else {
      guard nm == 1 else { throw fail(first.line, "nm=\(nm) with \(format): Tiemap reads one relation from an edge or node list") }
      var named = labels
      for name in named { try g.addNode(name, line: first.line) }
      if named.isEmpty && !embedded { for i in 0..<n { try g.addNode("\(i + 1)", line: first.line) } }
      func person(_ word: String, line: Int) throws -> Int {
        if embedded || !labels.isEmpty {
          if let i = g.index[word] { return i }
          if !labels.isEmpty, let k = Int(word), k >= 1, k <= n { return k - 1 }   // labels given, ends by number
          guard embedded else { throw fail(line, "\(quoted(word)) is neither one of the labels nor a number from 1 to \(n)") }
          guard g.nodes.count < n else { throw fail(line, "\(quoted(word)) is one person more than n=\(n)") }
          named.append(word)
          return try g.node(word, line: line)
        }
        guard let k = Int(word), k >= 1, k <= n else { throw fail(line, "\(quoted(word)) is not a number from 1 to \(n)") }
        return k - 1
      }
      var entries: [(i: Int, j: Int, value: Double, line: Int)] = []
      for line in lineTokens.keys.sorted() {
        let words = lineTokens[line]!
        if format == "edgelist1" {
          guard words.count == 2 || words.count == 3 else { throw fail(line, "expected 2 or 3 values (from to [weight]), found \(words.count)") }
          var w = 1.0
          if words.count == 3 {
            guard let x = Double(words[2]), x.isFinite else { throw fail(line, "\(quoted(words[2])) is not a number") }
            w = x
          }
          entries.append((try person(words[0], line: line), try person(words[1], line: line), w, line))
        } else {
          let u = try person(words[0], line: line)
          for v in words.dropFirst() { entries.append((u, try person(v, line: line), 1, line)) }
        }
      }
      if embedded { for name in named where g.index[name] == nil { try g.addNode(name, line: first.line) } }
      try g.addEntries(entries, relation: relation(0), directed: directed)
    }
    try g.write(into: &builder)
    return g.warnings
  }
}
