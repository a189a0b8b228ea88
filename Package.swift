// swift-tools-version: 6.0
//
// Tiemap: map a company's relational capital inside its customer accounts.
// Imports go one way: tiemap → StakeholderMaps, Workspace → GraphFormats → NetworkAnalysis → SocialGraph (DESIGN.md, STYLE.md §1).
import PackageDescription

let package = Package(
  name: "Tiemap",
  products: [
    .library(name: "SocialGraph", targets: ["SocialGraph"]),
    .library(name: "NetworkAnalysis", targets: ["NetworkAnalysis"]),
    .library(name: "GraphFormats", targets: ["GraphFormats"]),
    .library(name: "StakeholderMaps", targets: ["StakeholderMaps"]),
    .library(name: "Workspace", targets: ["Workspace"]),
    .executable(name: "tiemap", targets: ["tiemap"]),
    .executable(name: "tiemap-sample", targets: ["SampleData"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    .target(
      name: "SocialGraph",
      dependencies: [.product(name: "Collections", package: "swift-collections")]),
    .target(
      name: "NetworkAnalysis",
      dependencies: ["SocialGraph", .product(name: "HeapModule", package: "swift-collections")]),
    .systemLibrary(
      name: "CGzip", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),
    .target(name: "CTempFiles"),
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .target(
      name: "GraphFormats",
      dependencies: ["SocialGraph", "NetworkAnalysis", "CGzip", "CTempFiles", "CLibXML2",
                     .product(name: "Collections", package: "swift-collections"),
                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]),
    .systemLibrary(
      name: "CRsvg", pkgConfig: "librsvg-2.0",
      providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]),
    .target(
      name: "StakeholderMaps",
      dependencies: ["SocialGraph", "NetworkAnalysis", "GraphFormats", "CGraphviz", "CRsvg"]),
    .target(
      name: "Workspace",
      dependencies: ["SocialGraph", "NetworkAnalysis", "GraphFormats", .product(name: "GRDB", package: "GRDB.swift")]),
    .executableTarget(
      name: "tiemap",
      dependencies: ["SocialGraph", "NetworkAnalysis", "GraphFormats", "StakeholderMaps", "Workspace",
                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(
      name: "SampleData",
      dependencies: ["SocialGraph", "NetworkAnalysis", "GraphFormats",
                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .testTarget(name: "SocialGraphTests", dependencies: ["SocialGraph"]),
    .testTarget(name: "NetworkAnalysisTests", dependencies: ["NetworkAnalysis", "GraphFormats"]),
    .testTarget(name: "GraphFormatsTests", dependencies: ["GraphFormats"]),
    .testTarget(name: "StakeholderMapsTests", dependencies: ["StakeholderMaps", "GraphFormats", "SocialGraph", "NetworkAnalysis"]),
    .testTarget(name: "TiemapCLITests", dependencies: ["GraphFormats"]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "GraphFormats", "SocialGraph", .product(name: "GRDB", package: "GRDB.swift")]),
  ],
  swiftLanguageModes: [.v6]
)
