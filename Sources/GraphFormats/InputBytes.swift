import CTempFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input, in memory that stays put until the last reader lets go: a regular file mapped
/// read-only from the page cache (`InputFile.bytes`), or bytes read or decompressed into memory of its own.
///
/// Mapping a large export costs no copy and no fresh memory: the page cache's pages are the reader's, and the
/// parsers read their fields in place. A mapped file's pages that a reader is done with can be handed back
/// (`release`): they leave the process's memory, and touching them again reads them from the page cache, so the
/// bytes never change under a reader. A file that shrinks while it is mapped (rewritten by another program) would
/// fault past its new end: the SIGBUS handler of `CTempFiles` then names the file and exits with status 1,
/// writing nothing.
/// - Reference: Linux `mmap(2)` (`MAP_PRIVATE`, `MAP_POPULATE`), `madvise(2)` (`MADV_DONTNEED` on a private file
///   mapping drops the pages; later reads fault them back in from the file).
public final class InputBytes: @unchecked Sendable {
  /// The bytes (read-only).
  public let buffer: UnsafeBufferPointer<UInt8>
  private let mapping: (base: UnsafeMutableRawPointer, length: Int, slot: Int32)?

  /// A copy of `bytes` in memory of its own.
  public convenience init(_ bytes: [UInt8]) {
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    _ = storage.initialize(from: bytes)
    self.init(adopting: UnsafeMutableBufferPointer(rebasing: storage[0..<bytes.count]))
  }

  /// `head` followed by `tail`, copied into memory of their own.
  public convenience init(_ head: [UInt8], then tail: UnsafeBufferPointer<UInt8>) {
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(head.count + tail.count, 1))
    _ = storage.initialize(from: head)
    _ = UnsafeMutableBufferPointer(rebasing: storage[head.count...]).initialize(from: tail)
    self.init(adopting: UnsafeMutableBufferPointer(rebasing: storage[0..<(head.count + tail.count)]))
  }

  /// Takes ownership of `storage` (allocated with `UnsafeMutableBufferPointer.allocate`).
  init(adopting storage: UnsafeMutableBufferPointer<UInt8>) {
    buffer = UnsafeBufferPointer(storage)
    mapping = nil
  }

  /// `length` bytes of the regular file open on `fd`, mapped read-only; nil when the system will not map it.
  init?(mapping fd: Int32, length: Int, path: String) {
    guard length > 0 else { return nil }
    guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else { return nil }
    let slot = tiemap_mapped_register(base, length, path)
    guard slot >= 0 else { munmap(base, length); return nil }
    buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length)
    mapping = (base, length, slot)
  }

  deinit {
    if let mapping {
      tiemap_mapped_release(mapping.slot)
      munmap(mapping.base, mapping.length)
    } else {
      UnsafeMutableBufferPointer(mutating: buffer).deallocate()
    }
  }

  public var count: Int { buffer.count }
  public var isMapped: Bool { mapping != nil }

  /// Hands back the whole pages inside `range` of a mapped file (a reader is done with them): they leave the
  /// process's memory until touched again. Does nothing for bytes in memory of their own.
  public func release(_ range: Range<Int>) {
    guard let mapping, !range.isEmpty else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (Int(bitPattern: mapping.base) + range.lowerBound + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: mapping.base) + range.upperBound) & ~(page - 1)
    guard end > start else { return }
    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED)
  }

  /// The bytes as an array (a copy).
  public var array: [UInt8] { Array(buffer) }
}
