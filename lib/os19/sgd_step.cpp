#include "thmcheck/os19/sgd_step.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "thmcheck/os19/ball_glm_bounds.hpp"

namespace thmcheck::os19 {

template <class S>
PhiPrimeRange<S> phi_prime_range(const Activation<S>& phi, const S& lo, const S& hi) {
  using std::max;
  using std::min;
  const SlopeRange<S> r = slope_range(phi, lo, hi);
  return {max(r.min_slope, phi.gamma()), min(r.max_slope, phi.big_gamma())};
}

template <class S>
JacobianBounds<S> glm_sgd_ball_bounds(const Matrix<S>& x, const Activation<S>& phi, const Vector<S>& theta0,
                                      const S& nu, const S& r0) {
  using std::abs;
  using std::max;
  using std::min;
  const JacobianBounds<S> global = glm_bounds(x, phi);
  const MatrixBounds<S> mb = matrix_bounds(x);
  JacobianBounds<S> b = global;
  if (!(global.alpha > 0)) return b;
  const Eigen::Index n = x.rows(), p = x.cols();
  const S u = unit_roundoff<S>();
  const S radius = nu * r0 / global.alpha * (1 + 8 * u);
  const S grow = 1 + S(static_cast<double>(p + 2)) * u;
  S gmin = phi.big_gamma(), gmax = 0, rowb = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const S center = x.row(i).dot(theta0);
    const S row = x.row(i).norm() * grow;
    // |x_i^T theta - x_i^T theta0| <= R ||x_i||, plus the rounding of the dot product.
    const S half = radius * row + S(static_cast<double>(p + 2)) * u * x.row(i).cwiseAbs().dot(theta0.cwiseAbs());
    const PhiPrimeRange<S> g = phi_prime_range(phi, S(center - half), S(center + half));
    gmin = min(gmin, g.lower);
    gmax = max(gmax, g.upper);
    rowb = max(rowb, S(g.upper * row));
  }
  b.alpha = max(global.alpha, S(gmin * mb.sigma_min_lower));
  b.beta = min(global.beta, S(gmax * mb.norm_upper));
  b.row_bound = min(global.row_bound, rowb);
  b.derivation = fmt::format(
      "{}; phi' in [{}, {}] on B(theta0, nu ||r0||/alpha_g = {}) (slope range per row): alpha = {}, beta = {}, "
      "B = {} over B(theta0, nu ||r0||/alpha), a subset",
      phi.describe(), to_decimal(gmin, 8), to_decimal(gmax, 8), to_decimal(radius, 8), to_decimal(b.alpha, 10),
      to_decimal(b.beta, 10), to_decimal(b.row_bound, 10));
  return b;
}

template <class S>
SgdStep<S> sgd_step(const GlmModel<S>& model, const Vector<S>& theta, const S& eta) {
  using std::max;
  using std::sqrt;
  SgdStep<S> s;
  const Eigen::Index n = model.samples(), p = model.parameters();
  const Vector<S> r = model.residual(theta);
  s.r = r.norm();
  s.jtr = model.gradient(theta).norm();
  S max_f = model.predict(theta).norm(), max_theta = theta.norm();
  for (Eigen::Index i = 0; i < n; ++i) {
    s.next.push_back(theta - eta * model.sample_gradient(theta, i));
    const Vector<S> f = model.predict(s.next.back());
    const S ri = (f - model.labels()).norm();
    s.mean_r += ri;
    s.mean_r2 += ri * ri;
    s.max_r = max(s.max_r, ri);
    max_f = max(max_f, S(f.norm()));
    max_theta = max(max_theta, S(s.next.back().norm()));
  }
  const S count = S(static_cast<double>(n));
  s.mean_r /= count;
  s.mean_r2 /= count;
  const S scale = model.labels().norm() + max_f +
                  model.features().norm() * max_theta * model.activation().big_gamma();
  s.error = 16 * S(static_cast<double>(n + p + 10)) * unit_roundoff<S>() * scale;
  return s;
}

template <class S>
S anchor_distance(const Vector<S>& theta, const std::vector<Vector<S>>& anchors) {
  S sum = 0;
  for (const auto& a : anchors) sum += (theta - a).norm();
  return anchors.empty() ? S(0) : S(sum / S(static_cast<double>(anchors.size())));
}

template <class S>
S mean_anchor_distance(const SgdStep<S>& step, const std::vector<Vector<S>>& anchors) {
  S sum = 0;
  for (const auto& t : step.next) sum += anchor_distance(t, anchors);
  return step.next.empty() ? S(0) : S(sum / S(static_cast<double>(step.next.size())));
}

#define THMCHECK_OS19_SGD_STEP_INSTANTIATE(S)                                                                \
  template PhiPrimeRange<S> phi_prime_range(const Activation<S>&, const S&, const S&);                              \
  template JacobianBounds<S> glm_sgd_ball_bounds(const Matrix<S>&, const Activation<S>&, const Vector<S>&,   \
                                                 const S&, const S&);                                        \
  template SgdStep<S> sgd_step(const GlmModel<S>&, const Vector<S>&, const S&);                              \
  template S anchor_distance(const Vector<S>&, const std::vector<Vector<S>>&);                               \
  template S mean_anchor_distance(const SgdStep<S>&, const std::vector<Vector<S>>&);
THMCHECK_OS19_SGD_STEP_INSTANTIATE(double)
THMCHECK_OS19_SGD_STEP_INSTANTIATE(Mp50)
THMCHECK_OS19_SGD_STEP_INSTANTIATE(Mp100)

}  // namespace thmcheck::os19
