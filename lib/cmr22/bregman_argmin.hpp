// argmin over S+ = {z >= 0 : A z = y} of a separable strictly convex function
//   phi(z) = sum_n p_n psi(z_n) + q_n z_n,   p_n > 0,
//   psi(z) = z log z - z (L = 2),   psi(z) = -z^{2/L} (L > 2),
// which covers the paper's g_{x~0} of Theorem 2.2 / (19) and D_F(., x~0) of
// (20)-(21) (psi' -> -inf at 0, so the minimizer is interior when S+ has an
// interior point). Solved by damped Newton (Armijo backtracking) on the concave
// dual D(nu) = min_z phi(z) + nu^T (A z - y), whose inner minimizer is explicit
// per coordinate; the iterate z(nu) > 0 is dual-feasible by construction and
// the primal residual A z - y is the certificate. It never integrates a flow:
// it is the second route to the flow's limit.
#pragma once

#include <string>

#include "thmcheck/numerics/scalar.hpp"

namespace thmcheck::cmr22 {

/// The separable objective p_n psi(z_n) + q_n z_n with psi fixed by depth.
template <class Scalar>
struct SeparableObjective {
  int depth = 2;
  Vector<Scalar> p;  ///< > 0
  Vector<Scalar> q;
  Scalar value(const Vector<Scalar>& z) const;
};

/// The paper's g_{x~0} (Theorem 2.2, (19)): L = 2: <z, log z - 1 - log x~0>;
/// L > 2: 2 ||z||_1 - L <z^{2/L}, x~0^{1-2/L}>.
template <class Scalar>
SeparableObjective<Scalar> paper_g(const Vector<Scalar>& x0_power, int depth);
/// D_F(z, x~0) up to a constant, F of (21): L = 2: 1/2 (z log z - z) - 1/2 log(x~0) z;
/// L > 2: L/(2(L-2)) psi(z) + x~0^{2/L-1}/(L-2) z.
template <class Scalar>
SeparableObjective<Scalar> bregman_objective(const Vector<Scalar>& x0_power, int depth);

/// Result of bregman_argmin.
template <class Scalar>
struct BregmanArgminResult {
  bool converged = false;
  std::string message = "bregman_argmin was not called";
  Vector<Scalar> z;
  Scalar kkt_residual = -1;  ///< ||A z - y||_2 at the end (stationarity holds exactly)
  Scalar last_step = -1;     ///< ||dz||_1 of the last full Newton step (quadratic phase: error << this)
  int iterations = -1;
};

/// Minimizes objective over S+; stops when ||A z - y|| <= tolerance (1 + ||y||_inf) and the last Newton step has ||dz||_1 <= step_tolerance.
template <class Scalar>
BregmanArgminResult<Scalar> bregman_argmin(const Matrix<Scalar>& a, const Vector<Scalar>& y,
                                           const SeparableObjective<Scalar>& objective,
                                           const Scalar& tolerance, const Scalar& step_tolerance,
                                           int max_iterations = 500);

#define THMCHECK_CMR22_BREGMAN_EXTERN(S)                                                      \
  extern template struct SeparableObjective<S>;                                               \
  extern template SeparableObjective<S> paper_g<S>(const Vector<S>&, int);                    \
  extern template SeparableObjective<S> bregman_objective<S>(const Vector<S>&, int);          \
  extern template BregmanArgminResult<S> bregman_argmin<S>(const Matrix<S>&, const Vector<S>&, \
                                                           const SeparableObjective<S>&,      \
                                                           const S&, const S&, int);
THMCHECK_CMR22_BREGMAN_EXTERN(double)
THMCHECK_CMR22_BREGMAN_EXTERN(Mp50)
THMCHECK_CMR22_BREGMAN_EXTERN(Mp100)
#undef THMCHECK_CMR22_BREGMAN_EXTERN

}  // namespace thmcheck::cmr22
