// cmr22 Figures 2 and 3 (Chou, Maly & Rauhut, "More is less", Sections
// 4.1-4.2): recovery probability over (s, M) for l1 minimization, GD on the
// factorized losses (6)/(7) and least squares, positive and signed.
#pragma once

#include "thmcheck/experiments/figure.hpp"

namespace thmcheck {

/// The experiment cmr22.fig2-3 (lib/experiments/cmr22_recovery_figures.cpp).
Figure run_cmr22_fig23(const ExperimentOptions& options);

}  // namespace thmcheck
