#include "thmcheck/mf22/loss_change_bracket.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "thmcheck/mf22/diagonal_network.hpp"
#include "thmcheck/mf22/landscape_probe.hpp"

namespace thmcheck::mf22 {

template <class S>
ProbeCenter<S> balanced_center(const Vector<double>& theta_star, int layers) {
  return {balanced_solution<double>(theta_star, layers), balanced_solution<S>(theta_star.cast<S>(), layers)};
}

namespace {

template <class S>
Matrix<S> first_layer_solution(const Vector<S>& theta, int layers) {
  Matrix<S> w = Matrix<S>::Ones(theta.size(), layers);
  w.col(0) = theta;
  return w;
}

}  // namespace

template <class S>
ProbeCenter<S> first_layer_center(const Vector<double>& theta_star, int layers) {
  return {first_layer_solution<double>(theta_star, layers), first_layer_solution<S>(theta_star.cast<S>(), layers)};
}

template <class S>
LossChangeBracket<S> bracket_loss_change(const RobustRegressionData& data, const ProbeCenter<S>& center,
                                         double gamma_double, const S& gamma, std::uint64_t seed) {
  using std::abs;
  const DiagonalNetworkProblem<double> pd{data.x, data.labels<double>()};
  const Matrix<double>& w0d = center.w_double;
  LandscapeProbeOptions options;
  options.gamma = gamma_double;
  options.seed = seed;
  options.starts = 4;
  options.iterations = 100;
  const LandscapeProbeResult r = probe_landscape(pd, w0d, options);
  if (!r.ok) throw std::runtime_error("landscape probe: " + r.message);
  const DiagonalNetworkProblem<S> ps{data.x.cast<S>(), data.labels<S>()};
  const Matrix<S>& w0 = center.w;
  const S base = l1_loss(ps, w0);
  // Perturbations are taken from the double probe, clipped strictly inside the
  // ball, and applied to the centre at precision S: the points are feasible.
  const double clip = gamma_double * (1 - 0x1.0p-50);
  auto at = [&](const Matrix<double>& w) {
    const Matrix<double> delta = (w - w0d).cwiseMax(-clip).cwiseMin(clip);
    return l1_loss(ps, Matrix<S>(w0 + delta.cast<S>()));
  };
  LossChangeBracket<S> out;
  out.decrease_lower = base - std::min(at(r.lp_w), at(r.search_w));
  out.family_decrease_lower = base - at(r.family_w);
  out.increase_lower = at(r.increase_w) - base;
  out.increase_exact = r.increase_enumerated;
  // Certified upper bound on the decrease: the linearized change at w0 is a
  // lower bound on the true change (|r + a| - |r| >= sign(r) a for r != 0 and
  // >= |a| - 2|r| for residuals treated as zero); weak duality bounds its min.
  Vector<S> lo, hi;
  product_box<S>(w0, gamma, lo, hi);
  const Vector<S> theta0 = layer_product(w0);
  const Vector<S> residual = ps.x * theta0 - ps.y;
  Vector<double> u = r.lp_dual;
  S slack = 0;
  for (Eigen::Index i = 0; i < residual.size(); ++i) {
    if (r.zero_residuals[i]) {
      slack += 2 * abs(residual(i));
    } else {
      u(i) = residual(i) > 0 ? 1.0 : -1.0;
    }
  }
  const S m = S(static_cast<double>(residual.size()));
  const S dual = linearized_change_dual_bound<S>(ps.x, Vector<S>(lo - theta0), Vector<S>(hi - theta0), u);
  out.decrease_upper = -(dual - slack / m);
  // Rounding of a loss difference: each loss is a sum of m terms |<x_i, theta>
  // - y_i| with dot products of length d: gamma_{d+m} (sum |x||theta| + |y|)/m.
  const Vector<S> theta_abs = theta0.cwiseAbs() + Vector<S>::Constant(theta0.size(), gamma * 4);
  const S magnitude = ((ps.x.cwiseAbs() * theta_abs).array() + ps.y.cwiseAbs().array()).sum() / m;
  out.rounding = 4 * S(static_cast<double>(data.x.rows() + data.x.cols() + 2)) * unit_roundoff<S>() * magnitude;
  {
    const Vector<double> theta0d = layer_product(w0d);
    const Vector<double> rd = pd.x * theta0d - pd.y;
    Vector<double> lo1 = Vector<double>::Zero(theta0d.size()), hi1 = lo1;
    for (int j : data.support) lo1(j) = -1, hi1(j) = 1;
    const LinearizedChangeResult sup = linearized_change_lp(pd.x, rd, r.zero_residuals, lo1, hi1);
    out.support_derivative = sup.ok ? sup.value : -1e300;
  }
  return out;
}

std::string loss_change_bracket_measurement() {
  return "Landscape probe around w* (lib/mf22/landscape_probe): the ball's image under w -> prod w "
         "is a box, so the largest decrease is bracketed by a realized point (lower, attained) and "
         "the weak-duality bound of the linearized LP (upper); the largest increase is the best box "
         "vertex found (exact when d <= 12). Numbers re-evaluated at the working precision.";
}

#define THMCHECK_MF22_LOSS_CHANGE_BRACKET_INSTANTIATE(S)                                                    \
  template ProbeCenter<S> balanced_center<S>(const Vector<double>&, int);                                   \
  template ProbeCenter<S> first_layer_center<S>(const Vector<double>&, int);                                \
  template LossChangeBracket<S> bracket_loss_change<S>(const RobustRegressionData&, const ProbeCenter<S>&,  \
                                                       double, const S&, std::uint64_t);
THMCHECK_MF22_LOSS_CHANGE_BRACKET_INSTANTIATE(double)
THMCHECK_MF22_LOSS_CHANGE_BRACKET_INSTANTIATE(Mp50)
THMCHECK_MF22_LOSS_CHANGE_BRACKET_INSTANTIATE(Mp100)

}  // namespace thmcheck::mf22
