// Workbooks (.xlsx, Tests/Fixtures/xlsx/, written by scripts/xlsx_fixtures.py with openpyxl) read as their CSV
// copies: the sample's contacts, ties and interactions give the same graph and history; a Salesforce export saved
// from Excel keeps its line break and names the right row in errors; dates come out as ISO in both date systems.
import Foundation
import Testing
@testable import GraphFormats
import SocialGraph

@Suite struct SpreadsheetTests {
  static func path(_ p: String) -> String { Paths.root.appendingPathComponent("Tests/Fixtures/xlsx/\(p)").path }

  @Test func theSampleAsWorkbooksLoadsAsItsCSVFiles() throws {
    var o = LoadOptions()
    o.sheet = "History"
    let x = try InputLoader.loadAccount(contacts: Self.path("contacts.xlsx"), ties: Self.path("ties.xlsx"),
                                        interactions: Self.path("interactions.xlsx"), options: o)
    let c = try InputLoader.loadAccount(contacts: Paths.sample("contacts.csv"), ties: Paths.sample("ties.csv"),
                                        interactions: Paths.sample("interactions.csv"))
    #expect(GraphExport(graph: x.graph).nodeLink() == GraphExport(graph: c.graph).nodeLink())
    #expect(x.interactions.count == c.interactions.count)
    #expect(x.interactions.map(\.date) == c.interactions.map(\.date), "date cells (shown dd/mm/yyyy) read as the same days")
    #expect(x.interactions.map(\.points) == c.interactions.map(\.points))
    #expect(x.warnings.map(\.message) == ["read sheet \"History\" (2 of 2: \"About\", \"History\"); choose another with --sheet"])
  }

  @Test func aCRMExportSavedFromExcel() throws {
    var o = LoadOptions()
    o.crm.preset = .salesforce
    o.allowUnknown = true
    let g = try InputLoader.loadAccount(contacts: Self.path("salesforce-Contact.xlsx"), ties: nil, interactions: nil, options: o).graph
    #expect(g.people.prefix(4).map(\.displayName) == ["Dana Ortiz", "Lee Wong", "Priya Nair", "Tom Baker"])
    #expect(g.people[1].attribute("MailingStreet") == "12 Main St\nSuite 400")
    #expect(g.people.prefix(4).map { $0.attribute("CreatedDate") } == ["2024-02-01 10:30:00", "2024-02-01", "2024-03-05 09:15:30", "2024-03-06"])
    #expect(g.people[0].attribute("NumberOfEmployees") == "1200")
    // Tom is on row 6 (the line break in row 3 and the empty row 4 notwithstanding).
    o.allowUnknown = false
    let e = #expect(throws: InputError.self) {
      _ = try InputLoader.loadAccount(contacts: Self.path("salesforce-Contact.xlsx"), ties: nil, interactions: nil, options: o)
    }
    #expect(e?.description.hasPrefix("\(Self.path("salesforce-Contact.xlsx")):6: reports_to \"0035g00000NoOne0AAA\"") == true)
  }

  @Test func datesInBothSystems() throws {
    let h = try InputLoader.loadHistory(Self.path("dates-1904.xlsx"))
    #expect(h.interactions.map { $0.date.description } == ["2025-01-02", "2025-03-04"])
    #expect(h.interactions.map(\.points) == [1, 0.5])
    // Excel's serials: day 1 is 1 Jan 1900, day 59 28 Feb 1900, day 60 the 29 February that never was, day 61 1 March.
    #expect(XLSXReader.isoDate(1, date1904: false) == "1900-01-01")
    #expect(XLSXReader.isoDate(59, date1904: false) == "1900-02-28")
    #expect(XLSXReader.isoDate(60, date1904: false) == nil)
    #expect(XLSXReader.isoDate(61, date1904: false) == "1900-03-01")
    #expect(XLSXReader.isoDate(45000.75, date1904: false) == "2023-03-15 18:00:00")
    #expect(XLSXReader.isoDate(0, date1904: true) == "1904-01-01")
    #expect(XLSXReader.isDateFormat("dd/mm/yyyy") && XLSXReader.isDateFormat("[$-409]h:mm AM/PM") && XLSXReader.isDateFormat("mmm-yy"))
    #expect(!XLSXReader.isDateFormat("0.00") && !XLSXReader.isDateFormat("General") && !XLSXReader.isDateFormat("#,##0 \"days\"")
            && !XLSXReader.isDateFormat("[Red]0.0"))
    #expect(XLSXReader.columnIndex("A1") == 0 && XLSXReader.columnIndex("AA7") == 26 && XLSXReader.columnIndex("XFD2") == 16383)
    #expect(XLSXReader.number(5) == "5" && XLSXReader.number(0.25) == "0.25")
  }

  @Test func whatIsNotAWorkbookIsRefused() {
    let s = Scratch()
    let xls = s.write("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0])
    #expect(throws: InputError(file: xls, line: 0, problem: "a legacy Excel workbook (.xls): save it as .xlsx or CSV")) {
      _ = try InputLoader.loadAccount(contacts: xls, ties: nil, interactions: nil)
    }
    let broken = s.write("broken.xlsx", Array("PK\u{3}\u{4} not really a zip".utf8))
    let e = #expect(throws: InputError.self) { _ = try InputLoader.loadAccount(contacts: broken, ties: nil, interactions: nil) }
    #expect(e?.problem.hasPrefix("not a readable .xlsx workbook (a ZIP archive)") == true)
    var o = LoadOptions()
    o.sheet = "Nope"
    #expect(throws: InputError(file: Self.path("interactions.xlsx"), line: 0, problem: "no sheet \"Nope\" (sheets: \"About\", \"History\"; give a name or a number from 1)")) {
      _ = try InputLoader.loadHistory(Self.path("interactions.xlsx"), options: o)
    }
  }
}

@Suite struct WorkbookOutputTests {
  /// A table written as a workbook reads back (through the workbook reader) as the CSV it came from: text, numbers,
  /// dates, booleans, a quote, a line break, a formula-like cell; the same bytes every time.
  @Test func aWorkbookReadsBackAsItsCSV() throws {
    let csv = "id,name,score,since,active,note\n007,\"Ann, \"\"the boss\"\"\",0.25,2024-03-01,true,'=SUM(A1)\nb,Bo,-3,2024-12-31,false,\"two\nlines\"\nc,Cy,,,,\n"
    let bytes = try XLSXWriter.workbook([("Scores", csv)])
    #expect(try XLSXWriter.workbook([("Scores", csv)]) == bytes, "deterministic")
    let s = Scratch()
    let path = s.write("t.xlsx", bytes)
    let back = String(decoding: try InputFile.read(path), as: UTF8.self)
    // Read back: the formula guard is gone (a workbook's strings are never run), 007 stays text, the rest as written.
    #expect(back == "id,name,score,since,active,note\n007,\"Ann, \"\"the boss\"\"\",0.25,2024-03-01,true,=SUM(A1)\nb,Bo,-3,2024-12-31,false,\"two\nlines\"\nc,Cy,,,,\n")
    #expect(XLSXWriter.kind(of: ["007", "12"]) == .text && XLSXWriter.kind(of: ["1", "-2.5", "1e-07"]) == .number)
    #expect(XLSXWriter.kind(of: ["2024-01-01", ""]) == .date && XLSXWriter.kind(of: ["true", "false"]) == .boolean)
    #expect(XLSXWriter.sheetName("a/b:c", taken: []) == "a_b_c" && XLSXWriter.sheetName("Metrics", taken: ["metrics"]) == "Metrics (2)")
    #expect(XLSXWriter.columnLetters(0) == "A" && XLSXWriter.columnLetters(27) == "AB")
  }
}

@Suite struct DeckTests {
  /// A deck's slides hold their titles as text, their pictures (PNG and SVG) and their tables; the same bytes twice.
  @Test func aDeckHoldsItsTitlesPicturesAndTables() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    let slides = [PPTXWriter.Slide(title: "Acme · Operations & IT", picture: PPTXWriter.Picture(png: png, svg: Array("<svg/>".utf8), width: 960, height: 540)),
                  PPTXWriter.Slide(title: "Next relationships", table: [["Person", "Why"], ["Ann <CFO>", "decision maker at P4"]])]
    let bytes = try PPTXWriter.deck(slides, width: 960, height: 540)
    #expect(try PPTXWriter.deck(slides, width: 960, height: 540) == bytes)
    let s = Scratch()
    let path = s.write("deck.pptx", bytes)
    // Read back through the package reader the workbook reader uses: every part is where the relationships say.
    let parts = try OfficeParts(path: path)
    #expect(parts.names.contains("ppt/slides/slide1.xml") && parts.names.contains("ppt/slides/slide2.xml") && !parts.names.contains("ppt/slides/slide3.xml"))
    #expect(parts.names.contains("ppt/media/image1.png") && parts.names.contains("ppt/media/image1.svg"))
    let one = try parts.text("ppt/slides/slide1.xml"), two = try parts.text("ppt/slides/slide2.xml")
    #expect(one.contains("<a:t>Acme · Operations &amp; IT</a:t>") && one.contains("r:embed=\"rId2\"") && one.contains("asvg:svgBlip"))
    #expect(two.contains("<a:tbl>") && two.contains("<a:t>Ann &lt;CFO&gt;</a:t>") && !two.contains("<p:pic>"))
    #expect(try parts.text("ppt/presentation.xml").contains("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>"))
  }
}
