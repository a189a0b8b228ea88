import FuzzSupport
import GraphFormats
import SocialGraph

/// Interaction history CSV against a small account (strict, then with a reject log), and as a graph on its own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInteractions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    _ = try InputLoader.loadParts(contactsSource: ("contacts.csv", { InputBytes(Fuzz.contacts) }), tiesSource: nil,
                                  historySource: ("interactions.csv", { InputBytes(bytes) }), rejects: RejectLog())
    var b = SocialGraphBuilder()
    _ = try InteractionsReader.read(bytes, file: "interactions.csv", builder: &b, unknown: .edgeList)
    _ = try b.build()
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_interactions_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzInteractions)
}
