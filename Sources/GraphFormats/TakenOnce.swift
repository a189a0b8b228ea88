/// A value handed out once, then let go: whoever takes it owns the last reference (the ties file's bytes, freed
/// as soon as they are parsed; a run's inputs, freed on another thread while its output is written). The owner
/// hands the box over and does not touch the value again.
public final class TakenOnce<T>: @unchecked Sendable {
  private var value: T?
  public init(_ value: T?) { self.value = value }
  public func take() -> T? { defer { value = nil }; return value }
}
