import FuzzSupport
import GraphFormats

/// One JSON line of `score --stdin` (an account with contacts, ties and history), and the JSON parser under it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  do { _ = try JSONReader.parse(bytes) } catch {}   // typed throws: a Problem, or a finding by trap
  Fuzz.expectInputErrorsOnly { _ = try AccountLinesReader.read(bytes, number: 1) }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_jsonlines_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzJSONLines)
}
