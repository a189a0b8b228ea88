/// Values Tiemap uses when the caller does not choose, named once so that every command, the report and the
/// library agree (DESIGN.md: same input, same bytes).
public enum TiemapDefaults {
  /// The seed of every random draw (communities, sampled betweenness, diffusion runs, RR sets).
  public static let seed: UInt64 = 2026
}

/// The largest values options may take: past them the answer stops changing while the work (and the memory
/// reserved for it) keeps growing, so they are refused with a message before anything is allocated.
public enum TiemapLimits {
  /// Monte Carlo runs of a reach estimate: its standard error falls as 1/√runs, below 0.1 % of n at 10⁶.
  public static let runs = 1_000_000
  /// Reverse-reachable sets of the referral reach estimate.
  public static let samples = 10_000_000
  /// Introduction paths listed by `path --k`.
  public static let paths = 1_000
  /// Hops of `path --max-hops` and `reach --hops` (no path is longer than the number of people minus one anyway).
  public static let hops = 10_000
  /// Smallest IMM approximation slack: the RR sets needed grow as 1/ε².
  public static let epsilon = 0.01
  /// Largest magnitude of a number read from input (weights, points, costs, values): sums over millions of ties
  /// stay far from overflow (a weight of 1e308 made a person's strength inf, and a trust balance null).
  public static let inputMagnitude = 1e15
  /// Work of an iterative measure (eigenvector's power iteration): iterations × (people + arcs), at most.
  public static let iterationWork = 400_000_000
  /// People in all the reverse-reachable sets of one reach estimate (4 bytes each: 1 GiB).
  public static let reverseSetMembers = 1 << 28
  /// Longest field (cell, id) of an input: a name of megabytes made a map take 30 s and a report a minute.
  public static let fieldBytes = 65_536
  /// Most fields in one row of a CSV input.
  public static let fields = 4_096
}
