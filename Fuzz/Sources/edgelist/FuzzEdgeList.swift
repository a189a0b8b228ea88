import FuzzSupport
import GraphFormats
import SocialGraph

/// Whole-graph edge lists: SNAP (undirected, directed, third column as weight or time) and CSV, then the graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdgeList(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    for directed in [false, true] {
      var o = EdgeListReader.Options()
      o.directed = directed
      o.thirdColumn = directed ? .timestamp : .weight
      var b = SocialGraphBuilder()
      do {
        _ = try EdgeListReader.read(bytes, file: "g.txt", into: &b, options: o)
        _ = try b.build()
      } catch is SocialGraphError {}
    }
    var c = SocialGraphBuilder()
    _ = try TiesReader.read(bytes, file: "g.csv", into: &c, unknown: .edgeList)
    do { _ = try c.build() } catch is SocialGraphError {}
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_edgelist_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzEdgeList)
}
