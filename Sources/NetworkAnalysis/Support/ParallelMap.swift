import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread-local mark of a `ParallelMap` worker (a non-nil value while it works on an item).
private let insideItemKey: pthread_key_t = {
  var key = pthread_key_t()
  precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
  return key
}()

/// Independent items (accounts of a portfolio, generated accounts) worked on by a fixed number of workers that
/// claim the next item from a shared counter, so a few huge items do not hold up the rest. Each item's result
/// depends on the item alone, and results come back in item order: the output is the same with one thread or all.
public enum ParallelMap {
  /// `body(i)` for every `i` in `0..<count`, in index order. Items are claimed in `order` when given (for
  /// example largest first, which balances heavy-tailed sizes), else in index order. `done(i)` is called after
  /// each item, from the worker that did it (progress reporting; keep it cheap).
  /// - Complexity: the sum of the items' costs over `threads` workers, plus O(count) bookkeeping.
  public static func map<T: Sendable>(_ count: Int, threads: Int, order: [Int]? = nil,
                                      done: (@Sendable (Int) -> Void)? = nil,
                                      _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    precondition(order == nil || order!.count == count, "order must list every item once")
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { _ = results.deinitialize(); results.deallocate() }   // the results are copies of what the slots hold
    let slots = DisjointSlots(results)
    let next = Atomic<Int>(0)
    let workers = max(1, min(threads, count))
    let sequence = order
    @Sendable func work() {
      let marked = workers > 1 && pthread_getspecific(insideItemKey) == nil
      if marked { pthread_setspecific(insideItemKey, UnsafeRawPointer(bitPattern: 1)) }
      defer { if marked { pthread_setspecific(insideItemKey, nil) } }
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        guard k < count else { return }
        let i = sequence?[k] ?? k
        slots.base[i] = body(i)
        done?(i)
      }
    }
    if workers == 1 { work() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in work() } }
    return results.map { $0! }
  }

  /// Whether this thread is working on an item of a `ParallelMap` that runs on several threads (then the item's
  /// own block-parallel work runs serially: `BlockParallel.runsInParallel`). Results never depend on it.
  static var isInsideItem: Bool { pthread_getspecific(insideItemKey) != nil }
}
