// `map --page-by department` on the sample: an overview page and one page per department (7), as one PDF and as
// one SVG and PNG per page; the department pages hold exactly that department's contacts.
import Foundation
import Testing

@Suite struct PageByDepartmentTests {
  static let input = ["--contacts", "datasets/sample/contacts.csv", "--ties", "datasets/sample/ties.csv",
                      "--interactions", "datasets/sample/interactions.csv"]

  @Test func overviewAndOnePagePerDepartment() throws {
    let scratch = Workspace(files: [:])
    let dir = scratch.dir
    defer { try? FileManager.default.removeItem(at: dir) }
    let customers = try SampleFiles().contacts.filter { $0["internal"] != "true" }
    let departments = Set(customers.map { $0["department"]! })
    #expect(departments.count == 7)

    let pdf = dir.appendingPathComponent("pages.pdf").path
    let r = try CLI.run(["map"] + Self.input + ["--page-by", "department", "-o", pdf], cwd: CLI.root)
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
    #expect(bytes.hasPrefix("%PDF"))
    #expect(bytes.contains("/Count \(1 + departments.count)"))   // the page tree: overview + 7

    let pages = dir.appendingPathComponent("pages").path + "/"
    let d = try CLI.run(["map"] + Self.input + ["--page-by", "department", "-o", pages], cwd: CLI.root)
    #expect(d.status == 0, "\(d.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: pages).sorted()
    #expect(files.filter { $0.hasSuffix(".svg") }.count == 8 && files.filter { $0.hasSuffix(".png") }.count == 8)
    #expect(files.first == "00-overview.png")
    // Each department page: the department in its title and exactly its contacts' names.
    for file in files where file.hasSuffix(".svg") && file != "00-overview.svg" {
      let svg = try String(contentsOfFile: pages + file, encoding: .utf8)
      let title = try #require(svg.firstMatch(of: /· ([^:<]+): organisation and relationship coverage/)).1
      let department = String(title).replacingOccurrences(of: "&amp;", with: "&")
      #expect(departments.contains(department), "\(file): \(department)")
      for c in customers {
        let escaped = c["name"]!.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
        let onPage = svg.contains(">\(escaped)</text>")
        #expect(onPage == (c["department"] == department), "\(c["name"]!) on \(file)")
      }
    }
    // The overview names every department with its head count.
    let overview = try String(contentsOfFile: pages + "00-overview.svg", encoding: .utf8)
    for dep in departments {
      let n = customers.filter { $0["department"] == dep }.count
      #expect(overview.contains(dep.replacingOccurrences(of: "&", with: "&amp;")) && overview.contains("\(n) people"), "\(dep)")
    }
  }
}
