// swift-tools-version: 6.0
// The benchmark harness lives apart so `swift test` never builds it (STYLE.md §9). `make bench` runs it.
import PackageDescription

let package = Package(
  name: "TiemapBenchmarks",
  dependencies: [.package(name: "Tiemap", path: "..")],
  targets: [
    .executableTarget(
      name: "tiemap-bench",
      dependencies: [
        .product(name: "GraphFormats", package: "Tiemap"),
        .product(name: "SocialGraph", package: "Tiemap"),
        .product(name: "NetworkAnalysis", package: "Tiemap"),
        .product(name: "StakeholderMaps", package: "Tiemap"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
