// mf22 Theorem 2's "furthermore" clause (N = 2): if m >~ d log(m)/(1-p)^2, then
// for EVERY t >= T-bar, ||w_1 (.) w_2 - theta*|| <~ eta theta*_max v
// sqrt(d^2 m) alpha^{1 - Theta~(...)} (1 - Omega(eta sqrt d))^{t - T-bar}
// (main text; the full version has (1 - Omega(eta / sqrt d))). The second term
// only decays, so over any horizon the bound is at most eta theta*_max v its
// value at T-bar: SubGM never escapes. Measured as the point (eta theta*_max,
// max over T-bar <= t <= H of the error), H = `horizon` times the end of the
// long-escape window sqrt(m (1-p)^2 / k) T-bar, per step of the sweep.
// Theorem 3's clause (N >= 3, m >~ d^{(2N-2)/N} log(m)/(1-p)^2) is the same
// with N eta theta*_max v a decaying curve whose value at T-bar is
// (sqrt(d^2 m) alpha)^{N/(N-2)} (full version; sqrt(d^2 m alpha) in the main
// text), so the same measurement with x = N eta theta*_max.
#pragma once

#include <rapidcheck.h>

#include <string>

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// The horizon of the no-escape claims, in units of the escape window's end.
constexpr double kNoEscapeHorizon = 3;

/// alpha of the N = 3 no-escape sweeps: larger than mf22.thm3.error's 1e-10
/// (T-bar ~ alpha^{-1/3}/(N eta) is 21x shorter); the curve's value at T-bar
/// (main text (sqrt(d^2 m alpha))^3 = 0.023 at d = 20, m = 200) is then below
/// N eta theta*_max >= 0.04.
constexpr const char* kDeepNoEscapeAlpha = "1e-6";

/// The N = 3 step sweeps of mf22.thm3.error (step_sweep_instances(true)) at
/// alpha = kDeepNoEscapeAlpha, and their generator text.
rc::Gen<StepSweepInstance> deep_no_escape_instances();
std::string deep_no_escape_generator_info();

/// No escape: per eta of step_grid at the instance's alpha, the point
/// (eta theta*_max (N eta theta*_max for N >= 3), max over T-bar <= t <= kNoEscapeHorizon sqrt(m (1-p)^2 / k)
/// T-bar of ||prod w - theta*||), with the hypothesis m >~ d^{1 or (2N-2)/N} log(m)/(1-p)^2
/// reported (unchecked: its constant is not given) with its constant-1 ratio.
template <class S>
Outcome no_escape_outcome(const StepSweepInstance& in);

extern template Outcome no_escape_outcome<double>(const StepSweepInstance&);
extern template Outcome no_escape_outcome<Mp50>(const StepSweepInstance&);
extern template Outcome no_escape_outcome<Mp100>(const StepSweepInstance&);

}  // namespace thmcheck::mf22
