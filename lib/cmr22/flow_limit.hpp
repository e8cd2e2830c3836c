// The cmr22 flow's limit to the certificate of limit_options.hpp, at any
// precision, with a warm start from double above double precision.
#pragma once

#include "thmcheck/cmr22/limit_options.hpp"
#include "thmcheck/cmr22/mirror_flow.hpp"

namespace thmcheck::cmr22 {

/// lim x~(t) of the cmr22 gradient flow (dual coordinates, mirror_flow.hpp) at
/// precision S, integrated until limit_flow_options' certificate holds.
///
/// In double this is one mirror_flow run from lambda(0) = 0. Above double the
/// flow is first integrated in double to the double certificate, and that
/// state (lambda, t, the step size) is the initial value of the integration
/// at S, which continues the same ODE to the certificate at S (result.steps
/// counts the steps at S, result.warm_start_steps those in double). This is
/// still the integrator judging the flow: it changes where the precise
/// integration starts, not the ODE nor its limit, which does not depend on the
/// path (the flow is the gradient flow of a strictly convex function of
/// w = A^T lambda, so every trajectory in phi's domain ends at its unique
/// minimizer; the initialization enters only through phi, exactly at S). The
/// cost at S is then that of the final convergence, tens of steps instead of
/// thousands (bench/cmr22_flow_vs_gd `sizes`). When the double run cannot be
/// used (data outside double's range, the run failed, or its end point is
/// outside phi's domain at S) the integration at S starts cold from 0.
/// The steps are budgeted by the size (see flow_limit.cpp): at most
/// 1000..50000 in double and 100..3000 above.
template <class S>
MirrorFlowResult<S> certified_flow_limit(const Matrix<S>& a, const Vector<S>& y, const MirrorMap<S>& map);

/// certified_flow_limit without the warm start (always from lambda(0) = 0):
/// the reference the warm start is tested against.
template <class S>
MirrorFlowResult<S> cold_flow_limit(const Matrix<S>& a, const Vector<S>& y, const MirrorMap<S>& map);

#define THMCHECK_CMR22_FLOW_LIMIT_EXTERN(S)                                                                   \
  extern template MirrorFlowResult<S> certified_flow_limit<S>(const Matrix<S>&, const Vector<S>&,            \
                                                              const MirrorMap<S>&);                          \
  extern template MirrorFlowResult<S> cold_flow_limit<S>(const Matrix<S>&, const Vector<S>&, const MirrorMap<S>&);
THMCHECK_CMR22_FLOW_LIMIT_EXTERN(double)
THMCHECK_CMR22_FLOW_LIMIT_EXTERN(Mp50)
THMCHECK_CMR22_FLOW_LIMIT_EXTERN(Mp100)
#undef THMCHECK_CMR22_FLOW_LIMIT_EXTERN

}  // namespace thmcheck::cmr22
