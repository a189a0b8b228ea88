import FuzzSupport
import GraphFormats

/// A `.gz` input: corrupt, truncated or concatenated streams, and NUL bytes in what they decompress to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    try Fuzz.withFile(bytes, suffix: ".txt.gz") { path in _ = try InputLoader.loadGraph(path) }
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_gzip_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzGzip)
}
