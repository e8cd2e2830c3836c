#include "thmcheck/os19/local_bounds.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "thmcheck/os19/jacobian_bounds.hpp"

namespace thmcheck::os19 {

template <class S>
CertifiedConstant<S> glm_loss_smoothness(const Matrix<S>& x, const Vector<S>& y, const Activation<S>& phi,
                                         const Vector<S>& theta0, const S& radius) {
  using std::abs;
  using std::max;
  const MatrixBounds<S> m = matrix_bounds(x);
  const Eigen::Index n = x.rows(), p = x.cols();
  const S u = unit_roundoff<S>();
  const S row_factor = S(1) + S(static_cast<double>(p + 2)) * u;
  S worst_residual = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const S centre = x.row(i).dot(theta0);
    const S half = S(x.row(i).norm()) * row_factor * radius;
    const S slack = 8 * S(static_cast<double>(p + 2)) * u * (abs(centre) + half);
    const S lo = centre - half - slack, hi = centre + half + slack;
    // phi increasing: phi(I_i) = [phi(lo), phi(hi)], so |phi - y_i| peaks at an end.
    worst_residual = max(worst_residual, max(S(abs(phi.value(lo) - y(i))), S(abs(phi.value(hi) - y(i)))));
  }
  const S g = phi.big_gamma(), curv = phi.curvature();
  CertifiedConstant<S> out;
  out.value = m.norm_upper * m.norm_upper * (g * g + curv * worst_residual) *
              (S(1) + 16 * S(static_cast<double>(n + p + 10)) * u);
  out.derivation = fmt::format(
      "L = ||X||^2 (Gamma^2 + M max_i max_(z in I_i) |phi(z) - y_i|) = {}^2 ({}^2 + {} * {}) over B(theta0, {})",
      to_decimal(m.norm_upper, 8), to_decimal(g, 6), to_decimal(curv, 6), to_decimal(worst_residual, 8),
      to_decimal(radius, 8));
  return out;
}

template <class S>
CertifiedConstant<S> glm_jacobian_deviation(const Matrix<S>& x, const Activation<S>& phi) {
  const MatrixBounds<S> m = matrix_bounds(x);
  CertifiedConstant<S> out;
  out.value = (phi.big_gamma() - phi.gamma()) * m.norm_upper;
  out.derivation = fmt::format("||J(a) - J(b)|| <= (Gamma - gamma) ||X|| = ({} - {}) {} on R^p",
                               to_decimal(phi.big_gamma(), 6), to_decimal(phi.gamma(), 6),
                               to_decimal(m.norm_upper, 8));
  return out;
}

template <class S>
SlopeRange<S> slope_range(const Activation<S>& phi, const S& lo, const S& hi) {
  using std::abs;
  using std::atanh;
  using std::max;
  using std::min;
  using std::sqrt;
  SlopeRange<S> out;
  const S u16 = 16 * unit_roundoff<S>();
  // |z| over [lo, hi]: [near, far].
  const S far = max(abs(lo), abs(hi));
  const S near = (lo <= 0 && hi >= 0) ? S(0) : min(abs(lo), abs(hi));
  switch (phi.kind) {
    case ActivationKind::kIdentity:
      out.min_slope = out.max_slope = 1;
      out.max_curvature = 0;
      return out;
    case ActivationKind::kTanhPlus: {
      const S a = phi.derivative(near), b = phi.derivative(far);  // phi' is even and monotone in |z|
      out.min_slope = min(a, b);
      out.max_slope = max(a, b);
      const S peak = atanh(1 / sqrt(S(3))) / phi.sharpness;
      const S at = peak < near ? near : (peak > far ? far : peak);
      out.max_curvature = abs(phi.second_derivative(at));
      break;
    }
    case ActivationKind::kLeakySoftplus:
      out.min_slope = phi.derivative(lo);
      out.max_slope = phi.derivative(hi);
      out.max_curvature = abs(phi.second_derivative(near));
      break;
  }
  out.min_slope *= 1 - u16;
  out.max_slope *= 1 + u16;
  out.max_curvature *= 1 + u16;
  return out;
}

template <class S>
BallConstants<S> glm_ball_constants(const Matrix<S>& x, const Activation<S>& phi, const Vector<S>& theta0,
                                    const S& radius) {
  using std::abs;
  using std::max;
  using std::min;
  const MatrixBounds<S> m = matrix_bounds(x);
  const Eigen::Index p = x.cols();
  const S u = unit_roundoff<S>();
  const S row_factor = S(1) + S(static_cast<double>(p + 2)) * u;
  S gmin = phi.big_gamma(), gmax = 0, spread = 0, curv = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const S centre = x.row(i).dot(theta0);
    const S half = S(x.row(i).norm()) * row_factor * radius;
    const S slack = 8 * S(static_cast<double>(p + 2)) * u * (abs(centre) + half);
    const SlopeRange<S> r = slope_range(phi, S(centre - half - slack), S(centre + half + slack));
    gmin = min(gmin, r.min_slope);
    gmax = max(gmax, r.max_slope);
    spread = max(spread, S(r.max_slope - r.min_slope));
    curv = max(curv, r.max_curvature);
  }
  // Never worse than the global constants.
  gmin = max(gmin, phi.gamma());
  gmax = min(gmax, phi.big_gamma());
  spread = min(spread, S(phi.big_gamma() - phi.gamma()));
  curv = min(curv, phi.curvature());
  BallConstants<S> out;
  out.alpha = gmin * m.sigma_min_lower;
  out.beta = gmax * m.norm_upper;
  out.deviation = spread * m.norm_upper;
  out.lipschitz = curv * m.row_norm_upper * m.norm_upper;
  out.derivation = fmt::format(
      "over B(theta0, {}): phi' in [{}, {}], |phi''| <= {} on the intervals x_i^T theta0 +- ||x_i|| R; "
      "sigma_min(X) >= {}, ||X|| <= {}: alpha = {}, beta = {}, deviation = {}, L = {}",
      to_decimal(radius, 8), to_decimal(gmin, 8), to_decimal(gmax, 8), to_decimal(curv, 6),
      to_decimal(m.sigma_min_lower, 8), to_decimal(m.norm_upper, 8), to_decimal(out.alpha, 8),
      to_decimal(out.beta, 8), to_decimal(out.deviation, 8), to_decimal(out.lipschitz, 8));
  return out;
}

template CertifiedConstant<double> glm_loss_smoothness(const Matrix<double>&, const Vector<double>&,
                                                       const Activation<double>&, const Vector<double>&,
                                                       const double&);
template CertifiedConstant<Mp50> glm_loss_smoothness(const Matrix<Mp50>&, const Vector<Mp50>&,
                                                     const Activation<Mp50>&, const Vector<Mp50>&, const Mp50&);
template CertifiedConstant<Mp100> glm_loss_smoothness(const Matrix<Mp100>&, const Vector<Mp100>&,
                                                      const Activation<Mp100>&, const Vector<Mp100>&,
                                                      const Mp100&);
template CertifiedConstant<double> glm_jacobian_deviation(const Matrix<double>&, const Activation<double>&);
template CertifiedConstant<Mp50> glm_jacobian_deviation(const Matrix<Mp50>&, const Activation<Mp50>&);
template CertifiedConstant<Mp100> glm_jacobian_deviation(const Matrix<Mp100>&, const Activation<Mp100>&);
template SlopeRange<double> slope_range(const Activation<double>&, const double&, const double&);
template SlopeRange<Mp50> slope_range(const Activation<Mp50>&, const Mp50&, const Mp50&);
template SlopeRange<Mp100> slope_range(const Activation<Mp100>&, const Mp100&, const Mp100&);
template BallConstants<double> glm_ball_constants(const Matrix<double>&, const Activation<double>&,
                                                  const Vector<double>&, const double&);
template BallConstants<Mp50> glm_ball_constants(const Matrix<Mp50>&, const Activation<Mp50>&, const Vector<Mp50>&,
                                                const Mp50&);
template BallConstants<Mp100> glm_ball_constants(const Matrix<Mp100>&, const Activation<Mp100>&,
                                                 const Vector<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
