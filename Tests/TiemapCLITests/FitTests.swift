// `map --fit slide|a4|screen` on the sample: pages of the target's size whose smallest text is 9 pt or more on the
// page, PNGs of the target's pixel size, every contact on some page, and one-file outputs refused when a map takes
// several pages.
import Foundation
import Testing

@Suite struct FitTests {
  static let input = PageByDepartmentTests.input

  /// Width and height of a PNG, from its IHDR chunk.
  static func pngSize(_ path: String) throws -> (Int, Int) {
    let b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(b.count > 24 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47, "\(path) is not a PNG")
    func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    return (be32(16), be32(20))
  }

  /// The page's size (pt) and its smallest text in points on the page: each font size within the drawing times the
  /// drawing's scale on the page (its width over its view box), and the page's own header text.
  static func pageText(_ svg: String) throws -> (width: Double, height: Double, smallest: Double) {
    let root = try #require(svg.firstMatch(of: /<svg [^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"/))
    let inner = try #require(svg.firstMatch(of: /<svg x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)" height="[0-9.]+" viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) [0-9.]+"/))
    let scale = Double(inner.1)! / Double(inner.2)!
    let body = svg[inner.range.upperBound...]
    var smallest = Double.infinity
    for m in body.matches(of: /font-size="([0-9.]+)"/) { smallest = min(smallest, Double(m.1)! * scale) }
    for m in svg[..<inner.range.lowerBound].matches(of: /font-size="([0-9.]+)"/) { smallest = min(smallest, Double(m.1)!) }
    return (Double(root.1)!, Double(root.2)!, smallest)
  }

  @Test func slidePagesHoldNinePointText() throws {
    let scratch = Workspace(files: [:])
    let pages = scratch.dir.appendingPathComponent("slides").path + "/"
    let r = try CLI.run(["map"] + Self.input + ["--fit", "slide", "-o", pages], cwd: CLI.root)
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: pages).sorted()
    let svgs = files.filter { $0.hasSuffix(".svg") }
    #expect(svgs.count > 8, "the sample's org map at 9 pt takes more slides than its 8 department pages")
    #expect(files.filter { $0.hasSuffix(".png") }.count == svgs.count)
    var all = ""
    for file in svgs {
      let svg = try String(contentsOfFile: pages + file, encoding: .utf8)
      all += svg
      let t = try Self.pageText(svg)
      #expect(t.width == 960 && t.height == 540, "\(file)")
      #expect(t.smallest >= 9 - 1e-6, "\(file): smallest text \(t.smallest) pt")
      let (w, h) = try Self.pngSize(pages + String(file.dropLast(4)) + ".png")
      #expect(w == 1920 && h == 1080, "\(file): PNG \(w) × \(h)")
    }
    // Nothing lost: every contact's name is on some page; every department has its pages.
    let customers = try SampleFiles().contacts.filter { $0["internal"] != "true" }
    for c in customers {
      let escaped = c["name"]!.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
      #expect(all.contains(">\(escaped)</text>"), "\(c["name"]!) is on no page")
    }
    for d in Set(customers.map { $0["department"]! }) {
      let slug = d.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
      #expect(svgs.contains { $0.contains(slug) }, "\(d) has no page")
    }
  }

  @Test func chartsFitOneSlideAndOneFileOutputsNeedOnePage() throws {
    let scratch = Workspace(files: [:])
    for chart in ["grid", "matrix", "proximity"] {
      let png = scratch.dir.appendingPathComponent("\(chart).png").path
      let r = try CLI.run(["map"] + Self.input + ["--chart", chart, "--fit", "slide", "-o", png], cwd: CLI.root)
      #expect(r.status == 0, "\(r.stderr)")
      let (w, h) = try Self.pngSize(png)
      #expect(w == 1920 && h == 1080, "\(chart): PNG \(w) × \(h)")
      let svg = scratch.dir.appendingPathComponent("\(chart).svg").path
      #expect(try CLI.run(["map"] + Self.input + ["--chart", chart, "--fit", "slide", "-o", svg], cwd: CLI.root).status == 0)
      let t = try Self.pageText(try String(contentsOfFile: svg, encoding: .utf8))
      #expect(t.smallest >= 9 - 1e-6, "\(chart): smallest text \(t.smallest) pt")
    }
    // The whole org map takes several pages: one PNG is refused with what to give instead, a PDF holds them all.
    let one = scratch.dir.appendingPathComponent("map.png").path
    let refused = try CLI.run(["map"] + Self.input + ["--fit", "a4", "-o", one], cwd: CLI.root)
    #expect(refused.status != 0 && refused.stderr.contains("-o map.pdf") && !FileManager.default.fileExists(atPath: one), "\(refused.stderr)")
    let pdf = scratch.dir.appendingPathComponent("map.pdf").path
    let r = try CLI.run(["map"] + Self.input + ["--fit", "a4", "-o", pdf], cwd: CLI.root)
    #expect(r.status == 0, "\(r.stderr)")
    let pages = try #require(r.stdout.firstMatch(of: /wrote (\d+) a4 pages/)).1
    let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
    #expect(bytes.contains("/Count \(pages)"))
    #expect(try CLI.run(["map"] + Self.input + ["--fit", "slide", "-o", "x.dot"], cwd: CLI.root).status != 0)
  }
}
