import FuzzSupport
import GraphFormats
import SocialGraph

/// The classic network formats (GML, Pajek, UCINET DL, adjacency matrices), node-link/d3/graphology JSON and the
/// format detection on the same bytes, then the graph; and the text decoders (UTF-16 both ways, Windows-1252,
/// detection) on them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClassic(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    _ = GraphFileFormat(content: bytes)
    for format in [GraphFileFormat.gml, .pajek, .dl, .matrix, .json] {
      for directed in [false, true] where directed == false || format == .dl || format == .matrix {
        var b = SocialGraphBuilder()
        do {
          _ = try InputLoader.readGraph(bytes, format: format, file: "g", directed: directed, into: &b)
          _ = try b.build()
        } catch is InputError {} catch is SocialGraphError {}
      }
    }
    for encoding in [TextEncoding.auto, .utf16le, .utf16be, .windows1252] {
      do {
        let decoded = try bytes.withUnsafeBufferPointer { try encoding.decode($0, file: "t") }
        if let d = decoded?.bytes { precondition(String(validating: d, as: UTF8.self) != nil, "decoded text is not UTF-8") }
      } catch is InputError {}
    }
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_classic_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzClassic)
}
