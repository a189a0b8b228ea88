import FuzzSupport
import GraphFormats
import SocialGraph

/// Net Promoter answers CSV against a small account.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.expectInputErrorsOnly {
    var b = Fuzz.builder()
    _ = try SurveysReader.read(bytes, file: "surveys.csv", builder: &b, unknown: .reject(contactsFile: "contacts.csv"))
  }
  return 0
}

/// The entry point: libFuzzer's driver with the function above.
@_cdecl("fuzz_surveys_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  Fuzz.main(argc, argv, fuzzSurveys)
}
