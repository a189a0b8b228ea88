#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back a large, not yet touched buffer with transparent huge pages (2 MiB), so that filling
/// it takes one page fault per 2 MiB instead of one per 4 KiB. Reading a million-contact export fills about
/// 1.5 GB of new memory; on the machines measured here the 4 KiB faults alone cost seconds. Advice only: where
/// the kernel says no (THP off, another OS), nothing changes.
/// - Reference: Linux `madvise(2)`, `MADV_HUGEPAGE`; Documentation/admin-guide/mm/transhuge.rst.
public enum HugePages {
  /// Buffers below this size are left alone (the advice only pays for itself on large ones).
  public static let threshold = 8 << 20

  /// Advises the whole pages inside the storage of `array`'s reserved capacity.
  public static func advise<T>(_ array: inout [T]) {
    let bytes = array.capacity * MemoryLayout<T>.stride
    guard bytes >= threshold else { return }
    array.withUnsafeMutableBufferPointer { advise($0.baseAddress.map(UnsafeMutableRawPointer.init), bytes: bytes) }
  }

  /// `advise` for a `ContiguousArray`.
  public static func advise<T>(_ array: inout ContiguousArray<T>) {
    let bytes = array.capacity * MemoryLayout<T>.stride
    guard bytes >= threshold else { return }
    array.withUnsafeMutableBufferPointer { advise($0.baseAddress.map(UnsafeMutableRawPointer.init), bytes: bytes) }
  }

  /// Advises the whole pages inside `buffer` (not yet written).
  public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    guard buffer.count >= threshold else { return }
    advise(buffer.baseAddress, bytes: buffer.count)
  }

  private static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux)
    guard let base else { return }
    let page = 4096
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
    guard end > start else { return }
    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 14 /* MADV_HUGEPAGE */)
    #endif
  }
}
