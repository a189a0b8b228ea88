import Dispatch

/// A buffer that parallel blocks write into, each block only the slots it owns.
/// With `ReadOnlySlots` below, the only place Tiemap vouches for `Sendable` by hand (STYLE.md §6).
@usableFromInline struct DisjointSlots<T>: @unchecked Sendable {
  @usableFromInline let base: UnsafeMutableBufferPointer<T>
  @usableFromInline init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}

/// A buffer that parallel blocks only read, while no one writes it.
@usableFromInline struct ReadOnlySlots<T>: @unchecked Sendable {
  @usableFromInline let base: UnsafeBufferPointer<T>
  @usableFromInline init(_ base: UnsafeBufferPointer<T>) { self.base = base }
}

/// Work split into blocks derived from the data (never from the core count), so results do not depend on how
/// many threads run them. Small inputs stay serial: below `serialBelow` items the blocks run one after another.
enum BlockParallel {
  /// The blocks of `0..<count`: at most `maxBlocks` contiguous ranges of near-equal size.
  static func blocks(count: Int, maxBlocks: Int = 64) -> [Range<Int>] {
    guard count > 0 else { return [] }
    let b = min(maxBlocks, count)
    return (0..<b).map { i in (count * i / b) ..< (count * (i + 1) / b) }
  }

  /// Whether `run` would run these blocks side by side: when asked, when there are several, and not from inside
  /// a `ParallelMap` item that already has the other cores busy (an account of a portfolio: nested parallel
  /// blocks would only add threads, scratch memory and hand-offs).
  static func runsInParallel(_ blocks: [Range<Int>], parallel: Bool) -> Bool {
    parallel && blocks.count > 1 && !ParallelMap.isInsideItem
  }

  /// Runs `body(blockIndex, range)` for every block, in parallel when the work is large enough.
  static func run(_ blocks: [Range<Int>], parallel: Bool, _ body: @Sendable (Int, Range<Int>) -> Void) {
    if runsInParallel(blocks, parallel: parallel) {
      DispatchQueue.concurrentPerform(iterations: blocks.count) { body($0, blocks[$0]) }
    } else {
      for (i, r) in blocks.enumerated() { body(i, r) }
    }
  }
}
