#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Kaplan–Meier survival curve with pointwise confidence intervals.
public struct SurvivalCurve: Sendable, Hashable {
  public var segment: String
  /// 0, then every distinct duration, ascending.
  public var times: [Double]
  /// At each time: subjects still at risk just before it, events and censorings at it.
  public var atRisk: [Int], events: [Int], censored: [Int]
  public var survival: [Double]
  /// Exponential Greenwood ("log-log") interval at `confidence`.
  public var lower: [Double], upper: [Double]
  /// Median survival time: the first time the curve reaches 0.5 or below (nil when it never does).
  public var median: Double? { times.indices.first { survival[$0] <= 0.5 }.map { times[$0] } }
}

/// Kaplan–Meier estimation of a survival function from right-censored durations.
/// - S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ); Greenwood's variance sum Σ dᵢ / (nᵢ(nᵢ − dᵢ)); the interval
///   exp(−exp(log(−log S) ± z √V / log S)), which stays inside [0, 1] (1 where S = 1).
/// - Reference: E. L. Kaplan, P. Meier (1958), "Nonparametric estimation from incomplete observations",
///   *JASA* 53:457–481; M. Greenwood (1926), *The natural duration of cancer*; the log-log interval: J. D.
///   Kalbfleisch, R. L. Prentice (2002), *The Statistical Analysis of Failure Time Data*, 2nd ed., §1.4.
/// - Parity: lifelines `KaplanMeierFitter` (survival_function_, confidence_interval_, event_table).
/// - Complexity: O(n log n).
public enum KaplanMeier {
  public static func curve(durations: [Double], observed: [Bool], segment: String = "all", confidence: Double = 0.95) -> SurvivalCurve {
    precondition(durations.count == observed.count)
    let order = durations.indices.sorted { (durations[$0], $0) < (durations[$1], $1) }
    var c = SurvivalCurve(segment: segment, times: [0], atRisk: [durations.count], events: [0], censored: [0],
                          survival: [1], lower: [1], upper: [1])
    let z = normalQuantile(1 - (1 - confidence) / 2)
    var n = durations.count, s = 1.0, v = 0.0
    var i = 0
    // Durations of 0 are counted at time 0.
    while i < order.count {
      let t = durations[order[i]]
      var d = 0, q = 0
      while i < order.count && durations[order[i]] == t { if observed[order[i]] { d += 1 } else { q += 1 }; i += 1 }
      if t == 0 {
        c.events[0] += d; c.censored[0] += q
      } else {
        c.times.append(t); c.atRisk.append(n); c.events.append(d); c.censored.append(q)
      }
      if d > 0 {
        s *= 1 - Double(d) / Double(n)
        v += n > d ? Double(d) / (Double(n) * Double(n - d)) : .infinity
      }
      n -= d + q
      if t == 0 {
        c.survival[0] = s
        (c.lower[0], c.upper[0]) = bounds(s, v, z)
      } else {
        c.survival.append(s)
        let (lo, hi) = bounds(s, v, z)
        c.lower.append(lo); c.upper.append(hi)
      }
    }
    return c
  }

  static func bounds(_ s: Double, _ v: Double, _ z: Double) -> (Double, Double) {
    guard s > 0 else { return (0, 0) }
    guard s < 1 else { return (1, 1) }
    let l = log(s)
    return (exp(-exp(log(-l) - z * v.squareRoot() / l)), exp(-exp(log(-l) + z * v.squareRoot() / l)))
  }

  /// The standard normal quantile (Acklam's rational approximation refined by one Halley step: ~1e-15).
  /// - Reference: P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution function".
  public static func normalQuantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1)
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
             -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
             4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    var x: Double
    if p < 0.02425 {
      let q = (-2 * log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p > 1 - 0.02425 {
      let q = (-2 * log(1 - p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else {
      let q = p - 0.5, r = q * q
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
  }
}
