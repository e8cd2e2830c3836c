#include "thmcheck/cmr22/gradient_flow.hpp"

#include "thmcheck/cmr22/log_flow.hpp"

#include <boost/numeric/odeint.hpp>

#include <vector>

// Boost 1.74's Odeint finds a state's scalar type by following ::value_type
// until it stops; Boost.Multiprecision numbers define value_type as
// themselves, so the recursion never ends. Stop it at the MPFR types.
namespace boost::numeric::odeint::detail {
// (A full specialization: a partial one on MpFloat<Digits> would be ambiguous
// with Odeint's own enable_if partial specialization.)
template <>
struct extract_value_type<thmcheck::Mp50, void> {
  using type = thmcheck::Mp50;
};
template <>
struct extract_value_type<thmcheck::Mp100, void> {
  using type = thmcheck::Mp100;
};
}  // namespace boost::numeric::odeint::detail

namespace thmcheck::cmr22 {

std::string to_string(FlowStatus s) {
  switch (s) {
    case FlowStatus::kNotRun: return "not_run";
    case FlowStatus::kConverged: return "converged";
    case FlowStatus::kReachedTime: return "reached_time";
    case FlowStatus::kMaxSteps: return "max_steps";
    case FlowStatus::kMaxTime: return "max_time";
    case FlowStatus::kStepUnderflow: return "step_underflow";
    case FlowStatus::kInvalidOptions: return "invalid_options";
    case FlowStatus::kStalled: return "stalled";
  }
  return "?";
}

template <class Scalar>
std::string GradientFlowOptions<Scalar>::validate() const {
  if (!(absolute_tolerance > 0) || !(relative_tolerance >= 0)) return "tolerances must be positive";
  if (!(residual_tolerance > 0) || !(change_tolerance > 0)) return "certificate tolerances must be positive";
  if (!(initial_step > 0)) return "initial_step must be positive";
  if (!(max_time > 0)) return "max_time must be positive";
  if (stop_time < 0) return "stop_time must be >= 0";
  if (max_steps < 1) return "max_steps must be >= 1";
  return "";
}

template <class Scalar, class Problem>
GradientFlowResult<Scalar> gradient_flow(const Problem& problem, const Vector<Scalar>& theta0,
                                         const GradientFlowOptions<Scalar>& options,
                                         const FlowObserver<Scalar>& observer) {
  namespace odeint = boost::numeric::odeint;
  using State = std::vector<Scalar>;
  GradientFlowResult<Scalar> result;
  if (std::string bad = options.validate(); !bad.empty()) {
    result.status = FlowStatus::kInvalidOptions;
    result.message = "invalid options: " + bad;
    return result;
  }
  const Eigen::Index p = theta0.size();
  long evaluations = 0;
  auto system = [&](const State& x, State& dxdt, const Scalar&) {
    Eigen::Map<const Vector<Scalar>> theta(x.data(), p);
    Vector<Scalar> g = problem.gradient(Vector<Scalar>(theta));
    for (Eigen::Index i = 0; i < p; ++i) dxdt[i] = -g(i);
    ++evaluations;
  };
  using Stepper = odeint::runge_kutta_dopri5<State, Scalar, State, Scalar>;
  auto stepper = odeint::make_controlled<Stepper>(options.absolute_tolerance,
                                                 options.relative_tolerance);
  State x(theta0.data(), theta0.data() + p);
  Scalar t = 0, dt = options.initial_step;
  const bool to_time = options.stop_time > 0;
  auto to_vector = [&](const State& s) {
    return Vector<Scalar>(Eigen::Map<const Vector<Scalar>>(s.data(), p));
  };
  auto residual = [&](const Vector<Scalar>& prod) { return Scalar((problem.a * prod - problem.y).norm()); };
  Vector<Scalar> checkpoint = problem.product(theta0);
  Scalar checkpoint_time = 0;
  result.steps = 0;
  result.rejected_steps = 0;
  auto finish = [&](FlowStatus status, std::string message) {
    result.status = status;
    result.message = std::move(message);
    result.theta = to_vector(x);
    result.product = problem.product(result.theta);
    result.residual_norm = residual(result.product);
    result.time = t;
    result.gradient_evaluations = evaluations;
    return result;
  };
  while (true) {
    if (to_time && t + dt > options.stop_time) dt = options.stop_time - t;
    const Scalar t_before = t;
    odeint::controlled_step_result r = stepper.try_step(system, x, t, dt);
    if (r == odeint::fail) {
      ++result.rejected_steps;
      if (!(dt > t_before * Scalar(1e-30) + Scalar(1e-300)) || !is_finite(dt)) {
        return finish(FlowStatus::kStepUnderflow, "step size underflow");
      }
      continue;
    }
    ++result.steps;
    bool finite = true;
    for (const Scalar& v : x) finite = finite && is_finite(v);
    if (!finite) return finish(FlowStatus::kStepUnderflow, "non-finite state");
    const Vector<Scalar> theta = to_vector(x);
    if (observer && observer(t, theta)) return finish(FlowStatus::kReachedTime, "stopped by observer");
    if (to_time && !(t < options.stop_time)) return finish(FlowStatus::kReachedTime, "reached stop_time");
    if (!to_time && t >= 2 * checkpoint_time) {
      const Vector<Scalar> prod = problem.product(theta);
      result.change = (prod - checkpoint).template lpNorm<1>();
      checkpoint = prod;
      checkpoint_time = t;
      if (residual(prod) <= options.residual_tolerance && result.change <= options.change_tolerance) {
        return finish(FlowStatus::kConverged, "residual and change below tolerances");
      }
    }
    if (result.steps >= options.max_steps) return finish(FlowStatus::kMaxSteps, "max_steps reached");
    if (t >= options.max_time) return finish(FlowStatus::kMaxTime, "max_time reached");
  }
}

#define THMCHECK_CMR22_FLOW_INSTANTIATE(S)                                                      \
  template struct GradientFlowOptions<S>;                                                       \
  template GradientFlowResult<S> gradient_flow<S, ReducedLoss<S>>(                              \
      const ReducedLoss<S>&, const Vector<S>&, const GradientFlowOptions<S>&,                   \
      const FlowObserver<S>&);                                                                  \
  template GradientFlowResult<S> gradient_flow<S, ReducedLossPm<S>>(                            \
      const ReducedLossPm<S>&, const Vector<S>&, const GradientFlowOptions<S>&,                 \
      const FlowObserver<S>&);                                                                  \
  template GradientFlowResult<S> gradient_flow<S, OverLoss<S>>(                                 \
      const OverLoss<S>&, const Vector<S>&, const GradientFlowOptions<S>&,                      \
      const FlowObserver<S>&);                                                                  \
  template GradientFlowResult<S> gradient_flow<S, OverLossPm<S>>(                               \
      const OverLossPm<S>&, const Vector<S>&, const GradientFlowOptions<S>&,                    \
      const FlowObserver<S>&);                                                                  \
  template GradientFlowResult<S> gradient_flow<S, ReducedLossWithDissipation<S>>(               \
      const ReducedLossWithDissipation<S>&, const Vector<S>&, const GradientFlowOptions<S>&,    \
      const FlowObserver<S>&);                                                                  \
  template GradientFlowResult<S> gradient_flow<S, LogReducedLossWithDissipation<S>>(            \
      const LogReducedLossWithDissipation<S>&, const Vector<S>&, const GradientFlowOptions<S>&, \
      const FlowObserver<S>&);
THMCHECK_CMR22_FLOW_INSTANTIATE(double)
THMCHECK_CMR22_FLOW_INSTANTIATE(Mp50)
THMCHECK_CMR22_FLOW_INSTANTIATE(Mp100)

}  // namespace thmcheck::cmr22
