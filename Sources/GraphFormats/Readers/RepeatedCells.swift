/// The values of a column that repeats (accounts, roles…): each distinct cell is converted once, by its bytes,
/// and every later row gets the stored value (one shared copy for strings). A cell whose conversion fails is
/// not stored, so every row holding it fails the same way.
struct RepeatedCells<Value> {
  private var ids = IDInterner(expected: 256)
  private var values: [Value] = []

  init() {}

  @inline(__always) mutating func value(_ bytes: UnsafeBufferPointer<UInt8>,
                                        _ make: (UnsafeBufferPointer<UInt8>) throws -> Value) rethrows -> Value {
    if let i = ids.find(bytes) { return values[Int(i)] }
    let v = try make(bytes)
    _ = ids.intern(bytes)
    values.append(v)
    return v
  }
}
