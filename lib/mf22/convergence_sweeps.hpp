// What the SubGM claims of mf22 Theorems 2 (N = 2) and 3 (N >= 3) measure on
// one instance (lib/mf22/convergence_instance.hpp), as points of a scaling law.
// Every bullet of the theorems is "<~" with unstated constants. T-bar is not
// an observable: T-bar = 2 T with T the first iteration with
// ||prod w - theta*|| <= 0.1 ||theta*|| (lib/mf22/subgm_trajectory).
#pragma once

#include <string>
#include <vector>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// Convergence time: per alpha of alpha_grid, the point (x, T) with
/// x = log(1/alpha)/eta (N = 2) or alpha^{-(N-2)/N}/(N eta) (N >= 3).
template <class S>
Outcome convergence_time_outcome(const AlphaSweepInstance& in);

/// Balanced property: per alpha, the point (alpha, max_{t <= T-bar}
/// ||w_1 - w_2||_inf) for N = 2, or (alpha^{1/N}, the same spread off
/// supp(theta*)) for N >= 3.
template <class S>
Outcome balance_outcome(const AlphaSweepInstance& in);

/// Convergence guarantee and long escape time: per eta of step_grid at the
/// instance's alpha, the point (N eta theta*_max (eta theta*_max for N = 2),
/// max over T-bar <= t <= sqrt(m (1-p)^window_power / k) T-bar of
/// ||prod w - theta*||).
template <class S>
Outcome escape_error_outcome(const StepSweepInstance& in, int window_power);

// ---- Texts the Theorem 2 and 3 claims share (their measurement, ranges and
// hypotheses).

/// Assumption 1 and the theorems' sample size m >~ k^2 kappa^{2 or 4} log^2(m)
/// log(d) log(||theta*||/alpha)/(1-p)^2 (its constant is not given).
std::vector<HypothesisSpec> convergence_hypotheses();

/// How SubGM is run and T, T-bar are read off (start of every measurement text).
std::string subgm_measurement();

/// The balanced-property measurement; `over_which` names the coordinates the
/// spread is maximized over.
std::string balance_measurement(const std::string& over_which);

/// Why the balanced-property test is weak (notes of both .balanced claims).
std::string balance_notes();

/// The escape-window measurement, with the window's factor as text.
std::string escape_measurement(const std::string& window);

/// What alpha = `alpha` does to the bound and what the window covers (notes of
/// every .error claim).
std::string escape_notes(const std::string& alpha);

#define THMCHECK_MF22_CONVERGENCE_SWEEPS_EXTERN(S)           \
  extern template Outcome convergence_time_outcome<S>(const AlphaSweepInstance&); \
  extern template Outcome balance_outcome<S>(const AlphaSweepInstance&);          \
  extern template Outcome escape_error_outcome<S>(const StepSweepInstance&, int);
THMCHECK_MF22_CONVERGENCE_SWEEPS_EXTERN(double)
THMCHECK_MF22_CONVERGENCE_SWEEPS_EXTERN(Mp50)
THMCHECK_MF22_CONVERGENCE_SWEEPS_EXTERN(Mp100)
#undef THMCHECK_MF22_CONVERGENCE_SWEEPS_EXTERN

}  // namespace thmcheck::mf22
