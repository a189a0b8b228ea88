internal import CLibXML2

/// A streaming read of an XML document (GraphML, GEXF) through libxml2's `xmlTextReader`, element by element, with
/// what makes XML dangerous refused before it can cost anything:
/// - a document type declaration (`<!DOCTYPE`) is refused outright, so no entity is ever declared: the
///   billion-laughs expansion and external entities (`SYSTEM "file:///etc/passwd"`) cannot happen; libxml2 is
///   also asked never to substitute entities, load a DTD or touch the network (`XML_PARSE_NONET`, no `NOENT`,
///   no `DTDLOAD`);
/// - elements nested deeper than `maxDepth` are refused at the first one (GraphML and GEXF need 4 to 8 levels;
///   yEd's graphics a few more);
/// - text is UTF-8: `InputFile` has transcoded a file in another encoding (UTF-16 by its byte-order mark,
///   Windows-1252 when not UTF-8, or `--encoding`), so the declaration's `encoding` is not followed; UTF-16 left
///   as such (`--encoding utf-8`) is refused with what to do, as the declaration check reads bytes.
///
/// Errors are `InputError`s at the line libxml2 reports (`graph.graphml:12: …`).
/// - Complexity: O(size of the document), memory O(depth) beyond the events the caller keeps.
struct XMLStream {
  /// An element's start: its local name (no prefix), namespace, attributes (local names; `xmlns` declarations
  /// left out), line and whether it is empty (`<node/>`: no end event follows).
  struct Element {
    var name: String
    var namespace: String
    var attributes: [(name: String, value: String)]
    var line: Int
    var isEmpty: Bool
    var depth: Int
    subscript(attribute: String) -> String? {
      for a in attributes where a.name == attribute { return a.value }
      return nil
    }
  }

  enum Event {
    case start(Element)
    case end(name: String, line: Int)
    case text(String)
  }

  static let maxDepth = 64

  private let reader: xmlTextReaderPtr
  private let errors: ErrorBox
  let file: String

  /// The first error libxml2 reported (the C callback writes it here).
  final class ErrorBox {
    var message: String?
    var line = 0
  }

  /// Runs `body` on a stream over `bytes` (kept alive and unmoved for the whole read).
  static func read<T>(_ bytes: [UInt8], file: String, _ body: (inout XMLStream) throws -> T) throws -> T {
    try refuseDeclarations(bytes, file: file)
    guard bytes.count < Int(Int32.max) else {
      throw InputError(file: file, line: 0, problem: "an XML file over 2 GiB is more than libxml2 reads in one piece; split the graph or use a CSV edge list")
    }
    xmlInitParser()
    return try bytes.withUnsafeBufferPointer { buffer in
      let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
                          | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOXINCNODE.rawValue
                          | XML_PARSE_IGNORE_ENC.rawValue)
      let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
      // The bytes are UTF-8 (`InputFile` transcodes other encodings first), whatever the declaration says.
      guard let reader = xmlReaderForMemory(base, Int32(buffer.count), file, "UTF-8", options) else {
        throw InputError(file: file, line: 0, problem: "libxml2 could not start reading the file")
      }
      defer { xmlFreeTextReader(reader) }
      let box = ErrorBox()
      let context = Unmanaged.passUnretained(box).toOpaque()
      xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
        guard let context, let error else { return }
        let box = Unmanaged<XMLStream.ErrorBox>.fromOpaque(context).takeUnretainedValue()
        guard box.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var text = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        while text.last?.isWhitespace == true { text.removeLast() }
        box.message = text
        box.line = Int(error.pointee.line)
      }, context)
      var stream = XMLStream(reader: reader, errors: box, file: file)
      return try withExtendedLifetime(box) { try body(&stream) }
    }
  }

  private init(reader: xmlTextReaderPtr, errors: ErrorBox, file: String) {
    self.reader = reader; self.errors = errors; self.file = file
  }

  private func string(_ p: UnsafePointer<xmlChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
  }

  /// The line of the current node.
  private var line: Int {
    if let node = xmlTextReaderCurrentNode(reader) { let l = Int(xmlGetLineNo(node)); if l > 0 { return l } }
    return Int(xmlTextReaderGetParserLineNumber(reader))
  }

  func error(_ line: Int, _ problem: String) -> InputError { InputError(file: file, line: line, problem: problem) }

  /// The next start, end or text event; nil at the end of the document.
  mutating func next() throws -> Event? {
    while true {
      let r = xmlTextReaderRead(reader)
      if r == 0 { return nil }
      if r < 0 {
        let message = errors.message ?? "malformed XML"
        throw error(errors.line > 0 ? errors.line : line, "not well-formed XML: \(message)")
      }
      switch xmlTextReaderNodeType(reader) {
      case 1:   // element
        let depth = Int(xmlTextReaderDepth(reader))
        guard depth < Self.maxDepth else {
          throw error(line, "elements nested more than \(Self.maxDepth) deep: not a graph file (refused)")
        }
        var e = Element(name: string(xmlTextReaderConstLocalName(reader)), namespace: string(xmlTextReaderConstNamespaceUri(reader)),
                        attributes: [], line: line, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1, depth: depth)
        if xmlTextReaderHasAttributes(reader) == 1 {
          while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if string(xmlTextReaderConstNamespaceUri(reader)) == "http://www.w3.org/2000/xmlns/" { continue }
            e.attributes.append((string(xmlTextReaderConstLocalName(reader)), string(xmlTextReaderConstValue(reader))))
          }
          xmlTextReaderMoveToElement(reader)
        }
        return .start(e)
      case 15:   // end of element
        return .end(name: string(xmlTextReaderConstLocalName(reader)), line: line)
      case 3, 4, 14:   // text, CDATA, significant white space
        return .text(string(xmlTextReaderConstValue(reader)))
      case 5:   // an entity reference left as such: only possible with a DTD, refused before
        throw error(line, "entity reference &\(string(xmlTextReaderConstName(reader)));: entities are refused")
      case 10:
        throw error(line, "a document type declaration (<!DOCTYPE …>) is refused: DTDs and entities are not read, for safety")
      default:   // comments, processing instructions, insignificant white space
        continue
      }
    }
  }

  /// The text inside the element just started (its children's text joined), up to its end; "" for an empty one.
  mutating func text(of e: Element) throws -> String {
    if e.isEmpty { return "" }
    var out = ""
    var depth = 0
    while let event = try next() {
      switch event {
      case .text(let t): if depth == 0 { out += t }
      case .start(let s): if !s.isEmpty { depth += 1 }
      case .end: if depth == 0 { return out }; depth -= 1
      }
    }
    return out
  }

  /// Skips the element just started, with everything inside it.
  mutating func skip(_ e: Element) throws {
    if e.isEmpty { return }
    var depth = 0
    while let event = try next() {
      switch event {
      case .start(let s): if !s.isEmpty { depth += 1 }
      case .end: if depth == 0 { return }; depth -= 1
      case .text: break
      }
    }
  }

  /// Refuses a document type declaration, and UTF-16, before libxml2 reads anything: the prolog (byte-order mark,
  /// XML declaration, comments, processing instructions, white space) is scanned for `<!DOCTYPE`.
  static func refuseDeclarations(_ bytes: [UInt8], file: String) throws {
    if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
      throw InputError(file: file, line: 1, problem: InputFile.utf16Problem)
    }
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    func starts(_ s: String) -> Bool {
      let u = Array(s.utf8)
      return i + u.count <= bytes.count && bytes[i..<i + u.count].elementsEqual(u)
    }
    func skip(past end: String) {
      let u = Array(end.utf8)
      while i < bytes.count {
        if bytes[i] == 0x0A { line += 1 }
        if starts(end) { i += u.count; return }
        i += 1
      }
    }
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0D: i += 1
      case 0x0A: line += 1; i += 1
      default:
        if starts("<?") { skip(past: "?>") }
        else if starts("<!--") { skip(past: "-->") }
        else if starts("<!DOCTYPE") || starts("<!doctype") {
          throw InputError(file: file, line: line, problem: "a document type declaration (<!DOCTYPE …>) is refused: DTDs and entities are not read, for safety (GraphML and GEXF need none)")
        } else { return }
      }
    }
  }
}
