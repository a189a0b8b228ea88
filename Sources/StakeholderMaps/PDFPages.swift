// The only file that imports CRsvg.
import CRsvg
import Foundation

/// Several SVG drawings as one PDF, a page each at its own size (points), and one drawing as a PNG (`png`):
/// librsvg draws each onto cairo's PDF surface, vector throughout, or its image surface. The multi-page maps (`--page-by department`) go through it; Graphviz renders one
/// graph per PDF, so it cannot.
/// - Reference: librsvg 2.54 `rsvg_handle_render_document`; cairo 1.16 `cairo_pdf_surface_create_for_stream`.
public enum PDFPages {
  public struct RenderError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Where cairo's streams write (the PDF, the PNG): bytes appended, the closure pointer an unretained `Sink`.
  private final class Sink {
    var bytes: [UInt8] = []
    static let write: cairo_write_func_t = { closure, data, length in
      Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
      return CAIRO_STATUS_SUCCESS
    }
  }

  /// The PDF of `pages` (standalone SVG documents, as Graphviz or the charts write them).
  public static func render(_ pages: [[UInt8]]) throws -> [UInt8] {
    let sink = Sink()
    let box = Unmanaged.passRetained(sink)
    defer { box.release() }
    guard let surface = cairo_pdf_surface_create_for_stream(Sink.write, box.toOpaque(), 595, 842) else {
      throw RenderError(description: "cairo could not create a PDF surface")
    }
    defer { cairo_surface_destroy(surface) }
    // No creation date (cairo stamps the current time): the same maps give the same bytes.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
    guard let cr = cairo_create(surface) else { throw RenderError(description: "cairo could not create a context") }
    defer { cairo_destroy(cr) }
    for (i, svg) in pages.enumerated() {
      let (handle, width, height) = try load(svg, page: i + 1)
      defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
      cairo_pdf_surface_set_size(surface, width, height)
      try draw(handle, cr, width, height, page: i + 1)
      cairo_show_page(cr)
    }
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw RenderError(description: String(cString: cairo_status_to_string(status))) }
    return sink.bytes
  }

  /// `svg` as a PNG of its size × `pixelsPerPoint`, on white (the `--fit` pages: 1920 px across a slide at 2).
  public static func png(_ svg: [UInt8], pixelsPerPoint: Double) throws -> [UInt8] {
    let (handle, width, height) = try load(svg, page: 1)
    defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
    let (w, h) = (Int32((width * pixelsPerPoint).rounded()), Int32((height * pixelsPerPoint).rounded()))
    guard w > 0, h > 0, w <= 32_767, h <= 32_767 else { throw RenderError(description: "a PNG of \(w) × \(h) pixels is beyond cairo's limit") }
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else { throw RenderError(description: "cairo could not create an image") }
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { throw RenderError(description: "cairo could not create a context") }
    defer { cairo_destroy(cr) }
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, pixelsPerPoint, pixelsPerPoint)
    try draw(handle, cr, width, height, page: 1)
    cairo_surface_flush(surface)
    let sink = Sink()
    let box = Unmanaged.passRetained(sink)
    defer { box.release() }
    let status = cairo_surface_write_to_png_stream(surface, Sink.write, box.toOpaque())
    guard status == CAIRO_STATUS_SUCCESS else { throw RenderError(description: String(cString: cairo_status_to_string(status))) }
    return sink.bytes
  }

  /// An rsvg handle on `svg` at 72 dpi (1 px = 1 pt: Graphviz's "pt" sizes come out as points) and its size.
  private static func load(_ svg: [UInt8], page: Int) throws -> (UnsafeMutablePointer<RsvgHandle>, Double, Double) {
    var error: UnsafeMutablePointer<GError>?
    guard let handle = svg.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
      let message = error.map { String(cString: $0.pointee.message) } ?? "unreadable SVG"
      if let error { g_error_free(error) }
      throw RenderError(description: "page \(page): \(message)")
    }
    rsvg_handle_set_dpi(handle, 72)
    var width = 0.0, height = 0.0
    guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else {
      g_object_unref(UnsafeMutableRawPointer(handle))
      throw RenderError(description: "page \(page): the SVG has no size")
    }
    return (handle, width, height)
  }

  private static func draw(_ handle: UnsafeMutablePointer<RsvgHandle>, _ cr: OpaquePointer, _ width: Double, _ height: Double, page: Int) throws {
    var error: UnsafeMutablePointer<GError>?
    var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
    guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
      let message = error.map { String(cString: $0.pointee.message) } ?? "cannot draw"
      if let error { g_error_free(error) }
      throw RenderError(description: "page \(page): \(message)")
    }
  }
}
