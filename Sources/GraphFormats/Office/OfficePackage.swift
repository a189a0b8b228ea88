internal import Foundation
internal import ZIPFoundation

/// An Office Open XML package (a workbook, a deck) assembled in memory: its parts, deflated, each dated
/// 2026-01-01 so that the same content gives the same bytes.
/// - Reference: ECMA-376 5th ed. (2016), Part 2 (Open Packaging Conventions).
struct OfficePackage {
  private let archive: Archive
  private static let stamp = Date(timeIntervalSince1970: 1_767_225_600)

  init() throws { archive = try Archive(data: Data(), accessMode: .create) }

  /// Adds the part `path` with `bytes` (PNG pictures are stored as they are: already compressed).
  func add(_ path: String, _ bytes: [UInt8]) throws {
    let data = Data(bytes)
    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.stamp,
                         compressionMethod: path.hasSuffix(".png") ? .none : .deflate) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }

  func add(_ path: String, _ text: String) throws { try add(path, Array(text.utf8)) }

  /// The package's bytes.
  func bytes() throws -> [UInt8] {
    guard let data = archive.data else { throw XLSXWriter.TooLarge(description: "the package could not be assembled in memory") }
    return [UInt8](data)
  }
}
