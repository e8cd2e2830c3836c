#include "thmcheck/cmr22/identical_measurement.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/solvers/gradient_descent.hpp"

namespace thmcheck::cmr22 {

template <class S>
S factor_spread(const Vector<S>& theta, Eigen::Index n, int depth) {
  using std::max;
  S s = 0;
  for (int k = 1; k < depth; ++k) {
    s = max(s, S((theta.segment(k * n, n) - theta.head(n)).template lpNorm<Eigen::Infinity>()));
  }
  return s;
}

template <class S>
IdenticalFlowMeasurement<S> measure_identical_flows(const OverLoss<S>& over, const ReducedLoss<S>& reduced,
                                                    const Vector<S>& x0, const S& t_end, const S& time_factor,
                                                    const S& tolerance) {
  using std::max;
  const int depth = over.depth;
  const Eigen::Index n = over.a.cols();
  IdenticalFlowMeasurement<S> part;
  cmr22::GradientFlowOptions<S> options;
  options.absolute_tolerance = options.relative_tolerance = tolerance;
  options.max_steps = 2000000;
  options.stop_time = t_end;
  auto full = cmr22::gradient_flow<S>(over, cmr22::replicate_factors(x0, depth), options);
  options.stop_time = t_end / time_factor;
  auto red = cmr22::gradient_flow<S>(reduced, x0, options);
  if (!full.ok() || !red.ok()) {
    part.message = full.ok() ? red.message : full.message;
    return part;
  }
  part.spread = factor_spread<S>(full.theta, n, depth);
  part.deviation = (full.theta.head(n) - red.theta).template lpNorm<Eigen::Infinity>();
  // Accumulated local error tolerance (as in measure_bregman): k steps at
  // tol (1 + |theta| + dt |theta'|) each, with max |theta| over the end
  // points and the variation by |theta(T) - theta(0)|; the spread takes two
  // factors of the full flow, the deviation one of each flow.
  const S x0_max = x0.template lpNorm<Eigen::Infinity>();
  auto accumulated = [&](long steps, const Vector<S>& end, const Vector<S>& start) {
    return tolerance * (S(double(steps)) * (1 + max(S(end.template lpNorm<Eigen::Infinity>()), x0_max)) +
                        S((end - start).template lpNorm<Eigen::Infinity>()));
  };
  const S e_full = accumulated(full.steps, full.theta, cmr22::replicate_factors(x0, depth));
  const S e_red = accumulated(red.steps, red.theta, x0);
  part.local_error_bound = max(S(2 * e_full), S(e_full + e_red));
  part.ok = true;
  return part;
}

template <class S>
IdenticalGdMeasurement<S> measure_identical_gd(const OverLoss<S>& over, const ReducedLoss<S>& reduced,
                                               const Vector<S>& x0, const S& step, const S& time_factor,
                                               long iterations) {
  using std::max;
  const int depth = over.depth;
  const Eigen::Index m = over.a.rows(), n = over.a.cols();
  const S u = unit_roundoff<S>();
  IdenticalGdMeasurement<S> out;
  // Gradient descent: full L-factor GD with step eta against reduced GD with
  // step eta (as printed) or eta / L (as proved), compared after `iterations`
  // steps. The lemma holds for every iterate, so when either run leaves the
  // box ||theta||_inf <= 1e8 at step j (diverging: the printed reduced GD is L
  // times faster and does so first) both are compared at step j - 1 instead.
  // The box is the same at every precision (double would overflow to inf
  // near 1e308 and MPFR never would, so "non-finite" alone would compare
  // different iterates at different precisions); 1e8^(2L-1) stays finite in
  // double for L <= 16.
  const S box = S(1e8);
  auto leaves_box = [&box](long, const Vector<S>& theta) {
    return !(theta.template lpNorm<Eigen::Infinity>() <= box);
  };
  auto run_gd = [&](long k, auto&& observer) {
    GradientDescentOptions<S> gd;
    gd.step = step;
    gd.max_iterations = k;
    auto full = gradient_descent<S>(over, cmr22::replicate_factors(x0, depth), gd, observer);
    gd.step = step / time_factor;
    auto red = gradient_descent<S>(reduced, x0, gd, observer);
    return std::make_pair(std::move(full), std::move(red));
  };
  auto [full_gd, red_gd] = run_gd(iterations, leaves_box);
  long compared = iterations;
  const bool full_left = full_gd.status == GradientDescentStatus::kStoppedByObserver;
  const bool red_left = red_gd.status == GradientDescentStatus::kStoppedByObserver;
  if (full_left || red_left) {
    compared = std::max(0L, std::min(full_left ? full_gd.iterations : iterations,
                                     red_left ? red_gd.iterations : iterations) - 1);
    std::tie(full_gd, red_gd) = run_gd(compared, NullObserver{});
  }
  out.compared = compared;
  out.full_left = full_left;
  out.reduced_left = red_left;
  if (!full_gd.ok() || !red_gd.ok()) {
    out.message = full_gd.ok() ? red_gd.message : full_gd.message;
    return out;
  }
  out.spread = factor_spread<S>(full_gd.theta, n, depth);
  out.deviation = (full_gd.theta.head(n) - red_gd.theta).template lpNorm<Eigen::Infinity>();
  // GD rounding: each step perturbs x by ~ (N + M + L) u (|x| + eta |grad|);
  // bounded by (k + 1) (N + M + L) u (1 + ||x||_inf) with a factor 10.
  out.rounding = 10 * S(double(compared + 1)) * S(double(n + m + depth)) * u *
                 (1 + max(full_gd.theta.template lpNorm<Eigen::Infinity>(),
                          red_gd.theta.template lpNorm<Eigen::Infinity>()));
  out.ok = true;
  return out;
}

#define THMCHECK_CMR22_IDENTICAL_INSTANTIATE(S)                                                           \
  template S factor_spread<S>(const Vector<S>&, Eigen::Index, int);                                       \
  template struct IdenticalFlowMeasurement<S>;                                                            \
  template IdenticalFlowMeasurement<S> measure_identical_flows<S>(                                        \
      const OverLoss<S>&, const ReducedLoss<S>&, const Vector<S>&, const S&, const S&, const S&);        \
  template struct IdenticalGdMeasurement<S>;                                                              \
  template IdenticalGdMeasurement<S> measure_identical_gd<S>(const OverLoss<S>&, const ReducedLoss<S>&, \
                                                             const Vector<S>&, const S&, const S&, long);
THMCHECK_CMR22_IDENTICAL_INSTANTIATE(double)
THMCHECK_CMR22_IDENTICAL_INSTANTIATE(Mp50)
THMCHECK_CMR22_IDENTICAL_INSTANTIATE(Mp100)
#undef THMCHECK_CMR22_IDENTICAL_INSTANTIATE

}  // namespace thmcheck::cmr22
