internal import Foundation
internal import ZIPFoundation

/// The parts of an Office Open XML package on disk (a deck or a workbook Tiemap wrote), for reading them back.
public struct OfficeParts {
  private let archive: Archive
  /// Every part's path.
  public let names: [String]

  public init(path: String) throws {
    do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
      throw InputError(file: path, line: 0, problem: "not a readable Office package (a ZIP archive): \(error)")
    }
    names = archive.map(\.path)
  }

  /// The part `name` as text.
  public func text(_ name: String) throws -> String {
    guard let entry = archive[name] else { throw InputError(file: name, line: 0, problem: "no such part") }
    var bytes: [UInt8] = []
    _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
