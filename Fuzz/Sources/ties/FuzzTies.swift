import FuzzSupport
import GraphFormats
import SocialGraph

/// Ties CSV against a small account: strict, with a reject log (score), and with unknown people added.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTies(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    _ = try InputLoader.loadParts(contactsSource: ("contacts.csv", { InputBytes(Fuzz.contacts) }), tiesSource: ("ties.csv", { InputBytes(bytes) }),
                                  historySource: nil, rejects: RejectLog())
    var b = Fuzz.builder()
    _ = try TiesReader.read(bytes, file: "ties.csv", into: &b, unknown: .add)
    _ = try b.build()
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_ties_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzTies)
}
