#include "thmcheck/mf22/decay_tbar.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <string>

#include "thmcheck/mf22/outlier_law_instance.hpp"
#include "thmcheck/mf22/subgm_trajectory.hpp"

namespace thmcheck::mf22 {

void DecayTbarInstance::check() const {
  check_convergence_data();
  if (layers < 3) throw InputError("field 'layers': Theorem 3's curve needs N >= 3");
  if (!(step_coefficient.as<double>() > 0)) throw InputError("field 'step_coefficient': must be positive");
  if (!(step_power.as<double>() > 0)) throw InputError("field 'step_power': must be positive");
  if (alpha_grid.empty()) throw InputError("field 'alpha_grid': must not be empty");
  for (const Real& a : alpha_grid) {
    if (!(a.as<double>() > 0 && a.as<double>() < 1)) throw InputError("field 'alpha_grid': entries in (0, 1)");
  }
}

rc::Gen<DecayTbarInstance> decay_tbar_instances(CurveText text) {
  return rc::gen::map(step_sweep_instances(/*deep=*/true), [text](const StepSweepInstance& s) {
    DecayTbarInstance in;
    static_cast<ConvergenceData&>(in) = static_cast<const ConvergenceData&>(s);
    // The same p on the smaller data: |S| = m percent/100 with m = 100 (the step sweeps draw |S| = 2 percent).
    in.dimension = kDecayDimension;
    in.samples = kDecaySamples;
    in.corrupted = s.corrupted * kDecaySamples / s.samples;
    in.step_coefficient = Real::parse(kDecayStepCoefficient);
    in.step_power = Real::parse(text == CurveText::kFullVersion ? "3" : "1.5");
    for (const char* a : text == CurveText::kFullVersion ? kDecayFullAlphaGrid : kDecayMainAlphaGrid)
      in.alpha_grid.push_back(Real::parse(a));
    return in;
  });
}

std::string decay_tbar_generator_info(CurveText text) {
  const bool full = text == CurveText::kFullVersion;
  return fmt::format("d = {}, m = {}, k in [1, {}], p in [0, {:g}], five outlier laws of scale {:g}, N = {}, alpha in "
                     "{{{}}}, N eta = {} alpha^{} (= A^3 / 8, A = {}).",
                     kDecayDimension, kDecaySamples, kConvergenceSparsityMax, kConvergencePercentMax / 100.0,
                     kConvergenceOutlierScale, kDeepEscapeLayers,
                     fmt::join(full ? kDecayFullAlphaGrid : kDecayMainAlphaGrid, ", "), kDecayStepCoefficient,
                     full ? "3" : "1.5", full ? "sqrt(d^2 m) alpha" : "sqrt(d^2 m alpha)");
}

template <class S>
Outcome decay_tbar_outcome(const DecayTbarInstance& in) {
  const RobustRegressionSpec spec = in.spec();
  const RobustRegressionData data = draw_robust_regression(spec);
  const DiagonalNetworkProblem<double> problem{data.x, data.labels<double>()};
  const int layers = in.layers;
  const double d = spec.dimension, m = spec.samples;
  const double p = static_cast<double>(spec.corrupted) / spec.samples;
  const double c = in.step_coefficient.as<double>(), q = in.step_power.as<double>();
  const double theta_max = data.theta_star.maxCoeff();
  const double curve_power = layers / (layers - 2.0);
  Outcome o;
  std::string series;
  RandomSource rng(spec.seed ^ 0xabcdefULL);
  for (const Real& alpha_text : in.alpha_grid) {
    const double alpha = alpha_text.as<double>();
    const double n_step = c * std::pow(alpha, q);
    const double step = n_step / layers;
    const Matrix<double> w0 = convergence_initialization(spec.dimension, layers, alpha, in.perturb_init == 1, rng);
    const TrajectoryMeasurement r =
        measure_trajectory(problem, data, w0, step, hit_cap(spec.sparsity, layers, alpha, step), 1);
    if (!r.failure.empty()) {
      o.ok = false;
      o.message = fmt::format("{} (alpha = {})", r.failure, alpha);
      return o;
    }
    o.points.emplace_back(Wide(alpha), Wide(r.error_at_bar));
    series += fmt::format("{}alpha={:g}, N eta={:.3g}: T-bar={}, error(T-bar)={:.3g}; N eta theta*_max={:.3g}, "
                          "curve at T-bar (sqrt(d^2 m) alpha)^{:g}={:.3g} (full), (sqrt(d^2 m alpha))^{:g}={:.3g} "
                          "(main text), sqrt(d^2 m) alpha={:.3g}",
                          series.empty() ? "" : "; ", alpha, n_step, 2 * r.hit, r.error_at_bar, n_step * theta_max,
                          curve_power, std::pow(std::sqrt(d * d * m) * alpha, curve_power), curve_power,
                          std::pow(std::sqrt(d * d * m * alpha), curve_power), std::sqrt(d * d * m) * alpha);
  }
  o.details = {{"N", std::to_string(layers)},
               {"N eta", fmt::format("{} alpha^{}", in.step_coefficient.text(), in.step_power.text())},
               {"series", series}};
  o.hypotheses = assumption1_checks(in.outlier_law<S>());
  o.hypotheses.push_back({"m.large", true, Evidence::kUnchecked,
                          "m >~ k^2 kappa^4 log^2 m log d log(||theta*||/alpha)/(1-p)^2: constant not given"});
  // The clause's own hypothesis m >~ d^{(2N-2)/N} log(m)/(1-p)^2, reported with its constant-1 ratio.
  const double d_power = (2.0 * layers - 2) / layers;
  o.hypotheses.push_back({"m.furthermore", true, Evidence::kUnchecked,
                          fmt::format("m >~ d^{:.4g} log(m)/(1-p)^2: constant not given; m (1-p)^2 / (d^{:.4g} log m) "
                                      "= {:.3g}",
                                      d_power, d_power, m * (1 - p) * (1 - p) / (std::pow(d, d_power) * std::log(m)))});
  return o;
}

template Outcome decay_tbar_outcome<double>(const DecayTbarInstance&);
template Outcome decay_tbar_outcome<Mp50>(const DecayTbarInstance&);
template Outcome decay_tbar_outcome<Mp100>(const DecayTbarInstance&);

}  // namespace thmcheck::mf22
