// mf22 Theorem 3's balanced property ON the support: for 0 <= t <= T-bar and
// theta*_l != 0, |w_il - w_jl| = O~(theta*_l^{1/N} sqrt(k^3/m)) (full version;
// the main text prints sqrt[2]{theta*_l}). The bound does not depend on alpha,
// so on one data set the spread must not grow as alpha -> 0: measured as the
// point (alpha^{1/N}, max_{t <= T-bar} max_{l in supp} max_{i<j}
// |w_il - w_jl| / theta*_l^{1/N}) per alpha of the sweep (the normalization is
// fixed per case, so the slope is the same for either printed root).
#pragma once

#include "thmcheck/engine/claim.hpp"
#include "thmcheck/mf22/convergence_instance.hpp"

namespace thmcheck::mf22 {

/// On-support balance: per alpha of alpha_grid, the point (alpha^{1/N},
/// max_{t <= T-bar} max_{l in supp(theta*), i<j} |w_il - w_jl| / theta*_l^{1/N}).
template <class S>
Outcome support_balance_outcome(const AlphaSweepInstance& in);

extern template Outcome support_balance_outcome<double>(const AlphaSweepInstance&);
extern template Outcome support_balance_outcome<Mp50>(const AlphaSweepInstance&);
extern template Outcome support_balance_outcome<Mp100>(const AlphaSweepInstance&);

}  // namespace thmcheck::mf22
