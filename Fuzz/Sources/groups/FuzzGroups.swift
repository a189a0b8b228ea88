import FuzzSupport
import GraphFormats
import SocialGraph

/// A `--groups` file (CSV `id,group` or whitespace pairs) against a small account.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGroups(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  let graph = try! Fuzz.builder().build()
  Fuzz.expectInputErrorsOnly {
    for suffix in [".csv", ".txt"] {
      try Fuzz.withFile(bytes, suffix: suffix) { path in _ = try GroupsReader.read(path, graph: graph) }
    }
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_groups_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzGroups)
}
