// ODE tolerances of the direct (Odeint dopri5) integrations of cmr22 Lemmas
// 2.6 and A.2, and the rule that stops the ladder of tolerance levels.
#pragma once

#include <vector>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// Local tolerance of the direct (dopri5) integrations: max(u^{2/3}, 1e-16).
/// Explicit integration cost grows like tol^{-1/5}, so beyond 1e-16 the
/// multiprecision ladder would cost hours; the claims' errors are method
/// errors (error_is_rounding = false), estimated per level (direct_flow_levels).
template <class S>
S direct_flow_tolerance();

/// The local tolerances tried in turn, loosest first. In double one level,
/// direct_flow_tolerance<double>() = 2.3e-11, as before. Above double a first
/// level 100 times tighter at 50 digits (2.3e-13) and 10^4 times at 100 digits
/// (2.3e-15), then this precision's own (1e-16). The first levels differ from
/// double's and from each other on purpose: two precisions that ran the same
/// discretization would agree on its ODE error, so their agreement would
/// confirm nothing; with different tolerances a failure confirmed by two
/// precisions has been measured by two different integrations.
///
/// Each level integrates at tol and at 1000 tol; its ODE error is the larger
/// of their difference and the accumulated local tolerance (both estimates,
/// not bounds). The claims stop at the first level whose discrepancy exceeds
/// 10 times its whole estimated error, and otherwise go on to the last. So an
/// O(1) discrepancy (the printed Lemma A.2) is decided at the first level, and
/// a zero one (an identity that holds) is always measured at the last.
/// The cost of a level is set by the flow's stiffness as much as by tol
/// (the printed reduced flow of a hand-made N = 1000, T = 10 instance: 1261
/// right-hand sides at tol 1e-7, 3355 at 1e-10, 44 779 at 1e-16 in double; at
/// 50 digits one costs 30 ms).
template <class S>
std::vector<S> direct_flow_levels();

/// True when a measured discrepancy (bound 0) exceeds 10 times its error.
template <class S>
bool resolved_from_zero(const S& measured, const S& error);

#define THMCHECK_CMR22_DIRECT_FLOW_LEVELS_EXTERN(S)       \
  extern template S direct_flow_tolerance<S>();           \
  extern template std::vector<S> direct_flow_levels<S>(); \
  extern template bool resolved_from_zero<S>(const S&, const S&);
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_EXTERN(double)
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_EXTERN(Mp50)
THMCHECK_CMR22_DIRECT_FLOW_LEVELS_EXTERN(Mp100)
#undef THMCHECK_CMR22_DIRECT_FLOW_LEVELS_EXTERN

}  // namespace thmcheck::cmr22
