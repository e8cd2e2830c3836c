#include "thmcheck/mf22/theta_scale.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

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

rc::Gen<ThetaScaleInstance> theta_scale_instances() {
  return rc::gen::map(step_sweep_instances(/*deep=*/false), [](const StepSweepInstance& s) {
    ThetaScaleInstance in;
    static_cast<ConvergenceData&>(in) = static_cast<const ConvergenceData&>(s);
    in.step = Real::parse(kThetaScaleStep);
    in.alpha = s.alpha;
    for (const char* f : kThetaScaleGrid) in.theta_scale_grid.push_back(Real::parse(f));
    return in;
  });
}

std::string theta_scale_generator_info() {
  return "the data of the N = 2 step sweeps (" + step_sweep_generator_info(/*deep=*/false) +
         fmt::format(") with one step eta = {} and theta* rescaled by s in {{{}}}.", kThetaScaleStep,
                     fmt::join(kThetaScaleGrid, ", "));
}

template <class S>
Outcome theta_scale_outcome(const ThetaScaleInstance& in, int window_power) {
  const RobustRegressionSpec base = in.spec();
  const int layers = in.layers;
  const double p = static_cast<double>(base.corrupted) / base.samples;
  const double window = std::sqrt(base.samples * std::pow(1 - p, window_power) / base.sparsity);
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
    const double x = step * data.theta_star.maxCoeff();  // the bound's eta term
    o.points.emplace_back(Wide(x), Wide(r.window_max));
    series += fmt::format("{}s={:g}: theta*_max={:.4g}, T-bar={}, error(T-bar)={:.3g}, max error in window={:.3g} "
                          "(= {:.3g} eta theta*_max)",
                          series.empty() ? "" : "; ", s, data.theta_star.maxCoeff(), 2 * r.hit, r.error_at_bar,
                          r.window_max, r.window_max / x);
  }
  const double d = base.dimension, m = base.samples;
  o.details = {{"N", std::to_string(layers)},
               {"eta", in.step.text()},
               {"alpha", in.alpha.text()},
               {"alpha term sqrt(d^2 m alpha)", fmt::format("{:.3g}", std::sqrt(d * d * m * alpha))},
               {fmt::format("window factor sqrt(m(1-p)^{}/k)", window_power), fmt::format("{:.4g}", window)},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          "m >~ k^2 kappa^2 log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not given"});
  return o;
}

template Outcome theta_scale_outcome<double>(const ThetaScaleInstance&, int);
template Outcome theta_scale_outcome<Mp50>(const ThetaScaleInstance&, int);
template Outcome theta_scale_outcome<Mp100>(const ThetaScaleInstance&, int);

}  // namespace thmcheck::mf22
