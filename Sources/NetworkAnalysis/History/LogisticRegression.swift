#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A logistic regression fitted by maximum likelihood.
public struct LogisticFit: Sendable, Hashable {
  public var coefficients: [Double]
  /// Standard errors: square roots of the diagonal of the inverse Fisher information (XᵀWX)⁻¹ at the optimum.
  public var standardErrors: [Double]
  public var logLikelihood: Double
  public var iterations: Int
  public var converged: Bool

  /// Wald z statistics and two-sided p-values.
  public var z: [Double] { zip(coefficients, standardErrors).map { $0 / $1 } }
  public var pValues: [Double] { z.map { erfc(abs($0) / 2.0.squareRoot()) } }

  /// σ(x·β) for one row of features.
  public func probability(_ x: ArraySlice<Double>) -> Double {
    var eta = 0.0
    for (k, v) in x.enumerated() { eta += coefficients[k] * v }
    return LogisticRegression.sigmoid(eta)
  }
}

/// Why a logistic regression could not be fitted.
public enum LogisticFitError: Error, Sendable, Hashable, CustomStringConvertible {
  /// XᵀWX is not positive definite: a feature is constant or a combination of others.
  case singular
  /// The likelihood keeps rising as coefficients grow: a feature separates the outcomes perfectly.
  case separated
  /// Newton's steps did not settle within the iteration limit.
  case notConverged(Int)
  public var description: String {
    switch self {
    case .singular: "the features are collinear (one is constant, or a combination of the others)"
    case .separated: "a feature separates ruptures from the rest perfectly, so the coefficients have no finite estimate"
    case .notConverged(let n): "the fit did not converge in \(n) iterations"
    }
  }
}

/// Logistic regression by iteratively reweighted least squares (Newton–Raphson on the log-likelihood).
/// - Each step solves (XᵀWX) δ = Xᵀ(y − p) by Cholesky, W = diag(p(1 − p)); it stops when the largest |δ| is
///   below `tolerance` (or after `maxIterations`).
/// - Reference: P. McCullagh, J. A. Nelder (1989), *Generalized Linear Models*, 2nd ed., §2.5 and §4.4; as a hazard
///   model on person-period rows: J. D. Singer, J. B. Willett (2003), *Applied Longitudinal Data Analysis*, ch. 10–11.
/// - Parity: statsmodels `Logit(y, X).fit(method="newton")` (coefficients and standard errors).
/// - Complexity: O(iterations · n · p²) for n rows and p features.
public enum LogisticRegression {
  @inline(__always) static func sigmoid(_ eta: Double) -> Double {
    eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
  }

  /// Fits `y` (0 or 1) on the rows of `x` (row-major, `features` columns; include a constant column for an
  /// intercept).
  public static func fit(x: [Double], y: [Double], features p: Int, maxIterations: Int = 100,
                         tolerance: Double = 1e-10) throws(LogisticFitError) -> LogisticFit {
    let n = y.count
    precondition(x.count == n * p)
    var beta = [Double](repeating: 0, count: p)
    var info = [Double](repeating: 0, count: p * p), grad = [Double](repeating: 0, count: p)
    var iterations = 0, converged = false
    while iterations < maxIterations {
      iterations += 1
      for k in info.indices { info[k] = 0 }
      for k in grad.indices { grad[k] = 0 }
      x.withUnsafeBufferPointer { xb in
        for i in 0..<n {
          let row = xb.baseAddress! + i * p
          var eta = 0.0
          for k in 0..<p { eta += beta[k] * row[k] }
          let mu = sigmoid(eta)
          let w = mu * (1 - mu), r = y[i] - mu
          for a in 0..<p {
            grad[a] += row[a] * r
            let wa = w * row[a]
            for b in 0...a { info[a * p + b] += wa * row[b] }
          }
        }
      }
      for a in 0..<p { for b in 0..<a { info[b * p + a] = info[a * p + b] } }
      // At β = 0 every weight is 1/4, so a singular first step means collinear features; later, weights
      // vanishing as the fit runs off to infinity.
      guard let l = cholesky(info, p) else { throw iterations == 1 ? .singular : .separated }
      let delta = solve(l, p, grad)
      for k in 0..<p { beta[k] += delta[k] }
      if !beta.allSatisfy({ $0.isFinite }) || beta.contains(where: { abs($0) > 1e6 }) { throw .separated }
      if delta.map(abs).max() ?? 0 < tolerance { converged = true; break }
    }
    // The information and log-likelihood at the final coefficients.
    for k in info.indices { info[k] = 0 }
    var ll = 0.0
    for i in 0..<n {
      var eta = 0.0
      for k in 0..<p { eta += beta[k] * x[i * p + k] }
      let mu = sigmoid(eta), w = mu * (1 - mu)
      // log σ(η) and log(1 − σ(η)) without cancellation.
      ll += y[i] * (eta >= 0 ? -log1p(exp(-eta)) : eta - log1p(exp(eta)))
        + (1 - y[i]) * (eta >= 0 ? -eta - log1p(exp(-eta)) : -log1p(exp(eta)))
      for a in 0..<p { for b in 0...a { info[a * p + b] += w * x[i * p + a] * x[i * p + b] } }
    }
    for a in 0..<p { for b in 0..<a { info[b * p + a] = info[a * p + b] } }
    guard converged else { throw .notConverged(iterations) }
    guard let l = cholesky(info, p) else { throw .separated }
    var se = [Double](repeating: 0, count: p)
    for k in 0..<p {
      var e = [Double](repeating: 0, count: p); e[k] = 1
      se[k] = solve(l, p, e)[k].squareRoot()
    }
    return LogisticFit(coefficients: beta, standardErrors: se, logLikelihood: ll, iterations: iterations, converged: converged)
  }

  /// The lower-triangular L with L Lᵀ = a (row-major p × p), or nil when a is not positive definite.
  static func cholesky(_ a: [Double], _ p: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      for j in 0...i {
        var s = a[i * p + j]
        for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
        if i == j {
          guard s > 1e-12 * max(1, abs(a[i * p + i])) else { return nil }
          l[i * p + i] = s.squareRoot()
        } else {
          l[i * p + j] = s / l[j * p + j]
        }
      }
    }
    return l
  }

  /// x with L Lᵀ x = b.
  static func solve(_ l: [Double], _ p: Int, _ b: [Double]) -> [Double] {
    var y = b
    for i in 0..<p {
      for k in 0..<i { y[i] -= l[i * p + k] * y[k] }
      y[i] /= l[i * p + i]
    }
    for i in stride(from: p - 1, through: 0, by: -1) {
      for k in (i + 1)..<p { y[i] -= l[k * p + i] * y[k] }
      y[i] /= l[i * p + i]
    }
    return y
  }
}
