#include "thmcheck/cmr22/flow_limit.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

namespace thmcheck::cmr22 {

namespace {
/// limit_flow_options with a step budget. A step costs about M^2 N + M^3 / 3
/// operations (Jacobian and LU); the budget is 2e11 of them in double (about
/// a minute; 1000 to 50000 steps) and 1e9 above double (about two minutes at
/// 50 digits; 100 to 3000 steps). Converging runs take 5 to ~1300 steps at
/// 50/100 digits after the warm start (and ~100 to 25000 in double, local
/// tolerance 1e-2); what exhausts the budget is a flow whose remaining slow
/// direction lies below the working precision (its end point is still a
/// measurement, with the error its residual and change give).
template <class S>
MirrorFlowOptions<S> budgeted_options(const Matrix<S>& a, const Vector<S>& y) {
  MirrorFlowOptions<S> options = limit_flow_options<S>(y);
  const double m = static_cast<double>(a.rows()), n = static_cast<double>(a.cols());
  const double per_step = m * m * n + m * m * m / 3 + 1;
  const bool wide = !std::is_same_v<S, double>;
  options.max_steps = static_cast<long>(wide ? std::clamp(1e9 / per_step, 100.0, 3000.0)
                                             : std::clamp(2e11 / per_step, 1000.0, 50000.0));
  return options;
}
}  // namespace

template <class S>
MirrorFlowResult<S> cold_flow_limit(const Matrix<S>& a, const Vector<S>& y, const MirrorMap<S>& map) {
  return mirror_flow<S>(a, y, map, budgeted_options<S>(a, y));
}

template <class S>
MirrorFlowResult<S> certified_flow_limit(const Matrix<S>& a, const Vector<S>& y, const MirrorMap<S>& map) {
  if constexpr (std::is_same_v<S, double>) {
    return cold_flow_limit<double>(a, y, map);
  } else {
    // The same flow in double (data rounded to double).
    const Matrix<double> a_d = a.unaryExpr([](const S& v) { return scalar_cast<double>(v); });
    const Vector<double> y_d = y.unaryExpr([](const S& v) { return scalar_cast<double>(v); });
    MirrorMap<double> map_d;
    map_d.depth = map.depth;
    map_d.u0_power = map.u0_power.unaryExpr([](const S& v) { return scalar_cast<double>(v); });
    map_d.v0_power = map.v0_power.unaryExpr([](const S& v) { return scalar_cast<double>(v); });
    const bool representable = a_d.allFinite() && y_d.allFinite() && (map_d.u0_power.array() >= 0).all() &&
                               map_d.u0_power.allFinite() && (map_d.v0_power.array() >= 0).all() &&
                               map_d.v0_power.allFinite();
    std::string why = "data outside double's range";
    if (representable) {
      const MirrorFlowResult<double> warm = cold_flow_limit<double>(a_d, y_d, map_d);
      why = "the double run ended " + to_string(warm.status) + " (" + warm.message + ")";
      // Any finite end point in phi's domain will do (even one that ran out of
      // max_time or max_steps in double): the limit does not depend on it.
      const bool usable = warm.status != FlowStatus::kStepUnderflow && warm.status != FlowStatus::kInvalidOptions &&
                          warm.status != FlowStatus::kNotRun;
      if (usable && warm.lambda.size() == a.rows() && warm.lambda.allFinite() && warm.last_step > 0) {
        MirrorFlowOptions<S> options = budgeted_options<S>(a, y);
        options.initial_lambda = warm.lambda.template cast<S>();
        // The ODE is autonomous, so the clock may restart: after a double run
        // without its certificate (max_time, max_steps) its time and step say
        // nothing about the state, and the continuation starts at t = 0 with
        // the default first step (a step-size collapse measured against
        // t ~ 1e300 is what a kept clock gave).
        if (warm.ok()) {
          options.initial_time = S(warm.time);
          options.initial_step = S(warm.last_step);
        }
        why = "the double end point is outside phi's domain at this precision";
        if (map.in_domain(Vector<S>(a.transpose() * options.initial_lambda))) {
          MirrorFlowResult<S> result = mirror_flow<S>(a, y, map, options);
          result.warm_start_steps = warm.steps;
          if (result.status != FlowStatus::kStepUnderflow && result.status != FlowStatus::kInvalidOptions) {
            return result;
          }
          why = "the continuation ended " + to_string(result.status) + " (" + result.message + ")";
        }
      }
    }
    MirrorFlowResult<S> cold = cold_flow_limit<S>(a, y, map);
    cold.message += "; cold start: " + why;
    return cold;
  }
}

#define THMCHECK_CMR22_FLOW_LIMIT_INSTANTIATE(S)                                                                 \
  template MirrorFlowResult<S> certified_flow_limit<S>(const Matrix<S>&, const Vector<S>&, const MirrorMap<S>&); \
  template MirrorFlowResult<S> cold_flow_limit<S>(const Matrix<S>&, const Vector<S>&, const MirrorMap<S>&);
THMCHECK_CMR22_FLOW_LIMIT_INSTANTIATE(double)
THMCHECK_CMR22_FLOW_LIMIT_INSTANTIATE(Mp50)
THMCHECK_CMR22_FLOW_LIMIT_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
