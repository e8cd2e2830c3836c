#include "thmcheck/mf22/no_escape.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

rc::Gen<StepSweepInstance> deep_no_escape_instances() {
  return rc::gen::map(step_sweep_instances(/*deep=*/true), [](StepSweepInstance in) {
    in.alpha = Real::parse(kDeepNoEscapeAlpha);
    return in;
  });
}

std::string deep_no_escape_generator_info() {
  std::string text = step_sweep_generator_info(/*deep=*/true);
  const std::string from = fmt::format("alpha = {}", escape_claim_alpha(kDeepEscapeLayers));
  const std::size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), fmt::format("alpha = {}", kDeepNoEscapeAlpha));
  return text;
}

template <class S>
Outcome no_escape_outcome(const StepSweepInstance& in) {
  const RobustRegressionSpec spec = in.spec();
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  const int layers = in.layers;
  const double d = spec.dimension, m = spec.samples, k = spec.sparsity;
  const double p = static_cast<double>(spec.corrupted) / spec.samples;
  const double escape_window = std::sqrt(m * (1 - p) * (1 - p) / k);
  const double horizon = kNoEscapeHorizon * escape_window;
  const double theta_max = data.theta_star.maxCoeff();
  Outcome o;
  std::string series;
  RandomSource rng(spec.seed ^ 0xabcdefULL);
  const double alpha = in.alpha.as<double>();
  const Matrix<double> w0 = convergence_initialization(spec.dimension, layers, alpha, in.perturb_init == 1, rng);
  for (const Real& step_text : in.step_grid) {
    const double step = step_text.as<double>();
    const TrajectoryMeasurement r =
        measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, layers, alpha, step), horizon);
    if (!r.failure.empty()) {
      o.ok = false;
      o.message = fmt::format("{} (eta = {})", r.failure, step);
      return o;
    }
    const double x = (layers == 2 ? 1 : layers) * step * theta_max;  // the bound's eta term (N eta for N >= 3)
    o.points.emplace_back(Wide(x), Wide(r.window_max));
    series += fmt::format("{}eta={:g}: T-bar={}, horizon end={}, error(T-bar)={:.3g}, max error over "
                          "[T-bar, horizon]={:.3g} (= {:.3g} x)",
                          series.empty() ? "" : "; ", step, 2 * r.hit, r.window_end, r.error_at_bar, r.window_max,
                          r.window_max / x);
  }
  o.details = {{"N", std::to_string(layers)},
               {"alpha", in.alpha.text()},
               {layers == 2 ? "alpha term at T-bar: sqrt(d^2 m) alpha (full), sqrt(d^2 m alpha) (main text)"
                            : "curve at T-bar: (sqrt(d^2 m) alpha)^{N/(N-2)} (full), (sqrt(d^2 m alpha))^{N/(N-2)} "
                              "(main text)",
                layers == 2 ? fmt::format("{:.3g}, {:.3g}", std::sqrt(d * d * m) * alpha, std::sqrt(d * d * m * alpha))
                            : fmt::format("{:.3g}, {:.3g}", std::pow(std::sqrt(d * d * m) * alpha, layers / (layers - 2.0)),
                                          std::pow(std::sqrt(d * d * m * alpha), layers / (layers - 2.0)))},
               {"horizon / T-bar", fmt::format("{:.4g} (= {:g} x sqrt(m(1-p)^2/k))", horizon, kNoEscapeHorizon)},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          fmt::format("m >~ k^2 kappa^{} log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not "
                                      "given",
                                      layers == 2 ? 2 : 4)});
  // The clause's own hypothesis, constant not given: reported with its constant-1 ratio. Theorem 2 (N = 2):
  // m >~ d log(m)/(1-p)^2; Theorem 3 (N >= 3): m >~ d^{(2N-2)/N} log(m)/(1-p)^2.
  const double d_power = layers == 2 ? 1.0 : (2.0 * layers - 2) / layers;
  const double ratio = m * (1 - p) * (1 - p) / (std::pow(d, d_power) * std::log(m));
  o.hypotheses.push_back({"m.furthermore", true, Evidence::kUnchecked,
                          fmt::format("m >~ d^{:.4g} log(m)/(1-p)^2: constant not given; m (1-p)^2 / (d^{:.4g} log m) "
                                      "= {:.3g}",
                                      d_power, d_power, ratio)});
  return o;
}

template Outcome no_escape_outcome<double>(const StepSweepInstance&);
template Outcome no_escape_outcome<Mp50>(const StepSweepInstance&);
template Outcome no_escape_outcome<Mp100>(const StepSweepInstance&);

}  // namespace thmcheck::mf22
