// Instances of the SubGM claims of mf22 Theorems 2 (N = 2) and 3 (N >= 3): a
// data set with d = 20, m = 200, outlier scale 10, a depth N, and either a
// fixed step and a grid of alpha (convergence time, balanced property) or a
// fixed alpha and a grid of steps (error over the escape window). Typed
// instances: their fields give the reader, validator, writer and schema.
#pragma once

#include <rapidcheck.h>

#include <array>
#include <string>
#include <tuple>

#include "thmcheck/engine/typed_instance.hpp"
#include "thmcheck/mf22/regression_instance.hpp"

namespace thmcheck::mf22 {

/// What every SubGM instance has: the data set, N, and whether the initial
/// layers w_j = alpha^{1/N} 1 are perturbed by 1 + 0.2 U[-1, 1] per entry.
struct ConvergenceData : RegressionData {
  int perturb_init = 0;
  static constexpr auto convergence_fields = std::tuple_cat(
      data_fields, std::make_tuple(field("perturb_init", &ConvergenceData::perturb_init,
                                         "1: perturbed initialization, 0: w_j = alpha^{1/N} 1")));
  void check_convergence_data() const;
};

/// An alpha sweep (convergence time, balanced property): the constant step
/// eta and the initialization scales alpha.
struct AlphaSweepInstance : ConvergenceData {
  Real step;
  RealVector alpha_grid;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields, std::make_tuple(field("step", &AlphaSweepInstance::step, "the step eta, > 0"),
                                          field("alpha_grid", &AlphaSweepInstance::alpha_grid,
                                                "the initialization scales alpha, each in (0, 1)")));
  void check() const;
};

/// An alpha sweep for the balanced property: perturb_init must be 1
/// (identical layers stay identical, so their spread is 0).
struct BalanceInstance : AlphaSweepInstance {
  void check() const;
};

/// A step sweep (error over the escape window): the steps eta at one alpha.
struct StepSweepInstance : ConvergenceData {
  RealVector step_grid;
  Real alpha;
  static constexpr auto fields = std::tuple_cat(
      convergence_fields,
      std::make_tuple(field("step_grid", &StepSweepInstance::step_grid, "the steps eta, each > 0"),
                      field("alpha", &StepSweepInstance::alpha, "the initialization scale alpha, in (0, 1)")));
  void check() const;
};

/// alpha of the escape-window (.error) instances: 1e-14 for N = 2, 1e-10 for
/// N >= 3 (the bound's alpha term is then far below its eta term).
const char* escape_claim_alpha(int layers);

/// The smallest N eta of the escape-window instances: eta theta*_max >= 0.005
/// (N = 2, eta >= 0.005) and N eta = 0.04 (N = 3).
double escape_claim_min_n_eta(int layers);

/// The drawn ranges: d, m, k, p = percent/100, N of the deep alpha sweeps and
/// of the deep step sweeps, N eta of the alpha sweeps, their alpha grids (N = 2
/// adds the last two), and the step factors of the step sweeps.
constexpr int kConvergenceDimension = 20, kConvergenceSamples = 200;
constexpr int kConvergenceSparsityMax = 3, kConvergencePercentMax = 30;
constexpr int kDeepLayersMin = 3, kDeepLayersMax = 5, kDeepEscapeLayers = 3;
constexpr double kAlphaSweepNEta = 0.01;
constexpr std::array<const char*, 3> kDeepAlphaGrid = {"1e-3", "1e-4", "1e-5"};
constexpr std::array<const char*, 2> kShallowExtraAlphas = {"1e-6", "1e-8"};
constexpr std::array<double, 3> kStepFactors = {1.0, 2.0, 4.0};
/// The outlier scale of every SubGM instance.
constexpr double kConvergenceOutlierScale = 10;

/// alpha sweeps at eta = 0.01/N: d = 20, m = 200, k in [1, 3], p in [0, 0.3],
/// five laws of scale 10; N = 2 and alpha in {1e-3, 1e-4, 1e-5, 1e-6, 1e-8}
/// (`deep` false) or N in [3, 5] and alpha in {1e-3, 1e-4, 1e-5} (`deep`).
/// The initialization is perturbed in half the cases.
rc::Gen<AlphaSweepInstance> alpha_sweep_instances(bool deep);

/// The same alpha sweeps, always perturbed (identical layers stay identical).
rc::Gen<BalanceInstance> balance_instances(bool deep);

/// eta sweeps at a fixed alpha (escape_claim_alpha): N = 2 (`deep` false) or
/// N = 3, N eta in escape_claim_min_n_eta(N) {1, 2, 4}; data as above.
rc::Gen<StepSweepInstance> step_sweep_instances(bool deep);

/// The generator texts (`generator_info`) of the alpha and of the step
/// sweeps, from the constants they draw with.
std::string alpha_sweep_generator_info(bool deep);
std::string step_sweep_generator_info(bool deep);

}  // namespace thmcheck::mf22
