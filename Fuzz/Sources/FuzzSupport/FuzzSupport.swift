import GraphFormats
import SocialGraph
#if canImport(Glibc)
import Glibc
#endif

/// What every fuzz target shares: the input as bytes, a small account to read ties, history, surveys and
/// referrals against, and the rule that a reader either returns or throws `InputError` — any other outcome
/// (a trap, a signal, a sanitizer report, another error type) is a finding.
public enum Fuzz {
  /// libFuzzer's buffer as an array.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Four contacts in one account with a manager and an owner from our team (ids a, b, c, d; team t).
  public static let contacts = Array("""
    id,name,account,role,reports_to,owner,department,internal
    t,Our Rep,,,,,Sales,true
    a,Ann,Acme,decision-maker,,t,Board,
    b,Bo,Acme,influencer,a,t,IT,
    c,Cy,Acme,user,b,,IT,
    d,Di,Acme,gatekeeper,a,,Finance,

    """.utf8)

  /// A builder holding `contacts`.
  public static func builder() -> SocialGraphBuilder {
    let people = try! ContactsReader.read(contacts, file: "contacts.csv").people
    return try! SocialGraphBuilder(people: people)
  }

  /// Runs `body`; an `InputError` is the reader refusing the input (fine), anything else thrown is a finding.
  public static func expectInputErrorsOnly(_ body: () throws -> Void) {
    do { try body() } catch is InputError {} catch {
      fatalError("unexpected error type \(type(of: error)): \(error)")
    }
  }

  /// `bytes` in a file of this process under /dev/shm (or /tmp), for readers that take a path; removed after.
  public static func withFile(_ bytes: [UInt8], suffix: String, _ body: (String) throws -> Void) rethrows {
    let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let path = "\(dir)/tiemap-fuzz-\(getpid())\(suffix)"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    defer { unlink(path) }
    try body(path)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

extension Fuzz {
  /// A target's entry point (SwiftPM links `fuzz_<target>_main` as `main`): hands the command line and
  /// `callback` to libFuzzer's driver.
  public static func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                          _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
  }
}
