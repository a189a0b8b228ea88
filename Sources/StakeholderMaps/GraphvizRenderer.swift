// The only file that imports CGraphviz (STYLE.md §1, §11).
import CGraphviz
import Foundation
import Synchronization

/// Output formats Graphviz renders for Tiemap.
public enum RenderFormat: String, Sendable, CaseIterable {
  case svg, png, pdf
}

/// Graphviz layout engines Tiemap uses: `neato` and `sfdp` for networks, `nop2` to draw positions computed by
/// Tiemap (the org charts; edges with a `pos` keep it), `dot` for plain hierarchies.
public enum LayoutEngine: String, Sendable, CaseIterable {
  case dot, neato, sfdp, fdp, circo, nop2
}

/// A Graphviz failure, with the messages Graphviz printed.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
  public var call: String
  public var messages: [String]
  public var description: String {
    let text = messages.map { String($0.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")) }
      .filter { !$0.isEmpty }.joined(separator: "; ")
    return "Graphviz \(call) failed" + (text.isEmpty ? "" : ": \(text)")
  }
}

/// Lays out and renders DOT in-process through libgvc. Graphviz (cgraph) is not thread-safe, so every call goes
/// through one lock; one `GVC_t` context serves the whole process.
public enum GraphvizRenderer {
  private struct Session: ~Copyable {
    let context: OpaquePointer
    let leaksNopNodeList: Bool
  }

  private static let session: Mutex<Session> = {
    let context = gvContext()!
    // Graphviz 2.42 and 2.43 (Debian 12's) leak the node list of every nop layout; see `tiemap_free_nop_node_list`.
    let version = gvcVersion(context).map { String(cString: $0) } ?? ""
    return Mutex(Session(context: context, leaksNopNodeList: version.hasPrefix("2.42") || version.hasPrefix("2.43")))
  }()

  /// Messages Graphviz reports while a call runs; only touched under `session`'s lock.
  nonisolated(unsafe) private static var messages: [String] = []

  /// Renders `dot` with `engine` to `format`, returning the file's bytes.
  /// - Throws: `GraphvizError` with Graphviz's own message when the DOT does not parse, the layout fails, or the
  ///   output is empty.
  public static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> [UInt8] {
    try render(dot: dot, engine: engine, formats: [format])[0]
  }

  /// `dot` laid out once and rendered to each of `formats`, in order.
  public static func render(dot: String, engine: LayoutEngine, formats: [RenderFormat]) throws -> [[UInt8]] {
    try session.withLock { s in
      messages.removeAll()
      _ = agreseterrors()
      let previous = agseterrf { message in
        if let message { GraphvizRenderer.messages.append(String(cString: message)) }
        return 0
      }
      defer { _ = agseterrf(previous) }
      guard let g = dot.withCString({ agmemread($0) }) else {
        throw GraphvizError(call: "agmemread", messages: messages.isEmpty ? ["the DOT text does not parse"] : messages)
      }
      defer { agclose(g) }
      guard gvLayout(s.context, g, engine.rawValue) == 0 else { throw GraphvizError(call: "gvLayout", messages: messages) }
      defer {
        if engine == .nop2 && s.leaksNopNodeList { tiemap_free_nop_node_list(g) }
        gvFreeLayout(s.context, g)
      }
      return try formats.map { format in
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(s.context, g, format.rawValue, &data, &length) == 0, let data else {
          throw GraphvizError(call: "gvRenderData", messages: messages)
        }
        defer { gvFreeRenderData(data) }
        guard length > 0 else { throw GraphvizError(call: "gvRenderData", messages: messages + ["empty \(format.rawValue) output"]) }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
        return format == .svg ? namingTheFont(bytes) : bytes
      }
    }
  }

  /// Graphviz's SVG with the one font family (`StakeholderMap.fontFamily`) named first where it wrote Helvetica.
  static func namingTheFont(_ svg: [UInt8]) -> [UInt8] {
    let from = Array("font-family=\"Helvetica,sans-Serif\"".utf8)
    let to = Array("font-family=\"\(StakeholderMap.fontFamily),Helvetica,Arial,sans-serif\"".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(svg.count + svg.count / 16)
    var i = 0
    while i < svg.count {
      if svg[i] == from[0], i + from.count <= svg.count, svg[i..<i + from.count].elementsEqual(from) {
        out.append(contentsOf: to)
        i += from.count
      } else {
        out.append(svg[i])
        i += 1
      }
    }
    return out
  }

  /// A standalone SVG drawing (the charts) of `width` × `height` points as PNG or PDF: Graphviz draws it as the
  /// image of a single node sized to it, its rsvg plugin drawing through cairo — vector in the PDF, rasterised
  /// in the PNG at `pngScale` × Graphviz's 96 dpi (192 dpi by default: sharp on slides). The drawing goes through a private
  /// temporary file (Graphviz loads images by path), removed afterwards.
  public static func render(svgDrawing svg: String, width: Double, height: Double, format: RenderFormat,
                            pngScale: Double = 2) throws -> [UInt8] {
    if format == .svg { return Array(svg.utf8) }
    var template = Array((FileManager.default.temporaryDirectory.path + "/tiemap-chart-XXXXXX.svg").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
    guard fd >= 0 else { throw GraphvizError(call: "mkstemps", messages: [String(cString: strerror(errno))]) }
    let path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let bytes = Array(svg.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count else { throw GraphvizError(call: "write", messages: ["cannot write \(path)"]) }
    let scale = format == .png ? pngScale : 1
    let dot = """
      digraph chart { graph [pad=0, margin=0, bgcolor="white"];
        node [shape=none, label="", margin=0, fixedsize=true, imagescale=both, width=\(width * scale / 72), height=\(height * scale / 72), image="\(path)"]; chart }
      """
    return try render(dot: dot, engine: .dot, format: format)
  }
}
