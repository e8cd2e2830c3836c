#include "thmcheck/mf22/support_balance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

template <class S>
Outcome support_balance_outcome(const AlphaSweepInstance& in) {
  const RobustRegressionSpec spec = in.spec();
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  const int layers = in.layers;
  Outcome o;
  std::string series;
  // The same initializations as mf22.thm3.balanced (same seed, same order).
  RandomSource rng(spec.seed ^ 0xabcdefULL);
  const double step = in.step.as<double>();
  for (const Real& alpha_text : in.alpha_grid) {
    const double alpha = alpha_text.as<double>();
    const Matrix<double> w0 = convergence_initialization(spec.dimension, layers, alpha, in.perturb_init == 1, rng);
    const TrajectoryMeasurement r =
        measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, layers, alpha, step), 1);
    if (!r.failure.empty()) {
      o.ok = false;
      o.message = fmt::format("{} (alpha = {})", r.failure, alpha);
      return o;
    }
    const double root = std::pow(alpha, 1.0 / layers);
    o.points.emplace_back(Wide(root), Wide(r.imbalance_on));
    series += fmt::format("{}alpha={:g}: T-bar={}, on-support spread / theta*_l^(1/N) = {:.3g}, off-support "
                          "spread / alpha^(1/N) = {:.3g}",
                          series.empty() ? "" : "; ", alpha, 2 * r.hit, r.imbalance_on, r.imbalance_off / root);
  }
  const double bound_factor = std::sqrt(std::pow(spec.sparsity, 3) / spec.samples);
  o.details = {{"N", std::to_string(layers)},
               {"eta", fmt::format("{:g}", step)},
               {"sqrt(k^3/m)", fmt::format("{:.3g}", bound_factor)},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          "m >~ k^2 kappa^4 log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not given "
                          "(m = 200, d = 20, k <= 3)"});
  return o;
}

template Outcome support_balance_outcome<double>(const AlphaSweepInstance&);
template Outcome support_balance_outcome<Mp50>(const AlphaSweepInstance&);
template Outcome support_balance_outcome<Mp100>(const AlphaSweepInstance&);

}  // namespace thmcheck::mf22
