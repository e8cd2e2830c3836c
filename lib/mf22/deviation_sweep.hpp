// The sup deviation of mf22 Proposition 1 against m (or d): per grid point a
// fresh data set and a search for the worst z (lib/mf22/sign_gradient).
#pragma once

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/deviation_sweep_instance.hpp"
#include "thmcheck/mf22/sign_gradient.hpp"

namespace thmcheck::mf22 {

/// For every point of the instance's samples_grid (at its dimension) or
/// dimension_grid (at its samples): an independent data set (X Gaussian,
/// |S| = round(p m), eps ~ P_o on S) and a search lower bound on
/// sup_z || Q(z) - psi(z) z/||z|| || over k-sparse z with r <= ||z|| <= R,
/// psi of `form`, norm `norm`. Points (m or d, deviation); hypotheses:
/// Assumption 1 at precision S (the search itself runs in double).
template <class S>
Outcome deviation_sweep_outcome(const DeviationSweepInstance& in, PsiForm form, DeviationNorm norm);

extern template Outcome deviation_sweep_outcome<double>(const DeviationSweepInstance&, PsiForm, DeviationNorm);
extern template Outcome deviation_sweep_outcome<Mp50>(const DeviationSweepInstance&, PsiForm, DeviationNorm);
extern template Outcome deviation_sweep_outcome<Mp100>(const DeviationSweepInstance&, PsiForm, DeviationNorm);

}  // namespace thmcheck::mf22
