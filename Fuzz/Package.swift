// swift-tools-version: 6.0
// libFuzzer targets, one per reader (issue 16). Apart from the main package so the fuzzer and sanitizer flags
// never reach a normal build; `make fuzz` builds them with -sanitize=fuzzer,address and runs each
// (scripts/fuzz.sh), seeded with Tests/Fixtures/hostile and the datasets.
import PackageDescription

let readers = ["contacts", "ties", "interactions", "surveys", "referrals", "edgelist", "gzip", "jsonlines", "groups", "classic"]

let package = Package(
  name: "TiemapFuzz",
  dependencies: [.package(name: "Tiemap", path: "..")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "GraphFormats", package: "Tiemap"), .product(name: "SocialGraph", package: "Tiemap")]),
  ] + readers.map { reader in
    .executableTarget(
      name: "fuzz-\(reader)",
      dependencies: ["FuzzSupport", .product(name: "GraphFormats", package: "Tiemap"),
                     .product(name: "SocialGraph", package: "Tiemap")],
      path: "Sources/\(reader)",
      // No top-level code: the entry point is `fuzz_<reader>_main`, the name SwiftPM links as main.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  },
  swiftLanguageModes: [.v6]
)
