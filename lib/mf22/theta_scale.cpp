#include "thmcheck/mf22/theta_scale.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

void ThetaScaleInstance::check() const {
  check_convergence_data();
  if (!(step.as<double>() > 0)) throw InputError("field 'step': must be positive");
  const double a = alpha.as<double>();
  if (!(a > 0 && a < 1)) throw InputError("field 'alpha': must be in (0, 1)");
  if (theta_scale_grid.empty()) throw InputError("field 'theta_scale_grid': must not be empty");
  for (const Real& s : theta_scale_grid) {
    if (!(s.as<double>() > 0)) throw InputError("field 'theta_scale_grid': entries must be positive");
  }
}

rc::Gen<ThetaScaleInstance> theta_scale_instances(bool deep) {
  return rc::gen::map(step_sweep_instances(deep), [deep](const StepSweepInstance& s) {
    ThetaScaleInstance in;
    static_cast<ConvergenceData&>(in) = static_cast<const ConvergenceData&>(s);
    in.step = deep ? Real::parse(short_decimal(kDeepThetaScaleNEta / s.layers, 6)) : Real::parse(kThetaScaleStep);
    in.alpha = deep ? Real::parse(kDeepThetaScaleAlpha) : s.alpha;
    for (const char* f : kThetaScaleGrid) in.theta_scale_grid.push_back(Real::parse(f));
    return in;
  });
}

std::string theta_scale_generator_info(bool deep) {
  if (deep) {
    // The N = 3 step sweeps' data; their alpha and step grid are replaced.
    return fmt::format("d = {}, m = {}, k in [1, {}], p in [0, {:g}], five outlier laws of scale {:g}, N = {}, "
                       "alpha = {}, one step N eta = {:g}, theta* rescaled by s in {{{}}}.",
                       kConvergenceDimension, kConvergenceSamples, kConvergenceSparsityMax,
                       kConvergencePercentMax / 100.0, kConvergenceOutlierScale, kDeepEscapeLayers,
                       kDeepThetaScaleAlpha, kDeepThetaScaleNEta, fmt::join(kThetaScaleGrid, ", "));
  }
  return "the data of the N = 2 step sweeps (" + step_sweep_generator_info(/*deep=*/false) +
         fmt::format(") with one step eta = {} and theta* rescaled by s in {{{}}}.", kThetaScaleStep,
                     fmt::join(kThetaScaleGrid, ", "));
}

template <class S>
Outcome theta_scale_outcome(const ThetaScaleInstance& in, int window_power, double window_cap, bool proved_power) {
  const RobustRegressionSpec base = in.spec();
  const int layers = in.layers;
  const double p = static_cast<double>(base.corrupted) / base.samples;
  const double window =
      std::min(window_cap, std::sqrt(base.samples * std::pow(1 - p, window_power) / base.sparsity));
  const double eta_factor = layers == 2 ? 1 : layers;  // Theorem 3's eta term is N eta theta*_max
  // The proof's eta term (eq. (82), Theorem 3): N eta theta*_1^{(2N-2)/N}, theta*_1 = theta*_max.
  const double theta_power = proved_power ? (2.0 * layers - 2) / layers : 1.0;
  const double step = in.step.as<double>();
  const double alpha = in.alpha.as<double>();
  Outcome o;
  std::string series;
  // One initialization for every s (the same as at every step of the step sweeps).
  RandomSource rng(base.seed ^ 0xabcdefULL);
  const Matrix<double> w0 = convergence_initialization(base.dimension, layers, alpha, in.perturb_init == 1, rng);
  for (const Real& s_text : in.theta_scale_grid) {
    const double s = s_text.as<double>();
    RobustRegressionSpec spec = base;
    spec.theta_min *= s;
    spec.theta_max *= s;
    const RobustRegressionData data = draw_robust_regression(spec);
    const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
    const TrajectoryMeasurement r =
        measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, layers, alpha, step), window);
    if (!r.failure.empty()) {
      o.ok = false;
      o.message = fmt::format("{} (s = {})", r.failure, s);
      return o;
    }
    const double x = eta_factor * step * std::pow(data.theta_star.maxCoeff(), theta_power);  // the eta term
    o.points.emplace_back(Wide(x), Wide(r.window_max));
    series += fmt::format("{}s={:g}: theta*_max={:.4g}, T-bar={}, error(T-bar)={:.3g}, max error in window={:.3g} "
                          "(= {:.3g} x)",
                          series.empty() ? "" : "; ", s, data.theta_star.maxCoeff(), 2 * r.hit, r.error_at_bar,
                          r.window_max, r.window_max / x);
  }
  const double d = base.dimension, m = base.samples;
  o.details = {{"N", std::to_string(layers)},
               {"eta", in.step.text()},
               {"alpha", in.alpha.text()},
               {"alpha term sqrt(d^2 m alpha)", fmt::format("{:.3g}", std::sqrt(d * d * m * alpha))},
               {window_cap < 1e299 ? fmt::format("window factor min({:g}, sqrt(m(1-p)^{}/k))", window_cap, window_power)
                                   : fmt::format("window factor sqrt(m(1-p)^{}/k)", window_power),
                fmt::format("{:.4g}", window)},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          fmt::format("m >~ k^2 kappa^{} log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not "
                                      "given",
                                      layers == 2 ? 2 : 4)});
  return o;
}

template Outcome theta_scale_outcome<double>(const ThetaScaleInstance&, int, double, bool);
template Outcome theta_scale_outcome<Mp50>(const ThetaScaleInstance&, int, double, bool);
template Outcome theta_scale_outcome<Mp100>(const ThetaScaleInstance&, int, double, bool);

}  // namespace thmcheck::mf22
