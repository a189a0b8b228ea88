import SocialGraph

/// Pajek's network files (`.net`, `.paj`), as Pajek, KrackPlot, NetworkX (`write_pajek`) and Batagelj & Mrvar's
/// collections write them:
///
///     *Network Padgett
///     *Vertices 3
///     1 "Acciaiuoli" 0.2 0.3 0.5 ic Red
///     2 "Albizzi"
///     *Arcs :1 "marriage"
///     1 2 1.5
///     *Edges
///     2 3
///     *Edgeslist
///     1 2 3
///
/// Vertices are numbered from 1 to n; a vertex the list leaves out is still there, with its number as label. A
/// person's id is their label when no two labels are the same (as NetworkX reads Pajek), the vertex number then
/// being its position; otherwise the vertex number is. The label is the name; coordinates become the attributes `x`, `y` (and `z`),
/// a shape and Pajek's `key value` pairs (`ic Red`, `bc Black`) attributes of their own (coordinates that are all
/// `0 0`, with the shape `ellipse`, are the placeholder NetworkX writes and are left out). `*Edges` are undirected
/// ties, `*Arcs` directed ones (one file may hold both); `*Edgeslist`/`*Arcslist` give a vertex and its
/// neighbours on one line; `*Matrix` an n×n matrix (arcs, or edges when it is symmetric). The value after the two
/// ends is the weight, and `key value` pairs after it (`c Blue`, `l "label"`) tie attributes. A relation named in
/// the section head (`*Arcs :2 "advice"`) is the ties' kind; a number alone (`:2`) is `relation2`. A second
/// network (`*Network` again), time events and two-mode heads (`*Vertices 9 4`) are named in a warning or
/// refused. Lines starting with `%` are comments.
///
/// A partition (`.clu`: `*Vertices n` and one integer per vertex) is read by `partition(_:file:into:)` as an
/// attribute named after the file.
/// - Reference: W. de Nooy, A. Mrvar, V. Batagelj (2018), *Exploratory Social Network Analysis with Pajek*, 3rd
///   ed., Cambridge University Press, appendix 1 (the file formats); NetworkX `networkx.readwrite.pajek`.
/// - Complexity: O(size of the file).
enum PajekReader {
  /// Past this many vertices a `*Vertices` head is refused (a typo or a hostile file, not an account).
  static let maxVertices = 50_000_000

  static func read(_ bytes: [UInt8], file: String, into builder: inout SocialGraphBuilder) throws -> [InputWarning] {
    let lines = try classicLines(bytes, file: file)
    var g = ClassicGraph(file: file)
    enum Section { case none, vertices, edges, arcs, edgesList, arcsList, matrix, other }
    var section = Section.none
    var relation: String?
    var count = 0          // vertices declared
    var listed = 0         // vertex lines read
    var matrixRow = 0
    var matrix: [[Double]] = []
    var matrixLines: [Int] = []
    var networks = 0
    func fail(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }

    /// Vertex `word` (a number from 1 to n).
    func vertex(_ word: String, line: Int) throws -> Int {
      guard let k = Int(word), k >= 1, k <= count else {
        throw fail(line, "\(quoted(word)) is not a vertex number (1 to \(count))")
      }
      return k - 1
    }
    func declareAll(upTo n: Int, line: Int) throws {
      while g.nodes.count < n { try g.addNode("\(g.nodes.count + 1)", label: "\(g.nodes.count + 1)", line: line) }
    }
    func flushMatrix() throws {
      guard !matrix.isEmpty else { return }
      guard matrix.count == count else {
        throw fail(matrixLines.last ?? 0, "*Matrix has \(matrix.count) rows, but there are \(count) vertices")
      }
      let symmetric = (0..<count).allSatisfy { i in (0..<i).allSatisfy { j in matrix[i][j] == matrix[j][i] } }
      for i in 0..<count {
        for j in (symmetric ? i : 0)..<count where matrix[i][j] != 0 {
          let w = matrix[i][j]
          guard w > 0 else { throw fail(matrixLines[i], "weight \(w) must be greater than 0 (a tie's strength)") }
          g.edges.append(ClassicGraph.Edge(u: i, v: j, weight: w, directed: !symmetric, relation: relation, line: matrixLines[i]))
        }
      }
      matrix = []; matrixLines = []; matrixRow = 0
    }

    reading: for (number, text) in lines {
      let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "\r" || $0 == " " }) || trimmed.hasPrefix("%") { continue }
      if trimmed.hasPrefix("*") {
        try flushMatrix()
        let words = classicWords(trimmed)
        let head = words[0].lowercased()
        relation = nil
        if words.count > 1, words[1].hasPrefix(":") {
          let k = words[1].dropFirst()
          relation = words.count > 2 ? words[2] : "relation\(k)"
        }
        switch head {
        case "*network":
          networks += 1
          if networks > 1 {
            g.warnings.append(InputWarning(file: file, line: number, message: "a second *Network is not read: Tiemap reads the first network of a Pajek file"))
            section = .other
            break reading
          }
          section = .none
        case "*vertices":
          guard words.count >= 2, let n = Int(words[1]), n >= 0 else { throw fail(number, "*Vertices needs the number of vertices") }
          guard words.count == 2 else { throw fail(number, "a two-mode network (*Vertices \(words[1]) \(words[2])) is not read: Tiemap reads one set of people") }
          guard n <= maxVertices else { throw fail(number, "*Vertices \(n): more than \(maxVertices) vertices (refused)") }
          guard g.nodes.isEmpty else { throw fail(number, "a second *Vertices section") }
          count = n
          listed = 0
          section = .vertices
        case "*edges": try declareAll(upTo: count, line: number); section = .edges
        case "*arcs": try declareAll(upTo: count, line: number); section = .arcs
        case "*edgeslist": try declareAll(upTo: count, line: number); section = .edgesList
        case "*arcslist": try declareAll(upTo: count, line: number); section = .arcsList
        case "*matrix": try declareAll(upTo: count, line: number); section = .matrix
        case "*partition", "*vector", "*permutation", "*cluster", "*hierarchy":
          throw fail(number, "\(words[0]) is a Pajek project section: read the network alone (.net), and partitions with --partition FILE")
        default:
          throw fail(number, "\(quoted(words[0])) is not a Pajek section (*Vertices, *Edges, *Arcs, *Edgeslist, *Arcslist, *Matrix)")
        }
        continue
      }
      switch section {
      case .none, .other:
        throw fail(number, "a line before *Vertices: not a Pajek network")
      case .vertices:
        let words = classicWords(trimmed)
        guard let k = Int(words[0]), k >= 1, k <= count else {
          throw fail(number, "\(quoted(words[0])) is not a vertex number (1 to \(count))")
        }
        guard k > g.nodes.count else { throw fail(number, "vertex \(k) is listed twice, or out of order") }
        try declareAll(upTo: k - 1, line: number)
        var attributes: [(String, String)] = []
        var rest = Array(words.dropFirst(2))
        // Coordinates (two or three numbers), then a shape, then key value pairs.
        let coordinates = rest.prefix(3).prefix { Double($0) != nil }
        if coordinates.count >= 2 {
          for (name, v) in zip(["x", "y", "z"], coordinates) { attributes.append((name, v)) }
          rest.removeFirst(coordinates.count)
          if let shape = rest.first, ["ellipse", "box", "diamond", "triangle", "cross", "empty", "man", "woman"].contains(shape.lowercased()) {
            attributes.append(("shape", shape)); rest.removeFirst()
          }
        }
        while rest.count >= 2 { attributes.append((rest[0], rest[1])); rest.removeFirst(2) }
        try g.addNode("\(k)", label: words.count > 1 ? words[1] : "\(k)", attributes: attributes, line: number)
        listed += 1
      case .edges, .arcs:
        let words = classicWords(trimmed)
        guard words.count >= 2 else { throw fail(number, "expected two vertex numbers (and a weight), found \(words.count) word") }
        let (u, v) = (try vertex(words[0], line: number), try vertex(words[1], line: number))
        var edge = ClassicGraph.Edge(u: u, v: v, weight: nil, directed: section == .arcs, relation: relation, line: number)
        var rest = words.dropFirst(2)
        if let w = rest.first, Double(w) != nil { edge.weight = try g.weight(w, line: number); rest = rest.dropFirst() }
        var pairs = Array(rest)
        while pairs.count >= 2 { edge.attributes.append((pairs[0], pairs[1])); pairs.removeFirst(2) }
        g.edges.append(edge)
      case .edgesList, .arcsList:
        let words = classicWords(trimmed)
        let u = try vertex(words[0], line: number)
        for w in words.dropFirst() {
          g.edges.append(ClassicGraph.Edge(u: u, v: try vertex(w, line: number), weight: nil, directed: section == .arcsList, relation: relation, line: number))
        }
      case .matrix:
        let words = classicWords(trimmed)
        guard words.count == count else { throw fail(number, "a *Matrix row of \(words.count) values, but there are \(count) vertices") }
        var row: [Double] = []
        for w in words {
          guard let x = Double(w), x.isFinite else { throw fail(number, "\(quoted(w)) is not a number") }
          row.append(x)
        }
        matrix.append(row); matrixLines.append(number); matrixRow += 1
        guard matrixRow <= count else { throw fail(number, "*Matrix has more than \(count) rows") }
      }
    }
    try flushMatrix()
    guard section != .none || !g.nodes.isEmpty || count > 0 else {
      throw InputError(file: file, line: 0, problem: "no *Vertices section: not a Pajek network")
    }
    try declareAll(upTo: count, line: lines.last?.number ?? 0)
    // Coordinates all 0 0 (and the shape ellipse) are no drawing: what NetworkX and `convert` write for want of one.
    let placeholder = g.nodes.allSatisfy { n in
      n.attributes.allSatisfy { a in (a.0 != "x" && a.0 != "y" && a.0 != "z") || Double(a.1) == 0 }
        && n.attributes.allSatisfy { $0.0 != "shape" || $0.1 == "ellipse" }
    }
    if placeholder {
      for k in g.nodes.indices { g.removeAttributes(of: k) { ["x", "y", "z", "shape"].contains($0) } }
    }
    g.labelsAsIDs(keptAs: "pajek_id", first: 1)
    try g.write(into: &builder)
    return g.warnings
  }

  /// A Pajek partition (`.clu`): `*Vertices n`, then one integer per vertex, in vertex order; `people` is the
  /// network's vertex count, which `n` must be.
  /// - Throws: `InputError` when the file is not a partition or its count differs from the network's.
  static func partition(_ bytes: [UInt8], file: String, people: Int) throws -> [String] {
    var values: [String] = []
    var declared: Int?
    for (number, text) in try classicLines(bytes, file: file) {
      let words = classicWords(text)
      if words.isEmpty || words[0].hasPrefix("%") { continue }
      if words[0].hasPrefix("*") {
        guard words[0].lowercased() == "*vertices", words.count >= 2, let n = Int(words[1]) else {
          throw InputError(file: file, line: number, problem: "a partition starts with *Vertices n")
        }
        guard n == people else { throw InputError(file: file, line: number, problem: "the partition has \(n) vertices, the network \(people)") }
        declared = n
        continue
      }
      guard declared != nil else { throw InputError(file: file, line: number, problem: "a partition starts with *Vertices n") }
      for w in words {
        guard Int(w) != nil else { throw InputError(file: file, line: number, problem: "\(quoted(w)) is not a cluster number") }
        values.append(w)
      }
    }
    guard let n = declared else { throw InputError(file: file, line: 0, problem: "file is empty (a partition starts with *Vertices n)") }
    guard values.count == n else { throw InputError(file: file, line: 0, problem: "the partition gives \(values.count) values for \(n) vertices") }
    return values
  }
}
