/// A small, fast, seedable generator: the same seed gives the same sequence on every platform and run.
/// Used wherever Tiemap draws random numbers (sample data, Monte Carlo), so results can be reproduced and diffed.
/// Seed one generator per unit of work from (seed, index) with `init(seed:stream:)`, never one per thread.
/// - Reference: G. L. Steele, D. Lea, C. H. Flood (2014), "Fast splittable pseudorandom number generators",
///   *OOPSLA '14*, doi:10.1145/2660193.2660195.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A generator for sub-stream `stream` of `seed` (e.g. one per Monte Carlo run), independent of thread count.
  public init(seed: UInt64, stream: UInt64) {
    var mix = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    state = mix.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform Double in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
