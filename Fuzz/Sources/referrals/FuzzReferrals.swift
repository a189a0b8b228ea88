import FuzzSupport
import GraphFormats
import SocialGraph

/// Referrals CSV against a small account.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferrals(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    var b = Fuzz.builder()
    _ = try ReferralsReader.read(bytes, file: "referrals.csv", builder: &b, unknown: .reject(contactsFile: "contacts.csv"))
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_referrals_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzReferrals)
}
