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
BallConstants<S> glm_ball_constants(const Matrix<S>& x, const Activation<S>& phi, const Vector<S>& theta0,
                                    const S& radius) {
  using std::max;
  using std::min;
  const MatrixBounds<S> m = matrix_bounds(x);
  const BallGlmBounds<S> b = ball_glm_bounds(x, theta0, phi, radius, m);
  BallConstants<S> out{b.alpha, b.beta, b.deviation, b.lipschitz, b.derivation};
  if (phi.gamma() > 0) {  // never worse than the constants of all of R^p
    const JacobianBounds<S> g = glm_bounds(m, phi);
    out.alpha = max(out.alpha, g.alpha);
    out.beta = min(out.beta, g.beta);
    out.lipschitz = min(out.lipschitz, g.lipschitz);
    out.deviation = min(out.deviation, S((phi.big_gamma() - phi.gamma()) * m.norm_upper));
  }
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
template BallConstants<double> glm_ball_constants(const Matrix<double>&, const Activation<double>&,
                                                  const Vector<double>&, const double&);
template BallConstants<Mp50> glm_ball_constants(const Matrix<Mp50>&, const Activation<Mp50>&, const Vector<Mp50>&,
                                                const Mp50&);
template BallConstants<Mp100> glm_ball_constants(const Matrix<Mp100>&, const Activation<Mp100>&,
                                                 const Vector<Mp100>&, const Mp100&);

}  // namespace thmcheck::os19
