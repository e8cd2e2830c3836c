#include "thmcheck/mf22/convergence_instance.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdint>
#include <vector>

#include "thmcheck/generators/random_data.hpp"

namespace thmcheck::mf22 {

// alpha and the smallest N eta for the .error claims: the alpha term of the
// bound, sqrt(d^2 m alpha) (escape bullet; sqrt(d^2 m) alpha^{0.5 - ...} for
// N = 2, dropping the unquantified Theta~ loss in the exponent), is then
// 2.8e-3 (N = 3) and 2.8e-5 (N = 2) at d = 20, m = 200, against the eta term
// N eta theta*_max >= 0.04 (N = 3) and eta theta*_max >= 0.005 (N = 2). (N eta = 0.16
// is within eta <~ N^{-1} kappa^{-(N-2)/N}, kappa <= 2, up to the constant.)
const char* escape_claim_alpha(int layers) { return layers == 2 ? "1e-14" : "1e-10"; }
double escape_claim_min_n_eta(int layers) { return layers == 2 ? 0.01 : 0.04; }

namespace {

struct ConvergenceParams {
  int layers;
  int sparsity;
  int corruption_percent;
  int law;
  int perturb;  // initial layers w_j = alpha^{1/N} (1 + 0.2 u), u in [-1, 1] when 1
  std::uint64_t seed;
};

rc::Gen<ConvergenceParams> convergence_params(rc::Gen<int> layers, rc::Gen<int> perturb) {
  return rc::gen::build<ConvergenceParams>(
      rc::gen::set(&ConvergenceParams::layers, std::move(layers)),
      rc::gen::set(&ConvergenceParams::sparsity, rc::gen::inRange(1, kConvergenceSparsityMax + 1)),
      rc::gen::set(&ConvergenceParams::corruption_percent, rc::gen::inRange(0, kConvergencePercentMax + 1)),
      rc::gen::set(&ConvergenceParams::law, rc::gen::inRange(0, static_cast<int>(generated_laws().size()))),
      rc::gen::set(&ConvergenceParams::perturb, std::move(perturb)),
      rc::gen::set(&ConvergenceParams::seed, rc::gen::arbitrary<std::uint64_t>()));
}

ConvergenceData convergence_data(const ConvergenceParams& q) {
  ConvergenceData in;
  in.dimension = kConvergenceDimension;
  in.samples = kConvergenceSamples;
  in.sparsity = q.sparsity;
  in.corrupted = kConvergenceSamples * q.corruption_percent / 100;
  in.theta_min = Real::parse("1");
  in.theta_max = Real::parse("2");
  static_cast<OutlierLawFields&>(in) = generated_law(q.law, fmt::format("{:g}", kConvergenceOutlierScale));
  in.layers = q.layers;
  in.perturb_init = q.perturb;
  in.seed = q.seed;
  return in;
}

/// The alpha sweeps as T (AlphaSweepInstance or BalanceInstance).
template <class T>
rc::Gen<T> alpha_sweeps(bool deep, bool always_perturbed) {
  auto params = convergence_params(!deep ? rc::gen::just(2) : rc::gen::inRange(kDeepLayersMin, kDeepLayersMax + 1),
                                   always_perturbed ? rc::gen::just(1)  // identical layers stay identical
                                                    : rc::gen::inRange(0, 2));
  return rc::gen::map(params, [deep](const ConvergenceParams& q) {
    T in;
    static_cast<ConvergenceData&>(in) = convergence_data(q);
    in.step = Real::parse(short_decimal(kAlphaSweepNEta / q.layers, 6));
    // N = 5 at alpha = 1e-6 needs ~1e6 iterations: the deep grid stops at 1e-5.
    for (const char* a : kDeepAlphaGrid) in.alpha_grid.push_back(Real::parse(a));
    if (!deep) {
      for (const char* a : kShallowExtraAlphas) in.alpha_grid.push_back(Real::parse(a));
    }
    return in;
  });
}

void check_unit_interval(const Real& x, const char* what) {
  const double v = x.as<double>();
  if (!(v > 0 && v < 1)) throw InputError(what);
}

}  // namespace

void ConvergenceData::check_convergence_data() const {
  check_data();
  check_range("perturb_init", perturb_init, 0, 1);
}

void AlphaSweepInstance::check() const {
  check_convergence_data();
  if (!(step.as<double>() > 0)) throw InputError("field 'step': must be positive");
  for (const Real& a : alpha_grid) check_unit_interval(a, "field 'alpha_grid': entries in (0, 1)");
}

void BalanceInstance::check() const {
  AlphaSweepInstance::check();
  if (perturb_init != 1) {
    throw InputError("field 'perturb_init': must be 1 (identical layers stay identical: the spread is 0)");
  }
}

void StepSweepInstance::check() const {
  check_convergence_data();
  for (const Real& eta : step_grid) {
    if (!(eta.as<double>() > 0)) throw InputError("field 'step_grid': entries must be positive");
  }
  check_unit_interval(alpha, "field 'alpha': must be in (0, 1)");
}

rc::Gen<AlphaSweepInstance> alpha_sweep_instances(bool deep) {
  return alpha_sweeps<AlphaSweepInstance>(deep, /*always_perturbed=*/false);
}

rc::Gen<BalanceInstance> balance_instances(bool deep) {
  return alpha_sweeps<BalanceInstance>(deep, /*always_perturbed=*/true);
}

rc::Gen<StepSweepInstance> step_sweep_instances(bool deep) {
  auto params = convergence_params(!deep ? rc::gen::just(2) : rc::gen::just(kDeepEscapeLayers), rc::gen::inRange(0, 2));
  return rc::gen::map(params, [](const ConvergenceParams& q) {
    StepSweepInstance in;
    static_cast<ConvergenceData&>(in) = convergence_data(q);
    for (double f : kStepFactors) {
      in.step_grid.push_back(Real::parse(short_decimal(escape_claim_min_n_eta(q.layers) * f / q.layers, 6)));
    }
    in.alpha = Real::parse(escape_claim_alpha(q.layers));
    return in;
  });
}

namespace {
/// "d = 20, m = 200, k in [1, 3], p in [0, 0.3], five outlier laws of scale 10, ".
std::string convergence_data_info() {
  return fmt::format("d = {}, m = {}, k in [1, {}], p in [0, {:g}], five outlier laws of scale {:g}, ",
                     kConvergenceDimension, kConvergenceSamples, kConvergenceSparsityMax,
                     kConvergencePercentMax / 100.0, kConvergenceOutlierScale);
}
}  // namespace

std::string alpha_sweep_generator_info(bool deep) {
  std::vector<std::string> alphas(kDeepAlphaGrid.begin(), kDeepAlphaGrid.end());
  if (!deep) alphas.insert(alphas.end(), kShallowExtraAlphas.begin(), kShallowExtraAlphas.end());
  const std::string layers = deep ? fmt::format("N in [{}, {}], eta = {:g}/N", kDeepLayersMin, kDeepLayersMax,
                                                kAlphaSweepNEta)
                                  : fmt::format("N = 2, eta = {:g}", kAlphaSweepNEta / 2);
  return convergence_data_info() + fmt::format("{}, alpha in {{{}}}.", layers, fmt::join(alphas, ", "));
}

std::string step_sweep_generator_info(bool deep) {
  const int n = deep ? kDeepEscapeLayers : 2;
  std::vector<double> steps;
  // N = 2 states eta, N = 3 states N eta.
  for (double f : kStepFactors) steps.push_back(escape_claim_min_n_eta(n) * f / (deep ? 1 : n));
  return convergence_data_info() + fmt::format("N = {}, alpha = {}, {} in {{{:g}}}.", n, escape_claim_alpha(n),
                                               deep ? "N eta" : "eta", fmt::join(steps, ", "));
}

}  // namespace thmcheck::mf22
