import ArgumentParser
import NetworkAnalysis

/// Kaufman's tolerance capital model (`tiemap trust`, and the ruptures of `patterns` and `risk`); the projection
/// horizon is `trust`'s own `--horizon`.
struct ToleranceOptions: ParsableArguments {
  @Option(help: "Capital at the first contact.") var initial = 10.0
  @Option(help: "Largest capital a relationship can reach.") var cap = 100.0
  @Option(help: "Share of the cap open at the first contact.") var capFloor = 0.3
  @Option(help: "Days for the cap to open fully.") var capRamp = 730.0
  @Option(help: "Capital gained per positive point (before saturation).") var gainPerPoint = 2.0
  @Option(help: "Balance lost per incident point.") var penaltyPerPoint = 3.0
  @Option(help: "Share of a cumulative incident that never fades.") var cumulativeShare = 0.6
  @Option(help: "Half-life of a dip, in days.") var transientHalfLife = 30.0
  @Option(help: "Days without contact before the capital starts to decay.") var grace = 60.0
  @Option(help: "Half-life of the capital without contact, in days.") var inactivityHalfLife = 180.0
  @Option(help: "Balance below which the relationship is ruptured.") var ruptureThreshold = 0.0
  @Option(help: "Margin above the threshold that already counts as at risk.") var warningMargin = 5.0
  @Option(help: "Days over which the trend is measured.") var trendDays = 90.0

  func model() throws -> ToleranceModel {
    var m = ToleranceModel()
    m.initial = initial; m.cap = cap; m.capFloor = capFloor; m.capRampDays = capRamp; m.gainPerPoint = gainPerPoint
    m.penaltyPerPoint = penaltyPerPoint; m.cumulativeShare = cumulativeShare; m.transientHalfLifeDays = transientHalfLife
    m.graceDays = grace; m.inactivityHalfLifeDays = inactivityHalfLife; m.ruptureThreshold = ruptureThreshold
    m.warningMargin = warningMargin; m.trendDays = trendDays
    let values = [initial, cap, capFloor, capRamp, gainPerPoint, penaltyPerPoint, cumulativeShare, transientHalfLife, grace,
                  inactivityHalfLife, ruptureThreshold, warningMargin, trendDays]
    guard values.allSatisfy(\.isFinite) else { throw ValidationError("Every trust parameter must be a finite number.") }
    guard cap > 0, transientHalfLife > 0, inactivityHalfLife > 0, capRamp > 0 else {
      throw ValidationError("--cap, --transient-half-life, --inactivity-half-life and --cap-ramp must be > 0.")
    }
    guard (0...1).contains(capFloor), (0...1).contains(cumulativeShare) else {
      throw ValidationError("--cap-floor and --cumulative-share must be between 0 and 1.")
    }
    guard initial >= 0, gainPerPoint >= 0, penaltyPerPoint >= 0, grace >= 0, warningMargin >= 0, trendDays >= 0 else {
      throw ValidationError("--initial, --gain-per-point, --penalty-per-point, --grace, --warning-margin and --trend-days must not be negative.")
    }
    return m
  }

}
