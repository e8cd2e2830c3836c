// The cmr22 gradient flows in dual coordinates.
//
// Change of variables (exact; derived here, it uses none of the paper's
// theorems). Along u' = -L [A^T r] (.) u^{L-1}, v' = +L [A^T r] (.) v^{L-1}
// (eq. (35); the positive case (18) is v absent), r = A x~ - y, let
// lambda(t) = int_0^t r(s) ds and w = A^T lambda. Coordinatewise,
//   L = 2:  d/dt log u_n = -2 w_n'          =>  u~_n = u~0_n exp(-4 w_n)
//   L > 2:  d/dt u_n^{2-L} = L(L-2) w_n'    =>  u~_n = (u~0_n^{(2-L)/L} + L(L-2) w_n)^{-L/(L-2)}
// with u~ = u^{(.)L}, and v~_n the same function of -w_n. Hence
// x~ = u~(w) - v~(-w) =: phi(A^T lambda), and the flow is the ODE in R^M
//   lambda' = A phi(A^T lambda) - y,   lambda(0) = 0,
// the gradient flow of the convex function Psi(lambda) = sum_n Phi_n((A^T lambda)_n) + <y, lambda>
// with Phi_n' = -phi_n (phi is decreasing: dphi_n/dw_n = -L^2 (u~_n^{2-2/L} + v~_n^{2-2/L})).
// Its Jacobian A diag(phi'(w)) A^T is symmetric negative semidefinite; small
// initializations make it stiff, so we integrate it with an L-stable
// Rosenbrock method. Errors in lambda do not change which initialization the
// flow remembers (u~0, v~0 enter phi exactly), which is why this route can
// reach the limit to many digits.
#pragma once

#include <functional>
#include <string>

#include "thmcheck/cmr22/gradient_flow.hpp"
#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// x~ as a function of w = A^T lambda (see the file comment). signed_case
/// false: the positive flow (18), x~ = u~(w) with u~0 = x~(0) = x0^{(.)L}.
template <class Scalar>
struct MirrorMap {
  int depth = 2;
  Vector<Scalar> u0_power;  ///< u~0 = u0^{(.)L} (>= 0; a zero coordinate stays 0)
  Vector<Scalar> v0_power;  ///< v~0 = v0^{(.)L} (>= 0); empty in the positive case
  bool signed_case() const { return v0_power.size() > 0; }
  /// True when every base u~0^{(2-L)/L} +- L(L-2) w is positive (always for L = 2).
  bool in_domain(const Vector<Scalar>& w) const;
  /// x~(w).
  Vector<Scalar> product(const Vector<Scalar>& w) const;
  /// dx~_n / dw_n (<= 0).
  Vector<Scalar> derivative(const Vector<Scalar>& w) const;
  /// u~(w) and v~(-w) separately (v~ empty in the positive case).
  void parts(const Vector<Scalar>& w, Vector<Scalar>& u_power, Vector<Scalar>& v_power) const;
};

/// Options of mirror_flow (ROS2 of Verwer et al. 1999, gamma = 1 + 1/sqrt 2,
/// with its embedded first-order error estimate h/2 (k1 + k2)).
template <class Scalar>
struct MirrorFlowOptions {
  Scalar absolute_tolerance = Scalar(1) / Scalar(1e8);  ///< local error on lambda, absolute
  Scalar relative_tolerance = Scalar(1) / Scalar(1e8);  ///< local error on lambda, relative
  Scalar residual_tolerance = Scalar(1) / Scalar(1e10); ///< certificate: ||A x~ - y|| <= this
  Scalar change_tolerance = Scalar(1) / Scalar(1e10);   ///< certificate: ||x~(t) - x~(t_c)||_1 <= this, t >= 2 t_c
  Scalar initial_step = Scalar(1) / 1000;
  Scalar max_time = Scalar(1e200);
  Scalar stop_time = 0;  ///< > 0: integrate exactly to this time, no certificate
  long max_steps = 200000;
  /// Warm start: lambda at initial_time (empty: lambda(0) = 0, initial_time 0).
  /// The flow from any lambda converges to the same limit (the unique
  /// minimizer of the strictly convex Psi in w = A^T lambda), so a start taken
  /// from a lower-precision run of the same flow does not change the limit.
  Vector<Scalar> initial_lambda;
  Scalar initial_time = 0;
  std::string validate() const;
};

/// What mirror_flow returns.
template <class Scalar>
struct MirrorFlowResult {
  FlowStatus status = FlowStatus::kNotRun;
  std::string message = "mirror_flow was not called";
  Vector<Scalar> lambda;      ///< lambda(t) = int_0^t r
  Vector<Scalar> product;     ///< x~(t) = phi(A^T lambda)
  Vector<Scalar> u_power;     ///< u~(t)
  Vector<Scalar> v_power;     ///< v~(t) (empty in the positive case)
  Scalar time = 0;
  Scalar residual_norm = -1;  ///< ||A x~ - y||_2
  Scalar change = -1;         ///< ||x~(t) - x~(t_c)||_1 at the last checkpoint
  long steps = -1;
  long rejected_steps = -1;
  long function_evaluations = -1;  ///< evaluations of A phi(A^T lambda) - y (one gradient each)
  long jacobian_evaluations = -1;
  Scalar last_step = 0;       ///< step size proposed after the last accepted step
  long warm_start_steps = 0;  ///< steps of a lower-precision run this one continued (flow_limit), 0 = cold start
  bool ok() const {
    return status == FlowStatus::kConverged || status == FlowStatus::kReachedTime ||
           status == FlowStatus::kStalled;
  }
};

/// Observer of mirror_flow: observer(t, lambda) after each accepted step; true stops.
template <class Scalar>
using MirrorObserver = std::function<bool(const Scalar&, const Vector<Scalar>&)>;

/// Integrates lambda' = A phi(A^T lambda) - y from lambda(0) = 0 (or from
/// options.initial_lambda at options.initial_time; the cmr22 gradient flow in
/// dual coordinates) until the certificate holds or to stop_time.
template <class Scalar>
MirrorFlowResult<Scalar> mirror_flow(const Matrix<Scalar>& a, const Vector<Scalar>& y,
                                     const MirrorMap<Scalar>& map,
                                     const MirrorFlowOptions<Scalar>& options,
                                     const MirrorObserver<Scalar>& observer = nullptr);

#define THMCHECK_CMR22_MIRROR_EXTERN(S)                                                       \
  extern template struct MirrorMap<S>;                                                        \
  extern template struct MirrorFlowOptions<S>;                                                \
  extern template MirrorFlowResult<S> mirror_flow<S>(const Matrix<S>&, const Vector<S>&,      \
                                                     const MirrorMap<S>&,                     \
                                                     const MirrorFlowOptions<S>&,             \
                                                     const MirrorObserver<S>&);
THMCHECK_CMR22_MIRROR_EXTERN(double)
THMCHECK_CMR22_MIRROR_EXTERN(Mp50)
THMCHECK_CMR22_MIRROR_EXTERN(Mp100)
#undef THMCHECK_CMR22_MIRROR_EXTERN

}  // namespace thmcheck::cmr22
