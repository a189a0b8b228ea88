/// Values Tiemap uses when the caller does not choose, named once so that every command, the report and the
/// library agree (DESIGN.md: same input, same bytes).
public enum TiemapDefaults {
  /// The seed of every random draw (communities, sampled betweenness, diffusion runs, RR sets).
  public static let seed: UInt64 = 2026
}
