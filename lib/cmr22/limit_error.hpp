// Error terms of a measured cmr22 flow limit (lib/cmr22/flow_limit.hpp): which
// end points of the dual-coordinate flow can be measured, and the rounding of
// x~ = phi(A^T lambda) (mirror_flow.hpp's map) at the working precision.
#pragma once

#include "thmcheck/cmr22/mirror_flow.hpp"

namespace thmcheck::cmr22 {

/// First-order rounding error of x~ = phi(w) in l1 (mirror_flow.hpp's map):
/// L = 2: u~ = u~0 exp(-4w) carries relative error ~ (4|w| + 2) u;
/// L > 2: u~ = base^{-L/(L-2)}, base = u~0^{(2-L)/L} + L(L-2) w, whose
/// cancellation amplifies u by (|u~0^{(2-L)/L}| + L(L-2)|w|) / base, and the
/// power by L/(L-2). Summed over coordinates (and the v part).
template <class S>
S map_rounding(const MirrorMap<S>& map, const Vector<S>& w);

/// A flow end point that can be measured: certified, or stopped by max_steps /
/// max_time with a finite state (its residual and change then enter the
/// error estimate, and the ladder decides whether that resolves the margin).
template <class S>
bool measurable(const MirrorFlowResult<S>& flow);

#define THMCHECK_CMR22_LIMIT_ERROR_EXTERN(S)                                  \
  extern template S map_rounding<S>(const MirrorMap<S>&, const Vector<S>&); \
  extern template bool measurable<S>(const MirrorFlowResult<S>&);
THMCHECK_CMR22_LIMIT_ERROR_EXTERN(double)
THMCHECK_CMR22_LIMIT_ERROR_EXTERN(Mp50)
THMCHECK_CMR22_LIMIT_ERROR_EXTERN(Mp100)
#undef THMCHECK_CMR22_LIMIT_ERROR_EXTERN

}  // namespace thmcheck::cmr22
