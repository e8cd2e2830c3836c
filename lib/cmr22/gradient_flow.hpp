// Gradient flow theta'(t) = -grad L(theta(t)) of a cmr22 factorized loss,
// integrated by Boost.Odeint's adaptive Dormand-Prince 5(4) controlled stepper,
// run until a stated convergence certificate holds (or to a fixed time).
#pragma once

#include <functional>
#include <string>

#include "thmcheck/cmr22/factorized_loss.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// The positive reduced flow (18) augmented with the dissipation integral
/// q(t) = int_0^t ||A x~ - y||^2 of Lemma 2.6: theta = [x; q], and
/// -gradient(theta) = [-grad L(x); ||A x^L - y||^2] so that gradient_flow
/// integrates both with one error control.
template <class Scalar>
struct ReducedLossWithDissipation {
  Matrix<Scalar> a;
  Vector<Scalar> y;
  int depth = 2;
  Vector<Scalar> product(const Vector<Scalar>& theta) const {
    return ReducedLoss<Scalar>{a, y, depth}.product(theta.head(a.cols()));
  }
  Scalar loss(const Vector<Scalar>& theta) const {
    return ReducedLoss<Scalar>{a, y, depth}.loss(theta.head(a.cols()));
  }
  Vector<Scalar> gradient(const Vector<Scalar>& theta) const {
    const ReducedLoss<Scalar> model{a, y, depth};
    Vector<Scalar> g(a.cols() + 1);
    g.head(a.cols()) = model.gradient(theta.head(a.cols()));
    g(a.cols()) = -(a * model.product(theta.head(a.cols())) - y).squaredNorm();
    return g;
  }
};

/// Why a flow integration stopped.
enum class FlowStatus {
  kNotRun,          ///< the solver was not called
  kConverged,       ///< ||A x~ - y|| <= residual_tolerance and ||x~(t) - x~(t_c)||_1 <= change_tolerance, t >= 2 t_c
  kReachedTime,     ///< integrated exactly to options.stop_time
  kMaxSteps,        ///< max_steps accepted steps without the certificate
  kMaxTime,         ///< reached max_time without the certificate
  kStepUnderflow,   ///< the step size collapsed (below 1e-30 of t or non-finite state)
  kInvalidOptions,  ///< options.validate() failed
  kStalled,         ///< three consecutive checkpoints with zero change of x~ (rounding floor) before the certificate; residual and change are recorded
};
std::string to_string(FlowStatus s);

/// Options of gradient_flow.
template <class Scalar>
struct GradientFlowOptions {
  Scalar absolute_tolerance = Scalar(1) / Scalar(1e10);  ///< local error control, absolute
  Scalar relative_tolerance = Scalar(1) / Scalar(1e10);  ///< local error control, relative
  /// Certificate: residual ||A x~ - y||_2 at most this ...
  Scalar residual_tolerance = Scalar(1) / Scalar(1e8);
  /// ... and the l1 change of x~ since the last checkpoint t_c (t >= 2 t_c) at most this.
  Scalar change_tolerance = Scalar(1) / Scalar(1e8);
  Scalar initial_step = Scalar(1) / 1000;
  Scalar max_time = Scalar(1e12);
  /// When > 0, integrate exactly to this time and stop (no certificate).
  Scalar stop_time = 0;
  long max_steps = 2000000;
  std::string validate() const;
};

/// What gradient_flow returns.
template <class Scalar>
struct GradientFlowResult {
  FlowStatus status = FlowStatus::kNotRun;
  std::string message = "gradient_flow was not called";
  Vector<Scalar> theta;      ///< final state
  Vector<Scalar> product;    ///< x~ at the final state
  Scalar time = 0;           ///< final time
  Scalar residual_norm = -1; ///< ||A x~ - y||_2 at the final state
  Scalar change = -1;        ///< ||x~(t) - x~(t_c)||_1 at the last checkpoint
  long steps = -1;           ///< accepted steps
  long rejected_steps = -1;
  long gradient_evaluations = -1;
  bool ok() const {
    return status == FlowStatus::kConverged || status == FlowStatus::kReachedTime ||
           status == FlowStatus::kStalled;
  }
};

/// Observer: called as observer(t, theta) after every accepted step; true stops.
template <class Scalar>
using FlowObserver = std::function<bool(const Scalar&, const Vector<Scalar>&)>;

/// Integrates theta' = -problem.gradient(theta), theta(0) = theta0 with
/// runge_kutta_dopri5 under Odeint's controlled stepper (local error <=
/// atol + rtol |theta|, Odeint's standard error checker). Problem is one of the
/// cmr22 losses (needs gradient, product, a, y).
template <class Scalar, class Problem>
GradientFlowResult<Scalar> gradient_flow(const Problem& problem, const Vector<Scalar>& theta0,
                                         const GradientFlowOptions<Scalar>& options,
                                         const FlowObserver<Scalar>& observer = nullptr);

#define THMCHECK_CMR22_FLOW_EXTERN(S)                                                    \
  extern template struct GradientFlowOptions<S>;                                         \
  extern template GradientFlowResult<S> gradient_flow<S, ReducedLoss<S>>(                \
      const ReducedLoss<S>&, const Vector<S>&, const GradientFlowOptions<S>&,            \
      const FlowObserver<S>&);                                                           \
  extern template GradientFlowResult<S> gradient_flow<S, ReducedLossPm<S>>(              \
      const ReducedLossPm<S>&, const Vector<S>&, const GradientFlowOptions<S>&,          \
      const FlowObserver<S>&);                                                           \
  extern template GradientFlowResult<S> gradient_flow<S, OverLoss<S>>(                   \
      const OverLoss<S>&, const Vector<S>&, const GradientFlowOptions<S>&,               \
      const FlowObserver<S>&);                                                           \
  extern template GradientFlowResult<S> gradient_flow<S, OverLossPm<S>>(                 \
      const OverLossPm<S>&, const Vector<S>&, const GradientFlowOptions<S>&,             \
      const FlowObserver<S>&);                                                           \
  extern template GradientFlowResult<S> gradient_flow<S, ReducedLossWithDissipation<S>>( \
      const ReducedLossWithDissipation<S>&, const Vector<S>&,                            \
      const GradientFlowOptions<S>&, const FlowObserver<S>&);
THMCHECK_CMR22_FLOW_EXTERN(double)
THMCHECK_CMR22_FLOW_EXTERN(Mp50)
THMCHECK_CMR22_FLOW_EXTERN(Mp100)
#undef THMCHECK_CMR22_FLOW_EXTERN

}  // namespace thmcheck::cmr22
