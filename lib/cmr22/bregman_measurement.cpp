#include "thmcheck/cmr22/bregman_measurement.hpp"

#include <algorithm>
#include <cmath>

#include "thmcheck/cmr22/bregman_divergence.hpp"
#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/cmr22/log_flow.hpp"

namespace thmcheck::cmr22 {

template <class S>
BregmanMeasurement<S> measure_bregman(const Matrix<S>& a, const Vector<S>& y, int depth,
                                      const Vector<S>& x0, const std::vector<Vector<S>>& zs,
                                      const S& t_end, const S& tolerance, BregmanCoordinates coordinates) {
  using std::log;
  BregmanMeasurement<S> out;
  const Eigen::Index n = a.cols();
  const bool in_log = coordinates == BregmanCoordinates::kLog;
  Vector<S> theta0(n + 1);
  if (in_log) {
    theta0 << x0.unaryExpr([](const S& v) { return S(log(v)); }), S(0);
  } else {
    theta0 << x0, S(0);
  }
  cmr22::GradientFlowOptions<S> options;
  options.absolute_tolerance = options.relative_tolerance = tolerance;
  options.stop_time = t_end;
  options.max_steps = 2000000;
  auto flow = in_log ? cmr22::gradient_flow<S>(LogReducedLossWithDissipation<S>{a, y, depth}, theta0, options)
                     : cmr22::gradient_flow<S>(ReducedLossWithDissipation<S>{a, y, depth}, theta0, options);
  if (!flow.ok()) {
    out.message = "flow: " + flow.message;
    return out;
  }
  const Vector<S> x_start = cmr22::hadamard_power<S>(x0, depth);
  const Vector<S> x_end = in_log ? LogReducedLossWithDissipation<S>{a, y, depth}.product(flow.theta)
                                 : cmr22::hadamard_power<S>(flow.theta.head(n), depth);
  out.dissipation = S(depth) * flow.theta(n);
  S first = 0;
  for (std::size_t k = 0; k < zs.size(); ++k) {
    const S delta = bregman_divergence(zs[k], x_end, depth) - bregman_divergence(zs[k], x_start, depth);
    using std::max;
    out.deviation = max(out.deviation, S(abs(delta + out.dissipation)));
    if (k == 0) first = delta;
    out.spread = max(out.spread, S(abs(delta - first)));
  }
  out.steps = flow.steps;
  out.final_residual = flow.residual_norm;
  // Accumulated local error tolerance: Odeint's error checker (atol = rtol =
  // tol, a_x = a_dxdt = 1) accepts a step when its estimated local error in
  // component i is below tol (1 + |theta_i| + dt |theta_i'|), so after k steps
  //   |error of theta_i| <~ tol (k (1 + max_t |theta_i|) + sum dt |theta_i'|),
  // estimated with max_t over the two end points and the variation sum by
  // |theta_i(T) - theta_i(0)| (q increases: its variation is q(T)). No growth
  // factor: an estimate, not a bound. The deviation depends on x_i through
  // D_F(z, x^L), d/dx_i = x_i^{1-L} (x_i^L - z_i), and on q with weight L; the
  // spread over z is a difference of two such terms (factor 2).
  // Needed because the two-tolerance difference vanishes when both runs take
  // the same steps (step growth, not the error, limiting them): then it says
  // nothing, while the local errors can still be up to tol per step.
  {
    using std::abs;
    using std::exp;
    using std::max;
    using std::pow;
    const S k = S(double(flow.steps));
    S sensitivity = 0;
    for (const auto& z : zs) {
      S sum = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        // The integrated coordinate (x_i, or w_i = log x_i) and the deviation's
        // derivative in it: x^{1-L} (x^L - z) in x, x^{2-L} (x^L - z) in w.
        const S ci = flow.theta(i), c0 = theta0(i);
        const S local = k * (1 + max(abs(ci), abs(c0))) + abs(S(ci - c0));
        const S xi = in_log ? S(exp(ci)) : ci;
        sum += local * abs(S(pow(xi, S((in_log ? 2 : 1) - depth)) * (x_end(i) - z(i))));
      }
      sensitivity = max(sensitivity, sum);
    }
    const S q = abs(flow.theta(n));
    out.local_error_bound = 2 * tolerance * (sensitivity + S(depth) * (k * (1 + q) + q));
  }
  out.ok = true;
  return out;
}

#define THMCHECK_CMR22_BREGMAN_MEASUREMENT_INSTANTIATE(S)                                        \
  template struct BregmanMeasurement<S>;                                                         \
  template BregmanMeasurement<S> measure_bregman<S>(const Matrix<S>&, const Vector<S>&, int,   \
                                                    const Vector<S>&, const std::vector<Vector<S>>&, \
                                                    const S&, const S&, BregmanCoordinates);
THMCHECK_CMR22_BREGMAN_MEASUREMENT_INSTANTIATE(double)
THMCHECK_CMR22_BREGMAN_MEASUREMENT_INSTANTIATE(Mp50)
THMCHECK_CMR22_BREGMAN_MEASUREMENT_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_BREGMAN_MEASUREMENT_INSTANTIATE

}  // namespace thmcheck::cmr22
