// mf22 Theorem 2's "furthermore" clause (N = 2): if m >~ d log(m)/(1-p)^2, then
// for EVERY t >= T-bar, ||w_1 (.) w_2 - theta*|| <~ eta theta*_max v
// sqrt(d^2 m) alpha^{1 - Theta~(...)} (1 - Omega(eta sqrt d))^{t - T-bar}
// (main text; the full version has (1 - Omega(eta / sqrt d))). The second term
// only decays, so over any horizon the bound is at most eta theta*_max v its
// value at T-bar: SubGM never escapes. Measured as the point (eta theta*_max,
// max over T-bar <= t <= H of the error), H = `horizon` times the end of the
// long-escape window sqrt(m (1-p)^2 / k) T-bar, per step of the sweep.
#pragma once

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// The horizon of the no-escape claims, in units of the escape window's end.
constexpr double kNoEscapeHorizon = 3;

/// No escape: per eta of step_grid at the instance's alpha, the point
/// (eta theta*_max, max over T-bar <= t <= kNoEscapeHorizon sqrt(m (1-p)^2 / k)
/// T-bar of ||w_1 (.) w_2 - theta*||), with the hypothesis m >~ d log(m)/(1-p)^2
/// reported (unchecked: its constant is not given) with its constant-1 ratio.
template <class S>
Outcome no_escape_outcome(const StepSweepInstance& in);

extern template Outcome no_escape_outcome<double>(const StepSweepInstance&);
extern template Outcome no_escape_outcome<Mp50>(const StepSweepInstance&);
extern template Outcome no_escape_outcome<Mp100>(const StepSweepInstance&);

}  // namespace thmcheck::mf22
