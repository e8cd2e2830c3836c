#include "thmcheck/mf22/alpha_coupled.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <string>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

void CoupledAlphaInstance::check() const {
  check_convergence_data();
  if (!(step_per_alpha.as<double>() > 0)) throw InputError("field 'step_per_alpha': must be positive");
  if (alpha_grid.empty()) throw InputError("field 'alpha_grid': must not be empty");
  for (const Real& a : alpha_grid) {
    if (!(a.as<double>() > 0 && a.as<double>() < 1)) throw InputError("field 'alpha_grid': entries in (0, 1)");
  }
}

rc::Gen<CoupledAlphaInstance> coupled_alpha_instances(bool deep) {
  return rc::gen::map(step_sweep_instances(deep), [deep](const StepSweepInstance& s) {
    CoupledAlphaInstance in;
    static_cast<ConvergenceData&>(in) = static_cast<const ConvergenceData&>(s);
    in.step_per_alpha = Real::parse(deep ? kDeepCoupledStepPerAlpha : kCoupledStepPerAlpha);
    for (const char* a : kCoupledAlphaGrid) in.alpha_grid.push_back(Real::parse(a));
    return in;
  });
}

std::string coupled_alpha_generator_info(bool deep) {
  return fmt::format("the data of the N = {} step sweeps (", deep ? kDeepEscapeLayers : 2) +
         step_sweep_generator_info(deep) +
         fmt::format(") with alpha in {{{}}} and eta = {} alpha.", fmt::join(kCoupledAlphaGrid, ", "),
                     deep ? kDeepCoupledStepPerAlpha : kCoupledStepPerAlpha);
}

template <class S>
Outcome coupled_alpha_outcome(const CoupledAlphaInstance& in, bool window) {
  const RobustRegressionSpec spec = in.spec();
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  const int layers = in.layers;
  const double d = spec.dimension, m = spec.samples;
  const double p = static_cast<double>(spec.corrupted) / spec.samples;
  const double window_factor = window ? std::sqrt(m * (1 - p) * (1 - p) / spec.sparsity) : 1;
  const double c = in.step_per_alpha.as<double>();
  const double theta_max = data.theta_star.maxCoeff();
  const double eta_factor = layers == 2 ? 1 : layers;  // Theorem 3's eta term is N eta theta*_max
  Outcome o;
  std::string series;
  RandomSource rng(spec.seed ^ 0xabcdefULL);
  for (const Real& alpha_text : in.alpha_grid) {
    const double alpha = alpha_text.as<double>();
    const double step = c * alpha;
    const Matrix<double> w0 = convergence_initialization(spec.dimension, layers, alpha, in.perturb_init == 1, rng);
    const TrajectoryMeasurement r =
        measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, layers, alpha, step), window_factor);
    if (!r.failure.empty()) {
      o.ok = false;
      o.message = fmt::format("{} (alpha = {})", r.failure, alpha);
      return o;
    }
    const double y = window ? r.window_max : r.error_at_bar;
    o.points.emplace_back(Wide(alpha), Wide(y));
    series += fmt::format("{}alpha={:g}, eta={:.3g}: T-bar={}, error(T-bar)={:.3g}, max in window={:.3g}; {}eta "
                          "theta*_max={:.3g}, sqrt(d^2 m) alpha={:.3g}, sqrt(d^2 m alpha)={:.3g}",
                          series.empty() ? "" : "; ", alpha, step, 2 * r.hit, r.error_at_bar, r.window_max,
                          layers == 2 ? "" : "N ", eta_factor * step * theta_max, std::sqrt(d * d * m) * alpha,
                          std::sqrt(d * d * m * alpha));
  }
  o.details = {{"N", std::to_string(layers)},
               {"eta / alpha", in.step_per_alpha.text()},
               {"window factor", fmt::format("{:.4g}", window_factor)},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          "m >~ k^2 kappa^2 log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not given"});
  return o;
}

template Outcome coupled_alpha_outcome<double>(const CoupledAlphaInstance&, bool);
template Outcome coupled_alpha_outcome<Mp50>(const CoupledAlphaInstance&, bool);
template Outcome coupled_alpha_outcome<Mp100>(const CoupledAlphaInstance&, bool);

}  // namespace thmcheck::mf22
