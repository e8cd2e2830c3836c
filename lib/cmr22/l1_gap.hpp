// The l1 gap of the cmr22 flow's limit, ||x~_inf||_1 - min_{z in S} ||z||_1
// (Theorem 1.1, eq. (9); over S+ for Theorem 2.1, eq. (16)), against the
// bound c_L (||u0||_L^L + ||v0||_L^L) (c_L ||x0||_L^L), with its error estimate.
#pragma once

#include "thmcheck/cmr22/gap_instance.hpp"
#include "thmcheck/engine/claim.hpp"

namespace thmcheck::cmr22 {

/// Evaluates (9) (signed instance A, y, L, u0, v0) or (16) (positive: A, y,
/// L, x0) at precision S: measured ||x~_inf||_1 - min l1 (GLPK, certified basis;
/// over S+ in the positive case), bound c_L times the initialization size,
/// relation <=. The flow limit is certified_flow_limit (flow_limit.hpp).
/// Estimated error of the margin: 2 x the last checkpoint change of x~, the
/// l1 distance sqrt(N) ||r|| / sigma_min(A) from x~(T) to S, the LP value
/// error, map_rounding and 4 N u (||x~||_1 + |min|). Hypotheses init.positive,
/// L>=2 and S.nonempty (S+.nonempty); an empty S is an outcome that is not ok.
template <class S>
Outcome evaluate_gap(const SignedGapInstance& in);
template <class S>
Outcome evaluate_gap(const PositiveGapInstance& in);

#define THMCHECK_CMR22_GAP(S)                                          \
  extern template Outcome evaluate_gap<S>(const SignedGapInstance&); \
  extern template Outcome evaluate_gap<S>(const PositiveGapInstance&);
THMCHECK_CMR22_GAP(double)
THMCHECK_CMR22_GAP(Mp50)
THMCHECK_CMR22_GAP(Mp100)
#undef THMCHECK_CMR22_GAP

}  // namespace thmcheck::cmr22
