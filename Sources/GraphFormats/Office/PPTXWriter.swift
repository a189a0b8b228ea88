/// A PowerPoint deck (`.pptx`, Office Open XML PresentationML), as PowerPoint, Keynote, Google Slides,
/// LibreOffice Impress and python-pptx open it: one slide per page, each with a native title (real text, which
/// an outline, a search or a screen reader sees) and the page as a picture — SVG for PowerPoint 2016 and later,
/// with a PNG beside it for the rest (`asvg:svgBlip`) — scaled to the space below the title, its proportions
/// kept; or a native table (a header row and the rows, text as given). The bytes are the same for the same slides.
/// - Reference: ECMA-376 5th ed. (2016), Part 1, §19 (PresentationML: presentation, slide master, layout, slide)
///   and §20.1 (DrawingML: pictures, text, tables); [MS-ODRAWXML] §2.3.3.1 (`svgBlip`).
/// - Complexity: O(size of the pictures and tables).
public enum PPTXWriter {
  /// A picture: PNG bytes (required), SVG bytes (optional), its size in points.
  public struct Picture: Sendable {
    public var png: [UInt8]
    public var svg: [UInt8]?
    public var width: Double, height: Double
    public init(png: [UInt8], svg: [UInt8]?, width: Double, height: Double) {
      self.png = png; self.svg = svg; self.width = width; self.height = height
    }
  }

  public struct Slide: Sendable {
    public var title: String
    public var picture: Picture?
    /// A native table: the header, then the rows.
    public var table: [[String]]?
    /// The table's type size in points.
    public var tableTextSize: Double
    public init(title: String, picture: Picture? = nil, table: [[String]]? = nil, tableTextSize: Double = 11) {
      self.title = title; self.picture = picture; self.table = table; self.tableTextSize = tableTextSize
    }
  }

  /// EMU (English Metric Units) per point: 12,700.
  static let emu = 12_700.0
  /// The title's band at the top of a slide, in points.
  static let titleBand = 40.0
  static let margin = 18.0

  /// The deck of `slides` on pages of `width` × `height` points.
  public static func deck(_ slides: [Slide], width: Double, height: Double) throws -> [UInt8] {
    let p = try OfficePackage()
    let (cx, cy) = (Int(width * emu), Int(height * emu))
    var media = 0
    var types = [
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
      "<Default Extension=\"png\" ContentType=\"image/png\"/>",
      "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>",
      "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/>",
      "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml\"/>",
      "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml\"/>",
      "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>",
    ]
    for (k, slide) in slides.enumerated() {
      let n = k + 1
      types.append("<Override PartName=\"/ppt/slides/slide\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slide+xml\"/>")
      var rels = ["<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/>"]
      var shapes = titleShape(slide.title, width: width)
      if let pic = slide.picture {
        media += 1
        try p.add("ppt/media/image\(media).png", pic.png)
        rels.append("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"../media/image\(media).png\"/>")
        var svgRel: String?
        if let svg = pic.svg {
          try p.add("ppt/media/image\(media).svg", svg)
          rels.append("<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"../media/image\(media).svg\"/>")
          svgRel = "rId3"
        }
        shapes += pictureShape(pic, svgRel: svgRel, slideWidth: width, slideHeight: height)
      }
      if let table = slide.table, !table.isEmpty { shapes += tableShape(table, size: slide.tableTextSize, slideWidth: width, slideHeight: height) }
      try p.add("ppt/slides/slide\(n).xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <p:sld \(namespaces)><p:cSld><p:spTree>\(groupProperties)\(shapes)</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>
        """)
      try p.add("ppt/slides/_rels/slide\(n).xml.rels", relationships(rels))
    }
    try p.add("[Content_Types].xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\(types.joined())</Types>
      """)
    try p.add("_rels/.rels", relationships([
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"ppt/presentation.xml\"/>"]))
    try p.add("ppt/presentation.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <p:presentation \(namespaces) saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>\
      <p:sldIdLst>\(slides.indices.map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\($0 + 3)\"/>" }.joined())</p:sldIdLst>\
      <p:sldSz cx="\(cx)" cy="\(cy)"/><p:notesSz cx="\(cy)" cy="\(cx)"/></p:presentation>
      """)
    try p.add("ppt/_rels/presentation.xml.rels", relationships([
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster\" Target=\"slideMasters/slideMaster1.xml\"/>",
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>",
    ] + slides.indices.map {
      "<Relationship Id=\"rId\($0 + 3)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide\" Target=\"slides/slide\($0 + 1).xml\"/>"
    }))
    try p.add("ppt/slideMasters/slideMaster1.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <p:sldMaster \(namespaces)><p:cSld><p:spTree>\(groupProperties)</p:spTree></p:cSld>\
      <p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>\
      <p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>
      """)
    try p.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships([
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout\" Target=\"../slideLayouts/slideLayout1.xml\"/>",
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"../theme/theme1.xml\"/>",
    ]))
    try p.add("ppt/slideLayouts/slideLayout1.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <p:sldLayout \(namespaces) type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>\(groupProperties)</p:spTree></p:cSld>\
      <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>
      """)
    try p.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships([
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster\" Target=\"../slideMasters/slideMaster1.xml\"/>"]))
    try p.add("ppt/theme/theme1.xml", theme)
    return try p.bytes()
  }

  static let namespaces = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""

  static let groupProperties = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

  static func relationships(_ items: [String]) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items.joined())</Relationships>"
  }

  static func e(_ points: Double) -> Int { Int((points * emu).rounded()) }

  /// The title: a text box across the top band, 20 pt, the font the deck declares (`TiemapFonts.family`).
  static func titleShape(_ title: String, width: Double) -> String {
    """
    <p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>\
    <p:spPr><a:xfrm><a:off x="\(e(margin))" y="\(e(8))"/><a:ext cx="\(e(width - 2 * margin))" cy="\(e(titleBand - 8))"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>\
    <p:txBody><a:bodyPr wrap="square" anchor="ctr"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="2000" b="1" dirty="0">\
    <a:solidFill><a:srgbClr val="212121"/></a:solidFill><a:latin typeface="\(Escape.markup(fontFamily))"/></a:rPr>\
    <a:t>\(Escape.xmlData(title))</a:t></a:r></a:p></p:txBody></p:sp>
    """
  }

  /// The font the deck's text uses (the maps' and charts' own: `StakeholderMap.fontFamily`).
  public static let fontFamily = "Liberation Sans"

  /// The area below the title band, inside the margins.
  static func body(slideWidth w: Double, slideHeight h: Double) -> (x: Double, y: Double, w: Double, h: Double) {
    (margin, titleBand, w - 2 * margin, h - titleBand - margin / 2)
  }

  /// The picture scaled into the body, its proportions kept, centred.
  static func pictureShape(_ pic: Picture, svgRel: String?, slideWidth: Double, slideHeight: Double) -> String {
    let b = body(slideWidth: slideWidth, slideHeight: slideHeight)
    let s = min(b.w / pic.width, b.h / pic.height)
    let (w, h) = (pic.width * s, pic.height * s)
    let (x, y) = (b.x + (b.w - w) / 2, b.y + (b.h - h) / 2)
    let svg = svgRel.map {
      "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\($0)\"/></a:ext></a:extLst>"
    } ?? ""
    return """
      <p:pic><p:nvPicPr><p:cNvPr id="3" name="Map" descr="the map"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
      <p:blipFill><a:blip r:embed="rId2">\(svg)</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
      <p:spPr><a:xfrm><a:off x="\(e(x))" y="\(e(y))"/><a:ext cx="\(e(w))" cy="\(e(h))"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>
      """
  }

  /// Column widths (points) within `total`: each at least its longest word (and the header's), so no word is cut;
  /// the rest shared by how much more each column's longest text wants (up to 48 characters).
  static func columnWidths(_ rows: [[String]], total: Double, size: Double) -> [Double] {
    let columns = rows.map(\.count).max() ?? 1
    let perChar = size * 0.56 + 0.4   // Liberation Sans' mean advance, with the bold header's margin
    func cells(_ c: Int) -> [String] { rows.map { c < $0.count ? $0[c] : "" } }
    let minimum = (0..<columns).map { c in
      Double(cells(c).flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(\.count).max() ?? 4) * perChar + 10
    }
    let wanted = (0..<columns).map { c in max(minimum[c], Double(min(48, cells(c).map(\.count).max() ?? 4)) * perChar + 10) }
    let floor = minimum.reduce(0, +)
    guard floor < total else { return minimum.map { $0 / floor * total } }
    let extra = zip(wanted, minimum).map { $0 - $1 }
    let room = extra.reduce(0, +)
    return (0..<columns).map { c in minimum[c] + (room > 0 ? extra[c] / room * min(room, total - floor) : 0) }
      .map { $0 + (room < total - floor ? (total - floor - room) / Double(columns) : 0) }
  }

  /// A native table in the body: the header row bold on grey, rows banded, `size` pt text.
  static func tableShape(_ rows: [[String]], size points: Double, slideWidth: Double, slideHeight: Double) -> String {
    let b = body(slideWidth: slideWidth, slideHeight: slideHeight)
    let columns = rows.map(\.count).max() ?? 1
    let widths = columnWidths(rows, total: b.w, size: points)
    let rowHeight = min(points * 2, b.h / Double(rows.count))
    let size = Int(points * 100)
    var xml = """
      <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>\
      <p:xfrm><a:off x="\(e(b.x))" y="\(e(b.y))"/><a:ext cx="\(e(b.w))" cy="\(e(rowHeight * Double(rows.count)))"/></p:xfrm>\
      <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>
      """
    for w in widths { xml += "<a:gridCol w=\"\(e(w))\"/>" }
    xml += "</a:tblGrid>"
    for (r, row) in rows.enumerated() {
      xml += "<a:tr h=\"\(e(rowHeight))\">"
      for c in 0..<columns {
        let text = c < row.count ? row[c] : ""
        let bold = r == 0 ? " b=\"1\"" : ""
        let fill = r == 0 ? "<a:solidFill><a:srgbClr val=\"E0E0E0\"/></a:solidFill>" : (r % 2 == 0 ? "<a:solidFill><a:srgbClr val=\"F5F5F5\"/></a:solidFill>" : "<a:noFill/>")
        xml += "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\" sz=\"\(size)\"\(bold) dirty=\"0\"><a:solidFill><a:srgbClr val=\"212121\"/></a:solidFill>"
        xml += "<a:latin typeface=\"\(Escape.markup(fontFamily))\"/></a:rPr><a:t>\(Escape.xmlData(text))</a:t></a:r></a:p></a:txBody>"
        xml += "<a:tcPr marL=\"\(e(4))\" marR=\"\(e(4))\" marT=\"\(e(2))\" marB=\"\(e(2))\">\(fill)</a:tcPr></a:tc>"
      }
      xml += "</a:tr>"
    }
    return xml + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
  }

  /// A theme (the colour, font and format schemes a master must name), with the deck's font.
  static let theme = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Tiemap"><a:themeElements>\
    <a:clrScheme name="Tiemap"><a:dk1><a:srgbClr val="212121"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>\
    <a:dk2><a:srgbClr val="37474F"/></a:dk2><a:lt2><a:srgbClr val="ECEFF1"/></a:lt2><a:accent1><a:srgbClr val="1565C0"/></a:accent1>\
    <a:accent2><a:srgbClr val="2E7D32"/></a:accent2><a:accent3><a:srgbClr val="F9A825"/></a:accent3><a:accent4><a:srgbClr val="C62828"/></a:accent4>\
    <a:accent5><a:srgbClr val="6A1B9A"/></a:accent5><a:accent6><a:srgbClr val="EF6C00"/></a:accent6><a:hlink><a:srgbClr val="1565C0"/></a:hlink>\
    <a:folHlink><a:srgbClr val="6A1B9A"/></a:folHlink></a:clrScheme>\
    <a:fontScheme name="Tiemap"><a:majorFont><a:latin typeface="\(fontFamily)"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>\
    <a:minorFont><a:latin typeface="\(fontFamily)"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>\
    <a:fmtScheme name="Tiemap"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>\
    <a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>\
    <a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>\
    <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
    <a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>\
    </a:fmtScheme></a:themeElements></a:theme>
    """
}
