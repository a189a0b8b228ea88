import FuzzSupport
import GraphFormats
import SocialGraph

/// Contacts CSV: the reader, then a graph built from what it kept (ids, managers, owners, roles).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContacts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    _ = try InputLoader.loadParts(contactsSource: ("contacts.csv", { InputBytes(bytes) }), tiesSource: nil, historySource: nil)
    let log = RejectLog()
    _ = try InputLoader.loadParts(contactsSource: ("contacts.csv", { InputBytes(bytes) }), tiesSource: nil, historySource: nil, rejects: log)
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_contacts_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzContacts)
}
